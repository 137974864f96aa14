package main

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Zero[T any]() T {
	var z T
	return z
}

func Pair[A, B any](a A, b B) {}

type List[T any] struct{ v T }

type Ord interface{ ~int | ~string }

func Less[T Ord](a, b T) bool { return a < b }

func apply(f func(int) int) int { return f(1) }

func Bad[T any](a, b T) bool { return a == b } // ERROR "incomparable types in type set"

func Add[T any](a, b T) T { return a + b } // ERROR "operator \+ not defined on a \(variable of type T constrained by any\)"

func main() {
	_ = Sum([]string{"a"}) // ERROR "string does not satisfy Number \(string missing in ~int \| ~float64\)"
	_ = Zero() // ERROR "in call to Zero, cannot infer T \(declared at"
	f := Sum // ERROR "cannot use generic function Sum without instantiation"
	var l List // ERROR "cannot use generic type List\[T any\] without instantiation"
	var m List[int, int] // ERROR "too many type arguments for type List: have 2, want 1"
	_ = Less(1.5, 2.5) // ERROR "float64 does not satisfy Ord"
	_ = Pair[int, int, int] // ERROR "got 3 type arguments but want 2"
	Pair(1, 2)
	_ = apply(Zero) // ERROR "in call to apply, type func\[T any\]\(\) T of Zero does not match func\(int\) int"
	_, _, _ = f, l, m
}
