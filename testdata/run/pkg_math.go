// Tests package math: constants, bit conversions, classification, the
// special values (NaN, ±Inf, ±0, subnormals, huge) of every function, and
// bit-exactness with gc: for 43 functions a hash of the bits of 3000
// results over mixed arguments (random bit patterns, [-10,10), [-700,700),
// [-1,1)), with a few samples printed.
package main

import "math"

func specials() {
	println(math.Pi, math.E, math.Phi, math.Sqrt2, math.SqrtE, math.SqrtPi, math.SqrtPhi, math.Ln2, math.Log2E, math.Ln10, math.Log10E)
	println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	println(math.MaxInt, math.MinInt, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64)
	println(uint64(math.MaxUint), math.MaxUint8, math.MaxUint16, math.MaxUint32, uint64(math.MaxUint64))
	negz := math.Copysign(0, -1)
	println(negz, math.Signbit(negz), math.Signbit(0), math.Float64bits(negz), math.Float32bits(float32(negz)))
	println(math.Float64bits(1), math.Float64frombits(0x3ff8000000000000), math.Float32bits(1.5), math.Float32frombits(0x40490fdb))
	println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(1), 1), math.IsInf(math.Inf(-1), 1), math.IsInf(math.Inf(-1), 0), math.IsInf(math.Inf(-1), -1), math.IsInf(1, 0))
	vals := []float64{0, negz, 1, -1, 0.5, -0.5, 1.5, -2.5, 2.5, 3, 1e-310, -1e-310, 5e-324, 1e300, -1e300, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370497, -4503599627370496.5, 0.49999999999999994, 710, -746, 709.782712893384, -708.4, 88.7, 1e-20, math.Pi, math.Pi / 2, 1e22, 1 << 62}
	for _, x := range vals {
		fr, ex := math.Frexp(x)
		ip, fp := math.Modf(x)
		lg, sg := math.Lgamma(x)
		println(x, math.Abs(x), math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x), ip, fp, fr, ex, math.Ilogb(x), math.Logb(x))
		println(" ", math.Sqrt(x), math.Cbrt(x), math.Exp(x), math.Exp2(x), math.Expm1(x), math.Log(x), math.Log2(x), math.Log10(x), math.Log1p(x))
		println(" ", math.Sin(x), math.Cos(x), math.Tan(x), math.Asin(x), math.Acos(x), math.Atan(x), math.Sinh(x), math.Cosh(x), math.Tanh(x), math.Asinh(x), math.Acosh(x), math.Atanh(x))
		println(" ", math.Gamma(x), lg, sg, math.Erf(x), math.Erfc(x), math.J0(x), math.J1(x), math.Y0(x), math.Y1(x), math.Jn(3, x), math.Yn(2, x), math.Erfinv(x), math.Erfcinv(x))
		s, c := math.Sincos(x)
		println(" ", s, c, math.Ldexp(x, 3), math.Ldexp(x, -1074), math.Ldexp(x, 2000), math.Nextafter(x, 0), math.Nextafter32(float32(x), 1), math.Float64bits(math.Nextafter(x, math.Inf(1))))
		for _, y := range []float64{0, negz, 1, -1, 2, 0.5, -3, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), 2.5} {
			println("   ", y, math.Pow(x, y), math.Atan2(x, y), math.Hypot(x, y), math.Mod(x, y), math.Remainder(x, y), math.Max(x, y), math.Min(x, y), math.Dim(x, y), math.Copysign(x, y), math.FMA(x, y, 1))
		}
	}
	println(math.Pow10(0), math.Pow10(-3), math.Pow10(22), math.Pow10(308), math.Pow10(309), math.Pow10(-324), math.Pow10(-323))
	println(math.Inf(0), math.Inf(-5), math.Float32bits(float32(math.NaN())) != 0)
}

var seed uint64 = 88172645463325252

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func input(i int) float64 {
	r := next()
	switch i % 4 {
	case 0:
		return math.Float64frombits(r) // any bits
	case 1:
		return float64(int64(r>>11)) / (1 << 53) * 20 - 10
	case 2:
		return float64(int64(r>>11)) / (1 << 53) * 1400 - 700
	}
	return float64(int64(r>>11)) / (1 << 53) * 2 - 1
}

func main() {
	specials()
	names := []string{"Exp", "Log", "Sin", "Cos", "Tan", "Atan", "Asin", "Acos", "Sqrt", "Cbrt", "Log2", "Log10", "Exp2", "Floor", "Ceil", "Trunc", "Round", "RoundToEven", "Sinh", "Cosh", "Tanh", "Log1p", "Expm1", "Erf", "Gamma", "Asinh", "Acosh", "Atanh", "Pow", "Atan2", "Hypot", "Mod", "Remainder", "FMA", "Ldexp", "Frexp", "Modf", "J0", "Y0", "Lgamma", "Erfinv", "Logb", "Nextafter"}
	fs := []func(x, y float64) float64{
		func(x, y float64) float64 { return math.Exp(x) },
		func(x, y float64) float64 { return math.Log(x) },
		func(x, y float64) float64 { return math.Sin(x) },
		func(x, y float64) float64 { return math.Cos(x) },
		func(x, y float64) float64 { return math.Tan(x) },
		func(x, y float64) float64 { return math.Atan(x) },
		func(x, y float64) float64 { return math.Asin(x) },
		func(x, y float64) float64 { return math.Acos(x) },
		func(x, y float64) float64 { return math.Sqrt(x) },
		func(x, y float64) float64 { return math.Cbrt(x) },
		func(x, y float64) float64 { return math.Log2(x) },
		func(x, y float64) float64 { return math.Log10(x) },
		func(x, y float64) float64 { return math.Exp2(x) },
		func(x, y float64) float64 { return math.Floor(x) },
		func(x, y float64) float64 { return math.Ceil(x) },
		func(x, y float64) float64 { return math.Trunc(x) },
		func(x, y float64) float64 { return math.Round(x) },
		func(x, y float64) float64 { return math.RoundToEven(x) },
		func(x, y float64) float64 { return math.Sinh(x) },
		func(x, y float64) float64 { return math.Cosh(x) },
		func(x, y float64) float64 { return math.Tanh(x) },
		func(x, y float64) float64 { return math.Log1p(x) },
		func(x, y float64) float64 { return math.Expm1(x) },
		func(x, y float64) float64 { return math.Erf(x) },
		func(x, y float64) float64 { return math.Gamma(x) },
		func(x, y float64) float64 { return math.Asinh(x) },
		func(x, y float64) float64 { return math.Acosh(x) },
		func(x, y float64) float64 { return math.Atanh(x) },
		func(x, y float64) float64 { return math.Pow(x, y) },
		func(x, y float64) float64 { return math.Atan2(x, y) },
		func(x, y float64) float64 { return math.Hypot(x, y) },
		func(x, y float64) float64 { return math.Mod(x, y) },
		func(x, y float64) float64 { return math.Remainder(x, y) },
		func(x, y float64) float64 { return math.FMA(x, y, x) },
		func(x, y float64) float64 { return math.Ldexp(x, int(int64(math.Float64bits(y))%2100)) },
		func(x, y float64) float64 { f, e := math.Frexp(x); return f + float64(e) },
		func(x, y float64) float64 { a, b := math.Modf(x); return a - b },
		func(x, y float64) float64 { return math.J0(x) },
		func(x, y float64) float64 { return math.Y0(x) },
		func(x, y float64) float64 { l, s := math.Lgamma(x); return l * float64(s) },
		func(x, y float64) float64 { return math.Erfinv(y / 1000) },
		func(x, y float64) float64 { return math.Logb(x) },
		func(x, y float64) float64 { return math.Nextafter(x, y) },
	}
	for k, f := range fs {
		seed = 88172645463325252
		var h uint64
		bad := 0
		for i := 0; i < 3000; i++ {
			x := input(i)
			y := input(i + 1)
			r := f(x, y)
			b := math.Float64bits(r)
			if r != r {
				b = 0x7ff8000000000001
			}
			h = h*31 + b
			if i%499 == 0 && bad < 2 {
				bad++
				println(names[k], x, y, r)
			}
		}
		println(names[k], h)
	}
}
