// runtime.GOMAXPROCS at run time, NumGoroutine, NumCPU, LockOSThread.

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println(runtime.NumCPU() >= 1, runtime.GOMAXPROCS(0) >= 1)
	prev := runtime.GOMAXPROCS(3)
	fmt.Println(prev >= 1, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	res := make([]int, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := 0
			for j := 0; j < 100000; j++ {
				s += j % (i + 1)
			}
			res[i] = s
		}(i)
	}
	wg.Wait()
	fmt.Println(res)
	fmt.Println(runtime.GOMAXPROCS(1), runtime.GOMAXPROCS(0))
	block := make(chan bool)
	done := make(chan bool)
	for i := 0; i < 10; i++ {
		go func() {
			<-block
			done <- true
		}()
	}
	for runtime.NumGoroutine() < 11 {
		runtime.Gosched()
	}
	fmt.Println("goroutines:", runtime.NumGoroutine() >= 11)
	close(block)
	for i := 0; i < 10; i++ {
		<-done
	}
	runtime.GOMAXPROCS(prev)

	// A locked goroutine keeps running (and blocking) correctly.
	c := make(chan int)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for i := 0; i < 100; i++ {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
		runtime.Gosched()
	}
	fmt.Println("locked sum:", sum)
	runtime.LockOSThread()
	runtime.Gosched()
	runtime.UnlockOSThread()
	fmt.Println("ok")
}
