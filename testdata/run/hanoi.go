// Towers of Hanoi: counts moves through a package-level variable.
package main

var moves int
var verbose bool

func hanoi(n int, from, to, via string) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to)
	moves++
	if verbose && n >= 3 {
		println("move disk", n, "from", from, "to", to)
	}
	hanoi(n-1, via, to, from)
}

func main() {
	verbose = true
	hanoi(4, "A", "C", "B")
	verbose = false
	println("moves:", moves)
	moves = 0
	hanoi(16, "A", "C", "B")
	println("moves:", moves)
}
