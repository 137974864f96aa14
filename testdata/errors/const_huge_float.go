// Float constants with exponents far outside float64's range (kept as
// 512-bit floats, as go/constant does) and literals past big.Float's
// exponent.
package main

const m = 6e5518446744 // ERROR "malformed constant: 6e5518446744"
const _ = 1e-1000000000
const _ = 1e+1000000000 // ERROR "malformed constant: 1e\+1000000000"

func main() {
	var _ = 1e646456992 // ERROR "cannot use 1e646456992 \(untyped float constant 1e\+646456992\) as float64 value in variable declaration \(overflows\)"
	var _ = 1e309       // ERROR "cannot use 1e309 \(untyped float constant 1e\+309\) as float64 value in variable declaration \(overflows\)"
	println(1e779137)   // ERROR "cannot use 1e779137 \(untyped float constant 1e\+779137\) as float64 value in argument to built-in println \(overflows\)"
	x := -1e-779137 * 1e-5 / 3
	var _ float32 = 1e-779137
	var _ int = 1e646456 // ERROR "cannot use 1e646456 \(untyped float constant 1e\+646456\) as int value in variable declaration \(truncated\)"
	y := 1e-779137 * 1e779137
	z := 1e400 * 1e400 // ERROR "cannot use 1e400 \* 1e400 \(untyped float constant 1e\+800\) as float64 value in assignment \(overflows\)"
	println(x, y, z)
}
