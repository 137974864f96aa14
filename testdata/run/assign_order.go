// Assignment order: index operands before values, map elements inserted after the right-hand side, range with index targets, interface switch with mixed constant cases, conversions to interfaces.
package main

func main() {
	m := make(map[int]int)
	m[0] = len(m)
	println(m[0], len(m))
	m[1], m[2] = len(m), len(m)
	println(m[1], m[2], len(m))

	x := []int{10, 20}
	y := []int{99}
	i := 1
	for i, x[i] = range y {
		break
	}
	println(i, x[0], x[1])

	a := []int{1, 2, 3}
	j := 0
	j, a[j] = 1, 100
	println(j, a[0], a[1])

	v := interface{}("hello")
	switch v {
	case 42:
		println("42")
	case "hello":
		println("hello")
	}
	var c chan int = make(chan int, 1)
	var r <-chan int = (<-chan int)(c)
	c <- 7
	println(<-r)
}
