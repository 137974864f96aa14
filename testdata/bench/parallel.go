// CPU-parallel work: count the primes below 6,000,000 by trial division,
// split into interleaved blocks over GOMAXPROCS goroutines that share no
// memory but their result slots. Its time with GOMAXPROCS=1 against
// GOMAXPROCS=2 measures how well the scheduler spreads goroutines over
// threads (scripts/bench passes GOMAXPROCS through).

package main

import (
	"fmt"
	"runtime"
	"sync"
)

const limit = 6000000
const block = 10000

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	if n%2 == 0 {
		return n == 2
	}
	for d := 3; d*d <= n; d += 2 {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	workers := runtime.GOMAXPROCS(0)
	counts := make([]int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			n := 0
			for lo := w * block; lo < limit; lo += workers * block {
				for i := lo; i < lo+block && i < limit; i++ {
					if isPrime(i) {
						n++
					}
				}
			}
			counts[w] = n
		}(w)
	}
	wg.Wait()
	total := 0
	for _, n := range counts {
		total += n
	}
	fmt.Println("primes below", limit, ":", total)
}
