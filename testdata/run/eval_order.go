// Calls in operands, arguments and assignments happen left to right.
package main

var trace string

func v(name string, x int) int {
	trace += name
	return x
}

func three(a, b, c int) int {
	return a*100 + b*10 + c
}

func main() {
	r := three(v("a", 1), v("b", 2), v("c", 3))
	println(r, trace)
	trace = ""
	r = v("x", 1) - v("y", 2)*v("z", 3)
	println(r, trace)
	trace = ""
	p, q := v("p", 1), v("q", 2)
	println(p, q, trace)
}
