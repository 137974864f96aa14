// Variadic functions: no arguments, several, a spread slice that is shared.
package main

func sum(base int, xs ...int) int {
	for _, x := range xs {
		base += x
	}
	return base
}

func first(xs ...string) string {
	if len(xs) == 0 {
		return "none"
	}
	xs[0] = "changed"
	return xs[0]
}

func count(xs ...interface{}) int { return len(xs) }

func main() {
	println(sum(1), sum(1, 2, 3), sum(0, []int{4, 5, 6}...))
	names := []string{"a", "b"}
	println(first(), first(names...), names[0])
	println(count(1, "a", nil, 2.5), count(), count(nil))
}
