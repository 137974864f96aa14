// Misplaced break, continue and fallthrough.
package main

func f(x int) {
	continue // ERROR "continue is not in a loop"
	break // ERROR "break is not in a loop, switch, or select"
	switch x {
	case 1:
		fallthrough
	case 2:
		continue // ERROR "continue is not in a loop"
		fallthrough // ERROR "cannot fallthrough final case in switch"
	}
}

func main() {
	fallthrough // ERROR "fallthrough statement out of place"
	var i interface{} = 1
	switch i.(type) {
	case int:
		fallthrough // ERROR "cannot fallthrough in type switch"
	case string:
	}
	for {
		if true {
			fallthrough // ERROR "fallthrough statement out of place"
		}
		break
	}
	f(1)
}

func g(x int) {
	switch x {
	case 1:
		fallthrough // ERROR "fallthrough statement out of place"
		println()
	case 2:
		fallthrough // ERROR "fallthrough statement out of place"
		println()
	}
}
