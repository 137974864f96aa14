// A multi-value call as the only argument of a built-in counts as that
// many arguments.
package main

func f() ([]int, int) { return nil, 1 }
func g() (int, int)   { return 1, 2 }

func main() {
	_ = len(f())       // ERROR "invalid operation: too many arguments for len\(f\(\)\) \(expected 1, found 2\)"
	panic(f())         // ERROR "invalid operation: too many arguments for panic\(f\(\)\) \(expected 1, found 2\)"
	_ = real(g())      // ERROR "invalid operation: too many arguments for real\(g\(\)\) \(expected 1, found 2\)"
	_ = complex(len(f())) // ERROR "too many arguments for len\(f\(\)\)"
}
