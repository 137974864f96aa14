package main

func main() {
	println(len(5))        // ERROR "invalid argument: 5 \(untyped int constant\) for built-in len"
	println(len("a", "b")) // ERROR `too many arguments for len\("a", "b"\) \(expected 1, found 2\)`
	var s string
	s = 1 + 2 // ERROR "cannot use 1 \+ 2 \(untyped int constant 3\) as string value in assignment"
	println(s)
}
