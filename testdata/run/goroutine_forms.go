// go statements with methods, interface methods, closures, builtins and
// recover inside goroutines.

package main

type T struct{ n int }

func (t *T) inc(c chan int) { t.n++; c <- t.n }

type I interface{ M(c chan string) }
type S string

func (s S) M(c chan string) { c <- string(s) + "!" }

func worker(id int, c chan int) {
	defer func() {
		if r := recover(); r != nil {
			_ = r.(string)
			c <- -id
		}
	}()
	if id%2 == 0 {
		panic("even")
	}
	c <- id
}

func main() {
	c := make(chan int)
	t := &T{}
	go t.inc(c)
	println(<-c)
	var i I = S("hi")
	sc := make(chan string)
	go i.M(sc)
	println(<-sc)
	go print()
	for k := 1; k <= 4; k++ {
		go worker(k, c)
	}
	s := 0
	for k := 0; k < 4; k++ {
		s += <-c
	}
	println("sum", s)
	f := func(a, b int) { c <- a * b }
	go f(6, 7)
	println(<-c)
	x := 10
	go func() { x++; c <- x }()
	println(<-c, x)
}
