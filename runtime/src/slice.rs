//! Slices: `make([]T, len, cap)`, `append` growth and `copy` (gc's
//! slice.go), and gc's allocation size classes (msize.go), which decide the
//! capacity `append` reports.
//!
//! Mechanism: `growslice` picks the new capacity with gc's policy
//! (`nextslicecap`: double below 256 elements, then grow by
//! `(cap + 3*256) / 4` until large enough), rounds the byte size up to the
//! size class gc's allocator would use (`roundupsize`, including the 8-byte
//! malloc header gc adds to pointerful objects over 512 bytes), allocates
//! with `mallocgc` and copies the old elements.
//!
//! Invariants:
//! - capacities equal gc's for every element size (checked against the
//!   reference go in the tests), so `cap()` prints the same numbers;
//! - new backing arrays are zeroed beyond the copied prefix;
//! - zero-byte allocations return `&runtime.zerobase` (non-nil, as gc);
//! - out-of-range lengths panic with gc's runtime-error texts
//!   (`makeslice: len out of range`, `makeslice: cap out of range`,
//!   `growslice: len out of range`).
//!
//! Three-word results (`{ptr, len, cap}`) are written through an explicit
//! first `out` pointer. That is the same machine-level convention as a C
//! function returning a 24-byte struct (hidden sret pointer in rdi), so
//! LLVM may declare them either way.

use crate::alg::rt_error;
use crate::malloc::mallocgc;
use crate::types::Type;

/// A slice header as generated code lays it out.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Slice {
    pub ptr: *mut u8,
    pub len: isize,
    pub cap: isize,
}

/// gc's zerobase: the address of every zero-byte allocation.
#[export_name = "runtime.zerobase"]
pub static ZEROBASE: u64 = 0;

pub fn zerobase() -> *mut u8 {
    &ZEROBASE as *const u64 as *mut u8
}

/// gc's maxAlloc on linux/amd64 (48-bit heap addresses).
pub const MAX_ALLOC: usize = 1 << 48;
pub const MAX_SMALL_SIZE: usize = 32768;
const MALLOC_HEADER_SIZE: usize = 8;
const MIN_SIZE_FOR_MALLOC_HEADER: usize = 8 * 64;
const PAGE_SIZE: usize = 8192;

/// Number of size classes (class 0 means "large object").
pub const NUM_SIZE_CLASSES: usize = 68;

/// internal/runtime/gc SizeClassToNPages (go 1.27): pages per span of each
/// class (the allocator, mheap.rs, uses both tables).
pub const CLASS_TO_NPAGES: [u8; NUM_SIZE_CLASSES] = [
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8,
    3, 10, 7, 4,
];

/// internal/runtime/gc SizeClassToSize (go 1.27).
pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// The size gc's allocator would actually hand out for a request of
/// `size` bytes (gc's roundupsize). `noscan`: the object has no pointers
/// (pointerful objects above 512 bytes carry an 8-byte header in gc).
pub fn roundupsize(size: usize, noscan: bool) -> usize {
    let mut req = size;
    if req <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        if !noscan && req > MIN_SIZE_FOR_MALLOC_HEADER {
            req += MALLOC_HEADER_SIZE;
        }
        if req == 0 {
            return 0;
        }
        // The smallest class >= req, by the allocator's lookup table (every
        // class size is a multiple of 8, so indexing by ceil(req/8) is exact).
        let c = crate::mheap::size_to_class(req);
        return CLASS_TO_SIZE[c] as usize - (req - size);
    }
    match req.checked_add(PAGE_SIZE - 1) {
        Some(r) => r & !(PAGE_SIZE - 1),
        None => size,
    }
}

/// gc's nextslicecap.
pub fn nextslicecap(newlen: isize, oldcap: isize) -> isize {
    let mut newcap = oldcap;
    let doublecap = newcap.wrapping_add(newcap);
    if newlen > doublecap {
        return newlen;
    }
    const THRESHOLD: isize = 256;
    if oldcap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap = newcap.wrapping_add((newcap.wrapping_add(3 * THRESHOLD)) >> 2);
        if newcap as usize >= newlen as usize {
            break;
        }
    }
    if newcap <= 0 {
        return newlen;
    }
    newcap
}

fn noscan(et: &Type) -> bool {
    et.ptrdata == 0
}

/// The core of growslice, returning the new header.
///
/// # Safety
/// `oldptr` points to `newlen - num` elements of type `et`.
pub unsafe fn grow(
    oldptr: *const u8,
    newlen: isize,
    oldcap: isize,
    num: isize,
    et: &Type,
) -> Slice {
    let oldlen = newlen - num;
    if newlen < 0 {
        rt_error(b"growslice: len out of range");
    }
    let size = et.size;
    if size == 0 {
        return Slice {
            ptr: zerobase(),
            len: newlen,
            cap: newlen,
        };
    }
    let newcap = nextslicecap(newlen, oldcap);
    let ns = noscan(et);
    let (capmem, newcap, overflow) = match (newcap as usize).checked_mul(size) {
        None => (0, 0, true),
        Some(mem) => {
            let capmem = roundupsize(mem, ns);
            let newcap = capmem / size;
            (newcap * size, newcap, newcap > MAX_ALLOC / size)
        }
    };
    if overflow || capmem > MAX_ALLOC {
        rt_error(b"growslice: len out of range");
    }
    // SAFETY: mallocgc returns capmem zeroed bytes; the old elements are
    // readable (caller) and fit (newcap >= newlen > oldlen).
    unsafe {
        let p = mallocgc(capmem, et, 1);
        if oldlen > 0 {
            if !ns {
                // gc's bulkBarrierPreWriteSrcOnly: the new array is black
                // while marking, and the old one may be dropped unscanned.
                crate::mbarrier::wb_move(p as usize, oldptr as usize, oldlen as usize * size);
            }
            core::ptr::copy_nonoverlapping(oldptr, p, oldlen as usize * size);
        }
        Slice {
            ptr: p,
            len: newlen,
            cap: newcap as isize,
        }
    }
}

/// `append` when the result does not fit: a new backing array for `newlen`
/// elements (the first `newlen - num` copied from `oldptr`), `cap` as gc
/// computes it. Result `{ptr, newlen, cap}` written to `out`.
///
/// # Safety
/// `out` is writable; `oldptr` holds `newlen - num` elements of type `et`.
#[export_name = "runtime.growslice"]
pub unsafe extern "C" fn growslice(
    out: *mut Slice,
    oldptr: *const u8,
    newlen: i64,
    oldcap: i64,
    num: i64,
    et: *const Type,
) {
    // SAFETY: caller's contract.
    unsafe {
        out.write(grow(
            oldptr,
            newlen as isize,
            oldcap as isize,
            num as isize,
            &*et,
        ))
    }
}

/// gc's growsliceBuf: like growslice, but may use the caller's stack
/// buffer `buf` (`buflen` elements) when the result fits in it; then the
/// capacity is `newlen` rounded up to a size class, as gc does.
///
/// # Safety
/// As growslice; `buf` holds `buflen` elements of type `et`.
#[export_name = "runtime.growsliceBuf"]
pub unsafe extern "C" fn growslice_buf(
    out: *mut Slice,
    oldptr: *const u8,
    newlen: i64,
    oldcap: i64,
    num: i64,
    et: *const Type,
    buf: *mut u8,
    buflen: i64,
) {
    // SAFETY: caller's contract.
    unsafe {
        let et = &*et;
        if newlen > buflen || et.size == 0 {
            return out.write(grow(
                oldptr,
                newlen as isize,
                oldcap as isize,
                num as isize,
                et,
            ));
        }
        let oldlen = (newlen - num) as usize;
        if !core::ptr::eq(oldptr, buf) && oldlen != 0 {
            core::ptr::copy(oldptr, buf, oldlen * et.size);
        }
        let newcap = (roundupsize(newlen as usize * et.size, noscan(et)) / et.size) as i64;
        if newlen < newcap {
            core::ptr::write_bytes(
                buf.add(newlen as usize * et.size),
                0,
                (newcap - newlen) as usize * et.size,
            );
        }
        out.write(Slice {
            ptr: buf,
            len: newlen as isize,
            cap: newcap as isize,
        })
    }
}

/// Checks of `make([]T, len, cap)` without allocating; returns the byte size.
pub fn makeslice_size(et: &Type, len: i64, cap: i64) -> usize {
    let mem = (et.size as u64).checked_mul(cap as u64);
    if mem.is_none() || mem.unwrap() > MAX_ALLOC as u64 || len < 0 || len > cap {
        let lmem = (et.size as u64).checked_mul(len as u64);
        if lmem.is_none() || lmem.unwrap() > MAX_ALLOC as u64 || len < 0 {
            rt_error(b"makeslice: len out of range");
        }
        rt_error(b"makeslice: cap out of range");
    }
    mem.unwrap() as usize
}

/// `make([]T, len, cap)`: a zeroed backing array of `cap` elements.
///
/// # Safety
/// `et` is a valid descriptor.
#[export_name = "runtime.makeslice"]
pub unsafe extern "C" fn makeslice(et: *const Type, len: i64, cap: i64) -> *mut u8 {
    // SAFETY: et is valid.
    let mem = makeslice_size(unsafe { &*et }, len, cap);
    if mem == 0 {
        return zerobase();
    }
    // SAFETY: mallocgc returns mem zeroed bytes.
    unsafe { mallocgc(mem, et, 1) }
}

/// `copy(to, from)` for element width `width`: moves min(tolen, fromlen)
/// elements (overlap allowed) and returns that count.
///
/// # Safety
/// The pointers describe slices of the given lengths.
#[export_name = "runtime.slicecopy"]
pub unsafe extern "C" fn slicecopy(
    toptr: *mut u8,
    tolen: i64,
    fromptr: *const u8,
    fromlen: i64,
    width: i64,
) -> i64 {
    if fromlen == 0 || tolen == 0 {
        return 0;
    }
    let n = fromlen.min(tolen);
    if width == 0 {
        return n;
    }
    // SAFETY: both ranges hold at least n elements of `width` bytes.
    unsafe { core::ptr::copy(fromptr, toptr, (n * width) as usize) };
    n
}

/// `copy(to, from)` for elements of type `et` that hold pointers: the
/// write barrier, then slicecopy (gc's typedslicecopy).
///
/// # Safety
/// As slicecopy; `et` is a valid descriptor.
#[export_name = "runtime.typedslicecopy"]
pub unsafe extern "C" fn typedslicecopy(
    et: *const Type,
    toptr: *mut u8,
    tolen: i64,
    fromptr: *const u8,
    fromlen: i64,
) -> i64 {
    // SAFETY: caller's contract.
    let width = unsafe { (*et).size } as i64;
    let n = fromlen.min(tolen);
    if n > 0 && width > 0 {
        crate::mbarrier::wb_move(toptr as usize, fromptr as usize, (n * width) as usize);
    }
    // SAFETY: forwarded.
    unsafe { slicecopy(toptr, tolen, fromptr, fromlen, width) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::testtypes::*;
    use crate::types::tflag;

    /// Capacities after each growth of `append(s, x)` one element at a
    /// time up to 20000 elements.
    fn caps(et: &Type) -> Vec<isize> {
        let mut s = Slice {
            ptr: core::ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        let mut out = Vec::new();
        for _ in 0..20000 {
            if s.len == s.cap {
                // SAFETY: s holds s.len elements of et.
                s = unsafe { grow(s.ptr, s.len + 1, s.cap, 1, et) };
                out.push(s.cap);
            } else {
                s.len += 1;
            }
        }
        out
    }

    // The numbers below were printed by go 1.27 for slices that escape
    // (package-level variables), growing one append at a time.
    #[test]
    fn growth_matches_gc() {
        assert_eq!(
            caps(uint8()),
            [
                8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072, 4096, 5376, 6912, 9472, 12288,
                16384, 21760
            ]
        );
        assert_eq!(
            caps(int64()),
            [
                1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408, 5120, 7168,
                9216, 12288, 16384, 21504
            ]
        );
        let a16 = array_of(
            int64(),
            2,
            "[2]int64",
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        );
        assert_eq!(
            caps(a16),
            [
                1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3584, 5120, 6656,
                8704, 11264, 14336, 18432, 23552
            ]
        );
        let a24 = array_of(
            int64(),
            3,
            "[3]int64",
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        );
        assert_eq!(
            caps(a24),
            [
                1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3072, 4096, 5461, 7168,
                9216, 11946, 15360, 19456, 24576
            ]
        );
        let a12 = array_of(
            int32(),
            3,
            "[3]int32",
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        );
        assert_eq!(
            caps(a12),
            [
                1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3413, 4778, 6826, 8874,
                11605, 15018, 19114, 24576
            ]
        );
        // Pointerful elements: gc's malloc header changes the classes.
        let p = ptr_to(int64(), "*int");
        assert_eq!(
            caps(p),
            [
                1, 2, 4, 8, 16, 32, 64, 143, 287, 607, 1023, 1535, 2303, 3071, 4095, 6144, 8192,
                11264, 14336, 18432, 23552
            ]
        );
        assert_eq!(
            caps(string()),
            [
                1, 2, 4, 8, 16, 32, 71, 143, 303, 591, 1023, 1535, 2560, 3584, 5120, 6656, 8704,
                11264, 14336, 18432, 23552
            ]
        );
    }

    #[test]
    fn multi_append_and_copy() {
        let et = int64();
        // append(nil []int64, 1, 2, 3) -> cap 3 in gc.
        // SAFETY: nil slice, 3 new elements.
        let s = unsafe { grow(core::ptr::null(), 3, 0, 3, et) };
        assert_eq!((s.len, s.cap), (3, 3));
        // append(a (len 3, cap 3), 9 more) -> cap 12 in gc.
        // SAFETY: s holds 3 elements.
        let s2 = unsafe { grow(s.ptr, 12, s.cap, 9, et) };
        assert_eq!(s2.cap, 12);
        // append(make([]byte, 5), 100 bytes...) -> cap 112.
        let b = [7u8; 5];
        // SAFETY: b holds 5 bytes.
        let s3 = unsafe { grow(b.as_ptr(), 105, 5, 100, uint8()) };
        assert_eq!(s3.cap, 112);
        // SAFETY: s3 holds 105 zeroed bytes after the 5 copied ones.
        unsafe {
            assert_eq!(core::slice::from_raw_parts(s3.ptr, 5), &[7u8; 5]);
            assert!(core::slice::from_raw_parts(s3.ptr.add(5), 107)
                .iter()
                .all(|&c| c == 0));
        }
        // slicecopy with overlap.
        let mut v = [1u8, 2, 3, 4, 5];
        // SAFETY: both ranges are inside v.
        let n = unsafe { slicecopy(v.as_mut_ptr().add(1), 4, v.as_ptr(), 5, 1) };
        assert_eq!(n, 4);
        assert_eq!(v, [1, 1, 2, 3, 4]);
        // SAFETY: zero lengths touch nothing.
        assert_eq!(unsafe { slicecopy(v.as_mut_ptr(), 0, v.as_ptr(), 5, 1) }, 0);
    }

    #[test]
    fn makeslice_checks() {
        let et = int64();
        assert_eq!(makeslice_size(et, 3, 10), 80);
        let r = std::panic::catch_unwind(|| makeslice_size(et, -1, 10));
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: makeslice: len out of range"
        );
        let r = std::panic::catch_unwind(|| makeslice_size(et, 5, 3));
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: makeslice: cap out of range"
        );
        let r = std::panic::catch_unwind(|| makeslice_size(et, 1 << 60, 1 << 60));
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: makeslice: len out of range"
        );
        let r = std::panic::catch_unwind(|| makeslice_size(et, 1, 1 << 60));
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: makeslice: cap out of range"
        );
        // SAFETY: zero-size allocation.
        assert_eq!(unsafe { makeslice(et, 0, 0) }, zerobase());
        let r = std::panic::catch_unwind(|| unsafe { grow(core::ptr::null(), -1, 0, 1, et) });
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: growslice: len out of range"
        );
        let r = std::panic::catch_unwind(|| unsafe {
            grow(core::ptr::null(), 1 << 50, 0, 1 << 50, et)
        });
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: growslice: len out of range"
        );
        let zst = struct_of("struct {}", &[], tflag::COMPARABLE);
        // SAFETY: zero-size elements need no memory.
        let z = unsafe { grow(core::ptr::null(), 5, 0, 5, zst) };
        assert_eq!((z.ptr, z.len, z.cap), (zerobase(), 5, 5));
    }

    #[test]
    fn roundupsize_classes() {
        assert_eq!(roundupsize(0, true), 0);
        assert_eq!(roundupsize(1, true), 8);
        assert_eq!(roundupsize(33, true), 48);
        assert_eq!(roundupsize(1025, true), 1152);
        assert_eq!(roundupsize(32760, true), 32768);
        assert_eq!(roundupsize(32761, true), 32768); // large: page-rounded
        assert_eq!(roundupsize(32769, true), 40960);
        assert_eq!(roundupsize(513, false), 568); // 576 class minus the header
        assert_eq!(roundupsize(512, false), 512);
    }
}
