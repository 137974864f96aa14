// Overflow of constant operations: typed results must fit their type, untyped integers 512 bits.
package main

const c int8 = 100

func main() {
	_ = c + c // ERROR "c \+ c \(constant 200 of type int8\) overflows int8"
	_ = c * 2 // ERROR "c \* 2 \(constant 200 of type int8\) overflows int8"
	_ = -c - c // ERROR "-c - c \(constant -200 of type int8\) overflows int8"
	_ = uint8(1) << 8 // ERROR "uint8\(1\) << 8 \(constant 256 of type uint8\) overflows uint8"
	const u uint = 0
	_ = ^u - 1 + 2 // ERROR "\^u - 1 \+ 2 \(constant 18446744073709551616 of type uint\) overflows uint"
	_ = -uint(1) // ERROR "-uint\(1\) \(constant -1 of type uint\) overflows uint"
	_ = c << 1 // ERROR "c << 1 \(constant 200 of type int8\) overflows int8"
	var x int8 = 1
	_ = x << 1000
	_ = 1 << 600 // ERROR "constant shift overflow"
}
