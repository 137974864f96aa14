// Typed and untyped constants, iota, constant expressions.
package main

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	x0, y0 = iota, iota * 10
	x1, y1
)

const typed int = 7
const pi = 3.14159
const greeting = "hi"
const yes = !false

func main() {
	println(A, B, C, E)
	println(KB, MB, GB)
	println(x0, y0, x1, y1)
	println(typed*2, typed/2, -typed%4)
	println(pi*2, greeting+"!", yes)
	var f float64 = 1 << 3
	println(f, 7/2, 7/2.0, 1e3, 5.0/2)
	const local = A + E*10
	println(local)
}
