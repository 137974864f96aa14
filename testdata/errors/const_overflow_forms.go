// Constants that do not fit: in declarations, assignments and conversions; division by constant zero.
package main

func main() {
	var a int8 = 300 // ERROR "cannot use 300 \(untyped int constant\) as int8 value in variable declaration \(overflows\)"
	var b uint8
	b = 256 // ERROR "cannot use 256 \(untyped int constant\) as uint8 value in assignment \(overflows\)"
	c := uint8(256) // ERROR "constant 256 overflows uint8"
	const d = 1 << 70
	var e int = d // ERROR "cannot use d \(untyped int constant 1180591620717411303424\) as int value in variable declaration \(overflows\)"
	var f int64 = 1 << 63 // ERROR "cannot use 1 << 63 \(untyped int constant 9223372036854775808\) as int64 value in variable declaration \(overflows\)"
	g := uint8(1) << 8 // ERROR "uint8\(1\) << 8 \(constant 256 of type uint8\) overflows uint8"
	const h int32 = 1 << 40 // ERROR "cannot use 1 << 40 \(untyped int constant 1099511627776\) as int32 value in constant declaration \(overflows\)"
	var k = 10 / 0 // ERROR "invalid operation: division by zero"
	var m = 3.0 / 0.0 // ERROR "invalid operation: division by zero"
	println(a, b, c, e, f, g, k, m, h)
}
