// Untyped constant arithmetic is exact: huge intermediates, exact rationals, typed results.
package main

const (
	Big   = 1 << 200
	Small = Big >> 198
	Huge  = 1e300 * 1e300 / 1e300
	Third = 1.0 / 3
	Exact = Third * 3
	Max   = 1<<63 - 1
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func main() {
	println(Small, Big/(Big>>10), Huge == 1e300)
	println(Exact == 1, Max, -Max-1)
	var f float64 = Big
	println(f > 1e60)
	println(Tuesday, Monday+Tuesday)
	const c = 'x' - 'a'
	println(c, 07, 0x10p-2)
	var u8 uint8 = 255 + 1 - 1
	println(u8)
}
