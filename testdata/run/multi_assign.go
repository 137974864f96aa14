// Tuple assignment evaluates all right-hand sides (and index operands) before assigning.
package main

func main() {
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	println(a, b, c)
	s := []int{10, 20, 30}
	i := 0
	i, s[i] = 1, 99
	println(i, s[0], s[1])
	s[0], s[1], s[2] = s[2], s[0], s[1]
	println(s[0], s[1], s[2])
	m := map[string]int{}
	m["x"], m["y"] = 1, 2
	println(m["x"], m["y"])
	x, y := 1, 2
	x, y = y, x+y
	println(x, y)
}
