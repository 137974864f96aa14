// A channel type without its element type.
package main

type T struct {
	ch chan
} // ERROR "syntax error: missing channel element type"

func main() {
	var t T
	_ = t
}
