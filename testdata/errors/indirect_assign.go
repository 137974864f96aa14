// Invalid indirections and assignments to operands that are neither addressable nor map index expressions.
package main

const c = 1

func g() int { return 1 }

func main() {
	x := 1
	_ = *x // ERROR "invalid operation: cannot indirect x \(variable of type int\)"
	*x = 2 // ERROR "invalid operation: cannot indirect x \(variable of type int\)"
	s := "abc"
	s[0] = 'x' // ERROR "cannot assign to s\[0\] \(neither addressable nor a map index expression\)"
	c = 2 // ERROR "cannot assign to c \(neither addressable nor a map index expression\)"
	g() = 3 // ERROR "cannot assign to g\(\) \(neither addressable nor a map index expression\)"
	x + 1 = 4 // ERROR "cannot assign to x \+ 1 \(neither addressable nor a map index expression\)"
	m := map[string]struct{ f int }{}
	m["a"].f = 1 // ERROR `cannot assign to struct field m\["a"\]\.f in map`
	len(s) = 1 // ERROR "cannot assign to len\(s\) \(neither addressable nor a map index expression\)"
	var p *int
	_ = **p // ERROR "invalid operation: cannot indirect \*p \(variable of type int\)"
}
