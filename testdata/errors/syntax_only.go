// With a syntax error in the file gc reports no type errors.
package main

func main() {
	var s string = 1
	undefinedName()
	for i := 0; i < 10; i++ {
		println(i // ERROR "syntax error: unexpected newline in argument list; possibly missing comma or \)"
	}
}
