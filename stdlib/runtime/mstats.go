package runtime

// MemStats records statistics about the memory allocator (gc's layout).
// Until the garbage collector exists (issue 7) nothing is freed: Alloc and
// HeapAlloc equal TotalAlloc, Frees and NumGC are 0 and EnableGC is false.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// MemProfileRate controls the fraction of memory allocations that are
// recorded and reported in the memory profile (no profiler yet: recorded
// only).
var MemProfileRate int = 512 * 1024

//go:linkname runtime_allocStats runtime.allocStats
func runtime_allocStats() (bytes, objects uint64)

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	bytes, objects := runtime_allocStats()
	*m = MemStats{}
	m.Alloc = bytes
	m.TotalAlloc = bytes
	m.Sys = bytes
	m.Mallocs = objects
	m.HeapAlloc = bytes
	m.HeapSys = bytes
	m.HeapInuse = bytes
	m.HeapObjects = objects
}
