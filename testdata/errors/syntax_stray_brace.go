// One closing brace too many.
package main

func main() {
	println("a")
}
} // ERROR "syntax error: non-declaration statement outside function body"
