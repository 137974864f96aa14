// Conversions between integer sizes, floats and strings.
package main

func main() {
	x := 300
	println(int8(x), uint8(x), int16(x), uint16(-x))
	f := 3.99
	println(int(f), int(-f), float64(7)/2, float32(0.1))
	big := 1 << 40
	println(int32(big), uint32(big+5))
	var u uint64 = 1<<64 - 1
	println(u, int64(u), float64(u))
	println(string(rune(0x263a)), string([]byte{104, 105}))
	var r rune = 'é'
	println(r, byte(r), string(r))
	type Meters float64
	m := Meters(2.5)
	println(float64(m) * 2)
	var i8 int8 = -128
	println(-i8, i8/-1, uint8(i8))
}
