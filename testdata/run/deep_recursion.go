// Recursion 100000 deep: the goroutine stack must grow.
package main

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func sum(n int, a, b, c, d string) int {
	if n == 0 {
		return len(a + b + c + d)
	}
	return sum(n-1, b, c, d, a) + 1
}

func main() {
	println(depth(100000))
	println(sum(100000, "a", "bb", "ccc", "dddd"))
	println(depth(1000000))
}
