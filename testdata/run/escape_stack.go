package main

import "fmt"

type P struct{ x, y int }

func (p *P) Scale(k int) { p.x *= k; p.y *= k }
func (p *P) Keep() *P    { return p }

var g *P

func fill(b []byte, v byte) int {
	for i := range b {
		b[i] = v
	}
	return len(b)
}

func store(p *P) { g = p }

func inc(n *int) { *n++ }

func rec(n int, p *int) int {
	if n == 0 {
		return *p
	}
	x := *p + 1
	return rec(n-1, &x)
}

func main() {
	var a P
	a.x, a.y = 1, 2
	a.Scale(3)
	fmt.Println(a)
	var buf [16]byte
	n := fill(buf[:8], 'z')
	fmt.Println(n, string(buf[:n]))
	var b P
	store(&b)
	b.x = 5
	fmt.Println(g.x)
	var c P
	q := c.Keep()
	q.y = 7
	fmt.Println(c.y)
	ptrs := []*int{}
	for i := 0; i < 3; i++ {
		v := i
		inc(&v)
		ptrs = append(ptrs, &v)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2])
	s := 0
	for i := 0; i < 3; i++ {
		inc(&i)
		s += i
	}
	fmt.Println(s, rec(100000, &s))
}

var gs []byte

func keep(b []byte) { gs = b }

func init() {
	var arr [4]byte
	keep((arr)[:])
	arr[0] = 'k'
	fmt.Println(string(gs[:1]))
	var arr2 [4]byte
	s := (arr2)[1:]
	s[0] = 'm'
	fmt.Println(string(arr2[1:2]))
}

type node struct {
	next *node
	val  [8]int
}

// Pointers into callers' frames across stack growth and collections: the
// callee only reads through them.
func deep(n int, acc *[4]int, sink *[]*node) int {
	var local [4]int
	local[n&3] = acc[(n+1)&3] + n
	if n%1000 == 0 {
		*sink = append(*sink, &node{val: [8]int{n}})
		if len(*sink) > 50 {
			*sink = (*sink)[25:]
		}
	}
	if n == 0 {
		return local[0] + local[1] + local[2] + local[3]
	}
	return deep(n-1, &local, sink) + local[n&3]%7
}

func init() {
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func(g int) {
			var acc [4]int
			acc[0] = g
			var sink []*node
			done <- deep(50000+g, &acc, &sink)
		}(g)
	}
	t := 0
	for g := 0; g < 4; g++ {
		t += <-done
	}
	fmt.Println("deep", t)
}
