// A generic-heavy workload: a generic ordered map (treap), a generic
// binary heap, a generic sort over 1,000,000 elements, and a slices/maps
// workout. Prints checksums only.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// Treap is an ordered map with random priorities.
type Treap[K cmp.Ordered, V any] struct {
	root *tnode[K, V]
	size int
	seed uint64
}

type tnode[K cmp.Ordered, V any] struct {
	key         K
	val         V
	prio        uint64
	left, right *tnode[K, V]
}

func (t *Treap[K, V]) rand() uint64 {
	t.seed ^= t.seed << 13
	t.seed ^= t.seed >> 7
	t.seed ^= t.seed << 17
	return t.seed
}

func rotR[K cmp.Ordered, V any](n *tnode[K, V]) *tnode[K, V] {
	l := n.left
	n.left, l.right = l.right, n
	return l
}

func rotL[K cmp.Ordered, V any](n *tnode[K, V]) *tnode[K, V] {
	r := n.right
	n.right, r.left = r.left, n
	return r
}

func (t *Treap[K, V]) insert(n *tnode[K, V], k K, v V) *tnode[K, V] {
	if n == nil {
		t.size++
		return &tnode[K, V]{key: k, val: v, prio: t.rand()}
	}
	switch c := cmp.Compare(k, n.key); {
	case c < 0:
		n.left = t.insert(n.left, k, v)
		if n.left.prio > n.prio {
			n = rotR(n)
		}
	case c > 0:
		n.right = t.insert(n.right, k, v)
		if n.right.prio > n.prio {
			n = rotL(n)
		}
	default:
		n.val = v
	}
	return n
}

func (t *Treap[K, V]) Put(k K, v V) { t.root = t.insert(t.root, k, v) }

func (t *Treap[K, V]) Get(k K) (V, bool) {
	n := t.root
	for n != nil {
		switch c := cmp.Compare(k, n.key); {
		case c < 0:
			n = n.left
		case c > 0:
			n = n.right
		default:
			return n.val, true
		}
	}
	var zero V
	return zero, false
}

func (t *Treap[K, V]) All(yield func(K, V) bool) {
	var walk func(n *tnode[K, V]) bool
	walk = func(n *tnode[K, V]) bool {
		return n == nil || walk(n.left) && yield(n.key, n.val) && walk(n.right)
	}
	walk(t.root)
}

// Heap is a binary min-heap ordered by less.
type Heap[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (h *Heap[T]) Push(v T) {
	h.items = append(h.items, v)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.items[i], h.items[p]) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

func (h *Heap[T]) Pop() T {
	top := h.items[0]
	n := len(h.items) - 1
	h.items[0] = h.items[n]
	h.items = h.items[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(h.items[l], h.items[m]) {
			m = l
		}
		if r < n && h.less(h.items[r], h.items[m]) {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

func (h *Heap[T]) Len() int { return len(h.items) }

type Point struct {
	X, Y int32
	Name string
}

func SumBy[T any, N cmp.Ordered](xs []T, f func(T) N) N {
	var s N
	for _, x := range xs {
		s += f(x)
	}
	return s
}

func main() {
	var seed uint64 = 88172645463325252
	next := func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}

	// Generic sort over 1,000,000 ints and 300,000 structs.
	ints := make([]int, 1_000_000)
	for i := range ints {
		ints[i] = int(next() % 10_000_000)
	}
	slices.Sort(ints)
	fmt.Println("sorted:", slices.IsSorted(ints), ints[0], ints[len(ints)/2], ints[len(ints)-1])
	idx, found := slices.BinarySearch(ints, ints[777_777])
	fmt.Println("search:", idx <= 777_777, found)
	pts := make([]Point, 300_000)
	for i := range pts {
		pts[i] = Point{int32(next() % 1000), int32(next() % 1000), fmt.Sprint(i % 97)}
	}
	slices.SortStableFunc(pts, func(a, b Point) int {
		return cmp.Or(cmp.Compare(a.X, b.X), cmp.Compare(a.Y, b.Y), cmp.Compare(a.Name, b.Name))
	})
	fmt.Println("points:", pts[0], pts[len(pts)-1], SumBy(pts[:1000], func(p Point) int64 { return int64(p.X) * int64(p.Y) }))

	// Ordered map: 400,000 inserts, lookups, in-order walk.
	t := &Treap[int, int]{seed: 7}
	for i := 0; i < 400_000; i++ {
		k := int(next() % 1_000_000)
		t.Put(k, i)
	}
	hits, sum := 0, 0
	for i := 0; i < 400_000; i++ {
		if v, ok := t.Get(i * 2); ok {
			hits++
			sum += v
		}
	}
	prev, ordered, walked := -1, true, 0
	for k := range t.All {
		if k <= prev {
			ordered = false
		}
		prev = k
		walked++
	}
	fmt.Println("treap:", t.size, hits, sum, ordered, walked == t.size)
	ts := &Treap[string, int]{seed: 9}
	for i := 0; i < 100_000; i++ {
		ts.Put(fmt.Sprintf("k%06d", next()%200_000), i)
	}
	v, ok := ts.Get("k000042")
	fmt.Println("treap strings:", ts.size, v >= 0, ok || !ok)

	// Heap: 500,000 pushes and pops.
	h := &Heap[float64]{less: func(a, b float64) bool { return a < b }}
	for i := 0; i < 500_000; i++ {
		h.Push(float64(next()%1_000_000) / 7)
	}
	last, heapOK := -1.0, true
	for h.Len() > 0 {
		x := h.Pop()
		if x < last {
			heapOK = false
		}
		last = x
	}
	fmt.Println("heap:", heapOK, last)

	// slices/maps workout.
	m := make(map[int][]int)
	for i := 0; i < 200_000; i++ {
		k := int(next() % 5000)
		m[k] = append(m[k], i)
	}
	keys := slices.Sorted(maps.Keys(m))
	total := 0
	for _, k := range keys {
		vs := m[k]
		total += slices.Max(vs) - slices.Min(vs) + len(slices.Compact(slices.Clone(vs)))
	}
	evens := slices.DeleteFunc(slices.Clone(ints[:100_000]), func(x int) bool { return x%2 == 1 })
	rev := slices.Clone(evens)
	slices.Reverse(rev)
	fmt.Println("maps:", len(keys), total, len(evens), rev[0] == evens[len(evens)-1], slices.Index(keys, keys[10]))
	counts := map[string]int{}
	for _, p := range pts[:50_000] {
		counts[p.Name]++
	}
	cm := maps.Clone(counts)
	maps.DeleteFunc(cm, func(k string, v int) bool { return v < 520 })
	fmt.Println("counts:", len(counts), len(cm) <= len(counts), slices.Collect(maps.Values(map[int]int{1: 5})))
}
