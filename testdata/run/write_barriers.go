// Stores and copies of pointerful values through every path that has a
// write barrier (compiler-emitted and in the runtime): run with
// GODEBUG=wbforce=1 too, where each takes its slow path, which must store
// exactly what the fast path does.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"unsafe"
)

type Node struct {
	next *Node
	val  int
	name string
	tags []string
	any  interface{}
	f    func() int
	m    map[string]*Node
	ch   chan *Node
}

type Big struct {
	ptrs [12]*Node
	s    string
	n    int
}

type Odd struct {
	s string
	p *int
	x [2]int32
	q *string
}

type MyErr struct{ msg *string }

func (e MyErr) Error() string { return *e.msg }

var (
	gNode  *Node
	gStr   string
	gBig   Big
	gIface interface{}
	gSlice []*Node
	gMap   = map[string][]string{}
	gFunc  func() int
)

func makeList(n int) *Node {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{next: head, val: i, name: fmt.Sprint("n", i)}
	}
	return head
}

func sum(l *Node) (s int) {
	for ; l != nil; l = l.next {
		s += l.val
	}
	return
}

//go:noinline
func bigOf(l *Node, s string) Big {
	var b Big
	for i := range b.ptrs {
		b.ptrs[i] = l
		if l != nil {
			l = l.next
		}
	}
	b.s = s
	b.n = len(s)
	return b
}

func fields() {
	n := &Node{}
	l := makeList(5)
	n.next = l
	n.name = strings.Repeat("ab", 3)
	n.tags = []string{"x", n.name, "z"}
	n.any = l
	n.any = 42
	n.any = n.name
	k := 3
	n.f = func() int { k++; return k + n.val }
	n.m = map[string]*Node{"a": l, "b": n}
	n.ch = make(chan *Node, 1)
	n.ch <- l
	pp := &n.next
	*pp = (*pp).next
	n.name += "!"
	gNode, gStr, gIface, gFunc = n, n.name, n.tags, n.f
	gSlice = append(gSlice, n, l, nil)
	gBig = bigOf(l, "big")
	b2 := &gBig
	b3 := new(Big)
	*b3 = *b2
	b3.ptrs[11] = n
	runtime.GC()
	fmt.Println(sum(gNode.next), gStr, gIface, gFunc(), n.f(), len(gSlice), sum(b3.ptrs[0]), b3.s, b3.ptrs[11] == n, (<-n.ch).val, n.m["b"].name)
}

func slices() {
	src := []*Node{makeList(1), makeList(2), makeList(3)}
	dst := make([]*Node, 2)
	c := copy(dst, src)
	strs := []string{"c", "a", "b", "e", "d"}
	more := append([]string(nil), strs...)
	more = append(more, strs[1:3]...)
	copy(more[1:], more)
	clear(strs[:2])
	ifs := make([]interface{}, 0, 1)
	for i := 0; i < 5; i++ {
		ifs = append(ifs, i, fmt.Sprint(i))
	}
	var arr [3]string
	sl := arr[:]
	sl[1] = "mid"
	var bigs []Big
	for i := 0; i < 4; i++ {
		bigs = append(bigs, bigOf(src[2], fmt.Sprint("b", i)))
	}
	bigs[0] = bigs[3]
	runtime.GC()
	fmt.Println(c, sum(dst[0]), sum(dst[1]), more, strs, ifs, arr, bigs[0].s, sum(bigs[1].ptrs[0]))
}

func maps() {
	m := map[string]*Node{}
	for i := 0; i < 200; i++ {
		m[fmt.Sprint("k", i)] = makeList(i % 4)
	}
	for i := 0; i < 200; i += 3 {
		delete(m, fmt.Sprint("k", i))
	}
	m["k1"] = nil
	total := 0
	for k, v := range m {
		total += len(k) + sum(v)
	}
	gMap["a"] = append(gMap["a"], "x", "y")
	gMap["b"] = []string{"z"}
	ms := map[Odd]string{}
	x, s := 7, "q"
	for i := 0; i < 50; i++ {
		ms[Odd{s: fmt.Sprint(i), p: &x, q: &s}] = fmt.Sprint("v", i)
	}
	n := len(ms)
	clear(ms)
	runtime.GC()
	fmt.Println(len(m), total, gMap, n, len(ms))
	// reflect's map iterator keeps the map's arrays in a heap object.
	rv := reflect.ValueOf(map[string]int{"one": 1, "two": 2, "three": 3})
	keys := []string{}
	it := rv.MapRange()
	for it.Next() {
		runtime.GC()
		keys = append(keys, fmt.Sprint(it.Key().Interface(), "=", it.Value().Interface()))
	}
	sort.Strings(keys)
	fmt.Println(keys)
}

func chans() {
	c := make(chan string, 3)
	p := make(chan *Node)
	big := make(chan Big, 2)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			p <- makeList(i + 1)
		}
		close(p)
	}()
	go func() {
		for i := 0; i < 5; i++ {
			big <- bigOf(makeList(3), fmt.Sprint("c", i))
		}
		close(big)
		done <- true
	}()
	for i := 0; i < 3; i++ {
		c <- fmt.Sprint("s", i)
	}
	var got []string
	for i := 0; i < 3; i++ {
		got = append(got, <-c)
	}
	sums := 0
	for n := range p {
		sums += sum(n)
	}
	var bs []string
	for b := range big {
		bs = append(bs, b.s)
		runtime.GC()
	}
	<-done
	// select with pointerful values in both directions.
	a, b := make(chan []string, 1), make(chan interface{}, 1)
	var recvd []string
	for i := 0; i < 4; i++ {
		select {
		case a <- []string{fmt.Sprint("a", i)}:
		case v := <-a:
			recvd = append(recvd, v...)
		}
		select {
		case b <- fmt.Sprint("b", i):
		case v := <-b:
			recvd = append(recvd, v.(string))
		}
	}
	fmt.Println(got, sums, bs, recvd)
}

func atomics() {
	var v atomic.Value
	v.Store([]string{"a"})
	v.Store([]string{"b", "c"})
	n := makeList(3)
	var p unsafe.Pointer
	atomic.StorePointer(&p, unsafe.Pointer(n))
	old := atomic.SwapPointer(&p, unsafe.Pointer(n.next))
	ok := atomic.CompareAndSwapPointer(&p, unsafe.Pointer(n.next), unsafe.Pointer(n))
	runtime.GC()
	fmt.Println(v.Load(), sum((*Node)(old)), ok, sum((*Node)(atomic.LoadPointer(&p))))
}

func sorting() {
	words := strings.Fields("pear fig apple kiwi banana cherry date")
	sort.Slice(words, func(i, j int) bool { return words[i] < words[j] })
	nodes := []*Node{makeList(3), makeList(1), makeList(2)}
	sort.Slice(nodes, func(i, j int) bool { return sum(nodes[i]) < sum(nodes[j]) })
	y, z := 1, "z"
	odds := []Odd{{s: "b", p: &y}, {s: "c", q: &z}, {s: "a"}}
	sort.Slice(odds, func(i, j int) bool { return odds[i].s < odds[j].s })
	ifs := []interface{}{"b", "a", "c"}
	sort.Slice(ifs, func(i, j int) bool { return ifs[i].(string) < ifs[j].(string) })
	fmt.Println(words, sum(nodes[0]), sum(nodes[2]), odds[0].s, *odds[1].p, *odds[2].q, ifs)
}

func errs() {
	msg := "boom"
	var err error = fmt.Errorf("wrapped: %w", MyErr{&msg})
	target := new(MyErr)
	ok := errors.As(err, target)
	var iface interface{ Error() string }
	ok2 := errors.As(err, &iface)
	fmt.Println(ok, *target.msg, ok2, iface.Error())
}

func deferred() (out []string) {
	for i := 0; i < 3; i++ {
		s := fmt.Sprint("d", i)
		defer func() { out = append(out, s) }()
	}
	return []string{"r"}
}

func main() {
	fields()
	slices()
	maps()
	chans()
	atomics()
	sorting()
	errs()
	fmt.Println(deferred())
}
