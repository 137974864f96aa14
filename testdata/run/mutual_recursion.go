// Mutually recursive functions declared in either order.
package main

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func main() {
	println(isEven(10), isOdd(10), isEven(7), isOdd(7), isEven(10001))
}
