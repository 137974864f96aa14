// Index and slice bounds errors with an index of unsigned type report it
// unsigned (gc's panicIndexU/panicSliceU); reflect names unsafe.Pointer's
// package.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	a := [3]int{}
	str := "abc"
	var big uint64 = 1<<64 - 1
	var u uint = 1 << 63
	var small uint8 = 200
	try("slice", func() { _ = s[big] })
	try("array", func() { _ = a[u] })
	try("string", func() { _ = str[big] })
	try("small", func() { _ = s[small] })
	try("store", func() { s[big] = 1 })
	try("hi", func() { _ = s[:big] })
	try("lo", func() { _ = s[big:] })
	try("max", func() { _ = s[0:1:big] })
	try("str hi", func() { _ = str[1:big] })
	t := reflect.TypeOf(unsafe.Pointer(nil))
	fmt.Println(t.PkgPath(), t.Name(), t.String())
}
