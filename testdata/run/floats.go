// float64 arithmetic and println's float format.
package main

func sqrt(x float64) float64 {
	z := 1.0
	for i := 0; i < 30; i++ {
		z = z - (z*z-x)/(2*z)
	}
	return z
}

func main() {
	println(1.5, 0.1+0.2, -2.75, 1e100, 1e-7, 100.0)
	var x float64 = 3
	println(x/2, x*x, x-10)
	println(sqrt(2), sqrt(144))
	zero := 0.0
	println(1/zero, -1/zero, zero/zero == zero/zero)
	println(7.0 > 6.5, x == 3)
	var sum, d float64
	for i := 1; i <= 10; i++ {
		d += 1
		sum += 1 / d
	}
	println(sum)
}
