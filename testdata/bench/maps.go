// Benchmark: map insert, lookup, delete and iteration with int and string keys.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	m := make(map[int]int)
	for i := 0; i < 2000000; i++ {
		m[i*7] = i
	}
	sum := 0
	for r := 0; r < 5; r++ {
		for i := 0; i < 2000000; i++ {
			sum += m[i*7]
		}
	}
	for i := 0; i < 2000000; i += 2 {
		delete(m, i*7)
	}
	total := 0
	for k, v := range m {
		total += k - v
	}
	s := make(map[string]int)
	for i := 0; i < 300000; i++ {
		s["key"+strconv.Itoa(i)]++
	}
	for i := 0; i < 300000; i++ {
		s["key"+strconv.Itoa(i%1000)]++
	}
	fmt.Println(len(m), sum, total, len(s), s["key7"])
}
