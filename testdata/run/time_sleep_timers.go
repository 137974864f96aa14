// time.Sleep parks goroutines on runtime timers: many sleepers wake, each
// after at least its duration; a sleeper wakes while another goroutine
// spins; runtime.NumGoroutine counts the goroutines; a program whose only other
// goroutine sleeps is not deadlocked until that sleeper is done.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var woke []int
	var wg sync.WaitGroup
	bad := 0
	start := make(chan bool)
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			d := time.Duration(i%10) * time.Millisecond
			t0 := time.Now()
			time.Sleep(d)
			if time.Since(t0) < d {
				mu.Lock()
				bad++
				mu.Unlock()
			}
			mu.Lock()
			woke = append(woke, i)
			mu.Unlock()
		}(i)
	}
	fmt.Println("goroutines > 200:", runtime.NumGoroutine() > 200)
	close(start)
	wg.Wait()
	sort.Ints(woke)
	fmt.Println("woke:", len(woke), woke[0], woke[199], "early:", bad)

	// A sleeper wakes although the other goroutine never blocks.
	stop := make(chan bool)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				return
			default:
				n++
			}
		}
	}()
	t0 := time.Now()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("slept past spinner:", time.Since(t0) >= 5*time.Millisecond)
	stop <- true

	// Timers, After and AfterFunc ride on Sleep.
	tm := time.NewTimer(2 * time.Millisecond)
	<-tm.C
	<-time.After(time.Millisecond)
	done := make(chan string)
	time.AfterFunc(time.Millisecond, func() { done <- "afterfunc" })
	fmt.Println("timer", <-done)

	// Only a sleeper left besides main, which then blocks forever: a
	// deadlock, reported once the sleeper has finished.
	go func() {
		time.Sleep(3 * time.Millisecond)
		fmt.Println("last sleeper done")
	}()
	select {}
}
