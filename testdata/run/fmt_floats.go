package main

import "fmt"

const (
	Pi = 3.14159265358979323846264338327950288419716939937510582097494459
	E  = 2.71828182845904523536028747135266249775724709369995957496696763
)

func main() {
	zero := 0.0
	negZero := -zero
	inf, nan := 1/zero, zero/zero
	vals := []float64{0, 1, -1, 0.1, 1.0 / 3, 2.5, 1e6, 1e21, 1e20, 123456789, 1e-7, 0.000123, 5e-324,
		1.7976931348623157e308, 100, 3.14159265358979, -0.0, negZero}
	for _, v := range vals {
		fmt.Printf("%v|%g|%e|%E|%f|%.2f|%.3g|%10.3e|%-12g|%+g|% g|%#g|%#.3g|%08.2f|%x|%b\n",
			v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)
	}
	fmt.Println(1.0, 2.5, 1e6, 1e-5, 123456.0, 1234567.0, float32(0.1), float32(1e10), 1e100)
	fmt.Printf("%v %v %v %5.2f|%-6v|%+v|% v|%06v|%f\n", inf, -inf, nan, inf, nan, inf, nan, -inf, nan)
	fmt.Printf("%v %.3v %g %e\n", float32(1)/3, float32(2)/3, float32(16777216), float32(3.4e38))
	fmt.Printf("%v %v %.2f %+.1e %g\n", 1+2i, complex(-1.5, -0.25), 3-4i, complex64(1+1i), complex(inf, nan))
	fmt.Printf("%6.2f|%-8.1f|%08.3f|%+08.3f|% .2f\n", Pi, E, -Pi, Pi, Pi)
	fmt.Printf("%.0f %.0f %.0f %.0f %.1f %.1f\n", 0.5, 1.5, 2.5, -0.5, 0.25, 0.35)
	fmt.Printf("%#.0f %#.0e %#x %#v %X\n", 1.0, 2.0, 1.5, 1.0, -0.75)
	fmt.Printf("%.20f|%.30e|%.17g\n", 0.1, 1.0/3, 0.1)
	fmt.Printf("%F %G %.3G\n", 1.5, 1e-10, 123456.0)
	fmt.Printf("%g %g %g %g\n", 1e-4, 1e-5, 999999.0, 9999999.0)
	fmt.Printf("%d %s\n", 1.5, 2.5)
	var f32 float32 = 0.3
	fmt.Println(f32, float64(f32), f32*3)
	fmt.Printf("%5.1f%%\n", 99.5)
}
