// int is 64 bits and wraps around on overflow.
package main

const maxInt = 1<<63 - 1

func main() {
	x := maxInt
	println(x)
	x++
	println(x)
	x--
	println(x)
	y := -x - 1
	println(y, -y)
	m := 1
	for i := 0; i < 70; i++ {
		m *= 3
	}
	println(m)
}
