// Conversions between every integer size (truncation, sign extension), wrap-around, signed/unsigned division and shifts, uintptr.
package main

func conv(x int64) {
	println(int8(x), int16(x), int32(x), x)
	println(uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
}

func shifts(s uint) {
	var a int8 = -100
	var b uint8 = 200
	var c int32 = -1 << 20
	var d uint64 = 0xdeadbeefcafebabe
	println(a>>s, a<<s, b>>s, b<<s, c>>s, c<<s, d>>s, d<<s)
}

func divs(a, b int64) {
	println(a/b, a%b, int8(a)/int8(b), int8(a)%int8(b), uint8(a)/uint8(b), uint8(a)%uint8(b))
	println(uint32(a)/uint32(b), uint32(a)%uint32(b), uint64(a)/uint64(b), uint64(a)%uint64(b))
}

func main() {
	for _, x := range []int64{0, 1, -1, 127, 128, 255, 256, -129, 32767, -32769, 65535, 1<<31 - 1, 1 << 31, -1 << 31, 1<<32 + 5, -1 << 63, 1<<63 - 1} {
		conv(x)
	}
	// wrap-around per size
	var i8 int8 = -128
	i8--
	var i16 int16 = 32767
	i16 += 2
	var i32 int32 = -2147483648
	i32 = -i32
	var i64 int64 = -1 << 63
	i64 = i64 * -1
	var u8 uint8 = 250
	u8 += 10
	var u16 uint16 = 3
	u16 -= 5
	var u32 uint32 = 1 << 31
	u32 *= 3
	var u64 uint64 = 0
	u64--
	println(i8, i16, i32, i64, u8, u16, u32, u64)
	// multiplication overflow
	var m8 int8 = 100
	var m16 int16 = 300
	var m32 int32 = 100000
	println(m8*m8, m16*m16, m32*m32, -m8*3)
	// MinInt / -1 and % -1
	var n1 int8 = -1
	var mn int8 = -128
	println(mn/n1, mn%n1)
	var mn32 int32 = -1 << 31
	var n32 int32 = -1
	println(mn32/n32, mn32%n32)
	var mn64 int64 = -1 << 63
	var n64 int64 = -1
	println(mn64/n64, mn64%n64)
	for _, s := range []uint{0, 1, 3, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, 200, 1 << 40} {
		shifts(s)
	}
	// shift counts of every unsigned type and signed nonnegative counts
	var s8 uint8 = 200
	var s16 int16 = 70
	var s64 uint64 = 1<<64 - 1
	var one int64 = 1
	println(one<<s8, one<<s16, one<<s64, -one>>s8, uint32(7)<<s16)
	divs(7, 2)
	divs(-7, 2)
	divs(7, -2)
	divs(-7, -2)
	divs(-1, 3)
	divs(1000, 7)
	// uintptr arithmetic
	var p uintptr = 1<<64 - 1
	p++
	var q uintptr = 4096
	q = q*3 + 17
	println(p, q, q/16, q%16, q>>4, q&^0xf)
	// complement and negation of unsigned
	var w uint32 = 5
	println(^w, -w, ^uint8(0), -uint16(w))
	// constant-converted signed to unsigned via variables
	v := -5
	println(uint8(v), uint16(v), uint32(v), uint64(v))
	println(int8(uint8(v)), int16(uint8(v)), int32(uint16(v)), int64(uint32(v)))
}
