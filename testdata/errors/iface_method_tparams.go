// Interface methods cannot have type parameters (methods of other types
// can, since go 1.27).
package main

type L[T any] interface{ M() T }

type J interface {
	L[int]
	n[P any]() // ERROR "interface method must have no type parameters"
	k()
}

type T struct{}

func (T) m[P any]() {}

func main() {
	var _ interface { m[P any](); n() } // ERROR "interface method must have no type parameters"
	var _ J
	T{}.m[int]()
}
