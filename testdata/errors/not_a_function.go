package main

const c = 3

func main() {
	x := 1
	x() // ERROR "invalid operation: cannot call x \(variable of type int\): int is not a function"
	s := "s"
	println(s(1), c()) // ERROR "cannot call s \(variable of type string\)" "cannot call c \(untyped int constant 3\)"
}
