// Allocation churn: about 20 GB allocated in total while about 30 MB stays
// live. A ring of slots is overwritten at pseudo-random positions; each
// replacement allocates a mix of pointerful and pointer-free objects: a
// small struct pointing to two other live structs, a slice of 1-16 pointers
// to live structs, a string built by concatenation, a byte slice of 16 B to
// 1 KiB and, every 64th time, a 16-64 KiB byte slice (a large object).
// The replaced struct's pointers are cleared (old.left = nil ...), so
// chains of replaced objects stay short and the live heap stays bounded.
//
// Before overwriting a slot the program checks the old objects' contents
// (a collector that freed or moved something live shows up as "corrupt")
// and folds them into a checksum, printed at the end with the number of
// iterations: stdout is deterministic. stderr gets the bytes allocated as
// counted by the program and runtime.MemStats' TotalAlloc and NumGC.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

type node struct {
	left, right *node
	id          int
	tag         string
}

type slot struct {
	n  *node
	ps []*node
	s  string
	b  []byte
	lg []byte
}

const (
	nslots = 20000
	iters  = 16000000
)

var words = []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}

func main() {
	ring := make([]slot, nslots)
	var seed uint32 = 12345
	next := func() uint32 {
		seed = seed*1664525 + 1013904223
		return seed >> 8
	}
	sum := uint64(0)
	bad := 0
	allocated := 0
	for i := 0; i < iters; i++ {
		k := int(next()) % nslots
		old := &ring[k]
		if old.n != nil {
			o := old.n
			if o.tag != words[o.id%len(words)] {
				bad++
			}
			sum += uint64(o.id)
			if o.left != nil {
				sum += uint64(o.left.id & 255)
			}
			if len(old.ps) == 0 || old.ps[len(old.ps)-1] == nil {
				bad++
			} else {
				sum += uint64(old.ps[len(old.ps)-1].id&1023) + uint64(len(old.ps))
			}
			if len(old.s) == 0 || old.s[len(old.s)-1] != byte('a'+o.id%26) {
				bad++
			}
			sum += uint64(len(old.s))
			if len(old.b) == 0 || old.b[0] != byte(o.id) || old.b[len(old.b)-1] != byte(o.id>>8) {
				bad++
			}
			sum += uint64(len(old.b))
			if old.lg != nil {
				if old.lg[len(old.lg)-1] != byte(o.id) {
					bad++
				}
				sum += uint64(len(old.lg))
			}
			// Break the chain: a replaced node keeps nothing alive.
			o.left, o.right = nil, nil
		}

		r := next()
		n := &node{id: i, tag: words[i%len(words)]}
		n.left = ring[int(r)%nslots].n
		n.right = ring[int(r>>3)%nslots].n
		np := 1 + int(r%16)
		ps := make([]*node, np)
		for j := range ps {
			ps[j] = ring[(k+j*7+1)%nslots].n
		}
		ps[np-1] = n
		s := strconv.Itoa(i) + "-" + words[r%8] + string(rune('a'+i%26))
		nb := 16 + int(r>>4)%1009
		b := make([]byte, nb)
		b[0], b[nb-1] = byte(i), byte(i>>8)
		var lg []byte
		allocated += 48 + 8*np + len(s) + nb
		if i%64 == 0 {
			lg = make([]byte, 16384+int(r>>6)%49152)
			lg[len(lg)-1] = byte(i)
			allocated += len(lg)
		}
		ring[k] = slot{n: n, ps: ps, s: s, b: b, lg: lg}
	}

	for k := range ring {
		if ring[k].n != nil {
			sum += uint64(ring[k].n.id % 4096)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "allocated (counted): %d MiB, TotalAlloc: %d MiB, NumGC: %d\n",
		allocated>>20, ms.TotalAlloc>>20, ms.NumGC)
	fmt.Println("iterations:", iters)
	fmt.Println("checksum:", sum)
	if bad != 0 {
		fmt.Println("corrupt:", bad)
	} else {
		fmt.Println("ok")
	}
}
