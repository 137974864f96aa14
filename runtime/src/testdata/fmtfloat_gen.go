//go:build ignore

// Generates fmtfloat_gc.txt: strconv.FormatFloat outputs of the reference
// go for a fixed set of values, formats, precisions and bit sizes.
// Run: go run fmtfloat_gen.go > fmtfloat_gc.txt
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func main() {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1.5, 2.5, 0.125, 0.25, 0.375,
		0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 1e21, 1e20, 1e22, 1e23, 123456789, 1234567890123456789, 100, 1e6, 1e-7,
		0.000123, 0.0001, 0.00001, 999999.5, 9.5, 99.5, 0.95, 0.995, 5e-324, 1e-320, 2.2250738585072014e-308,
		math.MaxFloat64, math.SmallestNonzeroFloat32, math.MaxFloat32, 3.14159265358979, math.Pi, math.E, 1e100, 1e-100,
		123.456, -123.456, 1e15, 1e16, 1e17, 9007199254740993, 0.1 + 0.2, 7e-10, 16777216, 16777217, 33554431,
		math.Inf(1), math.Inf(-1), math.NaN(), 1.7976931348623157e308 / 3, 4.35, 8.345, 12345.678e-9,
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 25; i++ {
		vals = append(vals, math.Float64frombits(r.Uint64()))
	}
	for i := 0; i < 25; i++ {
		vals = append(vals, r.Float64()*math.Pow(10, float64(r.Intn(40)-20)))
	}
	for i := 0; i < 15; i++ {
		vals = append(vals, float64(r.Int63n(100000))/float64(int64(1)<<uint(r.Intn(12))))
	}
	for i := 0; i < 15; i++ {
		vals = append(vals, float64(math.Float32frombits(r.Uint32())))
	}
	fmts := []byte("eEfgGbxX")
	precs := []int{-1, 0, 1, 2, 3, 6, 10, 17, 20}
	for _, v := range vals {
		for _, f := range fmts {
			for _, p := range precs {
				for _, bits := range []int{64, 32} {
					if (f == 'b') && p != -1 {
						continue
					}
					fmt.Printf("%c %d %d %d %s\n", f, p, bits, math.Float64bits(v), strconv.FormatFloat(v, f, p, bits))
				}
			}
		}
	}
	// big precisions for 'f' and 'e'
	for _, v := range []float64{1e300, 1e-300, 0.1, 5e-324, 123.456, 1.0 / 3} {
		for _, p := range []int{40, 100, 400, 1100} {
			for _, f := range []byte("efg") {
				fmt.Printf("%c %d %d %d %s\n", f, p, 64, math.Float64bits(v), strconv.FormatFloat(v, f, p, 64))
			}
		}
	}
}
