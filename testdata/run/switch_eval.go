// Switch evaluates the tag once and the cases in order, stopping at the first match.
package main

var trace string

func val(s string, v int) int {
	trace += s
	return v
}

func main() {
	switch val("t", 2) {
	case val("a", 1), val("b", 2), val("c", 3):
		println("matched b")
	case val("d", 2):
		println("not reached")
	}
	println(trace)
}
