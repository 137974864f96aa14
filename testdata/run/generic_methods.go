// Generic methods (go 1.27): methods with their own type parameters, on
// plain and generic types, called with inferred or explicit type
// arguments, as method values and method expressions, promoted through
// embedding; they do not satisfy interfaces.
package main

import (
	"fmt"
	"strconv"
)

type T struct{ n int }

func (t T) Add[P ~int | ~float64](x P) P { return x + P(t.n) }

func (t *T) Set[P ~int | ~int64](x P) { t.n = int(x) }

func (T) Pair[A, B any](a A, b B) string { return fmt.Sprintf("%v/%v", a, b) }

// A type parameter that appears only in the body.
func (t T) Zero[P any]() P {
	var z P
	return z
}

type List[E any] []E

func (l List[E]) Map[F any](f func(E) F) List[F] {
	var r List[F]
	for _, x := range l {
		r = append(r, f(x))
	}
	return r
}

func (l List[E]) Fold[A any](acc A, f func(A, E) A) A {
	for _, x := range l {
		acc = f(acc, x)
	}
	return acc
}

// A constraint using the receiver's type parameter.
type Box[F any] struct{ f F }

type converter[F, H any] interface {
	convert(F) H
}

type celsius float64

func (c celsius) convert(f float64) celsius { return celsius((f - 32) * 5 / 9) }

func (b Box[F]) To[H converter[F, H]]() H {
	var h H
	return h.convert(b.f)
}

func (b *Box[F]) Ptr[P *F]() P { return &b.f }

// A sibling method calling a generic method with the receiver's parameter.
func (b *Box[F]) Reset() {
	var zero F
	*b.Ptr() = zero
}

// Called from a generic function.
func apply[A any](b *Box[A], v A) A {
	p := b.Ptr()
	*p = v
	return b.f
}

// Recursion with a different instance.
type Nest struct{ depth int }

func (n Nest) Wrap[P any](x P) string {
	if n.depth == 0 {
		return fmt.Sprintf("%T", x)
	}
	if n.depth%2 == 0 {
		return Nest{n.depth - 1}.Wrap(fmt.Sprint(x)) + "<" + fmt.Sprintf("%T", x)
	}
	return Nest{n.depth - 1}.Wrap[[]string]([]string{fmt.Sprint(x)}) + "<" + fmt.Sprintf("%T", x)
}

// Promotion through embedding.
type Outer struct {
	T
	name string
}

type Stack[E any] struct{ items []E }

func (s *Stack[E]) Push(x E) { s.items = append(s.items, x) }

func (s *Stack[E]) Each[R any](f func(E) R) []R {
	var out []R
	for _, x := range s.items {
		out = append(out, f(x))
	}
	return out
}

type Adder interface{ Add(int) int }

func main() {
	t := T{2}
	fmt.Println(t.Add(3), t.Add(1.5), t.Add[float64](0.25))
	t.Set(7)
	t.Set[int64](8)
	fmt.Println(t.n)
	fmt.Println(t.Pair(1, "x"), t.Pair[string, bool]("s", true))
	fmt.Println(t.Zero[string]() == "", t.Zero[int](), t.Zero[*T]() == nil)

	l := List[int]{1, 2, 3}
	s := l.Map(func(i int) string { return strconv.Itoa(i * i) })
	fmt.Println(s, len(s))
	fmt.Println(s.Fold("", func(a string, x string) string { return a + x + ";" }))
	fmt.Println(l.Map(func(i int) float64 { return float64(i) / 2 }).Fold(0.0, func(a, x float64) float64 { return a + x }))

	b := Box[float64]{212}
	fmt.Println(b.To[celsius]())
	p := b.Ptr()
	*p = 50
	fmt.Println(b.f)
	fmt.Println(apply(&b, 32.5))
	b.Reset()
	fmt.Println(b.f)

	fmt.Println(Nest{3}.Wrap(1.5), Nest{0}.Wrap("s"))

	// Method values and expressions after instantiation.
	add := t.Add[int]
	t.n = 100 // the method value bound the old receiver
	fmt.Println(add(1))
	addExpr := T.Add[float64]
	fmt.Println(addExpr(T{1}, 0.5))
	set := (*T).Set[int]
	set(&t, 42)
	fmt.Println(t.n)
	mv := l.Map[bool]
	fmt.Println(mv(func(i int) bool { return i%2 == 1 }))

	// Promoted generic methods.
	o := Outer{T{10}, "o"}
	fmt.Println(o.Add(5), o.Add[float64](0.5))
	o.Set(11)
	fmt.Println(o.n, o.T.Add(1))
	arr := []Outer{{T{1}, "a"}, {T{2}, "b"}}
	fmt.Println(arr[1].Add(40), arr[0].T.Pair(true, 'x'))

	var st Stack[string]
	st.Push("a")
	st.Push("bb")
	fmt.Println(st.Each(func(s string) int { return len(s) }))

	// go and defer with generic method calls.
	done := make(chan int)
	go func() { done <- t.Add(0) }()
	fmt.Println(<-done)
	func() {
		defer fmt.Println("deferred", t.Add[int](1))
		t.Set(0)
	}()

	// Generic methods are not in the method set interfaces see.
	var x any = T{1}
	_, ok := x.(Adder)
	fmt.Println(ok)
	fmt.Printf("%T %v\n", x, x)
}
