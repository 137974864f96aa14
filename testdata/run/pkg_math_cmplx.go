// math/cmplx compiled from the Go distribution's sources.
package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	zs := []complex128{1 + 2i, -3 + 0.5i, 0, 1i, -1, complex(math.Inf(1), 1), complex(math.NaN(), 0)}
	for _, z := range zs {
		fmt.Printf("%v abs=%.6g phase=%.6g conj=%v inf=%v nan=%v\n", z, cmplx.Abs(z), cmplx.Phase(z), cmplx.Conj(z), cmplx.IsInf(z), cmplx.IsNaN(z))
	}
	z := 1 + 2i
	for _, f := range []struct {
		n string
		f func(complex128) complex128
	}{
		{"Sqrt", cmplx.Sqrt}, {"Exp", cmplx.Exp}, {"Log", cmplx.Log}, {"Log10", cmplx.Log10},
		{"Sin", cmplx.Sin}, {"Cos", cmplx.Cos}, {"Tan", cmplx.Tan}, {"Asin", cmplx.Asin},
		{"Acos", cmplx.Acos}, {"Atan", cmplx.Atan}, {"Sinh", cmplx.Sinh}, {"Cosh", cmplx.Cosh},
		{"Tanh", cmplx.Tanh}, {"Asinh", cmplx.Asinh}, {"Acosh", cmplx.Acosh}, {"Atanh", cmplx.Atanh}, {"Cot", cmplx.Cot},
	} {
		r := f.f(z)
		fmt.Printf("%-5s %.10f %.10f\n", f.n, real(r), imag(r))
	}
	p := cmplx.Pow(z, 0.5+1i)
	fmt.Printf("Pow %.10f %.10f\n", real(p), imag(p))
	r, th := cmplx.Polar(z)
	fmt.Printf("Polar %.10f %.10f Rect %v\n", r, th, cmplx.Rect(2, math.Pi/2))
	fmt.Println(cmplx.Inf(), cmplx.NaN(), cmplx.Sqrt(-4))
}
