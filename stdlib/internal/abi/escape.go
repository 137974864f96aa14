// Copyright 2024 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package abi

import "unsafe"

// gc's escape.go (LICENSE-go) with bodies for what gc's compiler treats
// as intrinsics (EscapeNonString): rgoc's escape analysis
// (compiler/src/codegen/escape.rs) sees a store to a package variable, so
// whatever the argument points to is on the heap, and the collector scans
// stacks conservatively, so NoEscape's pointer stays visible to it.

// NoEscape hides the pointer p from escape analysis, preventing it
// from escaping to the heap. It compiles down to nothing.
//
// WARNING: This is very subtle to use correctly. The caller must
// ensure that it's truly safe for p to not escape to the heap by
// maintaining runtime pointer invariants (for example, that globals
// and the heap may not generally point into a stack).
//
//go:nosplit
//go:nocheckptr
func NoEscape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// Escape forces any pointers in x to escape to the heap.
func Escape[T any](x T) T {
	if alwaysFalse {
		escapeSink = x
	}
	return x
}

// EscapeNonString forces v to be on the heap, if v contains a
// non-string pointer. (rgoc: whatever v holds, strings included.)
func EscapeNonString[T any](v T) {
	if alwaysFalse {
		escapeSink = v
	}
}

// EscapeToResultNonString models a data flow edge from v to the result,
// if v contains a non-string pointer. If v contains only string pointers,
// it returns a copy of v, but is not modeled as a data flow edge
// from the escape analysis's perspective.
func EscapeToResultNonString[T any](v T) T {
	EscapeNonString(v)
	return *(*T)(NoEscape(unsafe.Pointer(&v)))
}

var alwaysFalse bool
var escapeSink any
