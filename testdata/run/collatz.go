// Collatz sequence lengths; the for-condition-only loop form.
package main

func steps(n int) int {
	s := 0
	for n != 1 {
		if n%2 == 0 {
			n = n / 2
		} else {
			n = 3*n + 1
		}
		s++
	}
	return s
}

func main() {
	best, bestN := 0, 0
	for n := 1; n < 10000; n++ {
		if s := steps(n); s > best {
			best, bestN = s, n
		}
	}
	println(steps(27), bestN, best)
}
