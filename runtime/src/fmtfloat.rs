//! Float formatting for package fmt (and later strconv): the runtime side of
//! strconv.FormatFloat's 'e', 'E', 'f', 'F', 'g', 'G', 'b', 'x', 'X' formats.
//!
//! Mechanism: the correctly rounded decimal digits come from core's float
//! formatter (`{:e}` gives the shortest round-tripping digits, `{:.*e}` and
//! `{:.*}` exact rounding with ties to even, the same rounding strconv
//! applies); they are then laid out exactly as strconv's fmtEFG does
//! (two-digit exponents, %g's choice between %e and %f, the `prec < 0`
//! shortest forms). 'b' and 'x' are ports of fmtB and fmtX.
//!
//! Entry point: `runtime.fmtFloat(buf, cap, f, fmt, prec, bitsize) -> n`
//! writes the text into `buf[..cap]` and returns its full length `n`; when
//! `n > cap` nothing useful was written and the caller retries with a
//! buffer of at least `n` bytes.
//!
//! Invariants: output is byte-for-byte strconv.AppendFloat(nil, f, fmt,
//! prec, bitsize) of go 1.27 (checked against a table produced by the
//! reference go in `testdata/fmtfloat_gc.txt`); bitsize 32 formats
//! `f as f32`.

use core::fmt::Write;

/// Decimal digits `d[0..nd]` with the decimal point before digit `dp`
/// (value = 0.d * 10^dp), strconv's decimalSlice.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

/// Splits core's `D[.DDD]e[-]X` output into digits and decimal point.
fn parse_e(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(|&c| c != b'.').collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Digits { d, dp: 0 };
    }
    Digits { d, dp: e + 1 }
}

/// Splits core's `DDD[.DDD]` output into digits and decimal point.
fn parse_f(s: &str) -> Digits {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut d: Vec<u8> = Vec::with_capacity(s.len());
    let mut dp = int.len() as i32;
    d.extend(int.bytes());
    d.extend(frac.bytes());
    // strip leading zeros, moving the decimal point
    let lead = d.iter().take_while(|&&c| c == b'0').count();
    d.drain(..lead);
    dp -= lead as i32;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        dp = 0;
    }
    Digits { d, dp }
}

/// Shortest digits that round-trip at the given size, with strconv's
/// choice of the even candidate on an exact tie.
fn shortest(a: f64, bits32: bool) -> Digits {
    let mut s = String::new();
    if bits32 {
        let _ = write!(s, "{:e}", a as f32);
    } else {
        let _ = write!(s, "{:e}", a);
    }
    let mut d = parse_e(&s);
    tie_to_even(&mut d, a, bits32);
    d
}

/// core's shortest formatter resolves an exact tie between two shortest
/// candidates upwards; strconv picks the even one. Detect an exact tie with
/// integer arithmetic and switch to the even neighbour when it also
/// round-trips. (Same algorithm as print.rs, which keeps its own copy
/// because it must not allocate.)
fn tie_to_even(dg: &mut Digits, a: f64, bits32: bool) {
    let nd = dg.d.len();
    if nd == 0 || nd > 17 || (dg.d[nd - 1] - b'0') % 2 == 0 {
        return;
    }
    let mut d: u64 = 0;
    for &c in &dg.d {
        d = d * 10 + (c - b'0') as u64;
    }
    let bits = a.to_bits();
    let be = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, q) = if be == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, be - 1075)
    };
    let unit = dg.dp - nd as i32;
    for (t, cand) in [(d * 10 - 5, d - 1), (d * 10 + 5, d + 1)] {
        if !crate::print::exact_eq(m, q, t, unit - 1) {
            continue;
        }
        let txt = format!("{}e{}", cand, unit);
        let ok = if bits32 {
            txt.parse::<f32>().map(|x| x == a as f32).unwrap_or(false)
        } else {
            txt.parse::<f64>().map(|x| x == a).unwrap_or(false)
        };
        if !ok {
            return;
        }
        let cs = cand.to_string();
        let n = cs.len() as i32;
        let mut v: Vec<u8> = cs.into_bytes();
        while v.len() > 1 && v.last() == Some(&b'0') {
            v.pop();
        }
        dg.d = v;
        dg.dp = n + unit;
        return;
    }
}

/// strconv.AppendFloat(out, f, fmt, prec, bitsize).
pub fn format_float(out: &mut Vec<u8>, f: f64, fmt: u8, prec: i64, bitsize: i64) {
    let bits32 = bitsize == 32;
    let f = if bits32 { f as f32 as f64 } else { f };
    if f.is_nan() {
        out.extend_from_slice(b"NaN");
        return;
    }
    if f.is_infinite() {
        out.extend_from_slice(if f > 0.0 { b"+Inf" } else { b"-Inf" });
        return;
    }
    let neg = f.is_sign_negative();
    if fmt == b'b' {
        return fmt_b(out, neg, f, bits32);
    }
    if fmt == b'x' || fmt == b'X' {
        return fmt_x(out, prec, fmt, neg, f, bits32);
    }
    let a = f.abs();
    let prec = prec.clamp(-1, 1 << 30) as i32;
    if a == 0.0 {
        return fmt_efg(
            out,
            neg,
            &Digits {
                d: Vec::new(),
                dp: 0,
            },
            prec,
            fmt,
            prec < 0,
        );
    }
    if prec < 0 {
        let d = shortest(a, bits32);
        let nd = d.d.len() as i32;
        let p = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' | b'F' => (nd - d.dp).max(0),
            b'g' | b'G' => nd,
            _ => prec,
        };
        return fmt_efg(out, neg, &d, p, fmt, true);
    }
    let mut s = String::new();
    let mut prec = prec;
    let d = match fmt {
        b'e' | b'E' => {
            let _ = write!(s, "{:.*e}", prec as usize, a);
            parse_e(&s)
        }
        b'f' | b'F' => {
            let _ = write!(s, "{:.*}", prec as usize, a);
            parse_f(&s)
        }
        b'g' | b'G' => {
            if prec == 0 {
                prec = 1;
            }
            let _ = write!(s, "{:.*e}", (prec - 1) as usize, a);
            parse_e(&s)
        }
        _ => Digits {
            d: Vec::new(),
            dp: 0,
        },
    };
    fmt_efg(out, neg, &d, prec, fmt, false)
}

fn push_exp2(out: &mut Vec<u8>, exp: i32) {
    if exp < 10 {
        out.push(b'0');
        out.push(b'0' + exp as u8);
    } else if exp < 100 {
        out.push(b'0' + (exp / 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    } else {
        out.push(b'0' + (exp / 100) as u8);
        out.push(b'0' + (exp / 10 % 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    }
}

/// strconv's fmtEFG.
fn fmt_efg(out: &mut Vec<u8>, neg: bool, dg: &Digits, mut prec: i32, mut fmt: u8, shortest: bool) {
    let s = &dg.d;
    let nd = s.len() as i32;
    let dp = dg.dp;
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    match fmt {
        b'e' | b'E' => {
            if neg {
                out.push(b'-');
            }
            out.push(if nd != 0 { s[0] } else { b'0' });
            if prec > 0 {
                out.push(b'.');
                let mut i = 1;
                let m = nd.min(prec + 1);
                if i < m {
                    out.extend_from_slice(&s[i as usize..m as usize]);
                    i = m;
                }
                for _ in 0..(prec + 1 - i) {
                    out.push(b'0');
                }
            }
            out.push(fmt);
            let mut exp = dp - 1;
            if nd == 0 {
                exp = 0;
            }
            if exp < 0 {
                out.push(b'-');
                exp = -exp;
            } else {
                out.push(b'+');
            }
            push_exp2(out, exp);
        }
        b'f' | b'F' => {
            if neg {
                out.push(b'-');
            }
            if dp > 0 {
                let m = nd.min(dp);
                out.extend_from_slice(&s[..m as usize]);
                for _ in 0..(dp - m) {
                    out.push(b'0');
                }
            } else {
                out.push(b'0');
            }
            if prec > 0 {
                out.push(b'.');
                let lz = prec.min((-dp).max(0));
                let off = dp + lz;
                let m = (prec - lz).min((nd - off).max(0));
                let tz = (prec - lz - m).max(0);
                for _ in 0..lz {
                    out.push(b'0');
                }
                if m > 0 {
                    out.extend_from_slice(&s[off as usize..(off + m) as usize]);
                }
                for _ in 0..tz {
                    out.push(b'0');
                }
            }
        }
        _ => {
            out.push(b'%');
            out.push(fmt);
        }
    }
}

/// Mantissa (with the implicit bit) and binary exponent as strconv
/// computes them before fmtB/fmtX: value = mant * 2^(exp - mantbits).
fn decompose(f: f64, bits32: bool) -> (u64, i32, i32) {
    if bits32 {
        let b = (f as f32).to_bits();
        let mut exp = ((b >> 23) & 0xff) as i32;
        let mut mant = (b & ((1 << 23) - 1)) as u64;
        if exp == 0 {
            exp += 1;
        } else {
            mant |= 1 << 23;
        }
        (mant, exp - 127, 23)
    } else {
        let b = f.to_bits();
        let mut exp = ((b >> 52) & 0x7ff) as i32;
        let mut mant = b & ((1 << 52) - 1);
        if exp == 0 {
            exp += 1;
        } else {
            mant |= 1 << 52;
        }
        (mant, exp - 1023, 52)
    }
}

/// strconv's fmtB: `-ddddp±ddd`.
fn fmt_b(out: &mut Vec<u8>, neg: bool, f: f64, bits32: bool) {
    let (mant, exp, mantbits) = decompose(f, bits32);
    if neg {
        out.push(b'-');
    }
    let _ = write!(Sink(out), "{}p", mant);
    let e = exp - mantbits;
    if e >= 0 {
        out.push(b'+');
    }
    let _ = write!(Sink(out), "{}", e);
}

/// strconv's fmtX: `-0x1.hhhhp±dd`.
fn fmt_x(out: &mut Vec<u8>, prec: i64, fmt: u8, neg: bool, f: f64, bits32: bool) {
    let (mut mant, mut exp, mantbits) = decompose(f, bits32);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        out.push(b'-');
    }
    out.push(b'0');
    out.push(fmt);
    out.push(b'0' + ((mant >> 60) & 1) as u8);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push(b'.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push(b'.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { b'P' } else { b'p' });
    if exp < 0 {
        out.push(b'-');
        exp = -exp;
    } else {
        out.push(b'+');
    }
    if exp < 100 {
        out.push(b'0' + (exp / 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    } else if exp < 1000 {
        out.push(b'0' + (exp / 100) as u8);
        out.push(b'0' + (exp / 10 % 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    } else {
        out.push(b'0' + (exp / 1000) as u8);
        out.push(b'0' + (exp / 100 % 10) as u8);
        out.push(b'0' + (exp / 10 % 10) as u8);
        out.push(b'0' + (exp % 10) as u8);
    }
}

struct Sink<'a>(&'a mut Vec<u8>);

impl Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// `runtime.fmtFloat(buf, cap, f, fmt, prec, bitsize) -> n`: formats `f`
/// as strconv.AppendFloat does into `buf[..cap]` and returns the length of
/// the text; when that exceeds `cap` the buffer holds only a prefix and the
/// caller retries with a larger one.
///
/// # Safety
/// `buf` points to `cap` writable bytes (or cap is 0).
#[export_name = "runtime.fmtFloat"]
pub unsafe extern "C" fn fmt_float(
    buf: *mut u8,
    cap: i64,
    f: f64,
    fmt: u8,
    prec: i64,
    bitsize: i64,
) -> i64 {
    let mut out = Vec::with_capacity(32);
    format_float(&mut out, f, fmt, prec, bitsize);
    let n = out.len().min(cap.max(0) as usize);
    if n > 0 {
        // SAFETY: the caller guarantees buf has cap writable bytes; n <= cap.
        unsafe { core::ptr::copy_nonoverlapping(out.as_ptr(), buf, n) };
    }
    out.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ff(f: f64, fmt: u8, prec: i64, bits: i64) -> String {
        let mut v = Vec::new();
        format_float(&mut v, f, fmt, prec, bits);
        String::from_utf8(v).unwrap()
    }

    /// Lines `FMT PREC BITSIZE F64BITS TEXT` produced by go 1.27's
    /// strconv.FormatFloat (see the generator in testdata/fmtfloat_gen.go).
    #[test]
    fn table_matches_gc() {
        let table = include_str!("testdata/fmtfloat_gc.txt");
        let mut n = 0;
        let mut bad = Vec::new();
        for line in table.lines() {
            let mut it = line.splitn(5, ' ');
            let fmt = it.next().unwrap().as_bytes()[0];
            let prec: i64 = it.next().unwrap().parse().unwrap();
            let bits: i64 = it.next().unwrap().parse().unwrap();
            let fb: u64 = it.next().unwrap().parse().unwrap();
            let want = it.next().unwrap();
            let got = ff(f64::from_bits(fb), fmt, prec, bits);
            if got != want {
                bad.push(format!(
                    "{} {} {} {:e}: got {} want {}",
                    fmt as char,
                    prec,
                    bits,
                    f64::from_bits(fb),
                    got,
                    want
                ));
            }
            n += 1;
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad[..bad.len().min(40)].join("\n")
        );
        assert!(n > 1000);
    }

    #[test]
    fn short_buffer_reports_length() {
        let mut b = [0u8; 4];
        // SAFETY: b has 4 writable bytes.
        let n = unsafe { fmt_float(b.as_mut_ptr(), 4, 1e6, b'f', 2, 64) };
        assert_eq!(n, 10);
        assert_eq!(&b, b"1000");
    }
}
