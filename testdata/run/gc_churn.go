// Allocates about 2 GB in small objects while keeping about 20 MB live: a
// ring of objects is replaced one by one, each new object pointing to the
// current neighbour of its slot (a replaced object drops its own link, so
// at most one replaced object per slot stays reachable), plus short-lived
// strings and slices. Prints
// checksums only (the collector must keep every live object intact).
package main

import (
	"fmt"
	"strconv"
)

type obj struct {
	next *obj
	id   int
	data [14]int
}

const ringSize = 160000 // * 128 bytes = 20 MB live

func main() {
	ring := make([]*obj, ringSize)
	for i := range ring {
		ring[i] = &obj{id: i}
	}
	sum := 0
	var seed uint32 = 1
	for i := 0; i < 16000000; i++ {
		seed = seed*1664525 + 1013904223
		k := int(seed>>8) % ringSize
		old := ring[k]
		o := &obj{next: ring[(k+1)%ringSize], id: i}
		for j := range o.data {
			o.data[j] = i + j
		}
		sum += old.id + old.data[3]
		if old.next != nil {
			sum += old.next.id & 7
		}
		old.next = nil // chains of replaced objects stay short
		ring[k] = o
		if i%1000 == 0 {
			s := strconv.Itoa(i) + "/" + strconv.Itoa(sum)
			b := make([]int, 100)
			b[99] = len(s)
			sum += b[99]
		}
	}
	check := 0
	for _, o := range ring {
		check += o.id + o.data[13]
		if o.next != nil {
			check ^= o.next.id
		}
	}
	fmt.Println(sum, check)
}
