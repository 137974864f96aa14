// runtime.Caller, Callers, CallersFrames, FuncForPC (Name, FileLine,
// Entry) and NumGoroutine print what gc prints (file names without their
// directory; frames below main.main, which are the runtime's, left out).

package main

import (
	"fmt"
	"runtime"
	"strings"
)

func base(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

type T struct{}

func (T) where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", base(file), line, ok)
}

func (*T) self() string {
	pc, _, _, _ := runtime.Caller(0)
	return runtime.FuncForPC(pc).Name()
}

func trace() {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "main.") {
			break
		}
		fmt.Printf("%s %s:%d\n", f.Function, base(f.File), f.Line)
		if !more {
			break
		}
	}
}

func level2() { trace() }

func level1() {
	level2()
}

func main() {
	var t T
	fmt.Println(t.where())
	fmt.Println((&t).self())
	level1()
	func() {
		trace()
	}()

	pc, file, line, ok := runtime.Caller(0)
	f := runtime.FuncForPC(pc)
	ffile, fline := f.FileLine(pc)
	fmt.Println(f.Name(), base(file), line, ok, base(ffile), fline, f.Entry() <= pc)
	fmt.Println(runtime.FuncForPC(0) == nil)

	pcs := make([]uintptr, 8)
	n := runtime.Callers(0, pcs)
	fr, _ := runtime.CallersFrames(pcs[:n]).Next()
	fmt.Println(fr.Function, n > 1)

	_, _, _, ok = runtime.Caller(100)
	fmt.Println(ok)

	done := make(chan bool)
	go func() {
		_, file, line, _ := runtime.Caller(0)
		fmt.Println("goroutine", base(file), line, runtime.NumGoroutine())
		done <- true
	}()
	<-done
}
