//! Allocation entry points called by generated code.
//!
//! For now the heap is the C allocator: `mallocgc` returns zeroed memory
//! from calloc and nothing is ever freed. The size-class allocator and the
//! garbage collector (issue "Memory") replace the body of `mallocgc`
//! without changing its contract: `(size, type descriptor, needzero)` ->
//! pointer to `size` bytes, aligned to 16, zeroed when `needzero` is set.

use core::sync::atomic::{AtomicU64, Ordering};

use crate::types::Type;

/// Allocation statistics (runtime.ReadMemStats): bytes and objects
/// allocated. Nothing is freed before the collector exists, so the live
/// heap is everything allocated.
static ALLOC_BYTES: AtomicU64 = AtomicU64::new(0);
static ALLOC_OBJECTS: AtomicU64 = AtomicU64::new(0);

/// The counters runtime.ReadMemStats reports: {total bytes, objects}.
#[repr(C)]
pub struct AllocStats {
    pub bytes: u64,
    pub objects: u64,
}

/// {bytes, objects} allocated so far (returned in rax:rdx, as the Go
/// declaration `func() (uint64, uint64)` expects).
#[export_name = "runtime.allocStats"]
pub extern "C" fn alloc_stats() -> AllocStats {
    AllocStats { bytes: ALLOC_BYTES.load(Ordering::Relaxed), objects: ALLOC_OBJECTS.load(Ordering::Relaxed) }
}

/// # Safety
/// `typ` is a valid descriptor or null.
#[export_name = "runtime.mallocgc"]
pub unsafe extern "C" fn mallocgc(size: usize, _typ: *const Type, _needzero: u8) -> *mut u8 {
    // SAFETY: calloc with a non-zero size; null is handled below.
    let p = unsafe { libc::calloc(1, size.max(1)) } as *mut u8;
    if p.is_null() {
        crate::panic::throw_str(b"out of memory");
    }
    ALLOC_BYTES.fetch_add(size as u64, Ordering::Relaxed);
    ALLOC_OBJECTS.fetch_add(1, Ordering::Relaxed);
    p
}

/// # Safety
/// `typ` is a valid type descriptor.
#[export_name = "runtime.newobject"]
pub unsafe extern "C" fn newobject(typ: *const Type) -> *mut u8 {
    // SAFETY: the caller passes a valid descriptor.
    let size = unsafe { (*typ).size };
    // SAFETY: forwarded.
    unsafe { mallocgc(size, typ, 1) }
}

/// gc's staticuint64s: entry k holds k, so an interface holding an integer
/// or bool whose bits are below 256 points here instead of to a new
/// object (little-endian: the low bytes of entry k are k for every size).
#[export_name = "runtime.staticuint64s"]
pub static STATICUINT64S: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = k as u64;
        k += 1;
    }
    t
};

/// The address of staticuint64s[k] (k < 256), for Go code (reflect).
#[export_name = "runtime.staticUint64"]
pub extern "C" fn static_uint64(k: u64) -> *const u64 {
    &STATICUINT64S[(k & 255) as usize]
}
