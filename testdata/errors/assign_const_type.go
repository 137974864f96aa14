// Untyped constants that cannot represent the declared type.
package main

func main() {
	var s string = 1    // ERROR "cannot use 1 \(untyped int constant\) as string value in variable declaration"
	var n int = "one"   // ERROR `cannot use "one" \(untyped string constant\) as int value in variable declaration`
	var b bool = 0      // ERROR "cannot use 0 \(untyped int constant\) as bool value in variable declaration"
	var f float64 = "x" // ERROR `cannot use "x" \(untyped string constant\) as float64 value in variable declaration`
	println(s, n, b, f)
}
