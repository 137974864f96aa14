// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE-go file.

// Package reflectlite is rgoc's overlay of gc's internal/reflectlite, the
// part of reflect that packages below reflect use (errors, sort,
// context): its Type, Value and Kind are rgoc's reflect's (the same type
// descriptors, runtime/src/types.rs), and Swapper reads them directly.
// Methods rgoc's reflect lacks (Implements, AssignableTo, Value.Set) are
// missing here too, so code needing them fails to compile.
package reflectlite

import (
	"internal/abi"
	"reflect"
	"unsafe"
)

type (
	Type       = reflect.Type
	Value      = reflect.Value
	Kind       = reflect.Kind
	ValueError = reflect.ValueError
)

const (
	Invalid       = reflect.Invalid
	Bool          = reflect.Bool
	Int           = reflect.Int
	Int8          = reflect.Int8
	Int16         = reflect.Int16
	Int32         = reflect.Int32
	Int64         = reflect.Int64
	Uint          = reflect.Uint
	Uint8         = reflect.Uint8
	Uint16        = reflect.Uint16
	Uint32        = reflect.Uint32
	Uint64        = reflect.Uint64
	Uintptr       = reflect.Uintptr
	Float32       = reflect.Float32
	Float64       = reflect.Float64
	Complex64     = reflect.Complex64
	Complex128    = reflect.Complex128
	Array         = reflect.Array
	Chan          = reflect.Chan
	Func          = reflect.Func
	Interface     = reflect.Interface
	Map           = reflect.Map
	Pointer       = reflect.Pointer
	Slice         = reflect.Slice
	String        = reflect.String
	Struct        = reflect.Struct
	UnsafePointer = reflect.UnsafePointer
	Ptr           = reflect.Ptr
)

// TypeOf returns the dynamic type of i (nil for a nil interface).
func TypeOf(i any) Type { return reflect.TypeOf(i) }

// ValueOf returns a Value holding the dynamic value of i.
func ValueOf(i any) Value { return reflect.ValueOf(i) }

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

// Swapper returns a function that swaps the elements in
// the provided slice. It panics if x is not a slice.
func Swapper(x any) func(i, j int) {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&x))
	if e.Type == nil || e.Type.Kind != abi.KindSlice {
		var k uint8
		if e.Type != nil {
			k = e.Type.Kind
		}
		panic(&ValueError{"Swapper", Kind(k)})
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
