// Generic methods (go 1.27): uses that must instantiate them, type
// argument checks, and interfaces they do not satisfy.
package main

type T struct{}

func (T) m[P any](x P) P { return x }

func (*T) Zero[P any]() (p P) { return }

type G[F any] struct{ f F }

func (G[F]) m2[P F]() {} // ERROR "cannot use a type parameter as constraint"
func (G[F]) m3[P *F](P) {}

type I interface{ m(int) int }

func main() {
	var x T
	f := x.m // ERROR "cannot use generic function x.m without instantiation"
	_ = f
	g := T.m // ERROR "cannot use generic function T.m without instantiation"
	_ = g
	var i I = x // ERROR "T does not implement I \(wrong type for method m\)"
	_ = i
	_ = x.m[int, string] // ERROR "got 2 type arguments but want 1"
	_ = x.m[int]("s")    // ERROR `cannot use "s" \(untyped string constant\) as int value in argument to x.m\[int\]`
	_ = x.Zero()         // ERROR "in call to x.Zero, cannot infer P"
	_ = G[int]{}.m3[*string] // ERROR `\*string does not satisfy \*int`
	T{}.Zero[int]()          // ERROR "cannot call pointer method Zero on T"
	var s string = x.m(1)    // ERROR `cannot use x.m\(1\) \(value of type int\) as string value in variable declaration`
	_ = s
}
