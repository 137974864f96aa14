// bool variables, operators, comparisons and bools as results.
package main

func xor(a, b bool) bool {
	return a != b
}

func main() {
	t, f := true, false
	println(t && f, t || f, !t, !f, t == f, t != f)
	println(xor(t, f), xor(t, t), xor(f, f))
	var b bool
	println(b)
	b = 3 > 2 && "a" < "b"
	println(b)
	const c = 1 < 2
	println(c, c == b)
}
