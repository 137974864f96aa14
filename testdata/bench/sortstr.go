// Benchmark: building strings, sorting slices of ints and strings.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	var b strings.Builder
	x := uint32(12345)
	words := make([]string, 0, 300000)
	ints := make([]int, 0, 1000000)
	for i := 0; i < 1000000; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		ints = append(ints, int(x%1000000))
		if i < 300000 {
			b.Reset()
			for j := 0; j < 6; j++ {
				b.WriteByte(byte('a' + (x>>(j*4))%26))
			}
			words = append(words, b.String())
		}
	}
	sort.Ints(ints)
	sort.Strings(words)
	fmt.Println(ints[0], ints[len(ints)/2], ints[len(ints)-1], words[0], words[len(words)/2], strings.Join(words[:3], ","))
}
