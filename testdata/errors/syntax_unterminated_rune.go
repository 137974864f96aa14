// A rune literal that runs into the end of the line.
package main

func main() {
	c := 'a // ERROR "newline in rune literal"
	println(c)
}
