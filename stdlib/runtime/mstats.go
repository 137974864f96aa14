// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE-go file.

package runtime

// A MemStats records statistics about the memory allocator.
//
// rgoc: the layout is shared with the runtime (runtime/src/mgc.rs,
// MemStats), which fills it in ReadMemStats. Lookups, StackInuse,
// StackSys, BuckHashSys and OtherSys are 0; DebugGC is false.
type MemStats struct {
	// General statistics.

	// Alloc is bytes of allocated heap objects.
	Alloc uint64

	// TotalAlloc is cumulative bytes allocated for heap objects.
	TotalAlloc uint64

	// Sys is the total bytes of memory obtained from the OS.
	Sys uint64

	// Lookups is the number of pointer lookups performed by the
	// runtime.
	Lookups uint64

	// Mallocs is the cumulative count of heap objects allocated.
	Mallocs uint64

	// Frees is the cumulative count of heap objects freed.
	Frees uint64

	// Heap memory statistics.

	// HeapAlloc is bytes of allocated heap objects.
	HeapAlloc uint64

	// HeapSys is bytes of heap memory obtained from the OS.
	HeapSys uint64

	// HeapIdle is bytes in idle (unused) spans.
	HeapIdle uint64

	// HeapInuse is bytes in in-use spans.
	HeapInuse uint64

	// HeapReleased is bytes of physical memory returned to the OS.
	HeapReleased uint64

	// HeapObjects is the number of allocated heap objects.
	HeapObjects uint64

	// Stack memory statistics.

	// StackInuse is bytes in stack spans.
	StackInuse uint64

	// StackSys is bytes of stack memory obtained from the OS.
	StackSys uint64

	// Off-heap memory statistics.

	// MSpanInuse is bytes of allocated mspan structures.
	MSpanInuse uint64

	// MSpanSys is bytes of memory obtained from the OS for mspan
	// structures.
	MSpanSys uint64

	// MCacheInuse is bytes of allocated mcache structures.
	MCacheInuse uint64

	// MCacheSys is bytes of memory obtained from the OS for
	// mcache structures.
	MCacheSys uint64

	// BuckHashSys is bytes of memory in profiling bucket hash tables.
	BuckHashSys uint64

	// GCSys is bytes of memory in garbage collection metadata.
	GCSys uint64

	// OtherSys is bytes of memory in miscellaneous off-heap
	// runtime allocations.
	OtherSys uint64

	// Garbage collector statistics.

	// NextGC is the target heap size of the next GC cycle.
	NextGC uint64

	// LastGC is the time the last garbage collection finished, as
	// nanoseconds since 1970 (the UNIX epoch).
	LastGC uint64

	// PauseTotalNs is the cumulative nanoseconds in GC
	// stop-the-world pauses since the program started.
	PauseTotalNs uint64

	// PauseNs is a circular buffer of recent GC stop-the-world
	// pause times in nanoseconds.
	PauseNs [256]uint64

	// PauseEnd is a circular buffer of recent GC pause end times,
	// as nanoseconds since 1970 (the UNIX epoch).
	PauseEnd [256]uint64

	// NumGC is the number of completed GC cycles.
	NumGC uint32

	// NumForcedGC is the number of GC cycles that were forced by
	// the application calling the GC function.
	NumForcedGC uint32

	// GCCPUFraction is the fraction of this program's available
	// CPU time used by the GC since the program started.
	GCCPUFraction float64

	// EnableGC indicates that GC is enabled. It is always true,
	// even if GOGC=off.
	EnableGC bool

	// DebugGC is currently unused.
	DebugGC bool

	// BySize reports per-size class allocation statistics.
	BySize [61]struct {
		// Size is the maximum byte size of an object in this
		// size class.
		Size uint32

		// Mallocs is the cumulative count of heap objects
		// allocated in this size class.
		Mallocs uint64

		// Frees is the cumulative count of heap objects freed
		// in this size class.
		Frees uint64
	}
}

// ReadMemStats populates m with memory allocator statistics.
//
// rgoc: runtime/src/mgc.rs (read_mem_stats); the collector stops the
// world, so the statistics are always consistent.
func ReadMemStats(m *MemStats)

// MemProfileRate controls the fraction of memory allocations that are
// recorded and reported in the memory profile (no profiler yet: recorded
// only).
var MemProfileRate int = 512 * 1024
