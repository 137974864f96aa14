// Assignments happen in two phases: operands (and right-hand sides) first,
// then the stores left to right; the nil or bounds check of a target is
// part of its store, and a map element is inserted only when stored.
package main

import "fmt"

type P struct{ i int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func note(s string, v int) int {
	fmt.Println("  eval", s)
	return v
}

func main() {
	m := map[int]int{}
	try("map then nil deref", func() {
		var p *int
		m[1], *p = note("a", 10), note("b", 20)
	})
	fmt.Println("  m =", m)
	try("map then index", func() {
		s := []int{}
		m[2], s[3] = note("c", 30), note("d", 40)
	})
	fmt.Println("  m =", m)
	try("map then nil field", func() {
		var p *P
		m[3], p.i = 50, note("e", 60)
	})
	fmt.Println("  m =", m)
	try("single store after rhs", func() {
		var p *int
		*p = note("f", 1)
	})
	try("op-assign on map, rhs panics", func() {
		var z int
		m[9] /= z
	})
	fmt.Println("  len(m) =", len(m))
	try("op-assign on map, nil rhs", func() {
		var q *int
		m[8] += *q
	})
	fmt.Println("  len(m) =", len(m))
	var x P
	p := &x
	p, p.i = new(P), 4
	fmt.Println("x.i =", x.i, "p.i =", p.i)
	s := []int{1, 2, 3}
	i := 0
	i, s[i] = 2, 9
	fmt.Println(i, s)
	a := [3]int{}
	j := 1
	a[j], j = 7, 2
	fmt.Println(a, j)
}
