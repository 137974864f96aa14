// A stray closing parenthesis in if and switch headers.
package main

func g() int { return 1 }

func main() {
	if i := g()); i == 1 { // ERROR "syntax error: unexpected \), expected {"
	}
	switch x := g()) { // ERROR "syntax error: unexpected \), expected {"
	}
}
