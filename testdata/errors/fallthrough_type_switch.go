// fallthrough in type switch clauses and inside blocks of a clause.
package main

func g(x int) {
	var i interface{} = x
	switch i.(type) {
	case int:
		fallthrough // ERROR "cannot fallthrough in type switch"
		println()
	default:
		fallthrough // ERROR "cannot fallthrough in type switch"
		println()
	}
	switch i.(type) {
	case int:
		fallthrough;; // ERROR "cannot fallthrough in type switch"
	}
	switch {
	case true:
		{
			fallthrough // ERROR "fallthrough statement out of place"
		}
	}
}

func main() {}
