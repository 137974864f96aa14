// Benchmark: unbuffered channel ping-pong between two goroutines (2e6 round trips).
package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 2000000; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println(n)
}
