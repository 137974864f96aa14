package testing

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

type durationOrCountFlag struct {
	d time.Duration
	n int
}

func parseBenchTime(s string) durationOrCountFlag {
	if strings.HasSuffix(s, "x") {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 0)
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "invalid value %q for flag -test.benchtime: invalid count\n", s)
			os.Exit(2)
		}
		return durationOrCountFlag{n: int(n)}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		fmt.Fprintf(os.Stderr, "invalid value %q for flag -test.benchtime: invalid duration\n", s)
		os.Exit(2)
	}
	return durationOrCountFlag{d: d}
}

// InternalBenchmark is an internal type but exported because it is
// cross-package; it is part of the implementation of the "go test" command.
type InternalBenchmark struct {
	Name string
	F    func(b *B)
}

var memStats runtime.MemStats

// B is a type passed to Benchmark functions to manage benchmark timing
// and control the number of iterations.
type B struct {
	common
	importPath       string
	bstate           *benchState
	N                int
	previousN        int
	previousDuration time.Duration
	benchFunc        func(b *B)
	benchTime        durationOrCountFlag
	bytes            int64
	missingBytes     bool
	timerOn          bool
	showAllocResult  bool
	result           BenchmarkResult
	startAllocs      uint64
	startBytes       uint64
	netAllocs        uint64
	netBytes         uint64
	extra            map[string]float64
	loopN            int
	loopI            int
	loopDone         bool
}

// StartTimer starts timing a test.
func (b *B) StartTimer() {
	if !b.timerOn {
		runtime.ReadMemStats(&memStats)
		b.startAllocs = memStats.Mallocs
		b.startBytes = memStats.TotalAlloc
		b.start = time.Now()
		b.timerOn = true
	}
}

// StopTimer stops timing a test.
func (b *B) StopTimer() {
	if b.timerOn {
		b.duration += time.Since(b.start)
		runtime.ReadMemStats(&memStats)
		b.netAllocs += memStats.Mallocs - b.startAllocs
		b.netBytes += memStats.TotalAlloc - b.startBytes
		b.timerOn = false
	}
}

// ResetTimer zeroes the elapsed benchmark time and memory allocation
// counters and deletes user-reported metrics.
func (b *B) ResetTimer() {
	if b.extra == nil {
		b.extra = make(map[string]float64, 16)
	} else {
		for k := range b.extra {
			delete(b.extra, k)
		}
	}
	if b.timerOn {
		runtime.ReadMemStats(&memStats)
		b.startAllocs = memStats.Mallocs
		b.startBytes = memStats.TotalAlloc
		b.start = time.Now()
	}
	b.duration = 0
	b.netAllocs = 0
	b.netBytes = 0
}

// SetBytes records the number of bytes processed in a single operation.
func (b *B) SetBytes(n int64) { b.bytes = n }

// ReportAllocs enables malloc statistics for this benchmark.
func (b *B) ReportAllocs() { b.showAllocResult = true }

// Elapsed returns the measured elapsed time of the benchmark.
func (b *B) Elapsed() time.Duration {
	d := b.duration
	if b.timerOn {
		d += time.Since(b.start)
	}
	return d
}

// ReportMetric adds "n unit" to the reported benchmark results.
func (b *B) ReportMetric(n float64, unit string) {
	if unit == "" {
		panic("metric unit must not be empty")
	}
	if strings.IndexAny(unit, " \t\n") >= 0 {
		panic("metric unit must not contain whitespace")
	}
	b.extra[unit] = n
}

func (b *B) runN(n int) {
	runtime.GC()
	b.N = n
	b.loopN = 0
	b.loopI = 0
	b.loopDone = false
	b.ResetTimer()
	b.StartTimer()
	func() {
		defer func() {
			if r := recover(); r != nil && r != errFailNow {
				panic(r)
			}
		}()
		b.benchFunc(b)
	}()
	b.StopTimer()
	b.previousN = n
	b.previousDuration = b.duration
	if b.loopN > 0 && !b.loopDone && !b.failed {
		b.Error("benchmark function returned without B.Loop() == false (break or return in loop?)")
	}
	if p := b.runCleanup(); p != nil {
		panic(p)
	}
}

func (b *B) run1() bool {
	if bstate := b.bstate; bstate != nil {
		if n := len(b.name) + bstate.extLen + 1; n > bstate.maxLen {
			bstate.maxLen = n + 8
		}
	}
	b.runN(1)
	if b.failed {
		fmt.Fprintf(b.w, "--- FAIL: %s\n%s", b.name, b.output)
		return false
	}
	if b.hasSub || b.finished {
		tag := "BENCH"
		if b.skipped {
			tag = "SKIP"
		}
		if b.chatty != nil && (len(b.output) > 0 || b.finished) {
			b.trimOutput()
			fmt.Fprintf(b.w, "--- %s: %s\n%s", tag, b.name, b.output)
		}
		return false
	}
	return true
}

var labelsDone bool

func printLabels(w writer, importPath string) {
	if labelsDone {
		return
	}
	labelsDone = true
	fmt.Fprintf(w, "goos: %s\n", runtime.GOOS)
	fmt.Fprintf(w, "goarch: %s\n", runtime.GOARCH)
	if importPath != "" {
		fmt.Fprintf(w, "pkg: %s\n", importPath)
	}
	if cpu := cpuName(); cpu != "" {
		fmt.Fprintf(w, "cpu: %s\n", cpu)
	}
}

func cpuName() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if i := strings.Index(line, ":"); i >= 0 {
				return strings.TrimSpace(line[i+1:])
			}
		}
	}
	return ""
}

func (b *B) run() {
	printLabels(b.w, b.importPath)
	if b.bstate != nil {
		b.bstate.processBench(b)
	} else {
		b.doBench()
	}
}

func (b *B) doBench() BenchmarkResult {
	b.launch()
	return b.result
}

const maxBenchPredictIters = 1000000000

func predictN(goalns int64, prevIters int64, prevns int64, last int64) int {
	if prevns == 0 {
		prevns = 1
	}
	n := goalns * prevIters / prevns
	n += n / 5
	if n > 100*last {
		n = 100 * last
	}
	if n < last+1 {
		n = last + 1
	}
	if n > maxBenchPredictIters {
		n = maxBenchPredictIters
	}
	return int(n)
}

func (b *B) launch() {
	if b.loopN == 0 {
		if b.benchTime.n > 0 {
			if b.benchTime.n > 1 {
				b.runN(b.benchTime.n)
			}
		} else {
			d := b.benchTime.d
			for n := int64(1); !b.failed && b.duration < d && n < 1e9; {
				last := n
				goalns := d.Nanoseconds()
				prevIters := int64(b.N)
				n = int64(predictN(goalns, prevIters, b.duration.Nanoseconds(), last))
				b.runN(int(n))
			}
		}
	}
	b.result = BenchmarkResult{b.N, b.duration, b.bytes, b.netAllocs, b.netBytes, b.extra}
}

func (b *B) stopOrScaleBLoop() bool {
	t := b.Elapsed()
	if t >= b.benchTime.d {
		return false
	}
	goalns := b.benchTime.d.Nanoseconds()
	prevIters := int64(b.loopN)
	b.loopN = predictN(goalns, prevIters, t.Nanoseconds(), prevIters)
	return prevIters < int64(b.loopN)
}

func (b *B) loopSlowPath() bool {
	if !b.timerOn {
		b.Fatal("B.Loop called with timer stopped")
	}
	if b.loopN == 0 {
		if b.benchTime.n > 0 {
			b.loopN = b.benchTime.n
		} else {
			b.loopN = 1
		}
		b.N = 0
		b.ResetTimer()
		b.loopI++
		return true
	}
	var more bool
	if b.benchTime.n > 0 {
		more = false
	} else {
		more = b.stopOrScaleBLoop()
	}
	if !more {
		b.StopTimer()
		b.N = b.loopN
		b.loopDone = true
		return false
	}
	b.loopI++
	return true
}

// Loop returns true as long as the benchmark should continue running.
func (b *B) Loop() bool {
	if b.loopI < b.loopN {
		b.loopI++
		return true
	}
	return b.loopSlowPath()
}

// BenchmarkResult contains the results of a benchmark run.
type BenchmarkResult struct {
	N         int
	T         time.Duration
	Bytes     int64
	MemAllocs uint64
	MemBytes  uint64
	Extra     map[string]float64
}

// NsPerOp returns the "ns/op" metric.
func (r BenchmarkResult) NsPerOp() int64 {
	if v, ok := r.Extra["ns/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return r.T.Nanoseconds() / int64(r.N)
}

func (r BenchmarkResult) mbPerSec() float64 {
	if v, ok := r.Extra["MB/s"]; ok {
		return v
	}
	if r.Bytes <= 0 || r.T <= 0 || r.N <= 0 {
		return 0
	}
	return (float64(r.Bytes) * float64(r.N) / 1e6) / r.T.Seconds()
}

// AllocsPerOp returns the "allocs/op" metric.
func (r BenchmarkResult) AllocsPerOp() int64 {
	if v, ok := r.Extra["allocs/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemAllocs) / int64(r.N)
}

// AllocedBytesPerOp returns the "B/op" metric.
func (r BenchmarkResult) AllocedBytesPerOp() int64 {
	if v, ok := r.Extra["B/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemBytes) / int64(r.N)
}

// String returns a summary of the benchmark results.
func (r BenchmarkResult) String() string {
	buf := new(strings.Builder)
	fmt.Fprintf(buf, "%8d", r.N)
	ns, ok := r.Extra["ns/op"]
	if !ok {
		ns = float64(r.T.Nanoseconds()) / float64(r.N)
	}
	if ns != 0 {
		buf.WriteByte('\t')
		prettyPrint(buf, ns, "ns/op")
	}
	if mbs := r.mbPerSec(); mbs != 0 {
		fmt.Fprintf(buf, "\t%7.2f MB/s", mbs)
	}
	var extraKeys []string
	for k := range r.Extra {
		switch k {
		case "ns/op", "MB/s", "B/op", "allocs/op":
			continue
		}
		extraKeys = append(extraKeys, k)
	}
	sort.Strings(extraKeys)
	for _, k := range extraKeys {
		buf.WriteByte('\t')
		prettyPrint(buf, r.Extra[k], k)
	}
	return buf.String()
}

func prettyPrint(w writer, x float64, unit string) {
	var format string
	switch y := math.Abs(x); {
	case y == 0 || y >= 999.95:
		format = "%10.0f %s"
	case y >= 99.995:
		format = "%12.1f %s"
	case y >= 9.9995:
		format = "%13.2f %s"
	case y >= 0.99995:
		format = "%14.3f %s"
	case y >= 0.099995:
		format = "%15.4f %s"
	case y >= 0.0099995:
		format = "%16.5f %s"
	case y >= 0.00099995:
		format = "%17.6f %s"
	default:
		format = "%18.7f %s"
	}
	fmt.Fprintf(w, format, x, unit)
}

// MemString returns r.AllocedBytesPerOp and r.AllocsPerOp in the same
// format as 'go test'.
func (r BenchmarkResult) MemString() string {
	return fmt.Sprintf("%8d B/op\t%8d allocs/op", r.AllocedBytesPerOp(), r.AllocsPerOp())
}

func benchmarkName(name string, n int) string {
	if n != 1 {
		return fmt.Sprintf("%s-%d", name, n)
	}
	return name
}

type benchState struct {
	match  *matcher
	maxLen int
	extLen int
	procs  int
}

func runBenchmarks(importPath string, benchmarks []InternalBenchmark) bool {
	if len(*matchBenchmarks) == 0 {
		return true
	}
	procs := runtime.GOMAXPROCS(0)
	bstate := &benchState{
		match:  newMatcher(*matchBenchmarks, *matchSkip),
		extLen: len(benchmarkName("", procs)),
		procs:  procs,
	}
	var bs []InternalBenchmark
	for _, bm := range benchmarks {
		if _, matched, _ := bstate.match.fullName(nil, bm.Name); matched {
			bs = append(bs, bm)
			benchName := benchmarkName(bm.Name, procs)
			if l := len(benchName) + bstate.extLen + 1; l > bstate.maxLen {
				bstate.maxLen = l
			}
		}
	}
	main := &B{
		common: common{
			name:     "Main",
			w:        stdoutWriter{},
			toStdout: true,
			bench:    true,
		},
		importPath: importPath,
		benchFunc: func(b *B) {
			for _, bm := range bs {
				b.Run(bm.Name, bm.F)
			}
		},
		benchTime: parseBenchTime(*benchTimeFlag),
		bstate:    bstate,
	}
	if Verbose() {
		main.chatty = &chattyPrinter{w: main.w}
	}
	main.runN(1)
	return !main.failed
}

func (s *benchState) processBench(b *B) {
	for j := uint(0); j < *countFlag; j++ {
		benchName := benchmarkName(b.name, s.procs)
		if b.chatty == nil {
			fmt.Fprintf(b.w, "%-*s\t", s.maxLen, benchName)
		}
		if j > 0 {
			b = &B{
				common: common{
					name:   b.name,
					w:      b.w,
					chatty: b.chatty,
					bench:  true,
					parent: b.parent,
					level:  b.level,
				},
				benchFunc: b.benchFunc,
				benchTime: b.benchTime,
				importPath: b.importPath,
			}
			b.run1()
		}
		r := b.doBench()
		if b.failed {
			fmt.Fprintf(b.w, "--- FAIL: %s\n%s", benchName, b.output)
			continue
		}
		results := r.String()
		if b.chatty != nil {
			fmt.Fprintf(b.w, "%-*s\t", s.maxLen, benchName)
		}
		if *benchmarkMemory || b.showAllocResult {
			results += "\t" + r.MemString()
		}
		fmt.Fprintln(b.w, results)
		if len(b.output) > 0 {
			b.trimOutput()
			fmt.Fprintf(b.w, "--- BENCH: %s\n%s", benchName, b.output)
		}
	}
}

// Run benchmarks f as a subbenchmark with the given name.
func (b *B) Run(name string, f func(b *B)) bool {
	b.hasSub = true
	benchName, ok, partial := b.name, true, false
	if b.bstate != nil {
		benchName, ok, partial = b.bstate.match.fullName(&b.common, name)
	}
	if !ok {
		return true
	}
	sub := &B{
		common: common{
			name:   benchName,
			parent: &b.common,
			level:  b.level + 1,
			w:      b.w,
			chatty: b.chatty,
			bench:  true,
		},
		importPath: b.importPath,
		benchFunc:  f,
		benchTime:  b.benchTime,
		bstate:     b.bstate,
	}
	if partial {
		sub.hasSub = true
	}
	if b.chatty != nil {
		printLabels(stdoutWriter{}, b.importPath)
		fmt.Println(benchName)
	}
	if sub.run1() {
		sub.run()
	}
	b.add(sub.result)
	return !sub.failed
}

func (b *B) add(other BenchmarkResult) {
	r := &b.result
	r.N = 1
	r.T += time.Duration(other.NsPerOp())
	if other.Bytes == 0 {
		b.missingBytes = true
		r.Bytes = 0
	}
	if !b.missingBytes {
		r.Bytes += other.Bytes
	}
	r.MemAllocs += uint64(other.AllocsPerOp())
	r.MemBytes += uint64(other.AllocedBytesPerOp())
}

func (b *B) trimOutput() {
	const maxNewlines = 10
	for nlCount, j := 0, 0; j < len(b.output); j++ {
		if b.output[j] == '\n' {
			nlCount++
			if nlCount >= maxNewlines {
				b.output = append(b.output[:j], "\n\t... [output truncated]\n"...)
				break
			}
		}
	}
}

// Benchmark benchmarks a single function (outside go test).
func Benchmark(f func(b *B)) BenchmarkResult {
	b := &B{
		common:    common{w: stdoutWriter{}},
		benchFunc: f,
		benchTime: durationOrCountFlag{d: time.Second},
	}
	if b.run1() {
		b.run()
	}
	return b.result
}

// AllocsPerRun returns the average number of allocations during calls to f.
func AllocsPerRun(runs int, f func()) (avg float64) {
	f()
	runtime.ReadMemStats(&memStats)
	mallocs := 0 - memStats.Mallocs
	for i := 0; i < runs; i++ {
		f()
	}
	runtime.ReadMemStats(&memStats)
	mallocs += memStats.Mallocs
	return float64(mallocs / uint64(runs))
}
