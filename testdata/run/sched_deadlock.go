// Deadlock detection with several Ms: goroutines blocked on a mutex, a
// WaitGroup and channels after running on other threads; when the last M
// goes idle the program dies with gc's report.

package main

import (
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			s := 0
			for j := 0; j < 100000; j++ {
				s += j
			}
			_ = s
			mu.Lock()
			wg.Done()
		}()
	}
	c := make(chan int)
	go func() {
		wg.Wait()
		c <- 1
	}()
	<-c
}
