package main

import "fmt"

type Pair[K comparable, V any] struct {
	K K
	V V
}

type Set[T comparable] = map[T]struct{}
type List[T any] = []T
type StrPair[V any] = Pair[string, V]
type Fn[A, B any] = func(A) B

func Apply[A, B any](f Fn[A, B], xs List[A]) List[B] {
	var out List[B]
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	s := Set[int]{1: {}, 2: {}}
	fmt.Println(len(s))
	var l List[string] = []string{"a"}
	l = append(l, "b")
	fmt.Printf("%v %T\n", l, l)
	p := StrPair[int]{"x", 1}
	fmt.Printf("%v %T\n", p, p)
	fmt.Println(Apply(func(i int) string { return fmt.Sprint(i * 2) }, List[int]{1, 2, 3}))
}
