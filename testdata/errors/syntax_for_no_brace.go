// The for clause's opening brace is missing; gc parses the body as if it
// were there, so the closing braces still balance.
package main

func main() {
	for i := 0; i < 10; i++ // ERROR "syntax error: unexpected newline, expected { after for clause"
		println(i)
	}
}
