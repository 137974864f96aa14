package main

func pair() (int, int) {
	return 1, 2
}

func main() {
	a, b := 1                // ERROR "assignment mismatch: 2 variables but 1 value"
	var c, d int = pair(), 3 // ERROR "multiple-value pair\(\) \(value of type \(int, int\)\) in single-value context"
	e := pair()              // ERROR "assignment mismatch: 1 variable but pair returns 2 values"
	var f int
	f, g := 1, 2, 3 // ERROR "assignment mismatch: 2 variables but 3 values"
	println(a, b, c, d, e, f, g)
}
