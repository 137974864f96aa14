// Benchmark: fmt.Sprintf with mixed verbs, and a map of formatted keys.
package main

import "fmt"

type P struct {
	X, Y int
	Name string
}

func main() {
	m := make(map[string]int)
	total := 0
	for i := 0; i < 200000; i++ {
		s := fmt.Sprintf("%d-%x-%s-%5.2f-%v", i, i*3, "k", float64(i)/7, P{i, -i, "p"})
		total += len(s)
		if i%1000 == 0 {
			m[s[:8]]++
		}
	}
	fmt.Println(total, len(m))
}
