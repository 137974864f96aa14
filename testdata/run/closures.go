// Closures: captured variables shared by reference, counters, per-iteration loop variables.
package main

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	next, reset := counter()
	println(next(), next(), next())
	reset()
	println(next())
	k := 3
	times := apply([]int{1, 2, 3}, func(x int) int { return x * k })
	println(times[0], times[1], times[2])
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	println(fs[0](), fs[1](), fs[2]())
	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			r := a
			a, b = b, a+b
			return r
		}
	}()
	for i := 0; i < 10; i++ {
		print(fib(), " ")
	}
	println()
	var rec func(int) int
	rec = func(n int) int {
		if n == 0 {
			return 1
		}
		return n * rec(n-1)
	}
	println(rec(10))
}
