// Declarations and assignments whose value counts do not match their names.
package main

var ga, gb = 1, 2, 3 // ERROR "extra init expr 3"
var gc, gd, ge = 1, 2 // ERROR "missing init expr for ge"

const (
	ca, cb = 1 // ERROR "missing init expr for cb"
	cc, cd = 1, 2, 3 // ERROR "extra init expr 3"
	ce = 5
	cf, cg // ERROR "missing init expr for cg"
)

func two() (int, int) { return 1, 2 }

var gf, gg, gh = two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"

func main() {
	const x, y = 1 // ERROR "missing init expr for y"
	var a, b, c = two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"
	println(a, b, c)
}
