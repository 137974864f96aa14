// Package-level variables are initialised by repeatedly taking the earliest
// variable in declaration order that is ready (go 1.21's rule): a
// dependency declared later does not pull its dependent's initialiser
// ahead of earlier ready variables.
package main

import "fmt"

var trace []string

func note(name string, _ ...any) int {
	trace = append(trace, name)
	return len(trace)
}

var (
	_ = late
	_ = note("blank", third, second)
	first  = note("first")
	second = note("second")
	third  = note("third")
	late   = note("late")
)

var p = note("p", x)
var q = note("q", y)
var r = func() int {
	if false {
		_ = z
	}
	return note("r")
}()
var s = note("s")

var x int
var y int = 42
var z = func() int { return note("z") }()

var m, n = pair()

func pair() (int, int) { return note("pair", s), 2 }

var viaFunc = uses()

func uses() int { return note("viaFunc", late2) }

var late2 = note("late2")

func main() {
	fmt.Println(trace)
	fmt.Println(p, q, r, s, x, y, z, m, n, viaFunc, late2)
}
