// Functions with several parameters and results, named results, blank identifier.
package main

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func swap(a, b string) (string, string) {
	return b, a
}

func minmax(xs0, xs1, xs2 int) (min, max int) {
	min, max = xs0, xs0
	if xs1 < min {
		min = xs1
	}
	if xs1 > max {
		max = xs1
	}
	if xs2 < min {
		min = xs2
	}
	if xs2 > max {
		max = xs2
	}
	return
}

func three() (int, bool, string) {
	return 1, true, "three"
}

func pass(a, b int) (int, int) {
	return divmod(a, b)
}

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	a, b := swap("x", "y")
	println(a, b)
	lo, hi := minmax(5, -3, 9)
	println(lo, hi)
	n, ok, s := three()
	println(n, ok, s)
	_, r2 := pass(100, 7)
	println(r2)
	a, b = b, a
	println(a, b)
}
