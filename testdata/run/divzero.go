// Integer division by zero at run time is a runtime error panic.
package main

func div(a, b int) int {
	return a / b
}

func main() {
	println(div(10, 3))
	zero := 0
	println(div(1, zero))
	println("not reached")
}
