// M:N scheduler stress: producers and consumers over thousands of
// goroutines, through unbuffered and buffered channels, a mutex-protected
// map and a results channel; the totals must not depend on GOMAXPROCS.

package main

import (
	"fmt"
	"sync"
)

func main() {
	const producers = 2000
	const perProducer = 50
	const consumers = 300

	work := make(chan int)
	results := make(chan int, 64)
	var pwg, cwg sync.WaitGroup
	for p := 0; p < producers; p++ {
		pwg.Add(1)
		go func(p int) {
			defer pwg.Done()
			for i := 0; i < perProducer; i++ {
				work <- p*perProducer + i
			}
		}(p)
	}
	var mu sync.Mutex
	seen := make(map[int]bool)
	for c := 0; c < consumers; c++ {
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			sum := 0
			for v := range work {
				mu.Lock()
				seen[v] = true
				mu.Unlock()
				sum += v
			}
			results <- sum
		}()
	}
	go func() {
		pwg.Wait()
		close(work)
	}()
	go func() {
		cwg.Wait()
		close(results)
	}()
	total := 0
	n := 0
	for s := range results {
		total += s
		n++
	}
	want := producers * perProducer * (producers*perProducer - 1) / 2
	fmt.Println("consumers reported:", n)
	fmt.Println("distinct values:", len(seen))
	fmt.Println("total ok:", total == want)

	// A pipeline of 1000 stages.
	first := make(chan int)
	in := first
	for i := 0; i < 1000; i++ {
		out := make(chan int, i%3)
		go func(in <-chan int, out chan<- int) {
			for v := range in {
				out <- v + 1
			}
			close(out)
		}(in, out)
		in = out
	}
	go func() {
		for i := 0; i < 100; i++ {
			first <- i
		}
		close(first)
	}()
	sum := 0
	for v := range in {
		sum += v
	}
	fmt.Println("pipeline sum:", sum)
}
