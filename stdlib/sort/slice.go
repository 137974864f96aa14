// Copyright 2017 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// rgoc: gc's slice.go with reflectlite.ValueOf(x).Len and
// reflectlite.Swapper replaced by sliceLen and swapper below, which read
// rgoc's type descriptors (runtime/src/types.rs); zsortfunc.go is gc's.

package sort

import (
	"internal/abi"
	"math/bits"
	"unsafe"
)

// Slice sorts the slice x given the provided less function.
// It panics if x is not a slice.
//
// The sort is not guaranteed to be stable: equal elements
// may be reversed from their original order.
// For a stable sort, use [SliceStable].
//
// The less function must satisfy the same requirements as
// the Interface type's Less method.
func Slice(x any, less func(i, j int) bool) {
	swap := swapper(x)
	length := sliceLen(x)
	limit := bits.Len(uint(length))
	pdqsort_func(lessSwap{less, swap}, 0, length, limit)
}

// SliceStable sorts the slice x using the provided less
// function, keeping equal elements in their original order.
// It panics if x is not a slice.
func SliceStable(x any, less func(i, j int) bool) {
	swap := swapper(x)
	stable_func(lessSwap{less, swap}, sliceLen(x))
}

// SliceIsSorted reports whether the slice x is sorted according to the provided less function.
// It panics if x is not a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := sliceLen(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
	"complex64", "complex128", "array", "chan", "func", "interface", "map", "ptr",
	"slice", "string", "struct", "unsafe.Pointer"}

// valueError is reflectlite's ValueError.
type valueError struct {
	method string
	kind   uint8
}

func (e *valueError) Error() string {
	if e.kind == 0 {
		return "reflect: call of " + e.method + " on zero Value"
	}
	return "reflect: call of " + e.method + " on " + kindNames[e.kind] + " Value"
}

// sliceLen is reflectlite.ValueOf(x).Len(): slices, strings, arrays,
// maps and channels (the first word of a map or channel is its length).
func sliceLen(x any) int {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&x))
	var k uint8
	if e.Type != nil {
		k = e.Type.Kind
	}
	switch k {
	case abi.KindSlice:
		return (*sliceHeader)(e.Data).len
	case abi.KindString:
		return len(*(*string)(e.Data))
	case abi.KindArray:
		return int(e.Type.Len)
	case abi.KindMap, abi.KindChan:
		if e.Data == nil {
			return 0
		}
		return *(*int)(e.Data)
	}
	panic(&valueError{"reflect.Value.Len", k})
}

// swapper is reflectlite.Swapper: a function that swaps the elements in
// the provided slice. It panics if x is not a slice.
func swapper(x any) func(i, j int) {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&x))
	if e.Type == nil || e.Type.Kind != abi.KindSlice {
		var k uint8
		if e.Type != nil {
			k = e.Type.Kind
		}
		panic(&valueError{"Swapper", k})
	}
	s := *(*sliceHeader)(e.Data)
	switch s.len {
	case 0:
		return func(i, j int) { panic("reflect: slice index out of range") }
	case 1:
		return func(i, j int) {
			if i != 0 || j != 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	size := e.Type.Elem.Size
	if size == 0 {
		return func(i, j int) {
			if uint(i) >= uint(s.len) || uint(j) >= uint(s.len) {
				panic("reflect: slice index out of range")
			}
		}
	}
	if e.Type.Elem.PtrData != 0 {
		return pointerSwapper(e.Type.Elem, s)
	}
	// Common element sizes swap whole words (gc special-cases some
	// element types the same way; out-of-range indexes panic as index
	// expressions do).
	switch size {
	case 8:
		is := unsafe.Slice((*uint64)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 16:
		is := unsafe.Slice((*[2]uint64)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 24:
		is := unsafe.Slice((*[3]uint64)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 4:
		is := unsafe.Slice((*uint32)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 1:
		is := unsafe.Slice((*uint8)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	}
	tmp := make([]byte, size)
	bs := unsafe.Slice((*byte)(s.data), uintptr(s.len)*size)
	return func(i, j int) {
		if uint(i) >= uint(s.len) || uint(j) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		a := bs[uintptr(i)*size : uintptr(i+1)*size]
		b := bs[uintptr(j)*size : uintptr(j+1)*size]
		copy(tmp, a)
		copy(a, b)
		copy(b, tmp)
	}
}

// pointerSwapper swaps elements that hold pointers through pointer-typed
// words or typedmemmove, so that the write barrier runs (words of
// pointer-free fields typed unsafe.Pointer only get shaded if they happen
// to point into the heap, as the runtime's conservative range barrier
// does).
func pointerSwapper(et *abi.Type, s sliceHeader) func(i, j int) {
	switch et.Size {
	case 8:
		is := unsafe.Slice((*unsafe.Pointer)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 16:
		is := unsafe.Slice((*[2]unsafe.Pointer)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 24:
		is := unsafe.Slice((*[3]unsafe.Pointer)(s.data), s.len)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	}
	size := et.Size
	tmp := make([]byte, size)
	return func(i, j int) {
		if uint(i) >= uint(s.len) || uint(j) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		a := unsafe.Add(s.data, uintptr(i)*size)
		b := unsafe.Add(s.data, uintptr(j)*size)
		t := unsafe.Pointer(&tmp[0])
		abi.TypedMemmove(et, t, a)
		abi.TypedMemmove(et, a, b)
		abi.TypedMemmove(et, b, t)
	}
}
