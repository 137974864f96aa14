package main

func f(a int, b string) int {
	return a + len(b)
}

func main() {
	println(f(1))       // ERROR "not enough arguments in call to f"
	println(f(1, "a", 2)) // ERROR "too many arguments in call to f"
	println(f())        // ERROR "not enough arguments in call to f"
	println(f("a", 1))  // ERROR `cannot use "a" \(untyped string constant\) as int value in argument to f` "cannot use 1 \(untyped int constant\) as string value in argument to f"
}
