// Unused variables in function literals and type switch bindings;
// assignments (also from a closure) are not uses, x++ and x op= y are.
package main

func main() {
	f := func() {
		a := 1 // ERROR "declared and not used: a"
		b := 2 // ERROR "declared and not used: b"
		_ = func() {
			c := 3 // ERROR "declared and not used: c"
			b = 4
		}
	}
	f()
	var i interface{} = 1
	switch t := i.(type) { // ERROR "t declared and not used"
	case int:
	case string:
	}
	switch u := i.(type) {
	case int:
		println(u)
	}
	go func() {
		d := 0 // ERROR "declared and not used: d"
	}()
	x := 0 // ERROR "declared and not used: x"
	func() { x = 1 }()
	y := 0
	defer func() { y++ }()
	z := 0
	func() { z += 1 }()
	var s struct{ f int }
	func() { s.f = 1 }()
}
