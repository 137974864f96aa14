package main

func main() {
	x := 1
	if x { // ERROR "non-boolean condition in if statement"
	}
	for x { // ERROR "non-boolean condition in for statement"
	}
	switch x {
	case "a": // ERROR `cannot convert "a" \(untyped string constant\) to type int`
	}
	break // ERROR "break is not in a loop, switch, or select"
}
