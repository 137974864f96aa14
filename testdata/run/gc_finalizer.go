// Finalizers: run after the object becomes unreachable and a collection
// finds it (in the finalizer goroutine), not while it is reachable.
// Objects are created on short-lived goroutines and held in globals, so no
// stale copy of a pointer lingers on main's stack (rgoc scans stacks
// conservatively). Only facts gc guarantees are printed: a finalizer has
// run once the program waits for it, and never for a reachable object or
// after SetFinalizer(x, nil).
package main

import (
	"fmt"
	"runtime"
	"time"
)

type res struct {
	id   int
	data []byte
}

func (r *res) Close() {}

type closer interface{ Close() }

var (
	done = make(chan int, 10)
	held *res
)

func newRes(id int) *res {
	r := &res{id: id, data: make([]byte, 1000)}
	runtime.SetFinalizer(r, func(r *res) { done <- r.id })
	return r
}

// onGoroutine runs f on a new goroutine and waits for it.
func onGoroutine(f func()) {
	c := make(chan bool)
	go func() {
		f()
		c <- true
	}()
	<-c
}

func waitFor() int {
	for i := 0; i < 1000; i++ {
		runtime.GC()
		select {
		case id := <-done:
			return id
		default:
			time.Sleep(time.Millisecond)
		}
	}
	return -1
}

func none() {
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	select {
	case id := <-done:
		fmt.Println("unexpected finalizer", id)
	default:
		fmt.Println("no finalizer ran")
	}
}

func main() {
	onGoroutine(func() { newRes(1) })
	fmt.Println("finalized:", waitFor())

	onGoroutine(func() { held = newRes(2) })
	none()
	held = nil
	fmt.Println("finalized:", waitFor())

	onGoroutine(func() {
		r := newRes(3)
		runtime.SetFinalizer(r, nil)
	})
	none()

	onGoroutine(func() {
		c := &res{id: 4}
		runtime.SetFinalizer(c, func(x closer) { done <- x.(*res).id })
	})
	fmt.Println("finalized:", waitFor())
}
