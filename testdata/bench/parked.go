// 100,000 goroutines parked on a channel receive, then released: peak RSS
// divided by N is the memory cost of a parked goroutine (measure with
// scripts/bench-rss). The program prints only a checksum.
package main

const N = 100000

func park(in <-chan int, out chan<- int, i int) {
	v := <-in
	out <- v + i
}

func main() {
	in := make(chan int)
	out := make(chan int)
	for i := 0; i < N; i++ {
		go park(in, out, i)
	}
	sum := 0
	for i := 0; i < N; i++ {
		in <- 1
		sum += <-out
	}
	println(sum)
}
