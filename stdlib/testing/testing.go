// Package testing provides support for automated testing of Go packages,
// run by `rgoc test` (which generates the test binary's main package).
//
// rgoc's version follows go 1.27's testing package in behaviour and output
// (=== RUN, --- FAIL: TestX (0.00s), PASS/FAIL, benchmark lines) without
// runtime.Caller, runtime.Goexit or generics: `rgoc test` rewrites calls
// of the logging methods in _test.go files to record their file:line
// first (RgocAt), and FailNow/SkipNow unwind the test goroutine with a
// panic that the test runner recovers.
package testing

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	initRan         bool
	matchRun        *string
	matchSkip       *string
	matchBenchmarks *string
	benchmarkMemory *bool
	benchTimeFlag   *string
	countFlag       *uint
	chattyFlag      *bool
	shortFlag       *bool
	timeoutFlag     *time.Duration
	failFastFlag    *bool
	listFlag        *string
	fuzzFlag        *string
	parallelFlag    *int
	cpuFlag         *string
	shuffleFlag     *string
	fullPathFlag    *bool
)

// Init registers the testing flags (MainStart calls it).
func Init() {
	if initRan {
		return
	}
	initRan = true
	shortFlag = flag.Bool("test.short", false, "run smaller test suite to save time")
	chattyFlag = flag.Bool("test.v", false, "verbose: print additional output")
	countFlag = flag.Uint("test.count", 1, "run tests and benchmarks `n` times")
	matchRun = flag.String("test.run", "", "run only tests and examples matching `regexp`")
	matchSkip = flag.String("test.skip", "", "do not list or run tests matching `regexp`")
	matchBenchmarks = flag.String("test.bench", "", "run only benchmarks matching `regexp`")
	benchmarkMemory = flag.Bool("test.benchmem", false, "print memory allocations for benchmarks")
	benchTimeFlag = flag.String("test.benchtime", "1s", "run each benchmark for duration `d` or N times if `d` is of the form Nx")
	timeoutFlag = flag.Duration("test.timeout", 0, "panic test binary after duration `d` (default 0, timeout disabled)")
	failFastFlag = flag.Bool("test.failfast", false, "do not start new tests after the first test failure")
	listFlag = flag.String("test.list", "", "list tests, examples, and benchmarks matching `regexp` then exit")
	fuzzFlag = flag.String("test.fuzz", "", "run the fuzz test matching `regexp`")
	parallelFlag = flag.Int("test.parallel", runtime.GOMAXPROCS(0), "run at most `n` tests in parallel")
	cpuFlag = flag.String("test.cpu", "", "comma-separated `list` of cpu counts to run each test with")
	shuffleFlag = flag.String("test.shuffle", "off", "randomize the execution order of tests and benchmarks")
	fullPathFlag = flag.Bool("test.fullpath", false, "show full file names in error messages")
	flag.String("test.coverprofile", "", "ignored by rgoc")
	flag.String("test.outputdir", "", "ignored by rgoc")
	flag.Bool("test.paniconexit0", false, "ignored by rgoc")
	flag.String("test.testlogfile", "", "ignored by rgoc")
	flag.String("test.gocoverdir", "", "ignored by rgoc")
}

// Short reports whether the -test.short flag is set.
func Short() bool {
	if shortFlag == nil {
		panic("testing: Short called before Init")
	}
	return *shortFlag
}

// Verbose reports whether the -test.v flag is set.
func Verbose() bool {
	if chattyFlag == nil {
		panic("testing: Verbose called before Init")
	}
	return *chattyFlag
}

// Testing reports whether the current code is being run in a test.
func Testing() bool { return initRan }

// CoverMode reports what the test coverage mode is set to ("" without -cover).
func CoverMode() string { return "" }

const indent = "    "

// failNow is the panic value FailNow and SkipNow unwind the test
// goroutine with (gc's testing package calls runtime.Goexit).
type failNowSignal struct{}

var errFailNow = &failNowSignal{}

type writer interface {
	Write(p []byte) (int, error)
}

// chattyPrinter prints -v output, announcing a change of test with
// "=== NAME".
type chattyPrinter struct {
	w        writer
	lastName string
}

func (p *chattyPrinter) Updatef(testName, format string, args ...any) {
	p.lastName = testName
	fmt.Fprintf(p.w, format, args...)
}

func (p *chattyPrinter) Printf(testName, format string, args ...any) {
	if p.lastName == "" {
		p.lastName = testName
	} else if p.lastName != testName {
		fmt.Fprintf(p.w, "=== NAME  %s\n", testName)
		p.lastName = testName
	}
	fmt.Fprintf(p.w, format, args...)
}

var outputMu sync.Mutex

// common holds the elements common between T, B and F.
type common struct {
	output   []byte
	w        writer
	toStdout bool // w is the real output (the root's)
	chatty   *chattyPrinter
	bench    bool

	name     string
	level    int
	parent   *common
	failed   bool
	skipped  bool
	finished bool
	done     bool
	ran      bool
	hasSub   bool
	cleanups []func()

	start    time.Time
	duration time.Duration

	signal     chan bool
	barrier    chan bool
	sub        []*T
	isParallel bool

	tempDir    string
	tempDirSeq int
	// ArtifactDir's directory, made at its first call.
	artifactDir string
	at         string
	pending    string
}

// indenter writes into c.output, indenting every line.
type indenter struct {
	c *common
}

func (w indenter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		end := strings.IndexByte(string(b), '\n')
		if end == -1 {
			end = len(b)
		} else {
			end++
		}
		w.c.output = append(w.c.output, indent...)
		w.c.output = append(w.c.output, b[:end]...)
		b = b[end:]
	}
	return n, nil
}

type stdoutWriter struct{}

func (stdoutWriter) Write(b []byte) (int, error) { return os.Stdout.Write(b) }

func fmtDuration(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// TB is the interface common to T, B, and F.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Chdir(dir string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	ArtifactDir() string
	RgocAt(pos string) *common
	RgocAtHelper(pos string) *common
	RgocPending(pos string)
	RgocPendingKeep(pos string)
}

var _ TB = (*T)(nil)
var _ TB = (*B)(nil)

// RgocAt records the file:line of the logging call that follows it
// (inserted by rgoc test in _test.go files; gc's testing package finds it
// with runtime.Caller).
func (c *common) RgocAt(pos string) *common {
	c.at = pos
	c.pending = ""
	return c
}

// RgocAtHelper is RgocAt inside a helper function: the position is the
// helper's caller's when a call of the helper recorded one.
func (c *common) RgocAtHelper(pos string) *common {
	if c.pending != "" {
		c.at = c.pending
	} else {
		c.at = pos
	}
	return c
}

// RgocPending records the position of a call of a helper function.
func (c *common) RgocPending(pos string) { c.pending = pos }

// RgocPendingKeep is RgocPending inside a helper: the outermost caller's
// position wins.
func (c *common) RgocPendingKeep(pos string) {
	if c.pending == "" {
		c.pending = pos
	}
}

func (c *common) callSite() string {
	at := c.at
	c.at = ""
	if at == "" {
		return "???:1: "
	}
	return at + ": "
}

// Name returns the name of the running test or benchmark.
func (c *common) Name() string { return c.name }

func (c *common) setRan() {
	if c.parent != nil {
		c.parent.setRan()
	}
	c.ran = true
}

// Fail marks the function as having failed but continues execution.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	if c.done {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the function has failed.
func (c *common) Failed() bool { return c.failed }

// FailNow marks the function as having failed and stops its execution.
func (c *common) FailNow() {
	c.Fail()
	c.finished = true
	panic(errFailNow)
}

func (c *common) destination() *common {
	if !c.done {
		return c
	}
	for p := c.parent; p != nil; p = p.parent {
		if !p.done {
			return p
		}
	}
	return nil
}

// log writes s (with the call site) to the test's output.
func (c *common) log(s string) {
	site := c.callSite()
	s = strings.TrimSuffix(s, "\n")
	s = strings.ReplaceAll(s, "\n", "\n"+indent)
	s += "\n"
	n := c.destination()
	if n == nil {
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
	s = site + s
	outputMu.Lock()
	defer outputMu.Unlock()
	for len(s) > 0 {
		end := strings.IndexByte(s, '\n')
		if end < 0 {
			end = len(s) - 1
		}
		line := s[:end+1]
		s = s[end+1:]
		if n.done || n.chatty == nil {
			n.output = append(n.output, indent...)
			n.output = append(n.output, line...)
		} else if n.bench {
			fmt.Printf("%s%s", indent, line)
		} else {
			n.chatty.Printf(n.name, "%s%s", indent, line)
		}
	}
}

// Log formats its arguments using default formatting, analogous to Println.
func (c *common) Log(args ...any) { c.log(fmt.Sprintln(args...)) }

// Logf formats its arguments according to the format, analogous to Printf.
func (c *common) Logf(format string, args ...any) { c.log(fmt.Sprintf(format, args...)) }

// Error is equivalent to Log followed by Fail.
func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.Fail()
}

// Errorf is equivalent to Logf followed by Fail.
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.Fail()
}

// Fatal is equivalent to Log followed by FailNow.
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.FailNow()
}

// Fatalf is equivalent to Logf followed by FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.FailNow()
}

// Skip is equivalent to Log followed by SkipNow.
func (c *common) Skip(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.SkipNow()
}

// Skipf is equivalent to Logf followed by SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.SkipNow()
}

// SkipNow marks the test as having been skipped and stops its execution.
func (c *common) SkipNow() {
	c.skipped = true
	c.finished = true
	panic(errFailNow)
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool { return c.skipped }

// Helper marks the calling function as a test helper function. rgoc
// reports the line of the logging call itself (it has no call stack to
// walk).
func (c *common) Helper() {}

// Cleanup registers a function to be called when the test (or subtest)
// and all its subtests complete, last added first called.
func (c *common) Cleanup(f func()) {
	c.cleanups = append(c.cleanups, f)
}

func (c *common) runCleanup() (panicVal any) {
	defer func() {
		if r := recover(); r != nil && r != errFailNow {
			panicVal = r
		}
	}()
	for len(c.cleanups) > 0 {
		f := c.cleanups[len(c.cleanups)-1]
		c.cleanups = c.cleanups[:len(c.cleanups)-1]
		f()
	}
	return nil
}

var tempSeq int

// TempDir returns a temporary directory for the test to use (a new one
// at each call), removed with the test binary's temporary directory.
func (c *common) TempDir() string {
	if c.tempDir == "" {
		pattern := c.name
		mapper := func(r rune) rune {
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
				return r
			}
			return -1
		}
		pattern = strings.Map(mapper, pattern)
		for {
			tempSeq++
			d := fmt.Sprintf("%s/%s%d%d", os.TempDir(), pattern, time.Now().UnixNano()%1000000, tempSeq)
			err := os.Mkdir(d, 0o777)
			if err == nil {
				c.tempDir = d
				break
			}
			if !os.IsExist(err) {
				c.Fatalf("TempDir: %v", err)
			}
		}
	}
	c.tempDirSeq++
	dir := fmt.Sprintf("%s/%03d", c.tempDir, c.tempDirSeq)
	if err := os.Mkdir(dir, 0o777); err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	return dir
}

// ArtifactDir returns a directory in which the test should store output
// files; repeated calls in the same test return the same directory. rgoc
// test has no -artifacts flag, so it is a temporary directory, removed as
// TempDir's are (gc's behaviour without the flag).
func (c *common) ArtifactDir() string {
	if c.artifactDir == "" {
		c.artifactDir = c.TempDir()
	}
	return c.artifactDir
}

// Setenv calls os.Setenv(key, value) and uses Cleanup to restore the
// environment variable to its original value after the test.
func (c *common) Setenv(key, value string) {
	prev, ok := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatalf("cannot set environment variable: %v", err)
	}
	if ok {
		c.Cleanup(func() { os.Setenv(key, prev) })
	} else {
		c.Cleanup(func() { os.Unsetenv(key) })
	}
}

// Chdir is not supported by rgoc's os package yet: the test fails.
func (c *common) Chdir(dir string) {
	c.Fatalf("testing: Chdir is not supported by rgoc")
}

// flushToParent writes c.output to the parent after the header.
func (c *common) flushToParent(testName, format string, args ...any) {
	p := c.parent
	outputMu.Lock()
	defer outputMu.Unlock()
	if len(c.output) > 0 {
		format += "%s"
		args = append(args[:len(args):len(args)], string(c.output))
		c.output = c.output[:0]
	}
	if c.chatty != nil && p.toStdout {
		c.chatty.Updatef(testName, format, args...)
	} else {
		fmt.Fprintf(p.w, format, args...)
	}
}

// T is a type passed to Test functions to manage test state.
type T struct {
	common
	ctx *testContext
}

type testContext struct {
	match    *matcher
	deadline time.Time
}

// numFailed counts the failed tests (for -failfast).
var numFailed int

func shouldFailFast() bool { return *failFastFlag && numFailed > 0 }

// Parallel signals that this test is to be run in parallel with (and only
// with) other parallel tests.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	if t.parent.barrier == nil {
		return
	}
	t.isParallel = true
	t.duration += time.Since(t.start)
	t.parent.sub = append(t.parent.sub, t)
	if t.chatty != nil {
		outputMu.Lock()
		t.chatty.Updatef(t.name, "=== PAUSE %s\n", t.name)
		outputMu.Unlock()
	}
	t.signal <- true
	<-t.parent.barrier
	if t.chatty != nil {
		outputMu.Lock()
		t.chatty.Updatef(t.name, "=== CONT  %s\n", t.name)
		outputMu.Unlock()
	}
	t.start = time.Now()
}

// Setenv calls os.Setenv and restores the variable after the test.
func (t *T) Setenv(key, value string) {
	if t.isParallel {
		panic("testing: test using t.Setenv or t.Chdir can not use t.Parallel")
	}
	t.common.Setenv(key, value)
}

// Deadline reports the time at which the test binary will have exceeded
// the timeout specified by the -timeout flag.
func (t *T) Deadline() (deadline time.Time, ok bool) {
	return t.ctx.deadline, !t.ctx.deadline.IsZero()
}

// InternalTest is an internal type but exported because it is
// cross-package; it is part of the implementation of the "go test" command.
type InternalTest struct {
	Name string
	F    func(*T)
}

func tRunner(t *T, fn func(t *T)) {
	defer func() {
		err := recover()
		if err == errFailNow {
			err = nil
		}
		if err != nil {
			// A panicking test: report it and its parents as failed, then
			// let the panic end the program.
			t.Fail()
			t.duration += time.Since(t.start)
			for root := &t.common; root.parent != nil; root = root.parent {
				root.flushToParent(root.name, "--- FAIL: %s (%s)\n", root.name, fmtDuration(root.duration))
			}
			panic(err)
		}
		if len(t.sub) > 0 {
			// Run the parallel subtests, then wait for all of them.
			t.duration += time.Since(t.start)
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			t.start = time.Now()
		}
		t.duration += time.Since(t.start)
		if p := t.runCleanup(); p != nil {
			panic(p)
		}
		t.report()
		t.done = true
		if t.parent != nil && t.failed {
			numFailed++
		}
		t.signal <- true
	}()
	t.start = time.Now()
	fn(t)
	t.finished = true
}

func (t *T) report() {
	if t.parent == nil {
		return
	}
	dstr := fmtDuration(t.duration)
	format := "--- %s: %s (%s)\n"
	if t.Failed() {
		t.flushToParent(t.name, format, "FAIL", t.name, dstr)
	} else if t.chatty != nil {
		if t.Skipped() {
			t.flushToParent(t.name, format, "SKIP", t.name, dstr)
		} else {
			t.flushToParent(t.name, format, "PASS", t.name, dstr)
		}
	}
}

// Run runs f as a subtest of t called name, in a separate goroutine, and
// blocks until f returns or calls t.Parallel.
func (t *T) Run(name string, f func(t *T)) bool {
	t.hasSub = true
	testName, ok, _ := t.ctx.match.fullName(&t.common, name)
	if !ok || shouldFailFast() {
		return true
	}
	sub := &T{
		common: common{
			barrier: make(chan bool),
			signal:  make(chan bool, 1),
			name:    testName,
			parent:  &t.common,
			level:   t.level + 1,
			chatty:  t.chatty,
		},
		ctx: t.ctx,
	}
	sub.w = indenter{&sub.common}
	if sub.chatty != nil {
		outputMu.Lock()
		sub.chatty.Updatef(sub.name, "=== RUN   %s\n", sub.name)
		outputMu.Unlock()
	}
	sub.setRan()
	outputMu.Lock()
	runningTests = append(runningTests, sub)
	outputMu.Unlock()
	go tRunner(sub, f)
	<-sub.signal
	return !sub.failed
}

// M is a type passed to a TestMain function to run the actual tests.
type M struct {
	tests       []InternalTest
	benchmarks  []InternalBenchmark
	fuzzTargets []InternalFuzzTarget
	examples    []InternalExample
	importPath  string
	exitCode    int
	ran         bool
}

// MainStart is meant for use by tests generated by 'rgoc test'.
func MainStart(importPath string, tests []InternalTest, benchmarks []InternalBenchmark, fuzzTargets []InternalFuzzTarget, examples []InternalExample) *M {
	Init()
	return &M{tests: tests, benchmarks: benchmarks, fuzzTargets: fuzzTargets, examples: examples, importPath: importPath}
}

// RgocExitCode is the exit status of the last Run (the generated main
// exits with it after TestMain).
func (m *M) RgocExitCode() int { return m.exitCode }

// RgocRan reports whether Run was called (TestMain must call it).
func (m *M) RgocRan() bool { return m.ran }

// Run runs the tests. It returns an exit code to pass to os.Exit.
func (m *M) Run() (code int) {
	m.ran = true
	if !flag.Parsed() {
		flag.Parse()
	}
	if *parallelFlag < 1 {
		fmt.Fprintln(os.Stderr, "testing: -parallel can only be given a positive integer")
		m.exitCode = 2
		return m.exitCode
	}
	if *listFlag != "" {
		listTests(m)
		m.exitCode = 0
		return 0
	}
	var deadline time.Time
	if *timeoutFlag > 0 {
		deadline = time.Now().Add(*timeoutFlag)
		d := *timeoutFlag
		go func() {
			time.Sleep(d)
			alarm(d)
		}()
	}
	testRan, testOk := runTests(m, deadline)
	fuzzRan, fuzzOk := runFuzzTests(m, deadline)
	exampleRan, exampleOk := runExamples(m.examples)
	if !testRan && !exampleRan && !fuzzRan && *matchBenchmarks == "" {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	if !testOk || !exampleOk || !fuzzOk || !runBenchmarks(m.importPath, m.benchmarks) {
		fmt.Print("FAIL\n")
		m.exitCode = 1
		return 1
	}
	fmt.Print("PASS\n")
	m.exitCode = 0
	return 0
}

var runningTests []*T

func alarm(d time.Duration) {
	outputMu.Lock()
	fmt.Fprintf(os.Stderr, "panic: test timed out after %v\n", d)
	var names []string
	for _, t := range runningTests {
		if !t.done {
			names = append(names, fmt.Sprintf("\t\t%s (%v)\n", t.name, time.Since(t.start).Round(time.Second)))
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "\trunning tests:\n")
		for _, n := range names {
			fmt.Fprint(os.Stderr, n)
		}
	}
	os.Exit(2)
}

func listTests(m *M) {
	re := compileRegexp(*listFlag)
	for _, t := range m.tests {
		if re.match(t.Name) {
			fmt.Println(t.Name)
		}
	}
	for _, b := range m.benchmarks {
		if re.match(b.Name) {
			fmt.Println(b.Name)
		}
	}
	for _, f := range m.fuzzTargets {
		if re.match(f.Name) {
			fmt.Println(f.Name)
		}
	}
	for _, e := range m.examples {
		if re.match(e.Name) {
			fmt.Println(e.Name)
		}
	}
}

func runTests(m *M, deadline time.Time) (ran, ok bool) {
	ok = true
	ctx := &testContext{deadline: deadline}
	for i := uint(0); i < *countFlag; i++ {
		if shouldFailFast() {
			break
		}
		if i > 0 && !ran {
			break
		}
		ctx.match = newMatcher(*matchRun, *matchSkip)
		t := &T{
			common: common{
				signal:   make(chan bool, 1),
				barrier:  make(chan bool),
				w:        stdoutWriter{},
				toStdout: true,
			},
			ctx: ctx,
		}
		if Verbose() {
			t.chatty = &chattyPrinter{w: stdoutWriter{}}
		}
		tests := m.tests
		go tRunner(t, func(t *T) {
			for _, test := range tests {
				t.Run(test.Name, test.F)
			}
		})
		<-t.signal
		ok = ok && !t.Failed()
		ran = ran || t.ran
	}
	return ran, ok
}

// InternalExample is an internal type used by rgoc test.
type InternalExample struct {
	Name      string
	F         func()
	Output    string
	Unordered bool
}

func runExamples(examples []InternalExample) (ran, ok bool) {
	ok = true
	m := newMatcher(*matchRun, *matchSkip)
	for _, eg := range examples {
		_, matched, _ := m.fullName(nil, eg.Name)
		if !matched {
			continue
		}
		ran = true
		if !runExample(eg) {
			ok = false
		}
	}
	return ran, ok
}

func runExample(eg InternalExample) (ok bool) {
	if *chattyFlag {
		fmt.Printf("=== RUN   %s\n", eg.Name)
	}
	// Capture stdout in a file of the temporary directory.
	stdout := os.Stdout
	tempSeq++
	name := fmt.Sprintf("%s/rgoc-example-%d-%d", os.TempDir(), time.Now().UnixNano(), tempSeq)
	f, err := os.Create(name)
	if err != nil {
		fmt.Fprintf(os.Stderr, "testing: %v\n", err)
		os.Exit(1)
	}
	os.Stdout = f
	start := time.Now()
	finished := false
	var recovered any
	func() {
		defer func() {
			recovered = recover()
		}()
		eg.F()
		finished = true
	}()
	timeSpent := time.Since(start)
	os.Stdout = stdout
	f.Close()
	data, _ := os.ReadFile(name)
	os.Remove(name)
	return eg.processRunResult(string(data), timeSpent, finished, recovered)
}

func sortedLines(s string) []string {
	l := strings.Split(s, "\n")
	sort.Strings(l)
	return l
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (eg *InternalExample) processRunResult(stdout string, timeSpent time.Duration, finished bool, recovered any) (passed bool) {
	passed = true
	dstr := fmtDuration(timeSpent)
	var fail string
	got := strings.TrimSpace(stdout)
	want := strings.TrimSpace(eg.Output)
	if eg.Unordered {
		if !equalLines(sortedLines(got), sortedLines(want)) && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant (unordered):\n%s\n", stdout, eg.Output)
		}
	} else {
		if got != want && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant:\n%s\n", got, want)
		}
	}
	if fail != "" || !finished || recovered != nil {
		fmt.Printf("--- FAIL: %s (%s)\n%s", eg.Name, dstr, fail)
		passed = false
	} else if *chattyFlag {
		fmt.Printf("--- PASS: %s (%s)\n", eg.Name, dstr)
	}
	if recovered != nil {
		panic(recovered)
	} else if !finished {
		panic("test executed panic(nil) or runtime.Goexit")
	}
	return
}
