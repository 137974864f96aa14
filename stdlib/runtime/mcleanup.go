// Copyright 2024 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

import "unsafe"

// Cleanups and weak pointers: the Go side of runtime/src/mcleanup.rs
// (gc's mcleanup.go and the weak handles of mheap.go; the documentation
// and panic messages are gc's, LICENSE-go).

// AddCleanup attaches a cleanup function to ptr. Some time after ptr is no longer
// reachable, the runtime will call cleanup(arg) in a separate goroutine.
//
// A typical use is that ptr is an object wrapping an underlying resource (e.g.,
// a File object wrapping an OS file descriptor), arg is the underlying resource
// (e.g., the OS file descriptor), and the cleanup function releases the underlying
// resource (e.g., by calling the close system call).
//
// There are few constraints on ptr. In particular, multiple cleanups may be
// attached to the same pointer, or to different pointers within the same
// allocation.
//
// If ptr is reachable from cleanup or arg, ptr will never be collected
// and the cleanup will never run. As a protection against simple cases of this,
// AddCleanup panics if arg is equal to ptr.
//
// There is no specified order in which cleanups will run.
//
// rgoc: cleanups run one at a time on one cleanup goroutine (gc may start
// more); a cleanup for an object that is not in the heap (a package
// variable, a zero-sized value) never runs, as gc's for linker-allocated
// objects.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	// Force ptr and cleanup to escape to the heap (gc: abi.Escape).
	ptr = escapePtr(ptr)
	if alwaysFalse {
		cleanupSink = cleanup
	}

	// The pointer to the object must be valid.
	if ptr == nil {
		panic("runtime.AddCleanup: ptr is nil")
	}

	// Check that arg is not equal to ptr.
	var argp unsafe.Pointer
	if k := kindOf(any(arg)); k == kindPointer || k == kindUnsafePointer {
		argp = *(*unsafe.Pointer)(unsafe.Pointer(&arg))
		if unsafe.Pointer(ptr) == argp {
			panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
		}
	}

	fn := func() { cleanup(arg) }
	var id uint64
	switch addCleanup(unsafe.Pointer(ptr), argp, *(*unsafe.Pointer)(unsafe.Pointer(&cleanup)), *(*unsafe.Pointer)(unsafe.Pointer(&fn)), &id) {
	case 1:
		return Cleanup{}
	case 2:
		panic("runtime.AddCleanup: ptr is within arg, cleanup will never run")
	case 3:
		panic("runtime.AddCleanup: cleanup function closes over ptr, cleanup will never run")
	}
	return Cleanup{id: id, ptr: uintptr(unsafe.Pointer(ptr))}
}

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	// id is the unique identifier for the cleanup within the arena.
	id uint64
	// ptr contains the pointer to the object.
	ptr uintptr
}

// Stop cancels the cleanup call. Stop will have no effect if the cleanup call
// has already been queued for execution (because ptr became unreachable).
// To guarantee that Stop removes the cleanup function, the caller must ensure
// that the pointer that was passed to AddCleanup is reachable across the call to Stop.
func (c Cleanup) Stop() {
	if c.id == 0 {
		// id is set to zero when the cleanup is a noop.
		return
	}
	stopCleanup(c.ptr, c.id)
}

var alwaysFalse bool
var cleanupSink any
var escapeSinkPtr unsafe.Pointer

func escapePtr[T any](p *T) *T {
	if alwaysFalse {
		escapeSinkPtr = unsafe.Pointer(p)
	}
	return p
}

// The kinds kindOf tells apart (runtime/src/types.rs `kind`).
const (
	kindPointer       = 22
	kindUnsafePointer = 26
)

// kindOf returns the kind of x's dynamic type (0 for nil).
func kindOf(x any) uint8 {
	t := *(**[24]uint8)(unsafe.Pointer(&x))
	if t == nil {
		return 0
	}
	return t[23] // Type.kind
}

// addCleanup registers fn (a func()) for the object containing ptr
// (runtime/src/mcleanup.rs: 0 done, 1 no-op, 2 arg within ptr's object,
// 3 cleanup's closure refers to it).
func addCleanup(ptr, arg, cleanup, fn unsafe.Pointer, id *uint64) int

func stopCleanup(ptr uintptr, id uint64)

func registerWeakPointer(p unsafe.Pointer) unsafe.Pointer
func makeStrongFromWeak(u unsafe.Pointer) unsafe.Pointer

//go:linkname weak_runtime_registerWeakPointer weak.runtime_registerWeakPointer
func weak_runtime_registerWeakPointer(p unsafe.Pointer) unsafe.Pointer {
	return registerWeakPointer(p)
}

//go:linkname weak_runtime_makeStrongFromWeak weak.runtime_makeStrongFromWeak
func weak_runtime_makeStrongFromWeak(u unsafe.Pointer) unsafe.Pointer {
	return makeStrongFromWeak(u)
}
