// rgoc: gc on amd64 computes Exp and Log in assembly (exp_amd64.s,
// log_amd64.s), whose results differ in the last bit from the pure-Go exp
// and log for some arguments. archExp and archLog below are those assembly
// routines transcribed to Go, operation for operation, so that Exp, Log and
// everything built on them (Pow, Log10, Log2, ...) are bit-exact with gc.
//
// exp_amd64.s takes a fused multiply-add path when the CPU has FMA
// (useFMA); the transcription follows that path (x86-64-v3 and the
// reference machine), computing the fused operations with the exact
// software FMA.

//
// Copyright 2021 The Go Authors (archMax ... archTrunc: gc's dim_noasm.go,
// floor_noasm.go and hypot_noasm.go). Use of this source code is governed
// by a BSD-style license that can be found in the LICENSE-go file.
//
// gc's other amd64 assembly routines (dim_amd64.s: Max, Min; floor_amd64.s:
// Floor, Ceil, Trunc; hypot_amd64.s: Hypot) compute exactly what the
// pure-Go max, min, floor, ceil, trunc and hypot compute (same special
// cases, same NaN bits, exact or same-order operations), so they are off
// here as on architectures without assembly. Floor, Ceil and Trunc are
// compiler intrinsics anyway (codegen/intrinsic.rs).

package math

const haveArchMax = false

func archMax(x, y float64) float64 {
	panic("not implemented")
}

const haveArchMin = false

func archMin(x, y float64) float64 {
	panic("not implemented")
}

const haveArchFloor = false

func archFloor(x float64) float64 {
	panic("not implemented")
}

const haveArchCeil = false

func archCeil(x float64) float64 {
	panic("not implemented")
}

const haveArchTrunc = false

func archTrunc(x float64) float64 {
	panic("not implemented")
}

const haveArchHypot = false

func archHypot(p, q float64) float64 {
	panic("not implemented")
}

const haveArchExp = true

const haveArchLog = true

const useFMA = true

func archExp(x float64) float64 {
	const (
		LOG2E    = 1.4426950408889634073599246810018920
		LN2U     = 0.69314718055966295651160180568695068359375
		LN2L     = 0.28235290563031577122588448175013436025525412068e-12
		Overflow = 7.09782712893384e+02
	)
	bx := Float64bits(x)
	if bx&^(1<<63) >= 0x7FF0000000000000 {
		if x == Inf(-1) {
			return 0
		}
		return x // NaN or +Inf
	}
	if x > Overflow {
		return Inf(1)
	}
	// CVTSD2SL: round to nearest even; out of range gives MinInt32.
	k := int32(-1 << 31)
	if t := RoundToEven(LOG2E * x); t >= -(1<<31) && t < 1<<31 {
		k = int32(t)
	}
	fk := float64(k)
	var r float64
	if useFMA {
		r = FMA(-LN2U, fk, x)
		r = FMA(-LN2L, fk, r)
		r *= 0.0625
		p := 2.4801587301587301587e-5
		p = FMA(p, r, 1.9841269841269841270e-4)
		p = FMA(p, r, 1.3888888888888888889e-3)
		p = FMA(p, r, 8.3333333333333333333e-3)
		p = FMA(p, r, 4.1666666666666666667e-2)
		p = FMA(p, r, 1.6666666666666666667e-1)
		p = FMA(p, r, 0.5)
		p = FMA(p, r, 1.0)
		r *= p
		t := r + 2.0
		r *= t
		t = r + 2.0
		r *= t
		t = r + 2.0
		r *= t
		t = r + 2.0
		r = FMA(r, t, 1.0)
	} else {
		r = x - LN2U*fk
		r -= LN2L * fk
		r *= 0.0625
		p := 2.4801587301587301587e-5 * r
		p = (p + 1.9841269841269841270e-4) * r
		p = (p + 1.3888888888888888889e-3) * r
		p = (p + 8.3333333333333333333e-3) * r
		p = (p + 4.1666666666666666667e-2) * r
		p = (p + 1.6666666666666666667e-1) * r
		p = (p + 0.5) * r
		p = p + 1.0
		r *= p
		r *= r + 2.0
		r *= r + 2.0
		r *= r + 2.0
		r *= r + 2.0
		r += 1.0
	}
	// return fr * 2**exponent
	e := k + 0x3FF
	if e <= 0 {
		if e < -52 {
			return 0
		}
		r *= Float64frombits(uint64(e+0x3FE) << 52)
		e = 1
	} else if e >= 0x7FF {
		return Inf(1)
	}
	return r * Float64frombits(uint64(e)<<52)
}

func archLog(x float64) float64 {
	const (
		HSqrt2 = 7.07106781186547524401e-01
		Ln2Hi  = 6.93147180369123816490e-01
		Ln2Lo  = 1.90821492927058770002e-10
		L1     = 6.666666666666735130e-01
		L2     = 3.999999999940941908e-01
		L3     = 2.857142874366239149e-01
		L4     = 2.222219843214978396e-01
		L5     = 1.818357216161805012e-01
		L6     = 1.531383769920937332e-01
		L7     = 1.479819860511658591e-01
	)
	bx := Float64bits(x)
	if bx&^(1<<63) == 0 {
		return Inf(-1)
	}
	if int64(bx) < 0 {
		return Float64frombits(0x7FF8000000000001)
	}
	if bx >= 0x7FF0000000000000 {
		return x // +Inf or NaN
	}
	f1 := Float64frombits(bx&0x000FFFFFFFFFFFFF | 0x3FE0000000000000)
	k := float64(int32(bx>>52&0x7FF) - 0x3FE)
	if f1 < HSqrt2 {
		k -= 1
		f1 *= 2
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (L1 + s4*(L3+s4*(L5+s4*L7)))
	t2 := s4 * (L2 + s4*(L4+s4*L6))
	R := t1 + t2
	hfsq := 0.5 * f * f
	return k*Ln2Hi - ((hfsq - (s*(hfsq+R) + k*Ln2Lo)) - f)
}
