// A goroutine spinning in `for {}` (no calls, no channel operations) does
// not stop the others: the scheduler preempts it at a loop back edge, also
// with GOMAXPROCS=1.

package main

import (
	"fmt"
	"runtime"
)

var sink int

func spin() {
	for {
		sink++
	}
}

func spinRange(n int) {
	for {
		for i := range n {
			sink += i
		}
	}
}

func main() {
	go spin()
	go spinRange(1000)
	runtime.Gosched()
	c := make(chan int)
	for i := 0; i < 4; i++ {
		go func(i int) {
			s := 0
			for j := 0; j <= 1000; j++ {
				s += j
			}
			c <- s + i
		}(i)
	}
	total := 0
	for i := 0; i < 4; i++ {
		total += <-c
	}
	fmt.Println("total", total)
	for i := 0; i < 3; i++ {
		runtime.Gosched()
	}
	fmt.Println("main done")
}
