// A panic with an int value: gc prints the plain number, exit status 2.
package main

func main() {
	println("before")
	panic(42)
}
