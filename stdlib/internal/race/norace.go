// Copyright 2015 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE-go file.

// Package race: rgoc has no race detector, so these are gc's !race
// no-ops (internal/race/norace.go) without the *ObjectPC variants, whose
// abi.Type rgoc's internal/abi does not declare.
package race

import "unsafe"

const Enabled = false

func Acquire(addr unsafe.Pointer)                           {}
func Release(addr unsafe.Pointer)                           {}
func ReleaseMerge(addr unsafe.Pointer)                      {}
func Disable()                                              {}
func Enable()                                               {}
func Read(addr unsafe.Pointer)                              {}
func ReadPC(addr unsafe.Pointer, callerpc, pc uintptr)      {}
func Write(addr unsafe.Pointer)                             {}
func WritePC(addr unsafe.Pointer, callerpc, pc uintptr)     {}
func ReadRange(addr unsafe.Pointer, len int)                {}
func WriteRange(addr unsafe.Pointer, len int)               {}
func Errors() int                                           { return 0 }
