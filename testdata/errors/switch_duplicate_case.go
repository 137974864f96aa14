// Duplicate constant cases in expression switches and duplicate types in type switches.
package main

func main() {
	x := 2
	switch x {
	case 1, 2:
	case 1: // ERROR "duplicate case 1 \(constant of type int\) in expression switch"
	case 3, 2: // ERROR "duplicate case 2 \(constant of type int\) in expression switch"
	}
	var i interface{} = x
	switch i.(type) {
	case int, string:
	case int: // ERROR "duplicate case int in type switch"
	case nil, nil: // ERROR "duplicate case nil in type switch"
	}
	switch s := "a"; s {
	case "a", "b", "a": // ERROR `duplicate case "a" \(constant of type string\) in expression switch`
	}
}
