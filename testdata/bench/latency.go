// GC latency probe: about 1 GiB of live pointerful heap is built (a binary
// tree of 2^23 32-byte nodes, 256 MiB, a slice of pointers to all of them,
// 64 MiB, 8192 tables of 8192 pointers into the tree, 512 MiB, and lists of
// 48-byte nodes pointing into it, 225 MiB), then a probe
// goroutine sleeps 1 ms in a loop and records the largest overshoot of its
// sleep while main allocates about 3 GiB of short-lived garbage (several
// collections of the whole live heap at GOGC=100) and calls runtime.GC()
// twice. A stop-the-world collection shows as a probe overshoot as long as
// marking the live heap takes.
//
// stdout is deterministic (checksums of the live heap, then "done"); stderr
// has the measurements (`scripts/bench -v` shows them; `--max-pause-ms`
// checks the first line):
//
//	max pause: N us
//	probes: N, over 5 ms: N, GCs during probe: N, max PauseNs: N us, NumGC: N, live heap: N MiB
//
// "max pause" is the probe's largest overshoot: whatever kept it from
// running, the collector's stop-the-world or CPU taken by marking (go 1.27
// on 2 cores: its idle mark workers do not yield to expired timers, so
// the probe waits for the 10 ms preemption). "max PauseNs" is the
// runtime's own record of its longest stop-the-world in the window.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

type node struct {
	left, right *node
	id          int
	pad         int
}

type lnode struct {
	next *lnode
	val  int
	a, b *node
	pad  [2]int
}

// build makes a complete tree of the given depth and appends its nodes to
// all (in allocation order).
func build(depth, id int) *node {
	n := &node{id: id}
	all = append(all, n)
	if depth > 0 {
		n.left = build(depth-1, 2*id)
		n.right = build(depth-1, 2*id+1)
	}
	return n
}

func (n *node) check() int {
	if n.left == nil {
		return n.id & 7
	}
	return 1 + n.left.check() + n.right.check()
}

const (
	treeDepth = 22 // 2^23-1 nodes
	ntables   = 8192
	tableLen  = 8192
	nlists    = 4096
	listLen   = 1200
)

var (
	all    []*node
	tree   *node
	tables [][]*node
	lists  []*lnode
	sink   *lnode
)

// probe sleeps 1 ms at a time until stop is closed and sends back the
// largest overshoot of a sleep (ns), the number of sleeps and the number of
// overshoots above 5 ms.
func probe(stop chan bool, result chan [3]int64) {
	var max time.Duration
	count, over := int64(0), int64(0)
	for {
		select {
		case <-stop:
			result <- [3]int64{int64(max), count, over}
			return
		default:
		}
		t0 := time.Now()
		time.Sleep(time.Millisecond)
		d := time.Since(t0) - time.Millisecond
		if d > max {
			max = d
		}
		if d > 5*time.Millisecond {
			over++
		}
		count++
	}
}

func main() {
	all = make([]*node, 0, 1<<(treeDepth+1))
	tree = build(treeDepth, 1)
	tables = make([][]*node, ntables)
	for i := range tables {
		t := make([]*node, tableLen)
		for j := range t {
			t[j] = all[(i*tableLen+j*3)%len(all)]
		}
		tables[i] = t
	}
	lists = make([]*lnode, nlists)
	for i := range lists {
		var l *lnode
		for j := 0; j < listLen; j++ {
			l = &lnode{next: l, val: j, a: tables[i][j], b: tables[(i+1)%ntables][j]}
		}
		lists[i] = l
	}

	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := make(chan bool)
	result := make(chan [3]int64)
	go probe(stop, result)

	// About 3 GiB of garbage: lists of 1000 nodes, dropped at once.
	sum := 0
	for round := 0; round < 64; round++ {
		for k := 0; k < 1000; k++ {
			var l *lnode
			for j := 0; j < 1000; j++ {
				l = &lnode{next: l, val: j}
			}
			sink = l
			sum += l.val
		}
		if round == 21 || round == 42 {
			runtime.GC()
		}
	}
	close(stop)
	res := <-result

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	// The runtime's own record of its stop-the-world pauses in the window.
	stw := uint64(0)
	for n := before.NumGC; n < after.NumGC && n < before.NumGC+256; n++ {
		if p := after.PauseNs[n%256]; p > stw {
			stw = p
		}
	}
	fmt.Fprintf(os.Stderr, "max pause: %d us\n", res[0]/1000)
	fmt.Fprintf(os.Stderr, "probes: %d, over 5 ms: %d, GCs during probe: %d, max PauseNs: %d us, NumGC: %d, live heap: %d MiB\n",
		res[1], res[2], after.NumGC-before.NumGC, stw/1000, after.NumGC, before.HeapAlloc>>20)

	fmt.Println("tree check:", tree.check())
	ts := 0
	for _, t := range tables {
		ts += t[0].id&15 + t[tableLen-1].id&15
	}
	fmt.Println("tables check:", ts)
	ls := 0
	for _, l := range lists {
		for ; l != nil; l = l.next {
			ls += l.val & 3
			if l.a == nil || l.b == nil {
				ls = -1 << 40
			}
		}
	}
	fmt.Println("lists check:", ls)
	fmt.Println("garbage check:", sum)
	fmt.Println("done")
}
