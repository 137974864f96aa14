package main

func main() {
	x := 1
	s := "a"
	f := 1.5
	b := true
	println(x + s)  // ERROR "invalid operation: x \+ s \(mismatched types int and string\)"
	println(x * f)  // ERROR "invalid operation: x \* f \(mismatched types int and float64\)"
	println(s == x) // ERROR "invalid operation: s == x \(mismatched types string and int\)"
	println(b + b)  // ERROR "invalid operation: operator \+ not defined on b \(variable of type bool\)"
	println(-s)     // ERROR "invalid operation: operator - not defined on s \(variable of type string\)"
	println(!x)     // ERROR "invalid operation: operator ! not defined on x \(variable of type int\)"
}
