package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Big struct {
	A [12]int
	S string
}

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.ValueOf(&intSwap).Elem()
	fn.Set(reflect.MakeFunc(fn.Type(), swap))
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))
	join := reflect.MakeFunc(reflect.TypeOf(func(string, ...string) string { return "" }), func(in []reflect.Value) []reflect.Value {
		parts := in[1].Interface().([]string)
		return []reflect.Value{reflect.ValueOf(strings.Join(parts, in[0].String()))}
	}).Interface().(func(string, ...string) string)
	fmt.Println(join("-", "x", "y", "z"))
	bigf := reflect.MakeFunc(reflect.TypeOf(func(Big) Big { return Big{} }), func(in []reflect.Value) []reflect.Value {
		b := in[0].Interface().(Big)
		b.A[11] = 99
		b.S += "!"
		return []reflect.Value{reflect.ValueOf(b)}
	}).Interface().(func(Big) Big)
	r := bigf(Big{S: "big"})
	fmt.Println(r.A[11], r.S)
	var errf func() error
	reflect.ValueOf(&errf).Elem().Set(reflect.MakeFunc(reflect.TypeOf(errf), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())}
	}))
	fmt.Println(errf())
	v := reflect.MakeFunc(reflect.TypeOf(func(int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(int(in[0].Int() * 10))}
	})
	fmt.Println(v.Call([]reflect.Value{reflect.ValueOf(4)})[0])
	// Closures over state, called many times (stack growth, collections).
	count := 0
	counter := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func(in []reflect.Value) []reflect.Value {
		count++
		return []reflect.Value{reflect.ValueOf(count)}
	}).Interface().(func() int)
	var rec func(int) int
	rec = func(n int) int {
		if n == 0 {
			return counter()
		}
		return rec(n-1) + 0*len(make([]byte, 64))
	}
	for i := 0; i < 200; i++ {
		rec(i)
	}
	fmt.Println(counter(), count)
	try("wrong count", func() {
		reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func(in []reflect.Value) []reflect.Value { return nil }).Interface().(func() int)()
	})
	try("zero result", func() {
		reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func(in []reflect.Value) []reflect.Value { return []reflect.Value{{}} }).Interface().(func() int)()
	})
	try("wrong type", func() {
		reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func(in []reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf("s")} }).Interface().(func() int)()
	})
	try("non-func", func() { reflect.MakeFunc(reflect.TypeOf(0), nil) })
	try("panics through", func() {
		reflect.MakeFunc(reflect.TypeOf(func() {}), func(in []reflect.Value) []reflect.Value { panic("from fn") }).Interface().(func())()
	})
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", name)
}
