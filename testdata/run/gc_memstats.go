// runtime.ReadMemStats and debug knobs: NumGC grows with runtime.GC,
// allocation counters grow, freed memory shows up in Frees, and the
// numbers are consistent with each other. Booleans only.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []*[64]byte

func main() {
	var a, b, c runtime.MemStats
	runtime.ReadMemStats(&a)
	for i := 0; i < 100000; i++ {
		sink = append(sink, new([64]byte))
		if len(sink) > 1000 {
			sink = sink[:0]
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&b)
	fmt.Println("NumGC grows:", b.NumGC > a.NumGC)
	fmt.Println("forced counted:", b.NumForcedGC >= 1)
	fmt.Println("Mallocs grows:", b.Mallocs >= a.Mallocs+100000)
	fmt.Println("Frees grows:", b.Frees > a.Frees+50000)
	fmt.Println("TotalAlloc grows:", b.TotalAlloc >= a.TotalAlloc+100000*64)
	fmt.Println("HeapObjects:", b.HeapObjects == b.Mallocs-b.Frees)
	fmt.Println("Alloc == HeapAlloc:", b.Alloc == b.HeapAlloc)
	fmt.Println("HeapInuse >= HeapAlloc:", b.HeapInuse >= b.HeapAlloc)
	fmt.Println("HeapSys == Idle+Inuse:", b.HeapSys == b.HeapIdle+b.HeapInuse)
	fmt.Println("HeapReleased <= HeapIdle:", b.HeapReleased <= b.HeapIdle)
	fmt.Println("Sys >= HeapSys:", b.Sys >= b.HeapSys)
	fmt.Println("NextGC > 0:", b.NextGC > 0)
	fmt.Println("pause recorded:", b.PauseTotalNs > 0 && b.PauseNs[(b.NumGC+255)%256] > 0)
	fmt.Println("LastGC set:", b.LastGC > 0)
	fmt.Println("EnableGC:", b.EnableGC)

	old := debug.SetGCPercent(50)
	fmt.Println("SetGCPercent old:", old)
	fmt.Println("SetGCPercent back:", debug.SetGCPercent(old))
	lim := debug.SetMemoryLimit(-1)
	fmt.Println("no limit:", lim == 1<<63-1)
	debug.SetMemoryLimit(1 << 40)
	fmt.Println("limit set:", debug.SetMemoryLimit(-1) == 1<<40)
	debug.SetMemoryLimit(lim)
	debug.FreeOSMemory()
	runtime.ReadMemStats(&c)
	fmt.Println("FreeOSMemory collects:", c.NumGC > b.NumGC)
	fmt.Println("released after FreeOSMemory:", c.HeapReleased > 0)
	fmt.Println("BySize sizes:", c.BySize[1].Size == 8 && c.BySize[60].Size > 8000)
}
