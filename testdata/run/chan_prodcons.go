package main

// Producers and consumers: close ends a range loop; results are summed so
// the output does not depend on scheduling order.

func produce(id int, n int, out chan<- int, done chan<- int) {
	for i := 1; i <= n; i++ {
		out <- id*1000 + i
	}
	done <- id
}

func consume(in <-chan int, result chan<- int) {
	sum, count := 0, 0
	for v := range in {
		sum += v
		count++
	}
	result <- sum
	result <- count
}

func main() {
	work := make(chan int, 4)
	done := make(chan int)
	result := make(chan int)
	for id := 1; id <= 3; id++ {
		go produce(id, 100, work, done)
	}
	go consume(work, result)
	finished := 0
	for i := 0; i < 3; i++ {
		finished += <-done
	}
	close(work)
	sum := <-result
	count := <-result
	println("producers", finished, "sum", sum, "count", count)

	// Unbuffered pipeline of three stages.
	src := make(chan int)
	sq := make(chan int)
	go func() {
		for i := 0; i < 10; i++ {
			src <- i
		}
		close(src)
	}()
	go func() {
		for v := range src {
			sq <- v * v
		}
		close(sq)
	}()
	for v := range sq {
		print(v, " ")
	}
	println()
	var k int
	for k = range sq {
	}
	println("k", k)
}
