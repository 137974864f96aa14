//! String operations called by generated code: concatenation, comparison,
//! conversions. Strings are immutable `{ptr, len}` pairs; new strings are
//! allocated through `mallocgc`.

use crate::malloc::mallocgc;
use crate::types::GoString;

fn bytes<'a>(p: *const u8, n: isize) -> &'a [u8] {
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
        return GoString { ptr: std::ptr::null(), len: 0 };
    }
    // SAFETY: mallocgc returns n writable bytes.
    let p = unsafe { mallocgc(n, std::ptr::null(), 0) };
    let mut off = 0;
    for part in parts {
        // SAFETY: p has room for all parts; sources don't overlap the new block.
        unsafe { std::ptr::copy_nonoverlapping(part.as_ptr(), p.add(off), part.len()) };
        off += part.len();
    }
    GoString { ptr: p, len: n as isize }
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

#[export_name = "runtime.cmpstring"]
pub extern "C" fn cmpstring(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> i64 {
    match bytes(ap, an).cmp(bytes(bp, bn)) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

#[export_name = "runtime.eqstring"]
pub extern "C" fn eqstring(ap: *const u8, an: isize, bp: *const u8, bn: isize) -> u8 {
    (an == bn && (ap == bp || bytes(ap, an) == bytes(bp, bn))) as u8
}

/// string(rune): invalid code points become U+FFFD.
#[export_name = "runtime.intstring"]
pub extern "C" fn intstring(v: i64) -> GoString {
    let c = u32::try_from(v).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    alloc_string(&[s.as_bytes()])
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
}
