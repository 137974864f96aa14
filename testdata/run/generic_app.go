// A 300-line program in modern Go: generic containers, iterators,
// slices/maps/cmp, constraints with methods, generic interfaces.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ---- generic containers ----

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(vs ...T) { s.items = append(s.items, vs...) }
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

// All iterates from the top of the stack.
func (s *Stack[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i := len(s.items) - 1; i >= 0; i-- {
			if !yield(len(s.items)-1-i, s.items[i]) {
				return
			}
		}
	}
}

type Queue[T any] struct {
	head, tail []T
}

func (q *Queue[T]) Put(v T) { q.tail = append(q.tail, v) }
func (q *Queue[T]) Get() (T, bool) {
	if len(q.head) == 0 {
		for len(q.tail) > 0 {
			n := len(q.tail) - 1
			q.head = append(q.head, q.tail[n])
			q.tail = q.tail[:n]
		}
	}
	var zero T
	if len(q.head) == 0 {
		return zero, false
	}
	n := len(q.head) - 1
	v := q.head[n]
	q.head = q.head[:n]
	return v, true
}

// OrderedMap keeps keys sorted.
type OrderedMap[K cmp.Ordered, V any] struct {
	keys []K
	vals map[K]V
}

func NewOrderedMap[K cmp.Ordered, V any]() *OrderedMap[K, V] {
	return &OrderedMap[K, V]{vals: make(map[K]V)}
}

func (m *OrderedMap[K, V]) Set(k K, v V) {
	if _, ok := m.vals[k]; !ok {
		i, _ := slices.BinarySearch(m.keys, k)
		m.keys = slices.Insert(m.keys, i, k)
	}
	m.vals[k] = v
}

func (m *OrderedMap[K, V]) Get(k K) (V, bool) {
	v, ok := m.vals[k]
	return v, ok
}

func (m *OrderedMap[K, V]) Delete(k K) {
	if i, ok := slices.BinarySearch(m.keys, k); ok {
		m.keys = slices.Delete(m.keys, i, i+1)
		delete(m.vals, k)
	}
}

func (m *OrderedMap[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for _, k := range m.keys {
			if !yield(k, m.vals[k]) {
				return
			}
		}
	}
}

func (m *OrderedMap[K, V]) Keys() iter.Seq[K] { return slices.Values(m.keys) }

type Set[T comparable] struct{ m map[T]struct{} }

func SetOf[T comparable](vs ...T) Set[T] {
	s := Set[T]{m: make(map[T]struct{})}
	for _, v := range vs {
		s.m[v] = struct{}{}
	}
	return s
}

func (s Set[T]) Has(v T) bool { _, ok := s.m[v]; return ok }
func (s Set[T]) Union(o Set[T]) Set[T] {
	r := SetOf[T]()
	for v := range s.m {
		r.m[v] = struct{}{}
	}
	for v := range o.m {
		r.m[v] = struct{}{}
	}
	return r
}
func (s Set[T]) Len() int { return len(s.m) }

// ---- iterator adapters ----

func Filter[V any](seq iter.Seq[V], keep func(V) bool) iter.Seq[V] {
	return func(yield func(V) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[V, W any](seq iter.Seq[V], f func(V) W) iter.Seq[W] {
	return func(yield func(W) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Take[V any](seq iter.Seq[V], n int) iter.Seq[V] {
	return func(yield func(V) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Reduce[V, A any](seq iter.Seq[V], acc A, f func(A, V) A) A {
	for v := range seq {
		acc = f(acc, v)
	}
	return acc
}

// ---- domain: an inventory ----

type Money int64 // cents

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Item struct {
	SKU   string
	Name  string
	Price Money
	Qty   int
	Tags  []string
}

type Keyed[K comparable] interface {
	Key() K
}

func (it Item) Key() string { return it.SKU }

func Index[K comparable, T Keyed[K]](xs []T) map[K]T {
	m := make(map[K]T, len(xs))
	for _, x := range xs {
		m[x.Key()] = x
	}
	return m
}

type Number interface {
	~int | ~int64 | ~float64
}

func Total[T any, N Number](xs []T, f func(T) N) N {
	var sum N
	for _, x := range xs {
		sum += f(x)
	}
	return sum
}

var ErrNotFound = errors.New("not found")

type Result[T any] struct {
	Val T
	Err error
}

func Lookup[K comparable, V any](m map[K]V, k K) Result[V] {
	if v, ok := m[k]; ok {
		return Result[V]{Val: v}
	}
	return Result[V]{Err: fmt.Errorf("lookup %v: %w", k, ErrNotFound)}
}

func parseItems(data string) ([]Item, error) {
	var items []Item
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, ",")
		if len(f) < 4 {
			return nil, fmt.Errorf("bad line %q", line)
		}
		price, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return nil, err
		}
		qty, _ := strconv.Atoi(f[3])
		items = append(items, Item{SKU: f[0], Name: f[1], Price: Money(price), Qty: qty, Tags: f[4:]})
	}
	return items, nil
}

const data = `
# sku,name,cents,qty,tags...
A100,widget,250,10,tool,small
B200,gadget,1999,3,tool
C300,doohickey,75,120,small,cheap
D400,thingamajig,4500,1,large
E500,whatsit,250,7,small
`

func main() {
	items, err := parseItems(data)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(len(items), "items")

	byPrice := slices.Clone(items)
	slices.SortStableFunc(byPrice, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.Price, b.Price), strings.Compare(a.Name, b.Name))
	})
	for _, it := range byPrice {
		fmt.Printf("  %-12s %8v x%d\n", it.Name, it.Price, it.Qty)
	}
	fmt.Println("stock value:", Total(items, func(it Item) Money { return it.Price * Money(it.Qty) }))
	fmt.Println("units:", Total(items, func(it Item) int { return it.Qty }))

	idx := Index[string](items)
	if r := Lookup(idx, "C300"); r.Err == nil {
		fmt.Println("found", r.Val.Name)
	}
	r := Lookup(idx, "Z999")
	fmt.Println(r.Err, errors.Is(r.Err, ErrNotFound))

	tags := NewOrderedMap[string, []string]()
	for _, it := range items {
		for _, t := range it.Tags {
			old, _ := tags.Get(t)
			tags.Set(t, append(old, it.SKU))
		}
	}
	for t, skus := range tags.All() {
		fmt.Println("tag", t, skus)
	}
	tags.Delete("large")
	fmt.Println("tags:", slices.Collect(tags.Keys()))

	var st Stack[Item]
	st.Push(items[:3]...)
	for i, it := range st.All() {
		fmt.Println("stack", i, it.SKU)
	}
	top, _ := st.Pop()
	fmt.Println("popped", top.SKU, "left", st.Len())

	var q Queue[string]
	for _, s := range []string{"x", "y", "z"} {
		q.Put(s)
	}
	var order []string
	for {
		v, ok := q.Get()
		if !ok {
			break
		}
		order = append(order, v)
	}
	fmt.Println("queue order:", strings.Join(order, ""))

	small := SetOf[string]()
	for _, it := range items {
		if slices.Contains(it.Tags, "small") {
			small.m[it.SKU] = struct{}{}
		}
	}
	both := small.Union(SetOf("B200"))
	fmt.Println("small:", small.Len(), "union:", both.Len(), both.Has("B200"), both.Has("D400"))

	squares := Map(Filter(Naturals(), func(i int) bool { return i%3 == 0 }), func(i int) int { return i * i })
	fmt.Println("first squares:", slices.Collect(Take(squares, 5)))
	fmt.Println("sum:", Reduce(Take(Naturals(), 100), 0, func(a, v int) int { return a + v }))

	names := slices.Sorted(maps.Keys(idx))
	fmt.Println("skus:", names, slices.Index(names, "D400"))
	prices := slices.Collect(Map(slices.Values(items), func(it Item) Money { return it.Price }))
	fmt.Println("min/max:", slices.Min(prices), slices.Max(prices))
	slices.Sort(prices)
	fmt.Println("compact:", slices.Compact(prices))
	chunks := 0
	for c := range slices.Chunk(items, 2) {
		chunks += len(c)
	}
	fmt.Println("chunks:", chunks)
	next, stop := iter.Pull(Take(Naturals(), 3))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	stop()
	fmt.Println()
	fmt.Printf("%T %T\n", tags, Result[int]{})
}
