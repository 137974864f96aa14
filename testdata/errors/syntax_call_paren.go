// A call missing its closing parenthesis: gc skips to the next closer.
package main

func main() {
	println("a", 1 // ERROR "syntax error: unexpected newline in argument list; possibly missing comma or \)"
	println("b")
}
