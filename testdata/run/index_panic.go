// An unrecovered index out of range: gc's message, exit status 2.
package main

func get(s []int, i int) int {
	return s[i]
}

func main() {
	s := make([]int, 3)
	println(get(s, 2))
	println(get(s, 5))
}
