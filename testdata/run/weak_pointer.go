package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
	"weak"
)

type T struct {
	v   int
	buf [16]int
}

//go:noinline
func makeWeak(v int) weak.Pointer[T] {
	t := &T{v: v}
	return weak.Make(t)
}

//go:noinline
func addCleanup(v int, done chan<- int) {
	t := &T{v: v}
	runtime.AddCleanup(t, func(n int) { done <- n }, v)
}

//go:noinline
func clobber() int {
	var a [64]int
	for i := range a {
		a[i] = i
	}
	return a[7]
}

func main() {
	live := &T{v: 2}
	wl := weak.Make(live)
	wd := makeWeak(1)
	clobber()
	runtime.GC()
	fmt.Println("dead target nil:", wd.Value() == nil)
	fmt.Println("live target:", wl.Value() != nil, wl.Value() == live, wl.Value().v)
	fmt.Println("same pointer, equal weak pointers:", weak.Make(live) == wl)
	other := &T{v: 2}
	fmt.Println("other pointer, different weak pointer:", weak.Make(other) == wl)
	runtime.KeepAlive(other)
	var np *T
	fmt.Println("nil:", weak.Make(np).Value() == nil, weak.Make(np) == weak.Pointer[T]{})
	runtime.KeepAlive(live)

	// A cleanup runs after its object is collected.
	done := make(chan int, 4)
	addCleanup(42, done)
	clobber()
	runtime.GC()
	select {
	case n := <-done:
		fmt.Println("cleanup ran with", n)
	case <-time.After(10 * time.Second):
		fmt.Println("cleanup did not run")
	}

	// A stopped cleanup does not run; a live object's cleanup does not run.
	kept := &T{v: 3}
	c := runtime.AddCleanup(kept, func(n int) { done <- n }, 3)
	stopped := &T{v: 4}
	c2 := runtime.AddCleanup(stopped, func(n int) { done <- n }, 4)
	c2.Stop()
	stopped = nil
	c.Stop()
	c.Stop()
	runtime.GC()
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("queued after Stop:", len(done))
	runtime.KeepAlive(kept)

	// Many objects, cleanups from several goroutines.
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	all := make(chan struct{})
	const n = 100
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n/4; i++ {
				p := new([4]int)
				runtime.AddCleanup(p, func(int) {
					mu.Lock()
					count++
					if count == n {
						close(all)
					}
					mu.Unlock()
				}, i)
			}
		}()
	}
	wg.Wait()
	clobber()
	runtime.GC()
	select {
	case <-all:
		fmt.Println("all cleanups ran:", n)
	case <-time.After(10 * time.Second):
		mu.Lock()
		fmt.Println("cleanups ran:", count)
		mu.Unlock()
	}

	// Panics.
	for _, f := range []func(){
		func() { runtime.AddCleanup[T, int](nil, func(int) {}, 0) },
		func() { p := new(T); runtime.AddCleanup(p, func(*T) {}, p) },
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}
	// A weak pointer to a package variable never becomes nil.
	wg2 := weak.Make(&global)
	runtime.GC()
	fmt.Println("global:", wg2.Value() == &global)
}

var global T
