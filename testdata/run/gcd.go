// Euclid's algorithm, recursive and iterative; multiple results.
package main

func gcd(a, b int) int {
	if b == 0 {
		return a
	}
	return gcd(b, a%b)
}

func gcdLcm(a, b int) (g int, l int) {
	x, y := a, b
	for y != 0 {
		x, y = y, x%y
	}
	g = x
	l = a / g * b
	return
}

func main() {
	println(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462))
	g, l := gcdLcm(12, 18)
	println(g, l)
	_, l2 := gcdLcm(21, 6)
	println(l2)
}
