//! internal/bytealg's search primitives (gc implements them in SIMD
//! assembly; the package's pure-Go loops poll for preemption at every
//! iteration, which keeps LLVM from vectorising them). Byte search and
//! comparison go to libc's memchr/memcmp, counting to a loop LLVM
//! vectorises. Each takes strings as (ptr, len); a nil pointer comes
//! only with len 0. The byte argument arrives as an int (the Go wrappers
//! widen it) so no sign/zero-extension contract is involved.

use crate::string::bytes;

/// Index of the first `c` in the `n` bytes at `p`, or -1.
///
/// # Safety
/// (p, n) is a Go string or byte slice.
#[export_name = "runtime.bytealg_indexbyte"]
pub unsafe extern "C" fn indexbyte(p: *const u8, n: isize, c: i64) -> i64 {
    if n <= 0 {
        return -1;
    }
    // SAFETY: p has n readable bytes.
    let r = unsafe { libc::memchr(p.cast(), c as u8 as i32, n as usize) };
    if r.is_null() {
        -1
    } else {
        (r as usize - p as usize) as i64
    }
}

/// Number of bytes equal to `c` in the `n` bytes at `p`.
///
/// # Safety
/// (p, n) is a Go string or byte slice.
#[export_name = "runtime.bytealg_countbyte"]
pub unsafe extern "C" fn countbyte(p: *const u8, n: isize, c: i64) -> i64 {
    let s = bytes(p, n);
    let c = c as u8;
    let mut total = 0usize;
    // Chunks keep the per-chunk counter in a byte lane LLVM can vectorise.
    for chunk in s.chunks(255) {
        let mut k = 0u8;
        for &x in chunk {
            k += (x == c) as u8;
        }
        total += k as usize;
    }
    total as i64
}

/// Index of the first occurrence of (bp, bn) in (ap, an), or -1; bn >= 1.
///
/// # Safety
/// Both are Go strings.
#[export_name = "runtime.bytealg_indexstring"]
pub unsafe extern "C" fn indexstring(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> i64 {
    let (a, b) = (bytes(ap, an), bytes(bp, bn));
    let Some((&first, rest)) = b.split_first() else {
        return 0;
    };
    if a.len() < b.len() {
        return -1;
    }
    let last = a.len() - b.len(); // the last possible start
    let mut i = 0usize;
    while i <= last {
        // SAFETY: a[i..=last] is readable.
        let r = unsafe { libc::memchr(a.as_ptr().add(i).cast(), first as i32, last - i + 1) };
        if r.is_null() {
            return -1;
        }
        let j = r as usize - a.as_ptr() as usize;
        if &a[j + 1..j + b.len()] == rest {
            return j as i64;
        }
        i = j + 1;
    }
    -1
}

/// -1, 0 or +1 as (ap, an) sorts before, equal to or after (bp, bn).
///
/// # Safety
/// Both are Go strings.
#[export_name = "runtime.bytealg_comparestring"]
pub unsafe extern "C" fn comparestring(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> i64 {
    crate::string::cmpstring(ap, an, bp, bn)
}

/// The capacity `make`/`append` would give `n` pointer-free bytes (the
/// size class of n); n >= 0.
#[export_name = "runtime.bytealg_roundupsize"]
pub extern "C" fn roundupsize(n: i64) -> i64 {
    crate::slice::roundupsize(n as usize, true) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idx(a: &str, b: &str) -> i64 {
        unsafe { indexstring(a.as_ptr(), a.len() as isize, b.as_ptr(), b.len() as isize) }
    }

    #[test]
    fn search() {
        assert_eq!(idx("hello world", "wor"), 6);
        assert_eq!(idx("aab", "ab"), 1);
        assert_eq!(idx("ab", "abc"), -1);
        assert_eq!(idx("xxabab", "abab"), 2);
        assert_eq!(idx("abababx", "ababx"), 2);
        assert_eq!(idx("ab", "ab"), 0);
        assert_eq!(idx("ab", "b"), 1);
        let s = "a9b99";
        assert_eq!(unsafe { indexbyte(s.as_ptr(), 5, b'9' as i64) }, 1);
        assert_eq!(unsafe { indexbyte(s.as_ptr(), 5, b'z' as i64) }, -1);
        assert_eq!(unsafe { indexbyte(core::ptr::null(), 0, 0) }, -1);
        let long = "9".repeat(1000);
        assert_eq!(unsafe { countbyte(long.as_ptr(), 1000, b'9' as i64) }, 1000);
        assert_eq!(unsafe { countbyte(s.as_ptr(), 5, b'9' as i64) }, 3);
        assert_eq!(unsafe { countbyte(core::ptr::null(), 0, 0) }, 0);
        let cmp = |a: &str, b: &str| unsafe { comparestring(a.as_ptr(), a.len() as isize, b.as_ptr(), b.len() as isize) };
        assert_eq!(cmp("a", "b"), -1);
        assert_eq!(cmp("ab", "a"), 1);
        assert_eq!(cmp("", ""), 0);
        assert_eq!(cmp("\u{ff}", "a"), 1);
    }
}
