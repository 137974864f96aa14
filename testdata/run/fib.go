// Recursive Fibonacci, and an iterative one to check it against.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func fibIter(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

func main() {
	for i := 0; i <= 25; i += 5 {
		println("fib", i, fib(i), fibIter(i))
	}
	println(fibIter(90))
}
