//! Allocation entry points called by generated code.
//!
//! For now the heap is the C allocator: `mallocgc` returns zeroed memory
//! from calloc and nothing is ever freed. The size-class allocator and the
//! garbage collector (issue "Memory") replace the body of `mallocgc`
//! without changing its contract: `(size, type descriptor, needzero)` ->
//! pointer to `size` bytes, aligned to 16, zeroed when `needzero` is set.

use crate::types::Type;

/// # Safety
/// `typ` is a valid descriptor or null.
#[export_name = "runtime.mallocgc"]
pub unsafe extern "C" fn mallocgc(size: usize, _typ: *const Type, _needzero: u8) -> *mut u8 {
    // SAFETY: calloc with a non-zero size; null is handled below.
    let p = unsafe { libc::calloc(1, size.max(1)) } as *mut u8;
    if p.is_null() {
        crate::panic::throw_str(b"out of memory");
    }
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
