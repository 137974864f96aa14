// runtime.Goexit runs the goroutine's deferred calls (recover returns nil
// in them) and ends only that goroutine; when the main goroutine calls it
// and the others end, gc's `no goroutines` fatal error, exit status 2.

package main

import (
	"fmt"
	"runtime"
)

func worker(done chan string) {
	defer func() {
		done <- fmt.Sprint("recovered: ", recover())
	}()
	defer fmt.Println("deferred in worker")
	func() {
		defer fmt.Println("deferred in inner")
		runtime.Goexit()
	}()
	fmt.Println("not reached")
}

func main() {
	done := make(chan string)
	go worker(done)
	fmt.Println(<-done)
	fin := make(chan bool)
	go func() {
		<-fin
		fmt.Println("last goroutine ends")
	}()
	// The goroutine is released only after main's deferred call has
	// printed, so the order of the two lines is fixed.
	defer func() {
		fmt.Println("main's deferred call")
		close(fin)
	}()
	runtime.Goexit()
}
