// runtime.ReadMemStats counts allocations: Mallocs and TotalAlloc grow when the program allocates; MemProfileRate is a variable.
package main

import "runtime"

var sink [][]byte

func main() {
	runtime.MemProfileRate = 0
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	for i := 0; i < 1000; i++ {
		sink = append(sink, make([]byte, 1024))
	}
	runtime.ReadMemStats(&b)
	println(b.Mallocs > a.Mallocs, b.TotalAlloc-a.TotalAlloc >= 1000*1024, b.HeapAlloc >= b.Alloc-1)
}
