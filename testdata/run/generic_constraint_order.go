// A type parameter's constraint may instantiate a generic type with a type
// parameter declared later in the same list ([W wrap[T], T Word]): the
// instantiation is verified once every constraint is known.
package main

import "fmt"

type Value interface {
	kind() string
	getOp() int
}

type Word interface {
	Value
	isWord()
}

type wrap[T Value] interface {
	Value
	wrap(x int) T
}

type valAny struct{ op int }

func (v valAny) getOp() int { return v.op }

type valGP struct{ valAny }

func (valGP) isWord() {}

type Ptr[T Value] struct{ valGP }

func (Ptr[T]) kind() string { var x T; return "Ptr[" + x.kind() + "]" }

func (Ptr[T]) wrap(x int) Ptr[T] { return Ptr[T]{valGP{valAny{x}}} }

type U64 struct{ valGP }

func (U64) kind() string           { return "U64" }
func (U64) wrap(x int) U64         { return U64{valGP{valAny{x}}} }

func Arg[W wrap[T], T Word](n int) T {
	var w W
	return w.wrap(n)
}

func main() {
	a := Arg[U64, U64](7)
	p := Arg[Ptr[U64], Ptr[U64]](9)
	fmt.Println(a.kind(), a.getOp(), p.kind(), p.getOp())
}
