// Wrong numbers of return values (with the have/want lines) and unusable call results in return statements.
package main

func one() int {
	return 1, "a" // ERROR "too many return values"
}

func two() (int, string) {
	return 1 // ERROR "not enough return values"
}

func none() {
	return 3, 4 // ERROR "too many return values"
}

func three() (x, y int, z string) {
	return 1, 2 // ERROR "not enough return values"
}

func pair() (int, int) { return 1, 2 }

func fromCall() int {
	return pair() // ERROR "too many return values"
}

func fromNone() int {
	return none() // ERROR "none\(\) \(no value\) used as value"
}

func main() {
	x := 1
	return x // ERROR "too many return values"
}
