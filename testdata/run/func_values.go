// Function values: nil funcs, funcs in maps and structs, higher-order functions.
package main

type op struct {
	name string
	f    func(int, int) int
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func main() {
	ops := []op{
		{"add", func(a, b int) int { return a + b }},
		{"mul", func(a, b int) int { return a * b }},
	}
	for _, o := range ops {
		println(o.name, o.f(6, 7))
	}
	table := map[string]func(int) int{
		"double": func(x int) int { return 2 * x },
		"square": func(x int) int { return x * x },
	}
	println(compose(table["double"], table["square"])(3))
	var nf func()
	println(nf == nil)
}
