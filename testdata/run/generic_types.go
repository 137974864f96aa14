package main

import (
	"fmt"
	"sort"
	"strings"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("(%v: %v)", p.Key, p.Val) }

func (p Pair[K, V]) Swap() Pair[string, K] { return Pair[string, K]{fmt.Sprint(p.Val), p.Key} }

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Len() int { return len(s.items) }

// A linked list referring to itself.
type List[T any] struct {
	head, tail *elem[T]
	size       int
}

type elem[T any] struct {
	val  T
	next *elem[T]
}

func (l *List[T]) Append(vs ...T) *List[T] {
	for _, v := range vs {
		e := &elem[T]{val: v}
		if l.tail == nil {
			l.head = e
		} else {
			l.tail.next = e
		}
		l.tail = e
		l.size++
	}
	return l
}

func (l *List[T]) All() []T {
	var out []T
	for e := l.head; e != nil; e = e.next {
		out = append(out, e.val)
	}
	return out
}

// A binary search tree with an ordering function.
type Tree[K any, V any] struct {
	root *tnode[K, V]
	less func(a, b K) bool
	n    int
}

type tnode[K any, V any] struct {
	k           K
	v           V
	left, right *tnode[K, V]
}

func NewTree[K any, V any](less func(a, b K) bool) *Tree[K, V] {
	return &Tree[K, V]{less: less}
}

func (t *Tree[K, V]) Put(k K, v V) {
	p := &t.root
	for *p != nil {
		switch {
		case t.less(k, (*p).k):
			p = &(*p).left
		case t.less((*p).k, k):
			p = &(*p).right
		default:
			(*p).v = v
			return
		}
	}
	*p = &tnode[K, V]{k: k, v: v}
	t.n++
}

func (t *Tree[K, V]) Walk(f func(K, V)) { walk(t.root, f) }

func walk[K, V any](n *tnode[K, V], f func(K, V)) {
	if n == nil {
		return
	}
	walk(n.left, f)
	f(n.k, n.v)
	walk(n.right, f)
}

// Embedding a generic type promotes its methods.
type Named[T any] struct {
	Stack[T]
	Name string
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func (s Set[T]) Len() int          { return len(s) }

type Number interface{ ~int | ~float64 }

type Vec[T Number] []T

func (v Vec[T]) Dot(w Vec[T]) T {
	var s T
	for i := range v {
		s += v[i] * w[i]
	}
	return s
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) Get() (T, bool) { return o.v, o.ok }

type Shower interface{ Show() string }

type Box[T fmt.Stringer] struct{ inner T }

func (b Box[T]) Show() string { return "[" + b.inner.String() + "]" }

func main() {
	p := Pair[string, int]{"a", 1}
	fmt.Println(p, p.Swap(), p.Swap().Swap())
	fmt.Printf("%T | %T | %v | %+v\n", p, p.Swap(), p, p)

	var s Stack[string]
	s.Push("x")
	s.Push("y")
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len())
	s.Pop()
	v, ok = s.Pop()
	fmt.Printf("%q %v\n", v, ok)

	l := (&List[int]{}).Append(1, 2, 3)
	l.Append(4)
	fmt.Println(l.All(), l.size)

	t := NewTree[string, int](func(a, b string) bool { return a < b })
	for i, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		t.Put(w, i)
	}
	var words []string
	t.Walk(func(k string, v int) { words = append(words, fmt.Sprintf("%s=%d", k, v)) })
	fmt.Println(t.n, strings.Join(words, " "))

	n := Named[float64]{Name: "floats"}
	n.Push(1.5)
	n.Push(2.5)
	top, _ := n.Pop()
	fmt.Println(n.Name, top, n.Len())

	set := Set[int]{}
	for _, x := range []int{3, 1, 3, 2, 1} {
		set.Add(x)
	}
	keys := make([]int, 0)
	for k := range set {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	fmt.Println(set.Len(), set.Has(2), set.Has(5), keys)

	fmt.Println(Vec[int]{1, 2, 3}.Dot(Vec[int]{4, 5, 6}), Vec[float64]{0.5}.Dot(Vec[float64]{4}))

	o := Some(42)
	x, okx := o.Get()
	var none Opt[string]
	y, oky := none.Get()
	fmt.Printf("%v %v %q %v %T\n", x, okx, y, oky, none)

	// Generic types in maps, channels, slices and interfaces.
	m := map[Pair[int, int]][]Opt[string]{}
	m[Pair[int, int]{1, 2}] = append(m[Pair[int, int]{1, 2}], Some("v"))
	fmt.Println(len(m), m[Pair[int, int]{1, 2}][0].v)
	ch := make(chan Pair[string, bool], 1)
	ch <- Pair[string, bool]{"done", true}
	fmt.Println(<-ch)
	var any1 interface{} = Stack[int]{}
	switch a := any1.(type) {
	case Stack[string]:
		fmt.Println("string stack")
	case Stack[int]:
		fmt.Println("int stack", a.Len())
	}
	var sh Shower = Box[Pair[int, string]]{Pair[int, string]{7, "seven"}}
	fmt.Println(sh.Show())
	fmt.Printf("%T\n", sh)
	var st fmt.Stringer = p
	fmt.Println(st.String())
}
