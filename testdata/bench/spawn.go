// Benchmark: goroutine spawning (1,000,000 short goroutines joined by a WaitGroup, in batches).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var total int64
	for batch := 0; batch < 10; batch++ {
		var wg sync.WaitGroup
		for i := 0; i < 100000; i++ {
			wg.Add(1)
			go func(n int) {
				atomic.AddInt64(&total, int64(n%7))
				wg.Done()
			}(i)
		}
		wg.Wait()
	}
	fmt.Println(total)
}
