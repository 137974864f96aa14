package main

func f(x int) int {
	if x > 0 {
		return 1
	}
} // ERROR "missing return"

func g(x int) string {
	for x > 0 {
		return "a"
	}
} // ERROR "missing return"

func h(x int) int {
	switch x {
	case 1:
		return 1
	}
} // ERROR "missing return"

func terminates(x int) int {
	for {
	}
}

func ifElse(x int) int {
	if x > 0 {
		return 1
	} else {
		return 2
	}
}

func withPanic() int {
	panic("no")
}

func main() {
	println(f(1), g(1), h(1), terminates(1), ifElse(1), withPanic())
}
