//! print/println: the runtime side of Go's builtin `print` and `println`,
//! and the low-level output used by panics and fatal errors.
//!
//! Mechanism: generated code brackets one print statement with
//! `printlock`/`printunlock` and calls one `print*` function per operand
//! (plus `printsp`/`printnl` for println). Each function formats its operand
//! into a small buffer on the stack and hands the bytes to `gwrite`, which
//! writes them to fd 2 with write(2).
//!
//! Invariants:
//! - no heap allocation anywhere on these paths: they run from panics,
//!   signal handlers and (later) the allocator itself. Formatting goes into
//!   a fixed-size [`Buf`] on the stack; stack use per call is a few hundred
//!   bytes, well inside the goroutine stack guard margin (see stack.rs);
//! - output is byte-for-byte gc's runtime/print.go (go 1.27): in particular
//!   floats use strconv's shortest `%g`-style form (`1.5`, `1e+300`, `NaN`,
//!   `+Inf`), which replaced the old `+1.500000e+000` form in go 1.26+;
//! - the print lock is recursive per thread (a print helper may print, and
//!   a crash inside a print must still be able to print its report);
//! - formatting (`Buf::push_*`) is separate from output (`gwrite`) so it is
//!   unit-testable.

use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// A fixed-capacity byte buffer on the stack. Writes past the capacity are
/// dropped (callers size their buffers for the worst case).
pub struct Buf<const N: usize> {
    b: [u8; N],
    len: usize,
}

impl<const N: usize> Default for Buf<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Buf<N> {
    pub const fn new() -> Self {
        Buf { b: [0; N], len: 0 }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.b[..self.len]
    }

    pub fn push(&mut self, s: &[u8]) {
        let n = s.len().min(N - self.len);
        self.b[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
    }

    pub fn push_byte(&mut self, c: u8) {
        if self.len < N {
            self.b[self.len] = c;
            self.len += 1;
        }
    }

    pub fn push_bool(&mut self, v: bool) {
        self.push(if v { b"true" } else { b"false" });
    }

    /// Decimal, as print.go's printuint.
    pub fn push_uint(&mut self, mut v: u64) {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.push(&tmp[i..]);
    }

    /// Decimal, as print.go's printint (min int64 included).
    pub fn push_int(&mut self, v: i64) {
        if v < 0 {
            self.push_byte(b'-');
        }
        self.push_uint(v.unsigned_abs());
    }

    /// `0x` + lowercase hex digits, at least `mindigits` of them, as
    /// print.go's printhexopts.
    pub fn push_hex_opts(&mut self, include0x: bool, mindigits: usize, mut v: u64) {
        const DIG: &[u8; 16] = b"0123456789abcdef";
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = DIG[(v % 16) as usize];
            if v < 16 && tmp.len() - i >= mindigits {
                break;
            }
            v /= 16;
            if i == 0 {
                break;
            }
        }
        if include0x {
            self.push(b"0x");
        }
        self.push(&tmp[i..]);
    }

    /// print.go's printhex (minhexdigits is always 0 outside the runtime's
    /// own debugging helpers).
    pub fn push_hex(&mut self, v: u64) {
        self.push_hex_opts(true, 0, v);
    }

    /// strconv.AppendFloat(v, 'g', -1, 64), as print.go's printfloat64.
    pub fn push_float64(&mut self, v: f64) {
        push_float_g(self, v, false);
    }

    /// strconv.AppendFloat(float64(v), 'g', -1, 32), as printfloat32.
    pub fn push_float32(&mut self, v: f32) {
        push_float_g(self, v as f64, true);
    }

    /// strconv.AppendComplex(c, 'g', -1, 128 or 64): `(re±imi)`.
    pub fn push_complex(&mut self, re: f64, im: f64, bits32: bool) {
        self.push_byte(b'(');
        push_float_g(self, re, bits32);
        let at = self.len;
        push_float_g(self, im, bits32);
        // Like ctoa.go: if the imaginary part has no sign, insert '+'.
        if self.len > at && self.b[at] != b'+' && self.b[at] != b'-' && self.len < N {
            self.b.copy_within(at..self.len, at + 1);
            self.b[at] = b'+';
            self.len += 1;
        }
        self.push(b"i)");
    }
}

/// A `core::fmt::Write` sink into a stack array (used only to obtain the
/// shortest round-trip digits from core's float formatter).
struct DigitSink {
    b: [u8; 40],
    len: usize,
}

impl core::fmt::Write for DigitSink {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let s = s.as_bytes();
        if self.len + s.len() > self.b.len() {
            return Err(core::fmt::Error);
        }
        self.b[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
        Ok(())
    }
}

/// Port of strconv's ftoa for fmt 'g', prec -1 (shortest), which is what
/// go 1.27's printfloat64/printfloat32 use.
///
/// The shortest digit string that round-trips (and, among those, the one
/// closest to the exact value) is unique, so we take the digits from core's
/// `{:e}` formatter (Grisu with Dragon4 fallback, also shortest-closest) and
/// then lay them out exactly as strconv's fmtEFG does.
fn push_float_g<const N: usize>(out: &mut Buf<N>, v: f64, bits32: bool) {
    if v.is_nan() {
        out.push(b"NaN");
        return;
    }
    if v.is_infinite() {
        out.push(if v > 0.0 { b"+Inf" } else { b"-Inf" });
        return;
    }
    let neg = v.is_sign_negative();
    if v == 0.0 {
        // strconv: mant == 0 -> nd = 0, dp = 0 -> %f with no fraction.
        if neg {
            out.push_byte(b'-');
        }
        out.push_byte(b'0');
        return;
    }
    let mut sink = DigitSink { b: [0; 40], len: 0 };
    let a = v.abs();
    let r = if bits32 {
        core::fmt::write(&mut sink, format_args!("{:e}", a as f32))
    } else {
        core::fmt::write(&mut sink, format_args!("{:e}", a))
    };
    if r.is_err() {
        return;
    }
    // sink holds `D[.DDD]e[-]X`.
    let s = &sink.b[..sink.len];
    let mut digits = [0u8; 20];
    let mut nd = 0usize;
    let mut i = 0;
    while i < s.len() && s[i] != b'e' {
        if s[i] != b'.' && nd < digits.len() {
            digits[nd] = s[i];
            nd += 1;
        }
        i += 1;
    }
    i += 1; // skip 'e'
    let mut eneg = false;
    if i < s.len() && s[i] == b'-' {
        eneg = true;
        i += 1;
    }
    let mut e: i32 = 0;
    while i < s.len() {
        e = e * 10 + (s[i] - b'0') as i32;
        i += 1;
    }
    if eneg {
        e = -e;
    }
    // strip trailing zeros (core never emits them in {:e}, but be safe)
    while nd > 1 && digits[nd - 1] == b'0' {
        nd -= 1;
    }
    let mut dp = e + 1; // decimal point position, strconv's digs.dp
    tie_to_even(&mut digits, &mut nd, &mut dp, a, bits32);
    let digs = &digits[..nd];
    let nd = nd as i32;

    // fmtEFG for 'g' with shortest: eprec = 6.
    let exp = dp - 1;
    if neg {
        out.push_byte(b'-');
    }
    if exp < -4 || exp >= 6 {
        // %e with prec = nd - 1
        let prec = nd - 1;
        out.push_byte(digs[0]);
        if prec > 0 {
            out.push_byte(b'.');
            out.push(&digs[1..]);
        }
        out.push_byte(b'e');
        let (sign, x) = if exp < 0 { (b'-', -exp) } else { (b'+', exp) };
        out.push_byte(sign);
        if x < 10 {
            out.push_byte(b'0');
            out.push_byte(b'0' + x as u8);
        } else if x < 100 {
            out.push_byte(b'0' + (x / 10) as u8);
            out.push_byte(b'0' + (x % 10) as u8);
        } else {
            out.push_byte(b'0' + (x / 100) as u8);
            out.push_byte(b'0' + ((x / 10) % 10) as u8);
            out.push_byte(b'0' + (x % 10) as u8);
        }
    } else {
        // %f with prec = max(nd - dp, 0)
        let prec = (nd - dp).max(0);
        if dp > 0 {
            let m = nd.min(dp);
            out.push(&digs[..m as usize]);
            for _ in 0..(dp - m) {
                out.push_byte(b'0');
            }
        } else {
            out.push_byte(b'0');
        }
        if prec > 0 {
            out.push_byte(b'.');
            let lz = prec.min((-dp).max(0));
            let off = dp + lz;
            let m = (prec - lz).min((nd - off).max(0));
            let tz = (prec - lz - m).max(0);
            for _ in 0..lz {
                out.push_byte(b'0');
            }
            out.push(&digs[off as usize..(off + m) as usize]);
            for _ in 0..tz {
                out.push_byte(b'0');
            }
        }
    }
}

/// core's shortest formatter resolves an exact tie between two shortest
/// candidates (exact value = D ± half a unit in the last digit) upwards;
/// strconv picks the even one. Detect an exact tie with integer arithmetic
/// and switch to the even neighbour when it also round-trips.
fn tie_to_even(digits: &mut [u8; 20], nd: &mut usize, dp: &mut i32, a: f64, bits32: bool) {
    if *nd == 0 || *nd > 17 || (digits[*nd - 1] - b'0') % 2 == 0 {
        return;
    }
    let mut d: u64 = 0;
    for &c in &digits[..*nd] {
        d = d * 10 + (c - b'0') as u64;
    }
    // a = m * 2^q exactly.
    let bits = a.to_bits();
    let be = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, q) = if be == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, be - 1075)
    };
    let unit = *dp - *nd as i32; // a ~= d * 10^unit
    for (t, cand) in [(d * 10 - 5, d - 1), (d * 10 + 5, d + 1)] {
        if !exact_eq(m, q, t, unit - 1) {
            continue;
        }
        if !round_trips(cand, unit, a, bits32) {
            return;
        }
        // Re-derive the digits of cand (a carry may add a digit).
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        let mut c = cand;
        while c > 0 {
            i -= 1;
            tmp[i] = b'0' + (c % 10) as u8;
            c /= 10;
        }
        let n = tmp.len() - i;
        let mut k = n;
        while k > 1 && tmp[i + k - 1] == b'0' {
            k -= 1;
        }
        digits[..k].copy_from_slice(&tmp[i..i + k]);
        *nd = k;
        *dp = n as i32 + unit;
        return;
    }
}

/// Is m * 2^q == t * 10^s exactly? (t < 2^64; false when out of range.)
pub(crate) fn exact_eq(m: u64, q: i32, t: u64, s: i32) -> bool {
    // Compare m * 2^q with t * 5^s * 2^s, moving the 5s to the side where
    // they have a non-negative exponent.
    let pow5 = |k: i32| -> Option<u128> {
        let mut r: u128 = 1;
        for _ in 0..k {
            r = r.checked_mul(5)?;
        }
        Some(r)
    };
    // lhs * 2^lq == rhs * 2^rq, all as u128
    let (lhs, rhs) = if s >= 0 {
        let Some(p) = pow5(s) else { return false };
        let Some(r) = (t as u128).checked_mul(p) else {
            return false;
        };
        (m as u128, r)
    } else {
        let Some(p) = pow5(-s) else { return false };
        let Some(l) = (m as u128).checked_mul(p) else {
            return false;
        };
        (l, t as u128)
    };
    // lhs * 2^q == rhs * 2^s
    let shift = q - s;
    if shift >= 0 {
        if shift >= 128 || lhs.leading_zeros() < shift as u32 {
            return false;
        }
        (lhs << shift) == rhs
    } else {
        let k = -shift;
        if k >= 128 || rhs.leading_zeros() < k as u32 {
            return false;
        }
        lhs == (rhs << k)
    }
}

/// Does `c * 10^e` parse back to `a` (as float32 when bits32)?
fn round_trips(c: u64, e: i32, a: f64, bits32: bool) -> bool {
    let mut b = Buf::<40>::new();
    b.push_uint(c);
    b.push_byte(b'e');
    b.push_int(e as i64);
    let Ok(s) = core::str::from_utf8(b.as_bytes()) else {
        return false;
    };
    if bits32 {
        s.parse::<f32>().map(|x| x == a as f32).unwrap_or(false)
    } else {
        s.parse::<f64>().map(|x| x == a).unwrap_or(false)
    }
}

// ---------------------------------------------------------------------------
// Output.

/// Write all of `b` to fd 2, retrying on EINTR and short writes. Errors
/// other than EINTR drop the rest (there is nowhere to report them).
pub fn write_err(mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: b is a valid readable slice for its length.
        let n = unsafe { libc::write(2, b.as_ptr().cast(), b.len()) };
        if n < 0 {
            // SAFETY: errno location is valid for the current thread.
            if unsafe { *libc::__errno_location() } == libc::EINTR {
                continue;
            }
            return;
        }
        if n == 0 {
            return;
        }
        b = &b[n as usize..];
    }
}

/// print.go's gwrite. (Goroutine-local write buffers for tests come later.)
pub fn gwrite(b: &[u8]) {
    write_err(b)
}

// ---------------------------------------------------------------------------
// The print lock: recursive per thread.

static PRINT_OWNER: AtomicUsize = AtomicUsize::new(0);
static PRINT_DEPTH: AtomicU32 = AtomicU32::new(0);

fn thread_id() -> usize {
    // SAFETY: pthread_self has no preconditions.
    let t = unsafe { libc::pthread_self() } as usize;
    // pthread_t is a non-null pointer on glibc; keep 0 as "unowned".
    t | 1
}

pub fn lock() {
    let me = thread_id();
    if PRINT_OWNER.load(Ordering::Relaxed) == me {
        PRINT_DEPTH.fetch_add(1, Ordering::Relaxed);
        return;
    }
    while PRINT_OWNER
        .compare_exchange_weak(0, me, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        core::hint::spin_loop();
    }
    PRINT_DEPTH.store(1, Ordering::Relaxed);
}

pub fn unlock() {
    let me = thread_id();
    if PRINT_OWNER.load(Ordering::Relaxed) != me {
        return; // unbalanced unlock: ignore rather than corrupt the lock
    }
    if PRINT_DEPTH.fetch_sub(1, Ordering::Relaxed) == 1 {
        PRINT_OWNER.store(0, Ordering::Release);
    }
}

// ---------------------------------------------------------------------------
// Entry points called by generated code.

#[export_name = "runtime.printlock"]
pub extern "C" fn printlock() {
    lock()
}

#[export_name = "runtime.printunlock"]
pub extern "C" fn printunlock() {
    unlock()
}

#[export_name = "runtime.printsp"]
pub extern "C" fn printsp() {
    gwrite(b" ")
}

#[export_name = "runtime.printnl"]
pub extern "C" fn printnl() {
    gwrite(b"\n")
}

#[export_name = "runtime.printbool"]
pub extern "C" fn printbool(v: u8) {
    gwrite(if v != 0 { b"true" } else { b"false" })
}

#[export_name = "runtime.printint"]
pub extern "C" fn printint(v: i64) {
    let mut b = Buf::<24>::new();
    b.push_int(v);
    gwrite(b.as_bytes())
}

#[export_name = "runtime.printuint"]
pub extern "C" fn printuint(v: u64) {
    let mut b = Buf::<24>::new();
    b.push_uint(v);
    gwrite(b.as_bytes())
}

#[export_name = "runtime.printhex"]
pub extern "C" fn printhex(v: u64) {
    let mut b = Buf::<24>::new();
    b.push_hex(v);
    gwrite(b.as_bytes())
}

#[export_name = "runtime.printfloat"]
pub extern "C" fn printfloat(v: f64) {
    let mut b = Buf::<32>::new();
    b.push_float64(v);
    gwrite(b.as_bytes())
}

/// go 1.27 prints float32 operands with float32 shortest digits
/// (`println(float32(0.1))` prints `0.1`, not `0.10000000149011612`).
#[export_name = "runtime.printfloat32"]
pub extern "C" fn printfloat32(v: f32) {
    let mut b = Buf::<32>::new();
    b.push_float32(v);
    gwrite(b.as_bytes())
}

#[export_name = "runtime.printcomplex"]
pub extern "C" fn printcomplex(re: f64, im: f64) {
    let mut b = Buf::<64>::new();
    b.push_complex(re, im, false);
    gwrite(b.as_bytes())
}

/// complex64 operands: both parts with float32 shortest digits.
#[export_name = "runtime.printcomplex64"]
pub extern "C" fn printcomplex64(re: f32, im: f32) {
    let mut b = Buf::<64>::new();
    b.push_complex(re as f64, im as f64, true);
    gwrite(b.as_bytes())
}

#[export_name = "runtime.printstring"]
pub extern "C" fn printstring(p: *const u8, n: isize) {
    if n <= 0 || p.is_null() {
        return;
    }
    // SAFETY: generated code passes a Go string header: p points to n bytes.
    gwrite(unsafe { core::slice::from_raw_parts(p, n as usize) })
}

#[export_name = "runtime.printpointer"]
pub extern "C" fn printpointer(p: *const u8) {
    printhex(p as u64)
}

#[export_name = "runtime.printuintptr"]
pub extern "C" fn printuintptr(p: usize) {
    printhex(p as u64)
}

/// `[len/cap]0xptr`
#[export_name = "runtime.printslice"]
pub extern "C" fn printslice(p: *const u8, len: i64, cap: i64) {
    let mut b = Buf::<80>::new();
    b.push_byte(b'[');
    b.push_int(len);
    b.push_byte(b'/');
    b.push_int(cap);
    b.push_byte(b']');
    b.push_hex(p as u64);
    gwrite(b.as_bytes())
}

fn print_pair(a: u64, d: u64) {
    let mut b = Buf::<48>::new();
    b.push_byte(b'(');
    b.push_hex(a);
    b.push_byte(b',');
    b.push_hex(d);
    b.push_byte(b')');
    gwrite(b.as_bytes())
}

/// `(0xtype,0xdata)`
#[export_name = "runtime.printeface"]
pub extern "C" fn printeface(typ: *const u8, data: *const u8) {
    print_pair(typ as u64, data as u64)
}

/// `(0xitab,0xdata)`
#[export_name = "runtime.printiface"]
pub extern "C" fn printiface(tab: *const u8, data: *const u8) {
    print_pair(tab as u64, data as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64s(v: f64) -> String {
        let mut b = Buf::<32>::new();
        b.push_float64(v);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }
    fn f32s(v: f32) -> String {
        let mut b = Buf::<32>::new();
        b.push_float32(v);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }
    fn cs(re: f64, im: f64, b32: bool) -> String {
        let mut b = Buf::<64>::new();
        b.push_complex(re, im, b32);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    // Expected strings below were obtained by running the same values
    // through println with the reference go 1.27.3.
    #[test]
    fn float64_matches_gc() {
        let cases: &[(f64, &str)] = &[
            (1.5, "1.5"),
            (-0.0, "-0"),
            (0.0, "0"),
            (1e300, "1e+300"),
            (5e-324, "5e-324"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "+Inf"),
            (f64::NEG_INFINITY, "-Inf"),
            (0.1, "0.1"),
            (100.0, "100"),
            (1e21, "1e+21"),
            (1e20, "1e+20"),
            (123456789.0, "1.23456789e+08"),
            (1e-7, "1e-07"),
            (0.000123, "0.000123"),
        ];
        for &(v, want) in cases {
            assert_eq!(f64s(v), want, "value {v:?}");
        }
    }

    #[test]
    fn float32_and_complex_match_gc() {
        assert_eq!(f32s(0.1), "0.1");
        assert_eq!(f32s(1e10), "1e+10");
        assert_eq!(cs(1.5, 2.0, false), "(1.5+2i)");
        assert_eq!(cs(0.1f32 as f64, -3.0, true), "(0.1-3i)");
        assert_eq!(cs(f64::NAN, f64::NEG_INFINITY, false), "(NaN-Infi)");
    }

    #[test]
    fn ints_match_gc() {
        let mut b = Buf::<128>::new();
        b.push_int(i64::MIN);
        b.push_byte(b' ');
        b.push_uint(u64::MAX);
        b.push_byte(b' ');
        b.push_int(0);
        b.push_byte(b' ');
        b.push_int(-42);
        b.push_byte(b' ');
        b.push_hex(0);
        b.push_byte(b' ');
        b.push_hex(0x1bab86724e90);
        b.push_byte(b' ');
        b.push_hex(u64::MAX);
        assert_eq!(
            b.as_bytes(),
            b"-9223372036854775808 18446744073709551615 0 -42 0x0 0x1bab86724e90 0xffffffffffffffff"
        );
        let mut b = Buf::<8>::new();
        b.push_hex_opts(false, 2, 5);
        assert_eq!(b.as_bytes(), b"05");
    }

    /// 1500 random float64/float32 values, then 400 float64 and 200 float32
    /// values whose exact value is a tie between two shortest candidates,
    /// printed by go 1.27.3's println (`d|s BITS TEXT` per line).
    #[test]
    fn random_floats_match_gc() {
        let table = concat!(
            include_str!("testdata/floats_gc.txt"),
            include_str!("testdata/float_ties_gc.txt")
        );
        let mut n = 0;
        for line in table.lines() {
            let mut it = line.split(' ');
            let (k, bits, want) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
            let bits: u64 = bits.parse().unwrap();
            let got = if k == "d" {
                f64s(f64::from_bits(bits))
            } else {
                f32s(f32::from_bits(bits as u32))
            };
            assert_eq!(got, want, "{k} bits {bits}");
            n += 1;
        }
        assert!(n > 1000);
    }

    #[test]
    fn buf_truncates() {
        let mut b = Buf::<4>::new();
        b.push(b"abcdef");
        assert_eq!(b.as_bytes(), b"abcd");
    }
}
