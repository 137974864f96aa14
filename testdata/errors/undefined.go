package main

func main() {
	println(x)       // ERROR "undefined: x"
	y = 2            // ERROR "undefined: y"
	undefinedFunc(1) // ERROR "undefined: undefinedFunc"
}
