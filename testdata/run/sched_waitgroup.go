// WaitGroup, Mutex and atomics over 100,000 goroutines on every P.

package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 100000
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total int64
	locked := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			atomic.AddInt64(&total, int64(i))
			mu.Lock()
			locked++
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(total == int64(n)*(n-1)/2, locked)

	// RWMutex: readers and writers interleaved.
	var rw sync.RWMutex
	shared := 0
	var wg2 sync.WaitGroup
	var bad int32
	for i := 0; i < 2000; i++ {
		wg2.Add(1)
		if i%10 == 0 {
			go func() {
				defer wg2.Done()
				rw.Lock()
				shared++
				v := shared
				runtime.Gosched()
				if shared != v {
					atomic.AddInt32(&bad, 1)
				}
				rw.Unlock()
			}()
		} else {
			go func() {
				defer wg2.Done()
				rw.RLock()
				v := shared
				runtime.Gosched()
				if shared != v {
					atomic.AddInt32(&bad, 1)
				}
				rw.RUnlock()
			}()
		}
	}
	wg2.Wait()
	fmt.Println(shared, atomic.LoadInt32(&bad))

	// Once under contention.
	var once sync.Once
	var calls int32
	var wg3 sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			once.Do(func() { atomic.AddInt32(&calls, 1) })
		}()
	}
	wg3.Wait()
	fmt.Println("once calls:", calls)

	// Cond broadcast to many waiters.
	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	started, woke := 0, 0
	var wg4 sync.WaitGroup
	for i := 0; i < 500; i++ {
		wg4.Add(1)
		go func() {
			defer wg4.Done()
			cmu.Lock()
			started++
			for started < 1000 {
				cond.Wait()
			}
			woke++
			cmu.Unlock()
		}()
	}
	for {
		cmu.Lock()
		if started == 500 {
			started = 1000
			cond.Broadcast()
			cmu.Unlock()
			break
		}
		cmu.Unlock()
		runtime.Gosched()
	}
	wg4.Wait()
	fmt.Println("cond woke:", woke)
}
