package main

func f() {}

func f() {} // ERROR "f redeclared in this block"

func main() {
	x := 1
	var x int // ERROR "x redeclared in this block"
	x := 2    // ERROR "no new variables on left side of :="
	println(x)
}
