// Package unsafe: Sizeof/Alignof/Offsetof constants, Pointer conversions, Add, Slice, String, StringData.
package main

import "unsafe"

type S struct {
	a byte
	b int64
	c [3]int16
	d string
}

func main() {
	var s S
	println(unsafe.Sizeof(s), unsafe.Alignof(s.c), unsafe.Offsetof(s.b), unsafe.Offsetof(s.d))
	x := 1.5
	p := (*uint64)(unsafe.Pointer(&x))
	println(*p)
	str := "hello"
	b := unsafe.Slice(unsafe.StringData(str), 3)
	println(string(b), unsafe.String(&b[1], 2))
	arr := [4]int32{1, 2, 3, 4}
	q := (*int32)(unsafe.Add(unsafe.Pointer(&arr[0]), 8))
	println(*q, uintptr(unsafe.Pointer(&arr[1]))-uintptr(unsafe.Pointer(&arr[0])))
}
