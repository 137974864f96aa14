// A non-constant shift of an untyped constant takes the type of its context.
package main

func main() {
	var s uint
	x := 1.0 + 1<<s // ERROR "invalid operation: shifted operand 1 \(type float64\) must be integer"
	var f float64 = 2 << s // ERROR "invalid operation: shifted operand 2 \(type float64\) must be integer"
	var i int64 = 1 << s
	println(x, f, i)
}
