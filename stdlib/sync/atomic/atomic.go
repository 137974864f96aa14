// Package atomic provides low-level atomic memory primitives useful for
// implementing synchronization algorithms.
//
// rgoc: the operations are calls into the runtime's real atomics
// (runtime/src/atomic.rs: sequentially consistent, as gc's), so they stay
// correct when goroutines run on several threads. The API is gc's minus the
// generic Pointer[T]. Adapted from Go 1.27's src/sync/atomic (BSD licence,
// stdlib/LICENSE-go).
package atomic

import "unsafe"

//go:linkname panicmem runtime.panicmem
func panicmem()

//go:linkname load32 runtime.atomicLoad32
func load32(p *uint32) uint32

//go:linkname store32 runtime.atomicStore32
func store32(p *uint32, v uint32)

//go:linkname xadd32 runtime.atomicXadd32
func xadd32(p *uint32, d uint32) uint32

//go:linkname xchg32 runtime.atomicXchg32
func xchg32(p *uint32, v uint32) uint32

//go:linkname cas32 runtime.atomicCas32
func cas32(p *uint32, old, new uint32) bool

//go:linkname and32 runtime.atomicAnd32
func and32(p *uint32, v uint32) uint32

//go:linkname or32 runtime.atomicOr32
func or32(p *uint32, v uint32) uint32

//go:linkname load64 runtime.atomicLoad64
func load64(p *uint64) uint64

//go:linkname store64 runtime.atomicStore64
func store64(p *uint64, v uint64)

//go:linkname xadd64 runtime.atomicXadd64
func xadd64(p *uint64, d uint64) uint64

//go:linkname xchg64 runtime.atomicXchg64
func xchg64(p *uint64, v uint64) uint64

//go:linkname cas64 runtime.atomicCas64
func cas64(p *uint64, old, new uint64) bool

//go:linkname and64 runtime.atomicAnd64
func and64(p *uint64, v uint64) uint64

//go:linkname or64 runtime.atomicOr64
func or64(p *uint64, v uint64) uint64

//go:linkname loadp runtime.atomicLoadp
func loadp(p *unsafe.Pointer) unsafe.Pointer

//go:linkname storep runtime.atomicStorep
func storep(p *unsafe.Pointer, v unsafe.Pointer)

//go:linkname xchgp runtime.atomicXchgp
func xchgp(p *unsafe.Pointer, v unsafe.Pointer) unsafe.Pointer

//go:linkname casp runtime.atomicCasp
func casp(p *unsafe.Pointer, old, new unsafe.Pointer) bool

// SwapInt32 atomically stores new into *addr and returns the previous *addr value.
func SwapInt32(addr *int32, new int32) (old int32) {
	if addr == nil {
		panicmem()
	}
	return int32(xchg32((*uint32)(unsafe.Pointer(addr)), uint32(new)))
}

// CompareAndSwapInt32 executes the compare-and-swap operation for a int32 value.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	if addr == nil {
		panicmem()
	}
	return cas32((*uint32)(unsafe.Pointer(addr)), uint32(old), uint32(new))
}

// AddInt32 atomically adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) (new int32) {
	if addr == nil {
		panicmem()
	}
	return int32(xadd32((*uint32)(unsafe.Pointer(addr)), uint32(delta)))
}

// AndInt32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
func AndInt32(addr *int32, mask int32) (old int32) {
	if addr == nil {
		panicmem()
	}
	return int32(and32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// OrInt32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
func OrInt32(addr *int32, mask int32) (old int32) {
	if addr == nil {
		panicmem()
	}
	return int32(or32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// LoadInt32 atomically loads *addr.
func LoadInt32(addr *int32) (val int32) {
	if addr == nil {
		panicmem()
	}
	return int32(load32((*uint32)(unsafe.Pointer(addr))))
}

// StoreInt32 atomically stores val into *addr.
func StoreInt32(addr *int32, val int32) {
	if addr == nil {
		panicmem()
	}
	store32((*uint32)(unsafe.Pointer(addr)), uint32(val))
}

// A Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	_ noCopy
	v int32
}

// Load atomically loads and returns the value stored in x.
func (x *Int32) Load() int32 { return LoadInt32(&x.v) }

// Store atomically stores val into x.
func (x *Int32) Store(val int32) { StoreInt32(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Int32) Swap(new int32) (old int32) { return SwapInt32(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int32) And(mask int32) (old int32) { return AndInt32(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int32) Or(mask int32) (old int32) { return OrInt32(&x.v, mask) }

// SwapUint32 atomically stores new into *addr and returns the previous *addr value.
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	if addr == nil {
		panicmem()
	}
	return uint32(xchg32((*uint32)(unsafe.Pointer(addr)), uint32(new)))
}

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32 value.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	if addr == nil {
		panicmem()
	}
	return cas32((*uint32)(unsafe.Pointer(addr)), uint32(old), uint32(new))
}

// AddUint32 atomically adds delta to *addr and returns the new value.
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	if addr == nil {
		panicmem()
	}
	return uint32(xadd32((*uint32)(unsafe.Pointer(addr)), uint32(delta)))
}

// AndUint32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	if addr == nil {
		panicmem()
	}
	return uint32(and32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// OrUint32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
func OrUint32(addr *uint32, mask uint32) (old uint32) {
	if addr == nil {
		panicmem()
	}
	return uint32(or32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// LoadUint32 atomically loads *addr.
func LoadUint32(addr *uint32) (val uint32) {
	if addr == nil {
		panicmem()
	}
	return uint32(load32((*uint32)(unsafe.Pointer(addr))))
}

// StoreUint32 atomically stores val into *addr.
func StoreUint32(addr *uint32, val uint32) {
	if addr == nil {
		panicmem()
	}
	store32((*uint32)(unsafe.Pointer(addr)), uint32(val))
}

// A Uint32 is an atomic uint32. The zero value is zero.
type Uint32 struct {
	_ noCopy
	v uint32
}

// Load atomically loads and returns the value stored in x.
func (x *Uint32) Load() uint32 { return LoadUint32(&x.v) }

// Store atomically stores val into x.
func (x *Uint32) Store(val uint32) { StoreUint32(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uint32) Swap(new uint32) (old uint32) { return SwapUint32(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapUint32(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint32) And(mask uint32) (old uint32) { return AndUint32(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint32) Or(mask uint32) (old uint32) { return OrUint32(&x.v, mask) }

// SwapInt64 atomically stores new into *addr and returns the previous *addr value.
func SwapInt64(addr *int64, new int64) (old int64) {
	if addr == nil {
		panicmem()
	}
	return int64(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(new)))
}

// CompareAndSwapInt64 executes the compare-and-swap operation for a int64 value.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	if addr == nil {
		panicmem()
	}
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(old), uint64(new))
}

// AddInt64 atomically adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) (new int64) {
	if addr == nil {
		panicmem()
	}
	return int64(xadd64((*uint64)(unsafe.Pointer(addr)), uint64(delta)))
}

// AndInt64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
func AndInt64(addr *int64, mask int64) (old int64) {
	if addr == nil {
		panicmem()
	}
	return int64(and64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// OrInt64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
func OrInt64(addr *int64, mask int64) (old int64) {
	if addr == nil {
		panicmem()
	}
	return int64(or64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// LoadInt64 atomically loads *addr.
func LoadInt64(addr *int64) (val int64) {
	if addr == nil {
		panicmem()
	}
	return int64(load64((*uint64)(unsafe.Pointer(addr))))
}

// StoreInt64 atomically stores val into *addr.
func StoreInt64(addr *int64, val int64) {
	if addr == nil {
		panicmem()
	}
	store64((*uint64)(unsafe.Pointer(addr)), uint64(val))
}

// A Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	_ noCopy
	v int64
}

// Load atomically loads and returns the value stored in x.
func (x *Int64) Load() int64 { return LoadInt64(&x.v) }

// Store atomically stores val into x.
func (x *Int64) Store(val int64) { StoreInt64(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Int64) Swap(new int64) (old int64) { return SwapInt64(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int64) And(mask int64) (old int64) { return AndInt64(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Int64) Or(mask int64) (old int64) { return OrInt64(&x.v, mask) }

// SwapUint64 atomically stores new into *addr and returns the previous *addr value.
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	if addr == nil {
		panicmem()
	}
	return uint64(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(new)))
}

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64 value.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	if addr == nil {
		panicmem()
	}
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(old), uint64(new))
}

// AddUint64 atomically adds delta to *addr and returns the new value.
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	if addr == nil {
		panicmem()
	}
	return uint64(xadd64((*uint64)(unsafe.Pointer(addr)), uint64(delta)))
}

// AndUint64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	if addr == nil {
		panicmem()
	}
	return uint64(and64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// OrUint64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
func OrUint64(addr *uint64, mask uint64) (old uint64) {
	if addr == nil {
		panicmem()
	}
	return uint64(or64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// LoadUint64 atomically loads *addr.
func LoadUint64(addr *uint64) (val uint64) {
	if addr == nil {
		panicmem()
	}
	return uint64(load64((*uint64)(unsafe.Pointer(addr))))
}

// StoreUint64 atomically stores val into *addr.
func StoreUint64(addr *uint64, val uint64) {
	if addr == nil {
		panicmem()
	}
	store64((*uint64)(unsafe.Pointer(addr)), uint64(val))
}

// A Uint64 is an atomic uint64. The zero value is zero.
type Uint64 struct {
	_ noCopy
	v uint64
}

// Load atomically loads and returns the value stored in x.
func (x *Uint64) Load() uint64 { return LoadUint64(&x.v) }

// Store atomically stores val into x.
func (x *Uint64) Store(val uint64) { StoreUint64(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uint64) Swap(new uint64) (old uint64) { return SwapUint64(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	return CompareAndSwapUint64(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint64) And(mask uint64) (old uint64) { return AndUint64(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uint64) Or(mask uint64) (old uint64) { return OrUint64(&x.v, mask) }

// SwapUintptr atomically stores new into *addr and returns the previous *addr value.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	if addr == nil {
		panicmem()
	}
	return uintptr(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(new)))
}

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr value.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	if addr == nil {
		panicmem()
	}
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(old), uint64(new))
}

// AddUintptr atomically adds delta to *addr and returns the new value.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	if addr == nil {
		panicmem()
	}
	return uintptr(xadd64((*uint64)(unsafe.Pointer(addr)), uint64(delta)))
}

// AndUintptr atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	if addr == nil {
		panicmem()
	}
	return uintptr(and64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// OrUintptr atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	if addr == nil {
		panicmem()
	}
	return uintptr(or64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// LoadUintptr atomically loads *addr.
func LoadUintptr(addr *uintptr) (val uintptr) {
	if addr == nil {
		panicmem()
	}
	return uintptr(load64((*uint64)(unsafe.Pointer(addr))))
}

// StoreUintptr atomically stores val into *addr.
func StoreUintptr(addr *uintptr, val uintptr) {
	if addr == nil {
		panicmem()
	}
	store64((*uint64)(unsafe.Pointer(addr)), uint64(val))
}

// A Uintptr is an atomic uintptr. The zero value is zero.
type Uintptr struct {
	_ noCopy
	v uintptr
}

// Load atomically loads and returns the value stored in x.
func (x *Uintptr) Load() uintptr { return LoadUintptr(&x.v) }

// Store atomically stores val into x.
func (x *Uintptr) Store(val uintptr) { StoreUintptr(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uintptr) Swap(new uintptr) (old uintptr) { return SwapUintptr(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	return CompareAndSwapUintptr(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uintptr) And(mask uintptr) (old uintptr) { return AndUintptr(&x.v, mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
func (x *Uintptr) Or(mask uintptr) (old uintptr) { return OrUintptr(&x.v, mask) }

// SwapPointer atomically stores new into *addr and returns the previous *addr value.
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	if addr == nil {
		panicmem()
	}
	return xchgp(addr, new)
}

// CompareAndSwapPointer executes the compare-and-swap operation for a unsafe.Pointer value.
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	if addr == nil {
		panicmem()
	}
	return casp(addr, old, new)
}

// LoadPointer atomically loads *addr.
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) {
	if addr == nil {
		panicmem()
	}
	return loadp(addr)
}

// StorePointer atomically stores val into *addr.
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) {
	if addr == nil {
		panicmem()
	}
	storep(addr, val)
}

// A Bool is an atomic boolean value. The zero value is false.
type Bool struct {
	_ noCopy
	v uint32
}

// Load atomically loads and returns the value stored in x.
func (x *Bool) Load() bool { return LoadUint32(&x.v) != 0 }

// Store atomically stores val into x.
func (x *Bool) Store(val bool) { StoreUint32(&x.v, b32(val)) }

// Swap atomically stores new into x and returns the previous value.
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }

// CompareAndSwap executes the compare-and-swap operation for the boolean value x.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

// b32 returns a uint32 0 or 1 representing b.
func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// noCopy may be added to structs which must not be copied after first use
// (checked by go vet's copylocks).
type noCopy struct{}

// Lock is a no-op used by -copylocks checker from `go vet`.
func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
