//! String operations called by generated code: concatenation, comparison,
//! conversions. Strings are immutable `{ptr, len}` pairs; new strings are
//! allocated through `mallocgc`.
//!
//! Conversions follow gc's string.go and utf8.go: invalid UTF-8 decodes as
//! U+FFFD consuming one byte (`decoderune`), invalid runes (negative,
//! surrogates, > U+10FFFF) encode as U+FFFD, and `[]byte(s)` / `[]rune(s)`
//! get the capacity of gc's size-class rounding (as if the result
//! escaped: there is no stack buffer). Empty conversions to slices return
//! a non-nil pointer (`runtime.zerobase`) with cap 0. Slice results are
//! written through an `out` pointer (see slice.rs); string results are
//! returned as a two-word struct (rax:rdx).

use crate::malloc::mallocgc;
use crate::slice::{roundupsize, zerobase, Slice};
use crate::types::GoString;

pub(crate) fn bytes<'a>(p: *const u8, n: isize) -> &'a [u8] {
    if n <= 0 {
        &[]
    } else {
        // SAFETY: generated code passes the data pointer and length of a Go string.
        unsafe { std::slice::from_raw_parts(p, n as usize) }
    }
}

fn alloc_string(parts: &[&[u8]]) -> GoString {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    if n == 0 {
        return GoString {
            ptr: std::ptr::null(),
            len: 0,
        };
    }
    // SAFETY: mallocgc returns n writable bytes.
    let p = unsafe { mallocgc(n, &crate::error::T_UINT8, 0) };
    let mut off = 0;
    for part in parts {
        // SAFETY: p has room for all parts; sources don't overlap the new block.
        unsafe { std::ptr::copy_nonoverlapping(part.as_ptr(), p.add(off), part.len()) };
        off += part.len();
    }
    GoString {
        ptr: p,
        len: n as isize,
    }
}

#[export_name = "runtime.concatstring2"]
pub extern "C" fn concatstring2(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> GoString {
    if an == 0 {
        return GoString { ptr: bp, len: bn };
    }
    if bn == 0 {
        return GoString { ptr: ap, len: an };
    }
    alloc_string(&[bytes(ap, an), bytes(bp, bn)])
}

/// Strings at most this long are compared a word at a time inline; longer
/// ones go to libc's vectorised memcmp/bcmp (whose call costs more than a
/// short comparison: sort.Strings of short keys, map-free equality).
const SHORT_CMP: usize = 64;

/// Compare the first `n` bytes of `a` and `b` (n <= SHORT_CMP) as
/// big-endian words: the sign of the first difference, or 0.
#[inline(always)]
fn cmp_short(a: *const u8, b: *const u8, n: usize) -> i64 {
    #[inline(always)]
    fn order(x: u64, y: u64) -> i64 {
        if x == y {
            0
        } else if x < y {
            -1
        } else {
            1
        }
    }
    // SAFETY: every read stays within the first n bytes of both strings;
    // words are read big-endian so that their order is the bytes' order.
    // Short tails are read as overlapping words: the overlapped bytes were
    // found equal already, so the comparison is still lexicographic.
    unsafe {
        let w64 = |p: *const u8, i: usize| u64::from_be(core::ptr::read_unaligned(p.add(i) as *const u64));
        let w32 = |p: *const u8, i: usize| u32::from_be(core::ptr::read_unaligned(p.add(i) as *const u32)) as u64;
        if n >= 8 {
            let mut i = 0;
            while i + 8 <= n {
                let (x, y) = (w64(a, i), w64(b, i));
                if x != y {
                    return order(x, y);
                }
                i += 8;
            }
            if i == n {
                return 0;
            }
            return order(w64(a, n - 8), w64(b, n - 8));
        }
        if n >= 4 {
            let x = (w32(a, 0) << 32) | w32(a, n - 4);
            let y = (w32(b, 0) << 32) | w32(b, n - 4);
            return order(x, y);
        }
        let w = |p: *const u8| ((*p as u64) << 16) | ((*p.add(n / 2) as u64) << 8) | *p.add(n - 1) as u64;
        order(w(a), w(b))
    }
}

#[export_name = "runtime.cmpstring"]
pub extern "C" fn cmpstring(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> i64 {
    let n = an.min(bn).max(0) as usize;
    let c = if ap == bp || n == 0 {
        0
    } else if n <= SHORT_CMP {
        cmp_short(ap, bp, n)
    } else {
        match bytes(ap, n as isize).cmp(bytes(bp, n as isize)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }
    };
    if c != 0 {
        return c;
    }
    (an > bn) as i64 - (an < bn) as i64
}

#[export_name = "runtime.eqstring"]
pub extern "C" fn eqstring(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> u8 {
    if an != bn {
        return 0;
    }
    if ap == bp || an <= 0 {
        return 1;
    }
    if an as usize <= SHORT_CMP {
        return (cmp_short(ap, bp, an as usize) == 0) as u8;
    }
    (bytes(ap, an) == bytes(bp, bn)) as u8
}

/// string(rune): invalid code points become U+FFFD.
#[export_name = "runtime.intstring"]
pub extern "C" fn intstring(v: i64) -> GoString {
    let c = u32::try_from(v)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    alloc_string(&[s.as_bytes()])
}

/// `string(b)` for a byte slice: a copy.
#[export_name = "runtime.slicebytetostring"]
pub extern "C" fn slicebytetostring(p: *const u8, n: isize) -> GoString {
    alloc_string(&[bytes(p, n)])
}

/// `[]byte(s)`: a fresh copy; cap is the size-class-rounded length.
///
/// # Safety
/// `out` is writable; (p, n) is a Go string.
#[export_name = "runtime.stringtoslicebyte"]
pub unsafe extern "C" fn stringtoslicebyte(out: *mut Slice, p: *const u8, n: isize) {
    let src = bytes(p, n);
    let res = if src.is_empty() {
        Slice {
            ptr: zerobase(),
            len: 0,
            cap: 0,
        }
    } else {
        let cap = roundupsize(src.len(), true);
        // SAFETY: mallocgc returns cap zeroed bytes; src fits.
        let ptr = unsafe { mallocgc(cap, &crate::error::T_UINT8, 1) };
        // SAFETY: as above.
        unsafe { core::ptr::copy_nonoverlapping(src.as_ptr(), ptr, src.len()) };
        Slice {
            ptr,
            len: src.len() as isize,
            cap: cap as isize,
        }
    };
    // SAFETY: out is writable.
    unsafe { out.write(res) }
}

const RUNE_ERROR: i32 = 0xFFFD;

/// gc's decoderune: the rune starting at byte `k` of `s` and the index
/// after it; (U+FFFD, k+1) for an invalid or truncated sequence.
pub fn decode_rune(s: &[u8], k: usize) -> (i32, usize) {
    if k >= s.len() {
        return (RUNE_ERROR, k + 1);
    }
    let s = &s[k..];
    let cont = |i: usize| s.len() > i && (0x80..=0xBF).contains(&s[i]);
    let c = |i: usize| (s[i] & 0x3F) as i32;
    let b0 = s[0];
    if b0 < 0x80 {
        return (b0 as i32, k + 1);
    }
    match b0 {
        0xC0..=0xDF if cont(1) => {
            let r = ((b0 & 0x1F) as i32) << 6 | c(1);
            if r > 0x7F {
                return (r, k + 2);
            }
        }
        0xE0..=0xEF if cont(1) && cont(2) => {
            let r = ((b0 & 0x0F) as i32) << 12 | c(1) << 6 | c(2);
            if r > 0x7FF && !(0xD800..=0xDFFF).contains(&r) {
                return (r, k + 3);
            }
        }
        0xF0..=0xF7 if cont(1) && cont(2) && cont(3) => {
            let r = ((b0 & 0x07) as i32) << 18 | c(1) << 12 | c(2) << 6 | c(3);
            if r > 0xFFFF && r <= 0x10FFFF {
                return (r, k + 4);
            }
        }
        _ => {}
    }
    (RUNE_ERROR, k + 1)
}

/// gc's encoderune into `buf`; returns the byte count.
pub fn encode_rune(buf: &mut [u8; 4], r: i32) -> usize {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    c.encode_utf8(buf).len()
}

/// Result of `runtime.decoderune` (returned in rax:rdx).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RuneK {
    /// The rune (an int32 value, sign-extended).
    pub r: i64,
    /// Byte index after it.
    pub k: i64,
}

/// One step of `for i, r := range s` for a non-ASCII byte at `k`.
#[export_name = "runtime.decoderune"]
pub extern "C" fn decoderune(p: *const u8, n: isize, k: i64) -> RuneK {
    let (r, k) = decode_rune(bytes(p, n), k as usize);
    RuneK {
        r: r as i64,
        k: k as i64,
    }
}

/// `[]rune(s)`; cap as gc's size-class rounding of 4*count.
///
/// # Safety
/// `out` is writable; (p, n) is a Go string.
#[export_name = "runtime.stringtoslicerune"]
pub unsafe extern "C" fn stringtoslicerune(out: *mut Slice, p: *const u8, n: isize) {
    let s = bytes(p, n);
    let mut count = 0usize;
    let mut k = 0;
    while k < s.len() {
        k = decode_rune(s, k).1;
        count += 1;
    }
    let res = if count == 0 {
        Slice {
            ptr: zerobase(),
            len: 0,
            cap: 0,
        }
    } else {
        let mem = roundupsize(count * 4, true);
        // SAFETY: mallocgc returns mem zeroed bytes, room for count runes.
        let ptr = unsafe { mallocgc(mem, &crate::error::T_UINT8, 1) };
        let runes = ptr as *mut i32;
        let mut k = 0;
        let mut i = 0;
        while k < s.len() {
            let (r, nk) = decode_rune(s, k);
            // SAFETY: i < count.
            unsafe { runes.add(i).write(r) };
            i += 1;
            k = nk;
        }
        Slice {
            ptr,
            len: count as isize,
            cap: (mem / 4) as isize,
        }
    };
    // SAFETY: out is writable.
    unsafe { out.write(res) }
}

/// `string(rs)` for a rune slice.
///
/// # Safety
/// (p, n) is a []rune's data pointer and length.
#[export_name = "runtime.slicerunetostring"]
pub unsafe extern "C" fn slicerunetostring(p: *const i32, n: isize) -> GoString {
    let runes: &[i32] = if n <= 0 {
        &[]
    } else {
        // SAFETY: caller's contract.
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    };
    let mut buf = [0u8; 4];
    let size: usize = runes.iter().map(|&r| encode_rune(&mut buf, r)).sum();
    if size == 0 {
        return GoString {
            ptr: core::ptr::null(),
            len: 0,
        };
    }
    // SAFETY: mallocgc returns size writable bytes; the encodings fill them.
    let dst = unsafe { mallocgc(size, &crate::error::T_UINT8, 0) };
    let mut off = 0;
    for &r in runes {
        let m = encode_rune(&mut buf, r);
        // SAFETY: off + m <= size.
        unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(off), m) };
        off += m;
    }
    GoString {
        ptr: dst,
        len: size as isize,
    }
}

/// `a + b + c + ...` for `n` strings at `strs`. A single non-empty operand
/// is returned as is (no copy), as gc does.
///
/// # Safety
/// `strs` points to `n` Go strings.
#[export_name = "runtime.concatstrings"]
pub unsafe extern "C" fn concatstrings(strs: *const GoString, n: i64) -> GoString {
    let a: &[GoString] = if n <= 0 {
        &[]
    } else {
        // SAFETY: caller's contract.
        unsafe { core::slice::from_raw_parts(strs, n as usize) }
    };
    let mut total: usize = 0;
    let mut count = 0;
    let mut last = GoString {
        ptr: core::ptr::null(),
        len: 0,
    };
    for s in a {
        if s.len == 0 {
            continue;
        }
        total = match total.checked_add(s.len as usize) {
            Some(t) if t <= isize::MAX as usize => t,
            _ => crate::panic::throw_str(b"string concatenation too long"),
        };
        count += 1;
        last = *s;
    }
    if count <= 1 {
        return last;
    }
    // SAFETY: mallocgc returns total writable bytes; the parts fill them.
    let dst = unsafe { mallocgc(total, &crate::error::T_UINT8, 0) };
    let mut off = 0;
    for s in a {
        let b = bytes(s.ptr, s.len);
        // SAFETY: off + b.len() <= total; the new block overlaps nothing.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), dst.add(off), b.len()) };
        off += b.len();
    }
    GoString {
        ptr: dst,
        len: total as isize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concat_and_compare() {
        let a = b"foo";
        let b = b"bar";
        let s = concatstring2(a.as_ptr(), 3, b.as_ptr(), 3);
        assert_eq!(bytes(s.ptr, s.len), b"foobar");
        assert_eq!(cmpstring(a.as_ptr(), 3, b.as_ptr(), 3), 1);
        assert_eq!(eqstring(a.as_ptr(), 3, a.as_ptr(), 2), 0);
        let r = intstring(0x4e16);
        assert_eq!(bytes(r.ptr, r.len), "世".as_bytes());
        let bad = intstring(-1);
        assert_eq!(bytes(bad.ptr, bad.len), "\u{FFFD}".as_bytes());
    }

    fn dec(s: &[u8]) -> Vec<(i32, usize)> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < s.len() {
            let (r, nk) = decode_rune(s, k);
            out.push((r, k));
            k = nk;
        }
        out
    }

    #[test]
    fn decoderune_like_gc() {
        const E: i32 = 0xFFFD;
        assert_eq!(
            dec(b"a\xc3\xa9\xe4\xb8\x96\xf0\x9f\x98\x80"),
            [(97, 0), (0xe9, 1), (0x4e16, 3), (0x1f600, 6)]
        );
        // Overlong encodings of '/' and of U+07FF / U+FFFF.
        assert_eq!(dec(b"\xc0\xaf"), [(E, 0), (E, 1)]);
        assert_eq!(dec(b"\xe0\x80\xaf"), [(E, 0), (E, 1), (E, 2)]);
        assert_eq!(dec(b"\xf0\x8f\xbf\xbf"), [(E, 0), (E, 1), (E, 2), (E, 3)]);
        // Surrogates are invalid.
        assert_eq!(dec(b"\xed\xa0\x80x"), [(E, 0), (E, 1), (E, 2), (120, 3)]);
        // Max rune and one past it.
        assert_eq!(dec(b"\xf4\x8f\xbf\xbf"), [(0x10FFFF, 0)]);
        assert_eq!(dec(b"\xf4\x90\x80\x80"), [(E, 0), (E, 1), (E, 2), (E, 3)]);
        // Truncated sequences and stray continuation / invalid lead bytes.
        assert_eq!(dec(b"\xe4\xb8"), [(E, 0), (E, 1)]);
        assert_eq!(
            dec(b"\x80\xff\xf8\x88\x80\x80\x80"),
            (0..7).map(|i| (E, i)).collect::<Vec<_>>()
        );
        // The exported entry point; k past the end.
        let s = "é";
        assert_eq!(decoderune(s.as_ptr(), 2, 0), RuneK { r: 0xe9, k: 2 });
        assert_eq!(decoderune(s.as_ptr(), 2, 5), RuneK { r: 0xFFFD, k: 6 });
    }

    #[test]
    fn rune_and_byte_conversions() {
        let src = "héllo, 世界\u{10FFFF}";
        let mut out = Slice {
            ptr: core::ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        // SAFETY: out is writable; src is a string.
        unsafe { stringtoslicerune(&mut out, src.as_ptr(), src.len() as isize) };
        let want: Vec<i32> = src.chars().map(|c| c as i32).collect();
        assert_eq!(out.len as usize, want.len());
        assert_eq!(out.cap, 12); // 11 runes * 4 = 44 -> 48-byte class
                                 // SAFETY: out holds len runes.
        assert_eq!(
            unsafe { core::slice::from_raw_parts(out.ptr as *const i32, out.len as usize) },
            &want[..]
        );
        // And back, with invalid runes becoming U+FFFD.
        let mut rs = want.clone();
        rs.extend([-1, 0xD800, 0x110000, 0x41]);
        // SAFETY: rs is a rune slice.
        let s = unsafe { slicerunetostring(rs.as_ptr(), rs.len() as isize) };
        assert_eq!(
            bytes(s.ptr, s.len),
            format!("{src}\u{FFFD}\u{FFFD}\u{FFFD}A").as_bytes()
        );
        // []byte(s): copy, cap rounded to a size class; empty is non-nil.
        // SAFETY: out is writable.
        unsafe { stringtoslicebyte(&mut out, "hello".as_ptr(), 5) };
        assert_eq!((out.len, out.cap), (5, 8));
        // SAFETY: out holds 5 bytes.
        assert_eq!(unsafe { core::slice::from_raw_parts(out.ptr, 5) }, b"hello");
        // SAFETY: as above.
        unsafe { stringtoslicebyte(&mut out, core::ptr::null(), 0) };
        assert!(!out.ptr.is_null());
        assert_eq!((out.len, out.cap), (0, 0));
        // SAFETY: as above.
        unsafe { stringtoslicerune(&mut out, core::ptr::null(), 0) };
        assert!(!out.ptr.is_null() && out.len == 0);
        let b = slicebytetostring(b"xyz".as_ptr(), 3);
        assert_eq!(bytes(b.ptr, b.len), b"xyz");
        // Invalid UTF-8 in []rune.
        // SAFETY: as above.
        unsafe { stringtoslicerune(&mut out, b"a\xffb".as_ptr(), 3) };
        // SAFETY: 3 runes.
        assert_eq!(
            unsafe { core::slice::from_raw_parts(out.ptr as *const i32, 3) },
            &[97, 0xFFFD, 98]
        );
    }

    #[test]
    fn concat_many() {
        let parts = [
            GoString {
                ptr: b"ab".as_ptr(),
                len: 2,
            },
            GoString {
                ptr: core::ptr::null(),
                len: 0,
            },
            GoString {
                ptr: b"cde".as_ptr(),
                len: 3,
            },
        ];
        // SAFETY: parts holds 3 strings.
        let s = unsafe { concatstrings(parts.as_ptr(), 3) };
        assert_eq!(bytes(s.ptr, s.len), b"abcde");
        // One non-empty operand: returned as is.
        // SAFETY: as above.
        let one = unsafe { concatstrings(parts.as_ptr().add(1), 2) };
        assert_eq!(one.ptr, parts[2].ptr);
        // SAFETY: as above.
        let none = unsafe { concatstrings(parts.as_ptr(), 0) };
        assert_eq!(none.len, 0);
    }
}
