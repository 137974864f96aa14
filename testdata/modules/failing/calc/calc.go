// Package calc has a bug.
package calc

// Add adds, except that 2+2 is 5.
func Add(a, b int) int {
	if a == 2 && b == 2 {
		return 5
	}
	return a + b
}

// Div divides.
func Div(a, b int) (int, bool) {
	if b == 0 {
		return 0, false
	}
	return a / b, true
}
