// Integer modulo by zero at run time panics like division.
package main

var zero int

func main() {
	println(7 % 3)
	println(7 % zero)
}
