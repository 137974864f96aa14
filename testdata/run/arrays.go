// Arrays: value semantics, comparison, len, multi-dimensional, range.
package main

func sum(a [5]int) int {
	s := 0
	for _, x := range a {
		s += x
	}
	return s
}

func main() {
	var a [5]int
	for i := range a {
		a[i] = i * i
	}
	b := a
	b[0] = 100
	println(a[0], b[0], len(a), sum(a), a == b)
	c := [...]string{"x", "y", 2: "z"}
	println(len(c), c[2])
	var grid [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = i * j
		}
	}
	println(grid[2][3], len(grid[0]))
	p := &a
	p[1] = 7
	println(a[1], [2]int{1, 2} == [2]int{1, 2})
}
