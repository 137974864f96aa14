// An unrecovered slice bounds error (3-index form with a variable max): gc's message and exit status 2.
package main

func main() {
	s := make([]int, 3, 5)
	j := 6
	println("before")
	t := s[1:2:j]
	println(len(t))
}
