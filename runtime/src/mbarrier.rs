//! Write barriers (gc's mbarrier.go): what generated code and runtime code
//! call around stores of pointers into memory that may be in the heap or
//! in globals, while the collector marks concurrently.
//!
//! The barrier is gc's hybrid one: before a pointer slot is overwritten,
//! the old value is shaded (Yuasa deletion barrier: everything reachable at
//! the start of marking stays reachable for the marker) and so is the new
//! value (Dijkstra insertion: a pointer moved out of a goroutine stack into
//! the heap is seen). With both, goroutine stacks are scanned once per
//! cycle and never rescanned. Objects allocated during marking are black.
//!
//! Contract with generated code (ABI):
//! - `runtime.writeBarrier` (u32): non-zero while barriers are needed.
//!   Generated code tests it inline before a store of a pointerful value to
//!   a place that may be in the heap or in a global (not a stack slot of its
//!   own frame, not a fresh object it just allocated), and calls
//!   - `runtime.gcWriteBarrier(slot *uintptr, val uintptr)` for a store of
//!     one pointer word (the call does the store), or
//!   - `runtime.wbMove(dst, src, size)` before copying `size` bytes of
//!     pointerful memory from `src` to `dst` (the caller then copies), or
//!   - `runtime.wbZero(dst, size)` before clearing `size` bytes at `dst`;
//!   - `runtime.wbCopy(dst, src, size)` / `runtime.wbClear(dst, size)`:
//!     wbMove / wbZero followed by the copy / clear itself (what rgoc's
//!     slow paths call, so that the fast path keeps nothing live across
//!     a call).
//!
//!   Ranges are shaded word by word, conservatively (every aligned word
//!   that points into an allocated heap object): cheaper than finding the
//!   destination's type, and only ever run while marking.
//! - runtime code that copies or clears Go values in memory that may be in
//!   the heap (channel buffers, map slots, copy/append, atomics) calls
//!   [`wb_move`] / [`wb_zero`] / [`wb_store`] first;
//!   `runtime.typedslicecopy` (slice.rs) and `runtime.typedmemmove` are
//!   the copies with the barrier that generated and stdlib code call.

use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// gc's writeBarrier.enabled (set by the collector for the mark phase,
/// with the world stopped).
#[export_name = "runtime.writeBarrier"]
pub static WRITE_BARRIER: AtomicU32 = AtomicU32::new(0);

// The assembly of rgo_wb_scratch is in asm.rs.

/// Whether barriers are on.
#[inline(always)]
pub fn enabled() -> bool {
    WRITE_BARRIER.load(Relaxed) != 0
}

/// Shade every aligned word of [p, p+size) that points into the heap.
#[cold]
fn shade_range(p: usize, size: usize) {
    let mut q = (p + 7) & !7;
    while q + 8 <= p + size {
        // SAFETY: callers pass readable ranges of Go memory.
        crate::mgc::shade(unsafe { *(q as *const usize) });
        q += 8;
    }
}

/// `*slot = val` with the barrier (gc's gcWriteBarrier).
///
/// # Safety
/// `slot` is a valid, aligned pointer slot.
#[export_name = "runtime.gcWriteBarrier"]
pub unsafe extern "C" fn gc_write_barrier(slot: *mut usize, val: usize) {
    // SAFETY: caller contract.
    unsafe {
        if enabled() {
            crate::mgc::shade(*slot);
            crate::mgc::shade(val);
        }
        *slot = val;
    }
}

/// Barrier before copying `size` bytes of pointerful memory from `src` to
/// `dst` (gc's bulkBarrierPreWrite).
///
/// # Safety
/// Both ranges are readable.
#[export_name = "runtime.wbMove"]
pub unsafe extern "C" fn wb_move_c(dst: *mut u8, src: *const u8, size: usize) {
    wb_move(dst as usize, src as usize, size);
}

/// Barrier before clearing `size` bytes at `dst`.
///
/// # Safety
/// The range is readable.
#[export_name = "runtime.wbZero"]
pub unsafe extern "C" fn wb_zero_c(dst: *mut u8, size: usize) {
    wb_zero(dst as usize, size);
}

/// Generated code's slow path for a pointerful copy while barriers are on:
/// [`wb_move`], then the copy (overlap allowed).
///
/// # Safety
/// Both ranges hold `size` bytes.
#[export_name = "runtime.wbCopy"]
pub unsafe extern "C" fn wb_copy_c(dst: *mut u8, src: *const u8, size: usize) {
    wb_move(dst as usize, src as usize, size);
    // SAFETY: caller contract.
    unsafe { core::ptr::copy(src, dst, size) }
}

/// Generated code's slow path for clearing pointerful memory while
/// barriers are on: [`wb_zero`], then the clear.
///
/// # Safety
/// The range holds `size` bytes.
#[export_name = "runtime.wbClear"]
pub unsafe extern "C" fn wb_clear_c(dst: *mut u8, size: usize) {
    wb_zero(dst as usize, size);
    // SAFETY: caller contract.
    unsafe { core::ptr::write_bytes(dst, 0, size) }
}

/// `*dst = *src` for a value of type `typ`, with the barrier when it holds
/// pointers (gc's typedmemmove; stdlib code that copies values of dynamic
/// type, such as reflect and errors.As, binds it with go:linkname).
///
/// # Safety
/// `typ` is a valid descriptor; `dst` and `src` hold `typ.size` bytes.
#[export_name = "runtime.typedmemmove"]
pub unsafe extern "C" fn typedmemmove(
    typ: *const crate::types::Type,
    dst: *mut u8,
    src: *const u8,
) {
    // SAFETY: caller contract.
    let t = unsafe { &*typ };
    if t.size == 0 || core::ptr::eq(dst, src) {
        return;
    }
    if t.ptrdata != 0 {
        wb_move(dst as usize, src as usize, t.size);
    }
    // SAFETY: caller contract.
    unsafe { core::ptr::copy(src, dst, t.size) }
}

/// Runtime code: before copying `size` bytes of possibly pointerful memory
/// from `src` to `dst`.
#[inline(always)]
pub fn wb_move(dst: usize, src: usize, size: usize) {
    if enabled() {
        shade_range(dst, size);
        shade_range(src, size);
    }
}

/// Runtime code: before clearing `size` bytes of possibly pointerful
/// memory at `dst`.
#[inline(always)]
pub fn wb_zero(dst: usize, size: usize) {
    if enabled() {
        shade_range(dst, size);
    }
}

/// Runtime code: before storing pointer word `val` at `slot`.
#[inline(always)]
pub fn wb_store(slot: usize, val: usize) {
    if enabled() {
        // SAFETY: callers pass a valid slot.
        crate::mgc::shade(unsafe { *(slot as *const usize) });
        crate::mgc::shade(val);
    }
}
