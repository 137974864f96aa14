// Division truncates toward zero; the remainder takes the dividend's sign.
package main

func show(a, b int) {
	println(a, "/", b, "=", a/b, " ", a, "%", b, "=", a%b)
}

func main() {
	show(7, 2)
	show(-7, 2)
	show(7, -2)
	show(-7, -2)
	show(0, 5)
	minInt := -1 << 63
	println(minInt/-1, minInt%-1)
	println(-7>>1, 7>>1, -1<<3)
}
