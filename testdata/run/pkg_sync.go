// sync and sync/atomic: Mutex/RWMutex protecting counters across
// goroutines, WaitGroup (Add/Done/Wait, Go, negative counter recovered),
// Once and OnceFunc (panicking f), Cond (Signal/Broadcast), Pool, Map (every
// method), atomic functions and types (Int32..Uintptr, Bool, Value with its
// panics, Pointer functions). Only order-independent results are printed.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			v := total
			runtime.Gosched()
			total = v + n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("total", total, mu.TryLock(), mu.TryLock())
	mu.Unlock()

	var rw sync.RWMutex
	shared := map[int]int{}
	var wg2 sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg2.Go(func() {
			rw.Lock()
			shared[i] = i * i
			runtime.Gosched()
			rw.Unlock()
		})
		wg2.Go(func() {
			rw.RLock()
			_ = shared[i]
			runtime.Gosched()
			rw.RUnlock()
		})
	}
	wg2.Wait()
	fmt.Println("rw", len(shared), shared[9], rw.TryRLock(), rw.TryRLock(), rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock(), rw.TryRLock())
	rw.Unlock()
	rl := rw.RLocker()
	rl.Lock()
	fmt.Println(rw.TryLock())
	rl.Unlock()

	try("waitgroup", func() {
		var w sync.WaitGroup
		w.Add(1)
		w.Done()
		w.Done()
	})

	var once sync.Once
	calls := 0
	for i := 0; i < 3; i++ {
		once.Do(func() { calls++ })
	}
	fmt.Println("once", calls)
	var once2 sync.Once
	try("once", func() { once2.Do(func() { panic("boom") }) })
	once2.Do(func() { fmt.Println("not run") })
	of := sync.OnceFunc(func() { calls++; panic("again") })
	try("oncefunc1", of)
	try("oncefunc2", of)
	fmt.Println("calls", calls)

	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	ready := 0
	var cw sync.WaitGroup
	woke := 0
	for i := 0; i < 4; i++ {
		cw.Add(1)
		go func() {
			defer cw.Done()
			cmu.Lock()
			ready++
			for ready < 100 {
				cond.Wait()
			}
			woke++
			cmu.Unlock()
		}()
	}
	for {
		cmu.Lock()
		if ready == 4 {
			cmu.Unlock()
			break
		}
		cmu.Unlock()
		runtime.Gosched()
	}
	cmu.Lock()
	ready = 100
	cond.Signal()
	cond.Broadcast()
	cmu.Unlock()
	cw.Wait()
	fmt.Println("cond woke", woke)

	made := 0
	pool := sync.Pool{New: func() any { made++; return fmt.Sprint("new", made) }}
	a := pool.Get()
	pool.Put("x")
	b := pool.Get()
	c := pool.Get()
	fmt.Println("pool", a, b, c, made)
	var empty sync.Pool
	fmt.Println(empty.Get())

	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	v, ok = m.Load("zz")
	fmt.Println(v, ok)
	v, loaded := m.LoadOrStore("a", 10)
	fmt.Println(v, loaded)
	v, loaded = m.LoadOrStore("c", 3)
	fmt.Println(v, loaded)
	v, loaded = m.LoadAndDelete("c")
	fmt.Println(v, loaded)
	v, loaded = m.LoadAndDelete("c")
	fmt.Println(v, loaded)
	v, loaded = m.Swap("b", 20)
	fmt.Println(v, loaded)
	fmt.Println(m.CompareAndSwap("b", 2, 200), m.CompareAndSwap("b", 20, 200), m.CompareAndDelete("a", 2), m.CompareAndDelete("a", 1))
	m.Store(3, "three")
	m.Delete("nothing")
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	n := 0
	m.Range(func(k, v any) bool { n++; return false })
	fmt.Println("stopped after", n)
	m.Clear()
	m.Range(func(k, v any) bool { panic("empty") })
	var zm sync.Map
	zm.Delete(1)
	fmt.Println(zm.Load(1))

	var i32 int32
	var u32 uint32
	var i64 int64
	var u64 uint64
	var up uintptr
	fmt.Println(atomic.AddInt32(&i32, -5), atomic.AddUint32(&u32, ^uint32(0)), atomic.AddInt64(&i64, 1<<40), atomic.AddUint64(&u64, 7), atomic.AddUintptr(&up, 3))
	fmt.Println(atomic.LoadInt32(&i32), atomic.LoadUint32(&u32), atomic.LoadInt64(&i64), atomic.LoadUint64(&u64), atomic.LoadUintptr(&up))
	atomic.StoreInt32(&i32, 9)
	atomic.StoreUint64(&u64, 1<<63)
	fmt.Println(atomic.SwapInt32(&i32, 10), i32, atomic.SwapUint64(&u64, 1), u64)
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 9, 11), atomic.CompareAndSwapInt32(&i32, 10, 11), i32)
	fmt.Println(atomic.CompareAndSwapInt64(&i64, 1<<40, -1), i64, atomic.CompareAndSwapUintptr(&up, 3, 4), up)
	fmt.Println(atomic.AndInt32(&i32, 2), i32, atomic.OrUint32(&u32, 1), u32)
	x, y := 1, 2
	p := unsafe.Pointer(&x)
	fmt.Println(atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&y), nil), atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&x), unsafe.Pointer(&y)))
	fmt.Println(*(*int)(atomic.LoadPointer(&p)), *(*int)(atomic.SwapPointer(&p, nil)), atomic.LoadPointer(&p) == nil)
	atomic.StorePointer(&p, unsafe.Pointer(&x))
	fmt.Println(*(*int)(p))

	var ai atomic.Int64
	var acount atomic.Int32
	var wg3 sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			ai.Add(int64(i))
			acount.Add(1)
		}()
	}
	wg3.Wait()
	fmt.Println(ai.Load(), acount.Load(), ai.Swap(5), ai.CompareAndSwap(5, 6), ai.Load(), ai.And(4), ai.Or(1), ai.Load())
	var au atomic.Uint32
	au.Store(3)
	fmt.Println(au.Add(^uint32(0)), au.Load())
	var au64 atomic.Uint64
	var aup atomic.Uintptr
	au64.Store(1 << 63)
	fmt.Println(au64.Add(1<<63), aup.Add(2), aup.CompareAndSwap(2, 8), aup.Load())
	var ab atomic.Bool
	fmt.Println(ab.Load(), ab.Swap(true), ab.Load(), ab.CompareAndSwap(false, true), ab.CompareAndSwap(true, false), ab.Load())
	ab.Store(true)
	fmt.Println(ab.Load())

	var av atomic.Value
	fmt.Println(av.Load())
	av.Store(1)
	fmt.Println(av.Load(), av.Swap(2), av.Load())
	fmt.Println(av.CompareAndSwap(1, 3), av.CompareAndSwap(2, 3), av.Load())
	try("store nil", func() { av.Store(nil) })
	try("store string", func() { av.Store("s") })
	try("swap nil", func() { av.Swap(nil) })
	try("swap string", func() { av.Swap("s") })
	try("cas nil", func() { av.CompareAndSwap(3, nil) })
	try("cas mixed", func() { av.CompareAndSwap(3, "s") })
	try("cas string", func() { av.CompareAndSwap(nil, "s") })
	var av2 atomic.Value
	fmt.Println(av2.CompareAndSwap("a", "b"), av2.CompareAndSwap(nil, "b"), av2.Load())
	try("cas slice", func() {
		var sv atomic.Value
		sv.Store([]int{1})
		sv.CompareAndSwap([]int{1}, []int{2})
	})
	var av3 atomic.Value
	fmt.Println(av3.Swap([]string{"a"}), av3.Load())
	try("nil addr", func() {
		var np *int32
		atomic.AddInt32(np, 1)
	})
}
