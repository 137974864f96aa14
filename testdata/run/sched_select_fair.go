// Select fairness under the M:N scheduler: a select over always ready
// channels picks uniformly, also when several goroutines (on any Ms)
// select over the same channels at once. Counts are compared with a
// tolerance and only booleans are printed.

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const n = 4
const rounds = 40000

func main() {
	var ready [n]chan int
	for i := range ready {
		ready[i] = make(chan int, 1)
		ready[i] <- 0
	}
	var hits [n]int
	for r := 0; r < rounds; r++ {
		select {
		case v := <-ready[0]:
			hits[0]++
			ready[0] <- v
		case v := <-ready[1]:
			hits[1]++
			ready[1] <- v
		case v := <-ready[2]:
			hits[2]++
			ready[2] <- v
		case v := <-ready[3]:
			hits[3]++
			ready[3] <- v
		}
	}
	for _, h := range hits {
		fmt.Println(h > rounds/n*9/10 && h < rounds/n*11/10)
	}

	// Several selecting goroutines share 8 channels holding 4 tokens each.
	const m = 8
	var cs [m]chan int
	for i := range cs {
		cs[i] = make(chan int, 4)
		for k := 0; k < 4; k++ {
			cs[i] <- k
		}
	}
	var counts [m]int64
	var wg sync.WaitGroup
	const workers = 4
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				var k, v int
				select {
				case v = <-cs[0]:
					k = 0
				case v = <-cs[1]:
					k = 1
				case v = <-cs[2]:
					k = 2
				case v = <-cs[3]:
					k = 3
				case v = <-cs[4]:
					k = 4
				case v = <-cs[5]:
					k = 5
				case v = <-cs[6]:
					k = 6
				case v = <-cs[7]:
					k = 7
				}
				atomic.AddInt64(&counts[k], 1)
				cs[k] <- v
			}
		}()
	}
	wg.Wait()
	total := int64(0)
	for _, c := range counts {
		total += c
		fair := int64(workers * rounds / m)
		fmt.Println(c > fair*8/10 && c < fair*12/10)
	}
	fmt.Println(total == workers*rounds)
}
