// Primes below 200 by trial division.
package main

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	count := 0
	for n := 0; n < 200; n++ {
		if !isPrime(n) {
			continue
		}
		count++
		print(n, " ")
	}
	println()
	println("count:", count)
}
