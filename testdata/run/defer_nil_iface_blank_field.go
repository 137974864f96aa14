// `defer x.M()` with a nil interface x panics at the defer statement (the
// method value is evaluated there); blank fields of struct literals stay
// zero (their values are evaluated, not stored).
package main

import (
	"fmt"
	"reflect"
)

type Closer interface{ Close() }

var reached bool

func deferNil() {
	var x Closer
	defer x.Close()
	reached = true
}

var g = struct{ a, _, c int }{1, 2, 3}

func side(n int) int {
	fmt.Println("side", n)
	return n
}

func main() {
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil, "reached:", reached) }()
		deferNil()
	}()
	fmt.Println(reflect.ValueOf(g).Field(1).Int(), g.a, g.c)
	l := struct {
		x int
		_ int
		y string
	}{1, side(7), "y"}
	fmt.Println(reflect.ValueOf(l).Field(1).Int(), l.x, l.y)
}
