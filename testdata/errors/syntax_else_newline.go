// else on the line after the if block's closing brace: the newline ends the
// if statement.
package main

func main() {
	x := 1
	if x > 0 {
		println("pos")
	}
	else { // ERROR "syntax error: unexpected keyword else, expected }"
		println("neg")
	}
}
