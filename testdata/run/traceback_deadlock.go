// A deadlock with several parked goroutines in different states: each
// goroutine's header, frames and `created by` line are compared.

package main

func recv(c chan int) {
	<-c
}

func send(c chan int) {
	c <- 1
}

func sel(a, b chan int) {
	select {
	case <-a:
	case b <- 1:
	}
}

func forever() {
	select {}
}

func nilrecv() {
	var c chan int
	<-c
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go recv(a)
	go send(b)
	go sel(a, b)
	go forever()
	go nilrecv()
	func() {
		var c chan bool
		c = make(chan bool)
		c <- true
	}()
}
