// String concatenation, comparison and len.
package main

func repeat(s string, n int) string {
	r := ""
	for i := 0; i < n; i++ {
		r += s
	}
	return r
}

func main() {
	a := "hello"
	b := "world"
	c := a + ", " + b
	println(c, len(c))
	println(repeat("ab", 5), len(repeat("ab", 5)))
	println(a == "hello", a != b, a < b, b < a, a <= a, "" < "a", "ab" < "abc")
	println(len(""), len("héllo"))
	var empty string
	println(empty == "", len(empty))
	const k = "const" + "ant"
	println(k, len(k))
}
