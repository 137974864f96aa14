// The if block's closing brace is missing, so f's body swallows the next
// declaration and gc stumbles on it.
package main

func f() {
	if true {
		println("a")
}

func main() { // ERROR "syntax error: unexpected name main, expected \("
	f()
}
