// Statements outside function bodies.
package main

x := 1 // ERROR "syntax error: non-declaration statement outside function body"

func main() {
	println("x")
}

if true {} // ERROR "syntax error: non-declaration statement outside function body"
