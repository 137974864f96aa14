// Benchmark: deep recursion in goroutines. 8 goroutines each recurse
// 200,000 frames deep, three times; every frame holds a pointer into its
// caller's frame (so stack copying must adjust pointers into the stack).
package main

import (
	"fmt"
	"sync"
)

type frame struct {
	parent *frame
	depth  int
	acc    [4]int
}

func walk(p *frame, n int) int {
	var f frame
	f.parent = p
	f.depth = p.depth + 1
	f.acc[n&3] = n
	if n == 0 {
		// follow a few parent links back up
		s := 0
		q := &f
		for i := 0; i < 100 && q != nil; i++ {
			s += q.depth
			q = q.parent
		}
		return s
	}
	return walk(&f, n-1) + f.acc[n&3]&1
}

func main() {
	var wg sync.WaitGroup
	results := make([]int, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 3; r++ {
				var root frame
				root.depth = g
				results[g] += walk(&root, 200000)
			}
		}(g)
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)
}
