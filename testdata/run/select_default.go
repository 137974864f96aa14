package main

func main() {
	c := make(chan int, 1)
	select {
	case v := <-c:
		println("unexpected", v)
	default:
		println("empty: default")
	}
	c <- 7
	select {
	case v := <-c:
		println("received", v)
	default:
		println("unexpected default")
	}
	c <- 8
	select {
	case c <- 9:
		println("unexpected send")
	default:
		println("full: default")
	}
	var nilc chan int
	select {
	case nilc <- 1:
		println("unexpected nil send")
	case v, ok := <-nilc:
		println("unexpected nil recv", v, ok)
	default:
		println("nil channels: default")
	}
	close(c)
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-c:
			println("closed recv", v, ok)
		default:
			println("unexpected default")
		}
	}
	// select {} with only a default is a no-op.
	select {
	default:
		println("only default")
	}
	// Non-blocking receive in a loop with break out of select and loop.
	d := make(chan int, 3)
	d <- 1
	d <- 2
	n := 0
loop:
	for {
		select {
		case v := <-d:
			n += v
			if v == 2 {
				break
			}
			println("got", v)
		default:
			break loop
		}
	}
	println("n", n)
	// Assignments to existing variables in cases.
	var x int
	var ok bool
	e := make(chan int, 1)
	e <- 42
	select {
	case x, ok = <-e:
	}
	println(x, ok)
	arr := []int{0, 0}
	e <- 5
	select {
	case arr[1] = <-e:
	default:
	}
	println(arr[0], arr[1])
}
