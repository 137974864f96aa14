// Stacks grow in deep recursion and shrink when a parked goroutine that
// uses little of its stack is readied; values parked in frames, select
// receive slots and defer records must survive both moves.
package main

func deep(n int, c chan int, at int) int {
	var pad [16]int
	pad[n%16] = n
	if n == at {
		v := <-c // park deep in the recursion
		pad[n%16] += v
	}
	if n == 0 {
		return pad[0]
	}
	return deep(n-1, c, at) + pad[n%16]%9
}

func worker(in, out chan int, quit chan bool) {
	defer func() { out <- -1 }()
	total := 0
	for round := 0; ; round++ {
		var local [4]int
		local[round%4] = round
		select {
		case v := <-in:
			// grow a lot, then come back and park shallow: shrink
			total += deep(20000+v, in, 10000) + local[round%4]
			out <- total
		case <-quit:
			out <- total
			return
		}
	}
}

func main() {
	in := make(chan int)
	out := make(chan int)
	quit := make(chan bool)
	go worker(in, out, quit)
	for i := 0; i < 5; i++ {
		in <- i   // start a round
		in <- 100 // wake it deep in the recursion
		println(<-out)
	}
	quit <- true
	println(<-out)
	println(<-out)
}
