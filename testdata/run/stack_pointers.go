// Stack growth by copying: pointers into frames (frame pointers, saved
// registers, spilled addresses, pointers to locals and to elements of
// local arrays) must follow the stack when it moves. Every goroutine
// starts small, so each deep call below moves the stack many times.
package main

type acc struct {
	sum   int
	depth int
}

// down passes pointers to the caller's locals down a deep recursion and
// writes through them after the stack has moved.
func down(n int, p *int, a *acc) int {
	var local [8]int
	for i := range local {
		local[i] = n + i
	}
	q := &local[n%8]
	if n == 0 {
		*p += 1
		a.depth++
		return *q
	}
	r := down(n-1, &local[(n+1)%8], a)
	*q += r % 3
	*p += local[n%8] - n
	a.sum += *q
	return r + local[(n+1)%8]
}

// hold keeps a pointer to an element of a local array across calls that
// grow the stack, in a loop.
func hold(rounds int) int {
	var arr [32]int
	p := &arr[17]
	total := 0
	for i := 0; i < rounds; i++ {
		*p += i
		total += grow(200*i) + *p
		arr[i%32] += i
	}
	s := 0
	for _, v := range arr {
		s += v
	}
	return total + s
}

func grow(n int) int {
	var pad [16]int
	pad[n%16] = n
	if n <= 0 {
		return pad[0]
	}
	return grow(n-1)%1000 + pad[n%16]%7
}

// Values kept in callee-saved registers across a growing call.
func regs(a, b, c, d, e, f int, s string) int {
	x := a*3 + b
	y := c*5 + d
	z := e*7 + f
	r := grow(5000)
	return x + y + z + r + len(s)
}

func main() {
	v := 0
	a := &acc{}
	r := down(20000, &v, a)
	println(r, v, a.sum, a.depth)
	println(hold(40))
	println(regs(1, 2, 3, 4, 5, 6, "seven"))
	done := make(chan int)
	go func() {
		v := 0
		a := &acc{}
		r := down(50000, &v, a)
		done <- r + v + a.sum
	}()
	println(<-done)
	go func() { done <- hold(60) }()
	println(<-done)
}
