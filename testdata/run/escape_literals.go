// `&T{...}` objects that do not outlive their function stay in its frame
// (escape analysis of allocation sites); objects that do (stored in the
// heap or in a variable of an enclosing loop level, returned, captured)
// are separate heap objects. Pointers into frame objects survive stack
// growth.
package main

import (
	"fmt"
	"testing"
)

type node struct {
	v    int
	next *node
}

func sumList() int {
	a := &node{v: 1}
	b := &node{v: 2, next: a}
	c := &node{v: 3, next: b}
	s := 0
	for n := c; n != nil; n = n.next {
		s += n.v
	}
	return s
}

func loopLink() int {
	var last *node
	for i := 0; i < 4; i++ {
		last = &node{v: i, next: last}
	}
	s := 0
	for n := last; n != nil; n = n.next {
		s = s*10 + n.v
	}
	return s
}

func loopKeep() []*node {
	var out []*node
	for i := 0; i < 3; i++ {
		out = append(out, &node{v: i})
	}
	return out
}

var global *node

func store() {
	global = &node{v: 42}
}

func ret() *node {
	return &node{v: 7}
}

func capture() func() int {
	p := &node{v: 9}
	return func() int { return p.v }
}

func grow(n int, p *node) int {
	if n == 0 {
		s := 0
		for ; p != nil; p = p.next {
			s += p.v
		}
		return s
	}
	var pad [64]int
	pad[n%64] = n
	q := &node{v: 1 + pad[n%64]*0, next: p}
	return grow(n-1, q)
}

func main() {
	fmt.Println(sumList(), loopLink())
	for _, n := range loopKeep() {
		fmt.Print(n.v, " ")
	}
	fmt.Println()
	store()
	a, b := ret(), ret()
	fmt.Println(global.v, a.v, b.v, a != b, capture()())
	fmt.Println(grow(5000, nil))
	fmt.Println(testing.AllocsPerRun(100, func() { sumList() }))
}
