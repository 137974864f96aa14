// Maps and slices of pointers (and maps holding slices, strings and
// interfaces) survive collections while they grow and shrink.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
)

type item struct {
	name string
	tags []string
	next *item
}

func main() {
	m := map[string]*item{}
	byID := map[int][]*item{}
	var all []*item
	var ifaces []any
	for i := 0; i < 20000; i++ {
		it := &item{name: fmt.Sprintf("item%05d", i)}
		for j := 0; j < i%4; j++ {
			it.tags = append(it.tags, strings.Repeat("t", j+1))
		}
		if len(all) > 0 {
			it.next = all[len(all)-1]
		}
		m[it.name] = it
		byID[i%97] = append(byID[i%97], it)
		all = append(all, it)
		if i%10 == 0 {
			ifaces = append(ifaces, it, i, it.name)
		}
		if i%5000 == 4999 {
			runtime.GC()
		}
	}
	// Delete half, forcing collections of the dropped items.
	for i := 0; i < 20000; i += 2 {
		delete(m, fmt.Sprintf("item%05d", i))
	}
	all = all[10000:]
	for r := 0; r < 5; r++ {
		junk := make([][]byte, 0)
		for i := 0; i < 2000; i++ {
			junk = append(junk, make([]byte, 1000))
		}
		runtime.GC()
		_ = junk
	}
	keys := make([]string, 0, len(m))
	tags := 0
	for k, v := range m {
		keys = append(keys, k)
		tags += len(v.tags)
		if v.name != k {
			panic("bad name")
		}
	}
	sort.Strings(keys)
	chain := 0
	for p := all[len(all)-1]; p != nil; p = p.next {
		chain++
	}
	total := 0
	for _, l := range byID {
		for _, it := range l {
			total += len(it.name)
		}
	}
	n := 0
	for _, x := range ifaces {
		switch v := x.(type) {
		case *item:
			n += len(v.tags)
		case int:
			n += v % 3
		case string:
			n += len(v)
		}
	}
	fmt.Println(len(m), keys[0], keys[len(keys)-1], tags, chain, total, n, len(all), all[0].name)
}
