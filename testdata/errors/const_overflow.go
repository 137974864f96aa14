// Constant values that do not fit their type, and constant division by zero.
package main

const big = 1 << 63

func main() {
	var x int = big // ERROR "cannot use big \(untyped int constant 9223372036854775808\) as int value in variable declaration \(overflows\)"
	y := 1 / 0      // ERROR "invalid operation: division by zero"
	println(x, y)
}
