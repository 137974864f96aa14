package main

type point struct {
	x, y int
	name string
}

func main() {
	c := make(chan int, 5)
	println(len(c), cap(c))
	for i := 0; i < 5; i++ {
		c <- i * i
		println("sent", i*i, "len", len(c))
	}
	for len(c) > 0 {
		println("got", <-c, "len", len(c))
	}
	// Wrap around the ring buffer.
	for round := 0; round < 3; round++ {
		c <- round
		c <- round + 10
		c <- round + 20
		println(<-c, <-c, len(c))
		println(<-c)
	}
	close(c)
	v, ok := <-c
	println(v, ok, len(c), cap(c))

	// Aggregate elements, and values left in a closed channel.
	pc := make(chan point, 2)
	pc <- point{1, 2, "a"}
	pc <- point{3, 4, "b"}
	close(pc)
	for p := range pc {
		println(p.x, p.y, p.name)
	}
	p, ok := <-pc
	println(p.x, p.y, p.name == "", ok)

	// chan of chan, chan of struct{}, nil channel len/cap
	cc := make(chan chan string, 1)
	inner := make(chan string, 1)
	cc <- inner
	(<-cc) <- "through"
	println(<-inner)
	sig := make(chan struct{}, 3)
	sig <- struct{}{}
	sig <- struct{}{}
	println(len(sig), cap(sig))
	var nilc chan float64
	println(len(nilc), cap(nilc), nilc == nil)
	var n uint8 = 4
	d := make(chan bool, n)
	d <- true
	d <- false
	println(<-d, <-d, cap(d))
}
