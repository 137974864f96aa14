// The function's opening brace is missing: the signature is a declaration
// without a body and the body's statements are outside any function.
package main

func f()
	println("x") // ERROR "syntax error: non-declaration statement outside function body"
}

func main() {
	f()
}
