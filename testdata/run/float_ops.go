// float64 comparisons, negative zero, infinities and NaN.
package main

func main() {
	zero := 0.0
	negZero := -zero
	inf := 1 / zero
	nan := zero / zero
	println(negZero, 1/negZero, negZero == zero)
	println(inf, -inf, inf > 1e308, -inf < -1e308)
	println(nan, nan == nan, nan != nan, nan < 1, nan > 1)
	big := 1e308
	println(big*10, -big*10)
	x := 2.5
	x *= 4
	x -= 0.5
	x /= 3
	println(x, x > 3, x <= 3.1666666666666665)
	println(1.0/3.0*3.0 == 1.0, 0.1+0.2 == 0.3)
	a, b := 0.1, 0.2
	println(a+b, a+b == 0.3)
}
