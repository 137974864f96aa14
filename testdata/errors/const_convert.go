// Untyped constants converted explicitly or implicitly (binary operands, op-assignment) to types they do not fit.
package main

type MyInt int

const c int = 300

func main() {
	_ = int(1.5) // ERROR "cannot convert 1\.5 \(untyped float constant\) to type int"
	_ = int8(c) // ERROR "constant 300 overflows int8"
	_ = int(1e100) // ERROR "cannot convert 1e100 \(untyped float constant 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\) to type int"
	_ = MyInt(1 << 70) // ERROR "constant 1180591620717411303424 overflows MyInt"
	_ = float32(1e300) // ERROR "cannot convert 1e300 \(untyped float constant 1e\+300\) to type float32"
	var x MyInt
	_ = x + 1.5 // ERROR "1\.5 \(untyped float constant\) truncated to int"
	_ = x + 1e100 // ERROR "1e100 \(untyped float constant 1e\+100\) truncated to int"
	x += 2.5 // ERROR "2\.5 \(untyped float constant\) truncated to int"
	var y int8 = 1e3 // ERROR "cannot use 1e3 \(untyped float constant 1000\) as int8 value in variable declaration \(truncated\)"
	_ = y
}
