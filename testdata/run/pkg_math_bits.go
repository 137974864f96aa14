// Tests package math/bits: counting, rotation, reversal, lengths and the
// 64-bit arithmetic helpers (Add64, Sub64, Mul64, Div64, Rem64) on boundary
// values, and the runtime errors Div64 raises.
package main

import "math/bits"

func divPanics(hi, lo, y uint64) {
	defer func() {
		e := recover()
		if err, ok := e.(error); ok {
			println("panic:", err.Error())
		}
	}()
	q, r := bits.Div64(hi, lo, y)
	println("div", q, r)
}

func main() {
	println(bits.UintSize)
	xs := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0x8000, 0xffff, 0x10000, 0x80000000, 0xffffffff, 1 << 32, 0x8000000000000000, 0xffffffffffffffff, 0x0123456789abcdef}
	for _, x := range xs {
		println(x, bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x), bits.Len64(x),
			bits.LeadingZeros32(uint32(x)), bits.TrailingZeros32(uint32(x)), bits.OnesCount32(uint32(x)), bits.Len32(uint32(x)),
			bits.LeadingZeros16(uint16(x)), bits.TrailingZeros16(uint16(x)), bits.OnesCount16(uint16(x)), bits.Len16(uint16(x)),
			bits.LeadingZeros8(uint8(x)), bits.TrailingZeros8(uint8(x)), bits.OnesCount8(uint8(x)), bits.Len8(uint8(x)),
			bits.LeadingZeros(uint(x)), bits.TrailingZeros(uint(x)), bits.OnesCount(uint(x)), bits.Len(uint(x)))
		println(bits.Reverse64(x), bits.Reverse32(uint32(x)), bits.Reverse16(uint16(x)), bits.Reverse8(uint8(x)), bits.Reverse(uint(x)),
			bits.ReverseBytes64(x), bits.ReverseBytes32(uint32(x)), bits.ReverseBytes16(uint16(x)), bits.ReverseBytes(uint(x)))
		for _, k := range []int{0, 1, 7, -1, -9, 33, 64, 65} {
			print(bits.RotateLeft64(x, k), " ", bits.RotateLeft32(uint32(x), k), " ", bits.RotateLeft16(uint16(x), k), " ", bits.RotateLeft8(uint8(x), k), " ", bits.RotateLeft(uint(x), k), "; ")
		}
		println()
	}
	for _, x := range xs {
		for _, y := range xs[10:] {
			s, c := bits.Add64(x, y, 0)
			s1, c1 := bits.Add64(x, y, 1)
			d, b := bits.Sub64(x, y, 0)
			d1, b1 := bits.Sub64(x, y, 1)
			hi, lo := bits.Mul64(x, y)
			h32, l32 := bits.Mul32(uint32(x), uint32(y))
			s32, c32 := bits.Add32(uint32(x), uint32(y), 1)
			println(s, c, s1, c1, d, b, d1, b1, hi, lo, h32, l32, s32, c32)
			if y != 0 {
				println(bits.Rem64(x, lo, y))
				if uint32(y) != 0 {
					println(bits.Rem32(uint32(x), uint32(lo), uint32(y)))
				}
				if x < y {
					q, r := bits.Div64(x, lo, y)
					println(q, r)
				}
			}
		}
	}
	divPanics(0, 1, 0)
	divPanics(5, 1, 5)
	divPanics(4, 1, 5)
}
