// How print and println format each basic type (both write to stderr).
package main

func main() {
	println(true, false)
	println(0, -1, 42, 9223372036854775807, -9223372036854775808)
	println("", "a b", "tab\there")
	println(0.0, 1.0, -1.0, 123456789.0, 1.0/3.0)
	print("no", "spaces", 1, 2, true, "\n")
	print(1, 2, "\n")
	println()
	println("x")
}
