package main

import (
	"fmt"
	"strings"
)

type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)

func Range(lo, hi int) Seq[int] {
	return func(yield func(int) bool) {
		for i := lo; i < hi; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Filter[V any](s Seq[V], keep func(V) bool) Seq[V] {
	return func(yield func(V) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func MapSeq[V, W any](s Seq[V], f func(V) W) Seq[W] {
	return func(yield func(W) bool) {
		for v := range s {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Collect[V any](s Seq[V]) []V {
	var out []V
	for v := range s {
		out = append(out, v)
	}
	return out
}

func Enumerate[V any](xs []V) Seq2[int, V] {
	return func(yield func(int, V) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) All(yield func(T) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.All(yield) && yield(t.Val) && t.Right.All(yield)
}

func (t *Tree[T]) Walk() Seq[T] {
	return func(yield func(T) bool) { t.All(yield) }
}

func firstLong(words []string) (idx int, word string) {
	for i, w := range Enumerate(words) {
		if len(w) > 4 {
			return i, w
		}
	}
	return -1, ""
}

func sumUntil(limit int) (total int) {
	for v := range Range(1, 100) {
		if total+v > limit {
			return
		}
		total += v
	}
	return total * 1000
}

func grid() []string {
	var out []string
rows:
	for r := range Range(0, 4) {
		for c := range Range(0, 4) {
			switch {
			case c > r:
				continue rows
			case r == 3:
				break rows
			}
			out = append(out, fmt.Sprint(r, c))
		}
	}
	return out
}

func nestedReturn() string {
	for a := range Range(0, 3) {
		for b := range Range(0, 3) {
			for c := range Range(0, 3) {
				if a+b+c == 5 {
					return fmt.Sprint(a, b, c)
				}
			}
		}
	}
	return "none"
}

func countdown(n int) func(func() bool) {
	return func(yield func() bool) {
		for ; n > 0; n-- {
			if !yield() {
				return
			}
		}
	}
}

func main() {
	evens := Filter(Range(0, 10), func(i int) bool { return i%2 == 0 })
	fmt.Println(Collect(evens))
	fmt.Println(Collect(MapSeq(evens, func(i int) string { return strings.Repeat("*", i) })))
	for i, s := range Enumerate([]string{"x", "y"}) {
		fmt.Println(i, s)
	}
	fmt.Println(firstLong(strings.Fields("go is quite fun")))
	fmt.Println(firstLong(nil))
	fmt.Println(sumUntil(10), sumUntil(100000))
	fmt.Println(grid())
	fmt.Println(nestedReturn())
	t := &Tree[string]{Val: "m", Left: &Tree[string]{Val: "c"}, Right: &Tree[string]{Val: "x", Left: &Tree[string]{Val: "p"}}}
	for v := range t.Walk() {
		if v == "x" {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	for v := range t.Walk() {
		fmt.Print(v)
	}
	fmt.Println()
	n := 0
	for range countdown(3) {
		n++
	}
	fmt.Println("n", n)
	var fns []func() int
	for i := range Range(0, 3) {
		fns = append(fns, func() int { return i * i })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var save func(int) bool
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for x := range func(yield func(int) bool) { save = yield; yield(1) } {
			fmt.Println("got", x)
		}
		save(2)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for x := range func(yield func(int) bool) { yield(1); yield(2) } {
			fmt.Println("got", x)
			break
		}
	}()
}
