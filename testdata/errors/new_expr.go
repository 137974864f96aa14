// new(expr): the argument is a type or a single value; untyped nil and
// constants that overflow their default type are errors.
package main

func two() (int, int) { return 1, 2 }
func none()           {}

type L[T any] []T

func main() {
	_ = new(nil)      // ERROR "use of untyped nil in argument to new"
	_ = new(1 << 70)  // ERROR "cannot use 1 << 70 \(untyped int constant 1180591620717411303424\) as int value in argument to new \(overflows\)"
	_ = new(two())    // ERROR "multiple-value two\(\) \(value of type \(int, int\)\) in single-value context"
	_ = new(none())   // ERROR "none\(\) \(no value\) used as value or type"
	_ = new(len)      // ERROR "len \(built-in\) must be called"
	_ = new(L)        // ERROR "cannot use generic type L without instantiation"
	_ = new(1, 2)     // ERROR "too many arguments for new\(1, 2\) \(expected 1, found 2\)"
	var p *float64 = new(1) // ERROR "cannot use new\(1\) \(value of type \*int\) as \*float64 value in variable declaration"
	_ = p
	_ = new(undefinedName) // ERROR "undefined: undefinedName"
}
