// Sized integers wrap around; unsigned division, shifts by large counts, signed shifts.
package main

func main() {
	var a int8 = 127
	a++
	println(a)
	var b uint8 = 0
	b--
	println(b)
	var c int16 = -32768
	c--
	println(c)
	var d uint32 = 1 << 31
	d *= 2
	println(d)
	var e uint64 = 1<<64 - 1
	println(e/3, e%7, e>>63)
	var s uint = 70
	var one int64 = 1
	println(one<<s, -one>>s, uint64(1)<<63>>s)
	var x int32 = -7
	println(x/2, x%2, x>>1, uint32(x)>>28)
	var y uint16 = 0xffff
	println(y*y, ^y, y&^0xff)
}
