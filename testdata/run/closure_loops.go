// Closures: Go 1.22 per-iteration variables in 3-clause and range loops (modified in body and post), nested captures, closures outliving frames, recursive closures.
package main

type adder func(int) int

func makeAdders() []adder {
	var out []adder
	for i := 0; i < 3; i++ {
		out = append(out, func(x int) int { return x + i })
	}
	return out
}

func compose(fs ...func(int) int) func(int) int {
	return func(x int) int {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func main() {
	// 3-clause loop: each iteration has its own i; changes in the body carry to the next iteration's copy
	var fs []func() int
	for i := 0; i < 10; i++ {
		fs = append(fs, func() int { return i })
		i++
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	// the closure modifying its own iteration's variable does not affect the loop
	var incs []func()
	var reads []func() int
	for i := 0; i < 3; i++ {
		incs = append(incs, func() { i += 10 })
		reads = append(reads, func() int { return i })
	}
	incs[1]()
	println(reads[0](), reads[1](), reads[2]())
	// captured in the post statement: the post statement sees the new copy
	var post []func() int
	for i := 0; i < 3; i, post = i+1, append(post, func() int { return i }) {
	}
	for _, f := range post {
		print(f(), " ")
	}
	println()
	// range over slice, map-free string and integer
	var rs []func() (int, string)
	for i, s := range []string{"a", "b", "c"} {
		rs = append(rs, func() (int, string) { return i, s })
	}
	for _, f := range rs {
		i, s := f()
		print(i, s, " ")
	}
	println()
	var rr []func() rune
	for _, r := range "héz" {
		rr = append(rr, func() rune { return r })
	}
	println(rr[0](), rr[1](), rr[2]())
	var ri []func() int
	for i := range 4 {
		ri = append(ri, func() int { return i * i })
	}
	println(ri[0](), ri[1](), ri[2](), ri[3]())
	// closures escaping their creating function
	ad := makeAdders()
	println(ad[0](100), ad[1](100), ad[2](100))
	// shared variable between two closures, and with the enclosing function
	x := 1
	get := func() int { return x }
	set := func(v int) { x = v }
	set(5)
	x++
	println(get(), x)
	// nested closures capturing different levels
	outer := 10
	mk := func(a int) func(int) int {
		return func(b int) int {
			outer++
			return a + b + outer
		}
	}
	f1 := mk(1)
	f2 := mk(2)
	println(f1(0), f2(0), f1(0), outer)
	// recursive closure via a var declared first
	var fib func(int) int
	memo := map[int]int{}
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		v := fib(n-1) + fib(n-2)
		memo[n] = v
		return v
	}
	println(fib(80), len(memo))
	// mutually recursive closures
	var even, odd func(int) bool
	even = func(n int) bool { return n == 0 || odd(n-1) }
	odd = func(n int) bool { return n != 0 && even(n-1) }
	println(even(10), odd(7), even(7))
	// composition and immediately invoked closures
	c := compose(func(x int) int { return x * 2 }, func(x int) int { return x + 3 }, ad[2])
	println(c(5), func(a, b int) int { return a - b }(3, 10))
	// closure capturing a loop variable of an outer loop and an inner loop
	var grid []func() int
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			grid = append(grid, func() int { return i*10 + j })
		}
	}
	for _, g := range grid {
		print(g(), " ")
	}
	println()
	// closure capturing a struct and an array by reference
	type pt struct{ x, y int }
	p := pt{1, 2}
	arr := [3]int{1, 2, 3}
	mod := func() { p.x = 100; arr[2] = 300 }
	mod()
	println(p.x, arr[2])
}
