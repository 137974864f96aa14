// Promoted fields in struct literals (go 1.27): not through embedded
// pointers, not together with their enclosing embedded field.
package main

type Inner struct{ X, Y int }

type Mid struct {
	Inner
	Z int
}

type WithPtr struct {
	*Inner
	N int
}

func main() {
	_ = WithPtr{X: 1}                 // ERROR "invalid implicit pointer indirection to reach X"
	_ = Mid{Inner: Inner{}, X: 1}     // ERROR "cannot specify promoted field X and enclosing embedded field Inner"
	_ = Mid{X: 1, Inner: Inner{}}     // ERROR "cannot specify embedded field Inner and enclosed promoted field X"
	_ = Mid{X: 1, X: 2}               // ERROR "duplicate field name X in struct literal"
	_ = Mid{W: 1}                     // ERROR "unknown field W in struct literal of type Mid"
	_ = Mid{X: "s"}                   // ERROR `cannot use "s" \(untyped string constant\) as int value in struct literal`
}
