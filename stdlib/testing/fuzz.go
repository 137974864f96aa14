package testing

import (
	"fmt"
	"os"
	"time"
)

// InternalFuzzTarget is an internal type but exported because it is
// cross-package; it is part of the implementation of the "go test" command.
type InternalFuzzTarget struct {
	Name string
	Fn   func(f *F)
}

// F is a type passed to fuzz tests. rgoc runs fuzz targets on their seed
// corpus (f.Add) as go test does without -fuzz; it does not fuzz.
type F struct {
	*T
	corpus     [][]any
	fuzzCalled bool
}

// Add will add the arguments to the seed corpus for the fuzz test.
func (f *F) Add(args ...any) {
	f.corpus = append(f.corpus, args)
}

// Fuzz runs the fuzz function ff on each seed corpus entry, as subtests
// seed#0, seed#1, ...
func (f *F) Fuzz(ff any) {
	if f.fuzzCalled {
		panic("testing: F.Fuzz called more than once")
	}
	f.fuzzCalled = true
	for i, args := range f.corpus {
		args := args
		f.T.Run(fmt.Sprintf("seed#%d", i), func(t *T) {
			callFuzz(t, ff, args)
		})
	}
}

func callFuzz(t *T, ff any, args []any) {
	bad := func() {
		t.Fatalf("rgoc: unsupported fuzz function %T for seed of %d values", ff, len(args))
	}
	switch fn := ff.(type) {
	case func(*T):
		fn(t)
	case func(*T, []byte):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].([]byte))
	case func(*T, string):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(string))
	case func(*T, int):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(int))
	case func(*T, int64):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(int64))
	case func(*T, uint):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(uint))
	case func(*T, uint64):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(uint64))
	case func(*T, float64):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(float64))
	case func(*T, bool):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(bool))
	case func(*T, byte):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(byte))
	case func(*T, rune):
		if len(args) != 1 {
			bad()
		}
		fn(t, args[0].(rune))
	case func(*T, string, int):
		if len(args) != 2 {
			bad()
		}
		fn(t, args[0].(string), args[1].(int))
	case func(*T, int, string):
		if len(args) != 2 {
			bad()
		}
		fn(t, args[0].(int), args[1].(string))
	case func(*T, int, int):
		if len(args) != 2 {
			bad()
		}
		fn(t, args[0].(int), args[1].(int))
	case func(*T, string, string):
		if len(args) != 2 {
			bad()
		}
		fn(t, args[0].(string), args[1].(string))
	case func(*T, []byte, int):
		if len(args) != 2 {
			bad()
		}
		fn(t, args[0].([]byte), args[1].(int))
	case func(*T, []byte, []byte):
		if len(args) != 2 {
			bad()
		}
		fn(t, args[0].([]byte), args[1].([]byte))
	default:
		bad()
	}
}

func runFuzzTests(m *M, deadline time.Time) (ran, ok bool) {
	if len(m.fuzzTargets) == 0 {
		return false, true
	}
	if *fuzzFlag != "" {
		fmt.Fprintln(os.Stderr, "testing: rgoc does not fuzz (-fuzz); fuzz targets run on their seed corpus")
	}
	ok = true
	ctx := &testContext{deadline: deadline}
	for i := uint(0); i < *countFlag; i++ {
		if shouldFailFast() {
			break
		}
		ctx.match = newMatcher(*matchRun, *matchSkip)
		root := &T{
			common: common{
				signal:   make(chan bool, 1),
				barrier:  make(chan bool),
				w:        stdoutWriter{},
				toStdout: true,
			},
			ctx: ctx,
		}
		if Verbose() {
			root.chatty = &chattyPrinter{w: stdoutWriter{}}
		}
		targets := m.fuzzTargets
		go tRunner(root, func(t *T) {
			for _, ft := range targets {
				fn := ft.Fn
				t.Run(ft.Name, func(t *T) {
					fn(&F{T: t})
				})
			}
		})
		<-root.signal
		ok = ok && !root.Failed()
		ran = ran || root.ran
	}
	return ran, ok
}
