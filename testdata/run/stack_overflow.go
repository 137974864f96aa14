// Runaway recursion: the stack grows to gc's 1e9-byte limit, then
// "fatal error: stack overflow", exit status 2.
package main

var limit = 1 << 62

func f(n int) int {
	var a [4]int
	a[n%4] = n
	if n > limit {
		return n
	}
	return f(n+1)*2 + a[1]
}

func main() {
	println("start")
	println(f(0))
}
