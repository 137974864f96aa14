package main

import (
	"fmt"
	"strings"
	"unique"
)

type Point struct {
	X, Y int
	Name string
}

type Key struct {
	A [3]string
	B float64
	C any
}

func main() {
	a := unique.Make("hello")
	b := unique.Make(strings.Repeat("hel", 1) + "lo")
	c := unique.Make("world")
	fmt.Println(a == b, a == c, a.Value(), c.Value())

	p1 := unique.Make(Point{1, 2, "p"})
	p2 := unique.Make(Point{1, 2, "p"})
	p3 := unique.Make(Point{2, 1, "p"})
	fmt.Println(p1 == p2, p1 == p3, p1.Value(), p3.Value().X)

	k1 := unique.Make(Key{[3]string{"a", "b", "c"}, 1.5, 7})
	k2 := unique.Make(Key{[3]string{"a", "b", "c"}, 1.5, 7})
	k3 := unique.Make(Key{[3]string{"a", "b", "c"}, 1.5, "7"})
	fmt.Println(k1 == k2, k1 == k3, k1.Value().A[2], k3.Value().C)

	// Many values: the trie grows and every handle stays canonical.
	hs := make([]unique.Handle[int], 0, 1000)
	for i := 0; i < 1000; i++ {
		hs = append(hs, unique.Make(i))
	}
	same := 0
	for i := 0; i < 1000; i++ {
		if unique.Make(i) == hs[i] && hs[i].Value() == i {
			same++
		}
	}
	fmt.Println("canonical:", same)

	// Zero-sized values share one handle.
	type empty struct{}
	fmt.Println(unique.Make(empty{}) == unique.Make(empty{}))

	// Handles as map keys.
	m := map[unique.Handle[string]]int{}
	for _, s := range []string{"x", "y", "x", "z", "y", "x"} {
		m[unique.Make(s)]++
	}
	fmt.Println(m[unique.Make("x")], m[unique.Make("y")], m[unique.Make("z")], len(m))
}
