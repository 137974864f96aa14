// Expression switches with and without a tag, lists of cases, default anywhere.
package main

func kind(n int) string {
	switch n {
	case 0:
		return "zero"
	case 1, 3, 5, 7, 9:
		return "odd digit"
	default:
		return "other"
	case 2, 4, 6, 8:
		return "even digit"
	}
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func name(s string) int {
	switch s {
	case "one":
		return 1
	case "two":
		return 2
	}
	return -1
}

func main() {
	for i := 0; i < 11; i++ {
		println(i, kind(i))
	}
	println(sign(-5), sign(0), sign(42))
	println(name("one"), name("two"), name("three"))
	switch x := 5; {
	case x > 3:
		println("big")
		if x == 5 {
			break
		}
		println("not reached")
	case x > 1:
		println("not reached either")
	}
	switch {
	}
	println("done")
}
