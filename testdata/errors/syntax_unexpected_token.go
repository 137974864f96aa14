// Unexpected tokens; gc recovers and reports each syntax error of the file.
package main

func main() {
	x := (1 + 2 // ERROR "syntax error: unexpected newline, expected \)"
	println(x) // ERROR "syntax error: unexpected name println at end of statement"
	var y int = ) // ERROR "syntax error: unexpected \), expected expression"
	if x == 1 {
	} else println(y) // ERROR "syntax error: else must be followed by if or statement block"
}
