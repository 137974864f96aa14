// Benchmark: 100,000 goroutines spawned at once, each doing a little work
// (a small loop and a channel send) and exiting.
package main

import "fmt"

func work(n int, out chan<- int) {
	s := 0
	for i := 0; i < 50; i++ {
		s += (n + i) % 13
	}
	out <- s
}

func main() {
	total := 0
	for round := 0; round < 3; round++ {
		out := make(chan int, 1024)
		const n = 100000
		for i := 0; i < n; i++ {
			go work(i, out)
		}
		for i := 0; i < n; i++ {
			total += <-out
		}
	}
	fmt.Println(total)
}
