// float32 vs float64 rounding, NaN/±Inf/-0 through conversions, float->int conversions, complex64/128 arithmetic, real/imag/complex.
package main

func f32(x float64) float32 { return float32(x) }

func main() {
	// float32 rounds where float64 does not
	var a32 float32 = 0.1
	var a64 float64 = 0.1
	println(a32, a64, float64(a32), float32(a64) == a32)
	var s32 float32
	var s64 float64
	for i := 0; i < 10; i++ {
		s32 += a32
		s64 += a64
	}
	println(s32, s64, s32 == 1, s64 == 1)
	var big32 float32 = 16777216
	println(big32+1, big32+2, float64(big32)+1)
	println(f32(1e39), f32(-1e39), f32(1e-46), f32(3.4028234e38))
	// special values
	zero := 0.0
	inf := 1 / zero
	ninf := -1 / zero
	nan := zero / zero
	negz := -zero
	println(inf, ninf, nan, negz, 1/negz)
	println(float32(inf), float32(ninf), float32(nan), float32(negz), 1/float32(negz))
	println(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, ninf < -1e308)
	println(negz == 0, inf-inf, inf*0, inf+inf, -inf)
	var f32z float32 = 0
	println(f32z/f32z == f32z/f32z, 1/f32z, -1/f32z)
	// float -> int conversions of in-range values truncate toward zero
	for _, v := range []float64{0, 0.5, -0.5, 1.9999, -1.9999, 127.9, -128.9, 1e9, -1e9, 4294967295, 9.2e18, -9.2e18} {
		println(v, int64(v), int32(int64(v)), int(v))
	}
	println(uint32(4294967295.0), uint64(1.8e19))
	var fv float64 = 1.8e19
	var fw float32 = 3e9
	println(uint64(fv), uint32(fw), int64(fw), uint8(fw/1e8))
	// int -> float rounding
	var big int64 = 1<<53 + 1
	var ubig uint64 = 1<<64 - 1
	println(float64(big), float32(big), float64(ubig), float32(ubig))
	var i8 int8 = -7
	println(float64(i8), float32(i8)/2, float64(uint8(i8)))
	// float32 operations
	var x, y float32 = 1.25, 3
	println(x/y, x*y, x-y, -x, float64(x/y))
	// complex128
	c := complex(1.5, -2.0)
	d := 3 + 4i
	println(c, d, c+d, c-d, c*d, c/d)
	println(real(c*d), imag(c/d), -c, c == complex(1.5, -2), c != d)
	var z complex128
	println(z, d/z, real(d/z))
	// complex64
	var c64 complex64 = complex(float32(0.1), float32(0.2))
	e64 := complex64(d)
	println(c64, e64, c64*e64, c64/e64, real(c64), imag(c64))
	println(complex128(c64), complex64(complex128(c64)) == c64)
	var r32, i32 float32 = 2.5, -1
	k := complex(r32, i32)
	println(k, k*k, real(k*k), imag(k*k))
	// complex with infinities and nan
	ci := complex(inf, 1)
	cn := complex(nan, 0)
	println(ci, cn, cn == cn, ci*2)
	// accumulate in a loop
	acc := complex(1, 0)
	for i := 0; i < 8; i++ {
		acc *= complex(0, 1)
	}
	println(acc, real(acc)+imag(acc))
}
