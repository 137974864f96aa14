// := is a statement, not a declaration.
package main

y := 2 // ERROR "syntax error: non-declaration statement outside function body"

func main() {
	println("main")
}
