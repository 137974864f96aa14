package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~float32 | ~float64
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Min[T Ordered](a T, rest ...T) T {
	m := a
	for _, x := range rest {
		if x < m {
			m = x
		}
	}
	return m
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Stringer interface{ String() string }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

func Join[T Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

// A constraint with both a method and a type set.
type StringableInt interface {
	~int
	String() string
}

type Code int

func (c Code) String() string { return "code-" + strconv.Itoa(int(c)) }

func Describe[T StringableInt](x T) string {
	return x.String() + "/" + strconv.Itoa(int(x)+1)
}

func Convert[To, From Number](x From) To { return To(x) }

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

func MakeCounter[T Number](step T) func() T {
	var n T
	return func() T {
		n += step
		return n
	}
}

func Apply[T any](x T, fs ...func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func Swap[A, B any](a A, b B) (B, A) { return b, a }

func Fact[T Number](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[int8](100, 27), Sum[uint8](200, 100))
	fmt.Println(Sum[Celsius](1, 2.5))
	fmt.Println(Min(3, 1, 2), Min("b", "a", "c"), Min(2.5), Min[int64](9, -9))
	fmt.Println(Map([]int{1, 2, 3}, strconv.Itoa), Map([]string{"a", "bb"}, func(s string) int { return len(s) }))
	type IDs []int
	ev := Filter(IDs{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	fmt.Printf("%T %v\n", ev, ev)
	fmt.Println(Reduce([]string{"x", "y", "z"}, 0, func(n int, s string) int { return n + len(s) }))
	ks := Keys(map[string]bool{"only": true})
	fmt.Println(ks, len(ks))
	fmt.Println(Index([]string{"a", "b", "c"}, "c"), Index([]float64{1, 2}, 3))
	fmt.Println(Join([]Celsius{20, 37.5}, ", "))
	fmt.Println(Describe(Code(41)))
	fmt.Println(Convert[int](3.9), Convert[float64](int8(-5)), Convert[uint8](200.0+0))
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil, Zero[[]int]() == nil)
	p := Ptr(42)
	*p++
	fmt.Println(*p, *Ptr("s"))
	c := MakeCounter(2.5)
	c()
	fmt.Println(c(), c())
	ci := MakeCounter[int](3)
	fmt.Println(ci(), ci())
	fmt.Println(Apply(3, func(x int) int { return x * 10 }, func(x int) int { return x + 1 }))
	fmt.Println(Must(strconv.Atoi("77")))
	b, a := Swap("one", 2)
	fmt.Println(b, a)
	fmt.Println(Fact(5), Fact(5.0), Fact[uint8](6))
	defer func() {
		r := recover()
		fmt.Println("recovered:", r, errors.Is(r.(error), strconv.ErrSyntax))
	}()
	fmt.Println(Must(strconv.Atoi("x")))
}
