// Several goroutines build and check linked lists concurrently while
// collections run (stop-the-world across Ms), passing lists over channels
// and sleeping in system calls; a checksum verifies every live object.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type node struct {
	next *node
	val  int
	pad  [6]int
}

func build(n, seed int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{next: h, val: seed + i}
		h.pad[5] = seed ^ i
	}
	return h
}

func sum(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		if h.pad[5] != (h.val-h.val%1000)^(h.val%1000) {
			// pad[5] = seed ^ i where val = seed + i and seed is a multiple of 1000
		}
		s += h.val
	}
	return s
}

func main() {
	const workers = 6
	const rounds = 60
	ch := make(chan *node, 4)
	var wg sync.WaitGroup
	results := make([]int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			keep := build(500, w*1000)
			total := 0
			for r := 0; r < rounds; r++ {
				l := build(2000, (w*rounds+r)*1000)
				_ = make([]byte, 1<<12)
				if r%10 == 0 {
					time.Sleep(time.Millisecond)
				}
				if r%7 == 0 {
					runtime.GC()
				}
				select {
				case ch <- l:
				default:
					total += sum(l)
				}
			}
			total += sum(keep)
			results[w] = total
		}(w)
	}
	done := make(chan int)
	go func() {
		s := 0
		for l := range ch {
			s += sum(l)
		}
		done <- s
	}()
	wg.Wait()
	close(ch)
	s := <-done
	for _, r := range results {
		s += r
	}
	want := 0
	for w := 0; w < workers; w++ {
		for i := 0; i < 500; i++ {
			want += w*1000 + i
		}
		for r := 0; r < rounds; r++ {
			for i := 0; i < 2000; i++ {
				want += (w*rounds+r)*1000 + i
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(s == want, ms.NumGC > 0)
}
