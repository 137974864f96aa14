// Linked structures (a list, a binary tree, a cyclic ring, structs holding
// interfaces and closures) built once and checked after each of many
// collections, while garbage is allocated between them.
package main

import (
	"fmt"
	"runtime"
)

type list struct {
	val  int
	next *list
}

type tree struct {
	left, right *tree
	key         int
	name        string
}

type shape interface{ area() int }

type rect struct{ w, h int }

func (r *rect) area() int { return r.w * r.h }

type holder struct {
	s  shape
	f  func() int
	xs []*int
}

func buildTree(lo, hi int) *tree {
	if lo > hi {
		return nil
	}
	m := (lo + hi) / 2
	return &tree{buildTree(lo, m-1), buildTree(m+1, hi), m, fmt.Sprint("k", m)}
}

func (t *tree) sum() int {
	if t == nil {
		return 0
	}
	return t.key + len(t.name) + t.left.sum() + t.right.sum()
}

func garbage(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		t := buildTree(0, 50)
		total += t.sum()
		p := make([]*list, 10)
		for j := range p {
			p[j] = &list{val: j}
		}
		total += p[9].val
	}
	return total
}

func main() {
	var head *list
	for i := 0; i < 10000; i++ {
		head = &list{i, head}
	}
	root := buildTree(0, 2000)
	ring := &list{val: -1}
	ring.next = ring
	for i := 0; i < 100; i++ {
		ring.next = &list{i, ring.next}
	}
	hs := make([]holder, 0)
	for i := 0; i < 100; i++ {
		i := i
		x := i * 3
		hs = append(hs, holder{&rect{i, i + 1}, func() int { return x + i }, []*int{&x, new(int)}})
	}
	g := 0
	for round := 0; round < 30; round++ {
		g += garbage(200)
		if round%3 == 0 {
			runtime.GC()
		}
		n, s := 0, 0
		for l := head; l != nil; l = l.next {
			n++
			s += l.val
		}
		rn := 0
		for l := ring.next; l != ring; l = l.next {
			rn += l.val
		}
		hsum := 0
		for _, h := range hs {
			hsum += h.s.area() + h.f() + *h.xs[0] + *h.xs[1]
		}
		if round%10 == 0 || round == 29 {
			fmt.Println(round, n, s, root.sum(), rn, hsum)
		}
	}
	fmt.Println(g)
}
