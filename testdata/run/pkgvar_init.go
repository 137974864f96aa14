// Package-level variables initialised by function calls, in dependency order.
package main

var a = b + 1
var b = f("b", 10)
var c, d = pair()
var e int
var s = "s=" + name()

var order string

func f(name string, v int) int {
	order += name
	return v
}

func pair() (int, int) {
	order += "p"
	return 3, 4
}

func name() string {
	return "named"
}

func main() {
	println(a, b, c, d, e, s)
	println(order)
}
