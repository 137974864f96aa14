package main

// Unbuffered ping-pong between two goroutines, then a comma-ok receive
// from the closed channel.

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for {
		v, ok := <-in
		if !ok {
			println(name, "sees closed channel")
			done <- true
			return
		}
		println(name, v)
		if v >= 6 {
			close(out)
			done <- true
			return
		}
		out <- v + 1
	}
}

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go player("ping", a, b, done)
	go player("pong", b, a, done)
	a <- 0
	<-done
	<-done
	v, ok := <-b
	println("after close:", v, ok)
}
