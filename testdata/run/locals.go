// Local variable forms: var with and without initialiser, :=, zero values, redeclaration.
package main

var counter int
var label string = "label"

func bump() int {
	counter++
	return counter
}

func main() {
	var i int
	var s string
	var f float64
	var b bool
	println(i, s, f, b, len(s))
	var x, y = 1, "y"
	println(x, y)
	z := bump()
	z, w := bump(), bump()
	println(z, w, counter, label)
	x += 5
	x -= 2
	x *= 3
	x /= 4
	x %= 3
	println(x)
	x = 0xff
	x |= 0x100
	x &= 0x1f0
	x ^= 0x11
	x <<= 2
	x >>= 1
	println(x, 0o17, 0b101, 1_000_000)
	x &^= 0xf
	println(x)
}
