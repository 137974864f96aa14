// Comparisons of uncomparable and unordered operands.
package main

type S struct {
	xs []int
}

type A [2][]int

func main() {
	a, b := []int{1}, []int{2}
	_ = a == b // ERROR "invalid operation: a == b \(slice can only be compared to nil\)"
	_ = a == nil
	var s, t S
	_ = s == t // ERROR "invalid operation: s == t \(struct containing \[\]int cannot be compared\)"
	m := map[string]int{}
	_ = m == m // ERROR "invalid operation: m == m \(map can only be compared to nil\)"
	f := func() {}
	_ = f != f // ERROR "invalid operation: f != f \(func can only be compared to nil\)"
	var x, y A
	_ = x == y // ERROR "invalid operation: x == y \(A cannot be compared\)"
	var i interface{} = 1
	_ = i == a // ERROR "invalid operation: i == a \(slice can only be compared to nil\)"
	_ = a < b // ERROR "invalid operation: a < b \(operator < not defined on slice\)"
	_ = s != S{} // ERROR "invalid operation: s != S\{\} \(struct containing \[\]int cannot be compared\)"
}
