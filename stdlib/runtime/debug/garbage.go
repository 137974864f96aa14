// Copyright 2013 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE-go file.

// Package debug contains facilities for programs to debug themselves while
// they are running.
//
// rgoc: the garbage collector's knobs (SetGCPercent, SetMemoryLimit,
// FreeOSMemory), bound to runtime/src/mgc.rs.
package debug

// SetGCPercent sets the garbage collection target percentage:
// a collection is triggered when the ratio of freshly allocated data
// to live data remaining after the previous collection reaches this percentage.
// SetGCPercent returns the previous setting.
// The initial setting is the value of the GOGC environment
// variable at startup, or 100 if the variable is not set.
// A negative percentage effectively disables garbage collection, unless
// the memory limit is reached.
func SetGCPercent(percent int) int {
	return int(setGCPercent(int64(percent)))
}

//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(percent int64) int64

// FreeOSMemory forces a garbage collection followed by an
// attempt to return as much memory to the operating system
// as possible.
//
//go:linkname FreeOSMemory runtime/debug.freeOSMemory
func FreeOSMemory()

// SetMemoryLimit provides the runtime with a soft memory limit.
//
// A negative input does not adjust the limit, and allows for retrieval of
// the currently set memory limit. SetMemoryLimit returns the previously set
// memory limit.
//
//go:linkname SetMemoryLimit runtime/debug.setMemoryLimit
func SetMemoryLimit(limit int64) int64
