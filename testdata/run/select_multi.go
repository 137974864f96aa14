package main

// select with several ready cases: which one runs is random, so only
// order-independent results are printed.

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	na, nb := 0, 0
	for i := 0; i < 100; i++ {
		select {
		case v := <-a:
			na += v
		case v := <-b:
			nb += v
		}
	}
	println("total", na+nb/2, na > 0, nb > 0)

	// Blocking select woken by goroutines, sends and receives mixed.
	in := make(chan int)
	out := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			in <- i
		}
	}()
	go func() {
		s := 0
		for i := 0; i < 5; i++ {
			s += <-out
		}
		println("consumer sum", s)
		quit <- true
	}()
	got, nin, sent := 0, 0, 0
	for done := false; !done || nin < 5; {
		select {
		case v := <-in:
			got += v
			nin++
		case out <- sent * 10:
			sent++
		case <-quit:
			done = true
		}
	}
	println("got", got, "sent", sent)

	// A select whose only ready case is a closed channel.
	c := make(chan string)
	close(c)
	var never chan string
	select {
	case s, ok := <-c:
		println("closed", s == "", ok)
	case s := <-never:
		println("never", s)
	}
	// Labeled select with break.
	e := make(chan int, 1)
	e <- 3
sel:
	select {
	case v := <-e:
		if v == 3 {
			break sel
		}
		println("not reached")
	}
	println("after labeled select")
}
