// Escape analysis of address-taken parameters (escape.rs treats them as
// candidates like locals): each route takes a parameter's address, keeps
// it where the route puts it, grows the stack (which moves a frame
// variable), changes the parameter and reads it back through what was
// kept: a parameter wrongly left in the frame reads a stale copy, one
// rightly left there reads its own new value.
package main

import (
	"fmt"
	"unsafe"
)

type T struct{ v int }

func (t T) addrOfRecv() int {
	p := &t.v
	grow(4000)
	t.v = 7
	return *p
}

func (t T) leakRecv() int {
	gp = &t.v
	grow(4000)
	t.v = 8
	return *gp
}

var (
	gp   *int
	gany any
	gfn  func() int
)

func grow(n int) int {
	var pad [20]int
	pad[n%20] = n
	if n == 0 {
		return pad[0]
	}
	return grow(n-1) + pad[n%20]&1
}

func local(x int) int {
	p := &x
	grow(4000)
	x = 42
	return *p
}

func toGlobal(x int) int {
	gp = &x
	grow(4000)
	x = 43
	return *gp
}

func returned(x int) *int {
	return &x
}

func viaReturn(x int) int {
	p := returned(x)
	grow(4000)
	*p = 44
	return *p
}

func keep(pp **int, p *int) { *pp = p }

func viaCall(x int) int {
	keep(&gp, &x)
	grow(4000)
	x = 45
	return *gp
}

func viaClosure(x int) int {
	gfn = func() int { return x }
	grow(4000)
	x = 46
	return gfn()
}

func viaIface(x int) int {
	p := &x
	gany = p
	grow(4000)
	x = 47
	return *gany.(*int)
}

type eface struct {
	t, w unsafe.Pointer
}

func words(i any) unsafe.Pointer {
	e := (*eface)(unsafe.Pointer(&i))
	grow(4000)
	return e.w
}

func variadic(xs ...int) int {
	p := &xs
	grow(4000)
	xs = append(xs, 48)
	return (*p)[len(*p)-1]
}

func twoParams(a, b int) int {
	pa, pb := &a, &b
	gp = pb
	grow(4000)
	a, b = 49, 50
	return *pa + *gp
}

func run(name string, f func() int) {
	c := make(chan int)
	go func() { c <- f() }()
	fmt.Println(name, <-c)
}

func main() {
	run("local", func() int { return local(1) })
	run("toGlobal", func() int { return toGlobal(1) })
	run("viaReturn", func() int { return viaReturn(1) })
	run("viaCall", func() int { return viaCall(1) })
	run("viaClosure", func() int { return viaClosure(1) })
	run("viaIface", func() int { return viaIface(1) })
	run("words", func() int { return *(*int)(words(40)) + *(*int)(words(2)) })
	run("variadic", func() int { return variadic(1, 2) })
	run("twoParams", func() int { return twoParams(1, 2) })
	run("addrOfRecv", func() int { return T{1}.addrOfRecv() })
	run("leakRecv", func() int { return T{1}.leakRecv() })
}
