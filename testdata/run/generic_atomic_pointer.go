package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ name string; n int }

func main() {
	var p atomic.Pointer[config]
	fmt.Println(p.Load() == nil)
	p.Store(&config{"a", 1})
	old := p.Swap(&config{"b", 2})
	fmt.Println(old.name, p.Load().name, p.CompareAndSwap(old, nil), p.Load().n)
	var wg sync.WaitGroup
	var cnt atomic.Pointer[int]
	z := 0
	cnt.Store(&z)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				for {
					o := cnt.Load()
					n := *o + 1
					if cnt.CompareAndSwap(o, &n) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(*cnt.Load())
	fmt.Printf("%T\n", &p)
}
