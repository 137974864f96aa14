// && and || evaluate their right operand only when needed.
package main

var calls int

func t(name string) bool {
	calls++
	print(name, " ")
	return true
}

func f(name string) bool {
	calls++
	print(name, " ")
	return false
}

func main() {
	println(f("a") && t("b"))
	println(t("a") || f("b"))
	println(t("a") && f("b") || t("c"))
	println(f("a") || f("b") && t("c"))
	println(!f("a") && !(t("b") && f("c")))
	println("calls:", calls)
}
