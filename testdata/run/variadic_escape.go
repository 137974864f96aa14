package main

import (
	"cmp"
	"fmt"
	"runtime"
	"strings"
)

var kept [][]*int

// keep's variadic parameter escapes (stored in a global).
func keep(xs ...*int) { kept = append(kept, xs) }

// sum's does not (range, index, len only).
func sum(xs ...*int) (s int) {
	for _, p := range xs {
		s += *p
	}
	if len(xs) > 0 {
		s += *xs[0] * 0
	}
	return
}

// pass hands it on: escapes.
func pass(xs ...string) string { return strings.Join(xs, "+") }

// closure captures it: escapes.
func later(xs ...int) func() int { return func() int { return xs[len(xs)-1] } }

// addr takes an element's address: escapes.
func addr(xs ...int) *int { return &xs[0] }

type T struct{ n int }

func (t *T) Inc() { t.n++ }

// method on an element: escapes (pointer receiver).
func incAll(ts ...T) []T {
	for i := range ts {
		ts[i].Inc()
	}
	return nil
}

func main() {
	var fs []func() int
	var ps []*int
	for i := 0; i < 5; i++ {
		a, b := i, i*10
		keep(&a, &b)
		fmt.Print(sum(&a, &b), " ")
		fs = append(fs, later(i, i+1, i+2))
		ps = append(ps, addr(i*100))
		runtime.GC()
	}
	fmt.Println()
	for _, k := range kept {
		fmt.Print(*k[0], ",", *k[1], " ")
	}
	fmt.Println()
	for i, f := range fs {
		fmt.Print(f(), *ps[i], " ")
	}
	fmt.Println()
	fmt.Println(pass("a", "b", "c"), cmp.Or(0, 0, 3, 4), cmp.Or("", "x"), incAll(T{1}, T{2}) == nil)
}
