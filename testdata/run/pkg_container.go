// container/list (PushFront/Back, Insert*, Move*, Remove, PushBackList,
// foreign elements ignored, Init) and container/heap (Init, Push, Pop, Fix,
// Remove on an int heap and a priority queue with index tracking).
package main

import (
	"container/heap"
	"container/list"
	"fmt"
)

func dump(l *list.List) {
	fmt.Print(l.Len(), ":")
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(" ", e.Value)
	}
	fmt.Print(" |")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(" ", e.Value)
	}
	fmt.Println()
}

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

type Item struct {
	value    string
	priority int
	index    int
}

type PQ []*Item

func (pq PQ) Len() int            { return len(pq) }
func (pq PQ) Less(i, j int) bool  { return pq[i].priority > pq[j].priority }
func (pq PQ) Swap(i, j int)       { pq[i], pq[j] = pq[j], pq[i]; pq[i].index = i; pq[j].index = j }
func (pq *PQ) Push(x any)         { it := x.(*Item); it.index = len(*pq); *pq = append(*pq, it) }
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	it.index = -1
	*pq = old[:n-1]
	return it
}

func main() {
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	dump(l)
	l.MoveToFront(e4)
	dump(l)
	l.MoveToBack(e4)
	dump(l)
	l.MoveBefore(e4, e1)
	dump(l)
	l.MoveAfter(e1, l.Back())
	dump(l)
	fmt.Println(l.Remove(e4), l.Remove(e4))
	dump(l)
	other := list.New()
	other.PushBack("a")
	foreign := other.PushBack("b")
	fmt.Println(l.Remove(foreign), other.Len())
	fmt.Println(l.InsertBefore("x", foreign) == nil, l.Len())
	l.PushBackList(other)
	l.PushFrontList(other)
	dump(l)
	l.PushBackList(l)
	dump(l)
	l.Init()
	dump(l)
	var zero list.List
	zero.PushBack("lazy")
	dump(&zero)
	fmt.Println(zero.Front().Prev() == nil, zero.Front().Next() == nil)

	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	heap.Push(h, 1)
	fmt.Println("min", (*h)[0], *h)
	(*h)[2] = 0
	heap.Fix(h, 2)
	fmt.Println(heap.Remove(h, 1), *h)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := PQ{}
	for _, name := range []string{"banana", "apple", "pear"} {
		pq = append(pq, &Item{value: name, priority: items[name], index: len(pq)})
	}
	heap.Init(&pq)
	orange := &Item{value: "orange", priority: 1}
	heap.Push(&pq, orange)
	orange.priority = 5
	heap.Fix(&pq, orange.index)
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", it.priority, it.value)
	}
	fmt.Println()
}
