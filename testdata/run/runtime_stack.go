// runtime.Stack (one goroutine and all), debug.Stack and debug.PrintStack:
// written to stderr, where the harness compares them frame by frame.

package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

func blocked(c chan int) {
	<-c
}

func show(all bool) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, all)
	os.Stderr.Write(buf[:n])
	os.Stderr.WriteString("--\n")
}

func nested() {
	show(false)
}

func main() {
	nested()
	c := make(chan int)
	go blocked(c)
	for i := 0; i < 3; i++ {
		runtime.Gosched()
	}
	show(true)
	os.Stderr.Write(debug.Stack())
	os.Stderr.WriteString("--\n")
	func() {
		debug.PrintStack()
	}()
	println(len(debug.Stack()) > 0)
}
