// GOTRACEBACK=all (set with debug.SetTraceback): the panicking goroutine's
// traceback, then every other goroutine's, with their wait states.

package main

import (
	"runtime"
	"runtime/debug"
)

func waiter(c chan int) {
	<-c
}

func sender(c chan int) {
	c <- 1
}

func boom(n int) {
	if n == 0 {
		panic("boom")
	}
	boom(n - 1)
}

func main() {
	debug.SetTraceback("all")
	a := make(chan int)
	b := make(chan int)
	go waiter(a)
	go sender(b)
	for i := 0; i < 3; i++ {
		// Let both goroutines block.
		runtime.Gosched()
	}
	boom(2)
}
