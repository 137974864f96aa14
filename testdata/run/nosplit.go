// A //go:nosplit function called from ordinary ones, and a nosplit leaf in recursion.
package main

//go:nosplit
func add(a, b int) int {
	return a + b
}

//go:nosplit
func isEven(n int) bool {
	return n%2 == 0
}

func count(n int) int {
	if n == 0 {
		return 0
	}
	if isEven(n) {
		return add(count(n-1), 2)
	}
	return add(count(n-1), 1)
}

func main() {
	println(add(40, 2))
	println(count(10), count(50000))
}
