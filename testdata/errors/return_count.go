package main

func one() int {
	return 1, 2 // ERROR "too many return values"
}

func two() (int, string) {
	return 1 // ERROR "not enough return values"
}

func none() {
	return 3 // ERROR "too many return values"
}

func three() (int, int, int) {
	return // ERROR "not enough return values"
}

func named() (a, b int) {
	return // a bare return with named results is fine
}

func main() {
	println(one())
	none()
	println(two())
	println(three())
	println(named())
}
