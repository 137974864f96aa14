// Scopes: blocks, if/for/switch init statements shadow outer names.
package main

var x = "package"

func main() {
	println(x)
	x := 1
	println(x)
	{
		x := "block"
		println(x)
	}
	if x := 2.5; x > 2 {
		println("if", x)
	} else {
		println("else", x)
	}
	for x := 0; x < 2; x++ {
		x := x * 10
		println("for", x)
	}
	switch x := "sw"; x {
	case "sw":
		println("switch", x)
	}
	println(x)
}
