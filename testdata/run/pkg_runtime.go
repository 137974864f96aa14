// Tests package runtime (the Go side): GOOS, GOARCH, Compiler, GC and
// KeepAlive as no-ops, and the runtime.Error interface on recovered run-time
// errors (index, divide, nil map, type assertion, nil dereference) versus
// ordinary panic values.
package main

import (
	"errors"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		e := recover()
		re, ok := e.(runtime.Error)
		if ok {
			println(name, "runtime.Error:", re.Error())
			return
		}
		err, isErr := e.(error)
		println(name, "not a runtime.Error; error:", isErr, err != nil)
	}()
	f()
}

func main() {
	println(runtime.GOOS, runtime.GOARCH, runtime.Compiler)
	runtime.GC()
	x := new(int)
	runtime.KeepAlive(x)
	zero := 0
	var m map[string]int
	var i interface{} = "str"
	var p *struct{ f int }
	try("index", func() {
		var a []int
		_ = a[zero+5]
	})
	try("divide", func() { println(10 / zero) })
	try("nilmap", func() { m["a"] = 1 })
	try("assert", func() { println(i.(int)) })
	try("nil", func() { println(p.f) })
	try("slice", func() {
		s := "abc"
		_ = s[zero+2 : zero+1]
	})
	try("plain", func() { panic("just a string") })
	try("errval", func() { panic(errors.New("an error")) })
	var err error = errors.New("x")
	_, ok := err.(runtime.Error)
	println(ok)
}
