//! Atomic memory operations for package sync/atomic (gc's
//! internal/runtime/atomic): sequentially consistent loads, stores, adds,
//! swaps, compare-and-swaps and bitwise and/or on 32- and 64-bit words and
//! pointers. With goroutines on one thread plain accesses would do, but
//! these are real atomics so the M:N scheduler needs no change here.
//!
//! Names: `runtime.atomic{Load,Store,Xadd,Xchg,Cas,And,Or}{32,64}` and
//! `runtime.atomic{Load,Store,Xchg,Cas}p`. Xadd returns the new value, Xchg,
//! And and Or the old one, Cas 1 if it swapped (0 otherwise). The pointer
//! stores, swaps and compare-and-swaps run the write barrier first
//! (mbarrier.rs), as gc's atomicstorep and friends do.
//!
//! Safety contract of every function: the pointer is a valid, aligned,
//! live address of the operand size (sync/atomic nil-checks first).

use core::sync::atomic::Ordering::SeqCst;
use core::sync::atomic::{AtomicPtr, AtomicU32, AtomicU64};

macro_rules! word_ops {
    ($t:ty, $a:ty, $load:literal, $store:literal, $xadd:literal, $xchg:literal, $cas:literal, $and:literal, $or:literal,
     $fl:ident, $fs:ident, $fa:ident, $fx:ident, $fc:ident, $fand:ident, $for:ident) => {
        #[doc = "Atomic load."]
        #[export_name = $load]
        pub unsafe extern "C" fn $fl(p: *const $t) -> $t {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p as *mut $t) }.load(SeqCst)
        }
        #[doc = "Atomic store."]
        #[export_name = $store]
        pub unsafe extern "C" fn $fs(p: *mut $t, v: $t) {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p) }.store(v, SeqCst)
        }
        #[doc = "Atomic add; returns the new value."]
        #[export_name = $xadd]
        pub unsafe extern "C" fn $fa(p: *mut $t, d: $t) -> $t {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p) }
                .fetch_add(d, SeqCst)
                .wrapping_add(d)
        }
        #[doc = "Atomic swap; returns the old value."]
        #[export_name = $xchg]
        pub unsafe extern "C" fn $fx(p: *mut $t, v: $t) -> $t {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p) }.swap(v, SeqCst)
        }
        #[doc = "Atomic compare-and-swap; 1 if swapped."]
        #[export_name = $cas]
        pub unsafe extern "C" fn $fc(p: *mut $t, old: $t, new: $t) -> u8 {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p) }
                .compare_exchange(old, new, SeqCst, SeqCst)
                .is_ok() as u8
        }
        #[doc = "Atomic and; returns the old value."]
        #[export_name = $and]
        pub unsafe extern "C" fn $fand(p: *mut $t, v: $t) -> $t {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p) }.fetch_and(v, SeqCst)
        }
        #[doc = "Atomic or; returns the old value."]
        #[export_name = $or]
        pub unsafe extern "C" fn $for(p: *mut $t, v: $t) -> $t {
            // SAFETY: module contract.
            unsafe { <$a>::from_ptr(p) }.fetch_or(v, SeqCst)
        }
    };
}

word_ops!(
    u32,
    AtomicU32,
    "runtime.atomicLoad32",
    "runtime.atomicStore32",
    "runtime.atomicXadd32",
    "runtime.atomicXchg32",
    "runtime.atomicCas32",
    "runtime.atomicAnd32",
    "runtime.atomicOr32",
    load32,
    store32,
    xadd32,
    xchg32,
    cas32,
    and32,
    or32
);
word_ops!(
    u64,
    AtomicU64,
    "runtime.atomicLoad64",
    "runtime.atomicStore64",
    "runtime.atomicXadd64",
    "runtime.atomicXchg64",
    "runtime.atomicCas64",
    "runtime.atomicAnd64",
    "runtime.atomicOr64",
    load64,
    store64,
    xadd64,
    xchg64,
    cas64,
    and64,
    or64
);

/// Atomic pointer load.
///
/// # Safety
/// See the module contract.
#[export_name = "runtime.atomicLoadp"]
pub unsafe extern "C" fn loadp(p: *mut *mut u8) -> *mut u8 {
    // SAFETY: module contract.
    unsafe { AtomicPtr::from_ptr(p) }.load(SeqCst)
}

/// Atomic pointer store.
///
/// # Safety
/// See the module contract.
#[export_name = "runtime.atomicStorep"]
pub unsafe extern "C" fn storep(p: *mut *mut u8, v: *mut u8) {
    crate::mbarrier::wb_store(p as usize, v as usize);
    // SAFETY: module contract.
    unsafe { AtomicPtr::from_ptr(p) }.store(v, SeqCst)
}

/// Atomic pointer swap; returns the old pointer.
///
/// # Safety
/// See the module contract.
#[export_name = "runtime.atomicXchgp"]
pub unsafe extern "C" fn xchgp(p: *mut *mut u8, v: *mut u8) -> *mut u8 {
    crate::mbarrier::wb_store(p as usize, v as usize);
    // SAFETY: module contract.
    unsafe { AtomicPtr::from_ptr(p) }.swap(v, SeqCst)
}

/// Atomic pointer compare-and-swap; 1 if swapped.
///
/// # Safety
/// See the module contract.
#[export_name = "runtime.atomicCasp"]
pub unsafe extern "C" fn casp(p: *mut *mut u8, old: *mut u8, new: *mut u8) -> u8 {
    // As gc's atomic_casPointer: the barrier runs whether or not the swap
    // happens (shading the current value and `new` is harmless).
    crate::mbarrier::wb_store(p as usize, new as usize);
    // SAFETY: module contract.
    unsafe { AtomicPtr::from_ptr(p) }
        .compare_exchange(old, new, SeqCst, SeqCst)
        .is_ok() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_and_pointer_ops() {
        let mut x: u32 = 5;
        let mut y: u64 = u64::MAX;
        // SAFETY: the operands are live locals.
        unsafe {
            assert_eq!(xadd32(&mut x, 3), 8);
            assert_eq!(xadd32(&mut x, u32::MAX), 7);
            assert_eq!(cas32(&mut x, 6, 1), 0);
            assert_eq!(cas32(&mut x, 7, 1), 1);
            assert_eq!(load32(&x), 1);
            assert_eq!(xadd64(&mut y, 1), 0);
            assert_eq!(xchg64(&mut y, 9), 0);
            assert_eq!(or64(&mut y, 6), 9);
            assert_eq!(and64(&mut y, 3), 15);
            assert_eq!(load64(&y), 3);
            let mut a = 1u8;
            let mut p: *mut u8 = core::ptr::null_mut();
            assert_eq!(casp(&mut p, core::ptr::null_mut(), &mut a), 1);
            assert_eq!(loadp(&mut p), &mut a as *mut u8);
            assert_eq!(xchgp(&mut p, core::ptr::null_mut()), &mut a as *mut u8);
        }
    }
}
