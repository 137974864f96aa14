//! Exact constant values and arithmetic (spec "Constant expressions").
//!
//! Integers are arbitrary-precision; floating-point and complex constants
//! are exact rationals, rounded only when converted to a typed float
//! (`round_to_float`), except that float constants whose exponent or
//! components grow past go/constant's limits become 512-bit binary floats
//! (`Value::BigFloat`, bigfloat.rs), as gc's do. Representability checks
//! live here too.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bigfloat::{BigFloat, MAX_EXP};
use crate::types::BasicKind;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    String(Vec<u8>),
    Int(BigInt),
    Float(BigRational),
    /// An untyped float constant beyond the range of exact rationals
    /// (never zero).
    BigFloat(BigFloat),
    Complex(BigRational, BigRational),
}

/// A rational float result, or a BigFloat when its numerator or
/// denominator is too large (go/constant's makeRat).
fn make_rat(r: BigRational) -> Value {
    if (r.numer().bits() as i64) < MAX_EXP && (r.denom().bits() as i64) < MAX_EXP {
        Value::Float(r)
    } else {
        big_value(BigFloat::from_rat(&r))
    }
}

fn big_value(b: BigFloat) -> Value {
    if b.is_zero() {
        Value::Float(BigRational::zero())
    } else {
        Value::BigFloat(b)
    }
}

/// The value as a BigFloat (numeric values of rank at most float).
fn to_big(v: &Value) -> Option<BigFloat> {
    match v {
        Value::BigFloat(b) => Some(b.clone()),
        Value::Int(i) => Some(BigFloat::from_parts(i.clone(), 0)),
        Value::Float(f) => Some(BigFloat::from_rat(f)),
        _ => None,
    }
}

/// A rational close to a BigFloat: exact when its exponent is modest, 0
/// for the tiny ones, None for the huge ones.
fn big_to_rat(b: &BigFloat) -> Option<BigRational> {
    b.to_rat(4 * MAX_EXP).or_else(|| (b.top() < 0).then(BigRational::zero))
}

fn rat_from_int(i: &BigInt) -> BigRational {
    BigRational::from_integer(i.clone())
}

impl Value {
    pub fn int(v: i64) -> Value {
        Value::Int(BigInt::from(v))
    }

    /// Numeric rank: Int < Float < Complex.
    fn rank(&self) -> u8 {
        match self {
            Value::Int(_) => 0,
            Value::Float(_) | Value::BigFloat(_) => 1,
            Value::Complex(..) => 2,
            _ => 3,
        }
    }

    fn to_rank(&self, r: u8) -> Value {
        match (self, r) {
            (Value::Int(i), 1) => Value::Float(rat_from_int(i)),
            (Value::Int(i), 2) => Value::Complex(rat_from_int(i), BigRational::zero()),
            (Value::Float(f), 2) => Value::Complex(f.clone(), BigRational::zero()),
            (Value::BigFloat(b), 2) => match big_to_rat(b) {
                Some(r) => Value::Complex(r, BigRational::zero()),
                None => self.clone(),
            },
            _ => self.clone(),
        }
    }

    pub fn as_rat(&self) -> Option<BigRational> {
        match self {
            Value::Int(i) => Some(rat_from_int(i)),
            Value::Float(f) => Some(f.clone()),
            Value::BigFloat(b) => big_to_rat(b),
            Value::Complex(re, im) if im.is_zero() => Some(re.clone()),
            _ => None,
        }
    }

    /// The value as an exact integer, if it is one.
    pub fn as_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(i.clone()),
            Value::Float(f) if f.is_integer() => Some(f.to_integer()),
            Value::Complex(re, im) if im.is_zero() && re.is_integer() => Some(re.to_integer()),
            _ => None,
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        self.as_int().and_then(|i| i.to_i64())
    }

    pub fn to_f64(&self) -> f64 {
        match self {
            Value::Int(i) => rat_to_f64(&rat_from_int(i)),
            Value::Float(f) => rat_to_f64(f),
            Value::BigFloat(b) => b.to_f64(),
            Value::Complex(re, _) => rat_to_f64(re),
            _ => 0.0,
        }
    }

    pub fn complex_parts(&self) -> (f64, f64) {
        match self {
            Value::Complex(re, im) => (rat_to_f64(re), rat_to_f64(im)),
            _ => (self.to_f64(), 0.0),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Value::Int(i) => i.is_zero(),
            Value::Float(f) => f.is_zero(),
            Value::Complex(a, b) => a.is_zero() && b.is_zero(),
            _ => false,
        }
    }

    /// The value as gc prints it in diagnostics.
    pub fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::String(s) => go_quote(s),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => {
                let v = rat_to_f64(f);
                if v.is_finite() && (v == 0.0) == f.is_zero() {
                    // go/constant: `%.6g`, or `%g` when that hides a fraction.
                    let s = format_g6(v);
                    if !f.is_integer() && !s.contains('.') {
                        format_g(v)
                    } else {
                        s
                    }
                } else {
                    // Beyond float64: go/constant's approximate form.
                    BigFloat::from_rat(f).describe()
                }
            }
            Value::BigFloat(b) => {
                let v = b.to_f64();
                if v.is_finite() && v != 0.0 {
                    match b.to_rat(4 * MAX_EXP) {
                        Some(r) => Value::Float(r).describe(),
                        None => format_g6(v),
                    }
                } else {
                    b.describe()
                }
            }
            Value::Complex(re, im) => format!(
                "({} + {}i)",
                format_g(rat_to_f64(re)),
                format_g(rat_to_f64(im))
            ),
        }
    }
}

/// Go's `%.6g` of a finite float64.
pub(crate) fn format_g6(v: f64) -> String {
    g_layout(&format!("{:.5e}", v), false)
}

/// Go's `%g` (shortest digits) of a finite float64.
fn format_g(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    g_layout(&format!("{:e}", v), true)
}

/// Lays out Rust's `{:e}` form as strconv's 'g' format does: %e when the
/// exponent is < -4 or >= the precision, else %f; trailing zeros dropped.
fn g_layout(e: &str, shortest: bool) -> String {
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return if neg { "-0".into() } else { "0".into() };
    }
    let nd = digits.len() as i32;
    let dp = exp + 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let eprec = if shortest {
        6
    } else if 6 > nd && nd >= dp {
        nd
    } else {
        6
    };
    if exp < -4 || exp >= eprec {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    } else if dp <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-dp) as usize));
        out.push_str(digits);
    } else if dp >= nd {
        out.push_str(digits);
        out.push_str(&"0".repeat((dp - nd) as usize));
    } else {
        out.push_str(&digits[..dp as usize]);
        out.push('.');
        out.push_str(&digits[dp as usize..]);
    }
    out
}

pub fn go_quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let text = String::from_utf8_lossy(s);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Rounds an exact rational to the nearest f64 (ties to even); ±Inf on overflow.
pub fn rat_to_f64(r: &BigRational) -> f64 {
    round_rat(r, 53, -1074, 1023)
}

pub fn rat_to_f32(r: &BigRational) -> f32 {
    round_rat(r, 24, -149, 127) as f32
}

/// Correct rounding of r to a binary float with `mant` significand bits,
/// minimum exponent of the lowest subnormal bit `emin_sub`, max exponent `emax`.
fn round_rat(r: &BigRational, mant: u32, emin_sub: i64, emax: i64) -> f64 {
    if r.is_zero() {
        return 0.0;
    }
    let neg = r.is_negative();
    let num = r.numer().abs();
    let den = r.denom().abs();
    // Find e such that 2^(mant-1) <= num/den * 2^-e < 2^mant.
    let nb = num.bits() as i64;
    let db = den.bits() as i64;
    let mut e = nb - db - (mant as i64);
    // Adjust e so quotient has exactly `mant` bits.
    let q_for = |e: i64| -> (BigInt, BigInt) {
        let (n, d) = if e >= 0 {
            (num.clone(), &den << (e as usize))
        } else {
            (&num << ((-e) as usize), den.clone())
        };
        n.div_rem(&d)
    };
    let (mut q, mut rem) = q_for(e);
    if q.bits() > mant as u64 {
        e += 1;
        let t = q_for(e);
        q = t.0;
        rem = t.1;
    } else if q.bits() < mant as u64 {
        e -= 1;
        let t = q_for(e);
        q = t.0;
        rem = t.1;
    }
    // Subnormal: the lowest bit may not go below emin_sub.
    if e < emin_sub {
        e = emin_sub;
        let t = q_for(e);
        q = t.0;
        rem = t.1;
    }
    // Round half to even using the remainder.
    let d = if e >= 0 {
        &den << (e as usize)
    } else {
        den.clone()
    };
    let twice = &rem << 1usize;
    let round_up = match twice.cmp(&d) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => q.is_odd(),
    };
    if round_up {
        q += 1;
        if q.bits() > mant as u64 {
            q >>= 1usize;
            e += 1;
        }
    }
    if e + (mant as i64) - 1 > emax {
        return if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let v = qf * 2f64.powi(e.clamp(-1100, 1100) as i32);
    // powi may underflow for very negative e; compute in two steps.
    let v = if v == 0.0 && !q.is_zero() {
        qf * 2f64.powi((e / 2) as i32) * 2f64.powi((e - e / 2) as i32)
    } else {
        v
    };
    if neg {
        -v
    } else {
        v
    }
}

/// An exact rational from an f64.
pub fn f64_to_rat(v: f64) -> Option<BigRational> {
    BigRational::from_float(v)
}

/// The low 64 bits of an integer in two's complement.
pub fn wrap_u64(i: &BigInt) -> u64 {
    let (sign, digits) = i.to_u64_digits();
    let u = digits.first().copied().unwrap_or(0);
    if sign == Sign::Minus {
        u.wrapping_neg()
    } else {
        u
    }
}

/// Integer range of a typed integer kind.
pub fn int_range(k: BasicKind) -> (BigInt, BigInt) {
    use BasicKind::*;
    let bits = k.bits();
    if k.is_unsigned() {
        (BigInt::zero(), (BigInt::one() << bits as usize) - 1)
    } else {
        let _ = Int;
        (
            -(BigInt::one() << (bits - 1) as usize),
            (BigInt::one() << (bits - 1) as usize) - 1,
        )
    }
}

/// Rounds a constant to what a variable of kind `k` can hold. Returns None
/// when the value is not representable (overflow, or truncation of a
/// non-integer to an integer kind).
pub fn represent(v: &Value, k: BasicKind) -> Option<Value> {
    use BasicKind::*;
    match k {
        Bool | UntypedBool => matches!(v, Value::Bool(_)).then(|| v.clone()),
        String | UntypedString => matches!(v, Value::String(_)).then(|| v.clone()),
        UntypedInt | UntypedRune => v.as_int().map(Value::Int),
        UntypedFloat if matches!(v, Value::BigFloat(_)) => Some(v.clone()),
        UntypedFloat => v.as_rat().map(Value::Float),
        _ if k.is_integer() && matches!(v, Value::BigFloat(_)) => None,
        Float32 | Float64 if matches!(v, Value::BigFloat(_)) => {
            let Value::BigFloat(b) = v else { unreachable!() };
            let f = if k == Float32 { b.to_f32() as f64 } else { b.to_f64() };
            if f.is_infinite() {
                return None;
            }
            f64_to_rat(f).map(Value::Float)
        }
        UntypedComplex => match v {
            Value::Complex(..) => Some(v.clone()),
            _ => v.as_rat().map(|r| Value::Complex(r, BigRational::zero())),
        },
        _ if k.is_integer() => {
            let i = v.as_int()?;
            let (lo, hi) = int_range(k);
            (i >= lo && i <= hi).then_some(Value::Int(i))
        }
        Float32 | Float64 => {
            let r = v.as_rat()?;
            round_float(&r, k).map(Value::Float)
        }
        Complex64 | Complex128 => {
            let fk = if k == Complex64 { Float32 } else { Float64 };
            let (re, im) = match v {
                Value::Complex(a, b) => (a.clone(), b.clone()),
                _ => (v.as_rat()?, BigRational::zero()),
            };
            Some(Value::Complex(round_float(&re, fk)?, round_float(&im, fk)?))
        }
        _ => None,
    }
}

fn round_float(r: &BigRational, k: BasicKind) -> Option<BigRational> {
    let f = if k == BasicKind::Float32 {
        rat_to_f32(r) as f64
    } else {
        rat_to_f64(r)
    };
    if f.is_infinite() {
        return None;
    }
    f64_to_rat(f)
}

/// Whether the kind is representable at all for the value's class
/// (for error messages: "truncated" vs "overflows").
pub fn truncates(v: &Value, k: BasicKind) -> bool {
    k.is_integer() && (matches!(v, Value::BigFloat(_)) || v.as_int().is_none() && v.as_rat().is_some())
}

#[derive(Debug)]
pub enum OpError {
    DivByZero,
    Invalid,
}

/// Binary arithmetic on two constants of the same class. `int_div` says
/// whether `/` is integer division (both operands of integer type).
pub fn binary(
    op: rgoc_syntax::BinOp,
    x: &Value,
    y: &Value,
    int_div: bool,
) -> Result<Value, OpError> {
    use rgoc_syntax::BinOp::*;
    if let (Value::Bool(a), Value::Bool(b)) = (x, y) {
        return match op {
            LAnd => Ok(Value::Bool(*a && *b)),
            LOr => Ok(Value::Bool(*a || *b)),
            _ => Err(OpError::Invalid),
        };
    }
    if let (Value::String(a), Value::String(b)) = (x, y) {
        return match op {
            Add => {
                let mut s = a.clone();
                s.extend_from_slice(b);
                Ok(Value::String(s))
            }
            _ => Err(OpError::Invalid),
        };
    }
    let r = x.rank().max(y.rank());
    if r > 2 {
        return Err(OpError::Invalid);
    }
    let (x, y) = (x.to_rank(r), y.to_rank(r));
    match (&x, &y) {
        (Value::Int(a), Value::Int(b)) => {
            let v = match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => {
                    if b.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    if !int_div {
                        return Ok(make_rat(BigRational::new(a.clone(), b.clone())));
                    }
                    // Go truncates toward zero.
                    a / b
                }
                Rem => {
                    if b.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    a % b
                }
                And => a & b,
                Or => a | b,
                Xor => a ^ b,
                AndNot => a & !b,
                _ => return Err(OpError::Invalid),
            };
            Ok(Value::Int(v))
        }
        (Value::Float(a), Value::Float(b)) => {
            let v = match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => {
                    if b.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    a / b
                }
                _ => return Err(OpError::Invalid),
            };
            Ok(make_rat(v))
        }
        (Value::BigFloat(_), _) | (_, Value::BigFloat(_)) if r == 1 => {
            let (a, b) = (to_big(&x).ok_or(OpError::Invalid)?, to_big(&y).ok_or(OpError::Invalid)?);
            let v = match op {
                Add => a.add(&b),
                Sub => a.add(&b.neg()),
                Mul => a.mul(&b),
                Div => {
                    if b.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    a.div(&b)
                }
                _ => return Err(OpError::Invalid),
            };
            Ok(big_value(v))
        }
        (Value::Complex(a, b), Value::Complex(c, d)) => {
            let (re, im) = match op {
                Add => (a + c, b + d),
                Sub => (a - c, b - d),
                Mul => (a * c - b * d, a * d + b * c),
                Div => {
                    let den = c * c + d * d;
                    if den.is_zero() {
                        return Err(OpError::DivByZero);
                    }
                    ((a * c + b * d) / &den, (b * c - a * d) / &den)
                }
                _ => return Err(OpError::Invalid),
            };
            Ok(Value::Complex(re, im))
        }
        _ => Err(OpError::Invalid),
    }
}

pub fn compare(op: rgoc_syntax::BinOp, x: &Value, y: &Value) -> Option<bool> {
    use rgoc_syntax::BinOp::*;
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                Eq => Some(a == b),
                Ne => Some(a != b),
                _ => None,
            }
        }
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        _ => {
            let r = x.rank().max(y.rank());
            if r == 2 {
                let (x, y) = (x.to_rank(2), y.to_rank(2));
                let eq = x == y;
                return match op {
                    Eq => Some(eq),
                    Ne => Some(!eq),
                    _ => None,
                };
            }
            if matches!(x, Value::BigFloat(_)) || matches!(y, Value::BigFloat(_)) {
                Some(to_big(x)?.cmp(&to_big(y)?))
            } else {
                Some(x.as_rat()?.cmp(&y.as_rat()?))
            }
        }
    };
    let o = ord?;
    Some(match op {
        Eq => o == Ordering::Equal,
        Ne => o != Ordering::Equal,
        Lt => o == Ordering::Less,
        Le => o != Ordering::Greater,
        Gt => o == Ordering::Greater,
        Ge => o != Ordering::Less,
        _ => return None,
    })
}

pub fn unary(op: rgoc_syntax::UnOp, x: &Value, k: BasicKind) -> Option<Value> {
    use rgoc_syntax::UnOp::*;
    match (op, x) {
        (Pos, _) => Some(x.clone()),
        (Neg, Value::Int(i)) => Some(Value::Int(-i)),
        (Neg, Value::Float(f)) => Some(Value::Float(-f)),
        (Neg, Value::BigFloat(b)) => Some(Value::BigFloat(b.neg())),
        (Neg, Value::Complex(a, b)) => Some(Value::Complex(-a, -b)),
        (Not, Value::Bool(b)) => Some(Value::Bool(!b)),
        (Xor, Value::Int(i)) => {
            if k.is_unsigned() {
                // ^x for unsigned is x XOR all-ones of the type's width.
                let mask = (BigInt::one() << k.bits() as usize) - 1;
                Some(Value::Int(i ^ mask))
            } else {
                Some(Value::Int(!i))
            }
        }
        _ => None,
    }
}

pub fn shift(left: bool, x: &BigInt, s: u64) -> Option<BigInt> {
    if left {
        if s > 10000 {
            return None;
        }
        Some(x << s as usize)
    } else {
        if s > 100000 {
            return Some(if x.sign() == Sign::Minus {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            });
        }
        // Arithmetic shift right (floor division), as Go's >> on signed values.
        Some(x >> s as usize)
    }
}

/// Parses an integer literal (with `_`, 0x, 0o, 0b, legacy octal).
pub fn parse_int_lit(raw: &str) -> Option<BigInt> {
    let s: String = raw.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s, 10)
    };
    if digits.is_empty() {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Parses a float literal exactly (decimal or hexadecimal mantissa).
pub fn parse_float_lit(raw: &str) -> Option<BigRational> {
    let s: String = raw.chars().filter(|&c| c != '_').collect();
    let ten = BigInt::from(10);
    let two = BigInt::from(2);
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        let (mant, exp) = match h.find(['p', 'P']) {
            Some(i) => (&h[..i], h[i + 1..].parse::<i64>().ok()?),
            None => (h, 0),
        };
        let (ip, fp) = match mant.find('.') {
            Some(i) => (&mant[..i], &mant[i + 1..]),
            None => (mant, ""),
        };
        let digits = format!("{}{}", ip, fp);
        let m = if digits.is_empty() {
            BigInt::zero()
        } else {
            BigInt::parse_bytes(digits.as_bytes(), 16)?
        };
        let e = exp - 4 * fp.len() as i64;
        return Some(scale(BigRational::from_integer(m), &two, e));
    }
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
        None => (&s[..], 0),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let digits = format!("{}{}", ip, fp);
    let m = if digits.is_empty() {
        BigInt::zero()
    } else {
        BigInt::parse_bytes(digits.as_bytes(), 10)?
    };
    let e = exp - fp.len() as i64;
    if e.abs() > 100_000 {
        return None;
    }
    Some(scale(BigRational::from_integer(m), &ten, e))
}

/// A float literal's constant as go/constant makes it: an exact rational
/// while its binary exponent is within ±MAX_EXP (`smallFloat`), else a
/// BigFloat; one that underflows big.Float's 32-bit exponent is 0. None
/// when it overflows that exponent (gc: "malformed constant").
pub fn parse_float_value(raw: &str) -> Option<Value> {
    let s: String = raw.chars().filter(|&c| c != '_').collect();
    let hex = s.starts_with("0x") || s.starts_with("0X");
    let body = if hex { &s[2..] } else { &s[..] };
    let (mant, exp) = match body.find(if hex { &['p', 'P'][..] } else { &['e', 'E'][..] }) {
        Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let digits = format!("{}{}", ip, fp);
    let m = if digits.is_empty() {
        BigInt::zero()
    } else {
        BigInt::parse_bytes(digits.as_bytes(), if hex { 16 } else { 10 })?
    };
    if m.is_zero() {
        return Some(Value::Float(BigRational::zero()));
    }
    let big = if hex {
        BigFloat::from_parts(m, exp.checked_sub(4 * fp.len() as i64)?)
    } else {
        let e = exp.checked_sub(fp.len() as i64)?;
        // Far beyond big.Float's exponent range either way.
        if e.abs() > 1 << 40 {
            return if e < 0 { Some(Value::Float(BigRational::zero())) } else { None };
        }
        BigFloat::from_decimal(&m, e)
    };
    if big.top() > i32::MAX as i64 {
        return None;
    }
    if big.top() < i32::MIN as i64 {
        return Some(Value::Float(BigRational::zero()));
    }
    if big.is_small() {
        return parse_float_lit(raw).map(Value::Float);
    }
    Some(Value::BigFloat(big))
}

fn scale(m: BigRational, base: &BigInt, e: i64) -> BigRational {
    if e >= 0 {
        m * BigRational::from_integer(num_traits::pow(base.clone(), e as usize))
    } else {
        m / BigRational::from_integer(num_traits::pow(base.clone(), (-e) as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_literals_round_like_go() {
        for (lit, want) in [
            ("0.1", 0.1f64),
            ("1e308", 1e308),
            ("5e-324", 5e-324),
            ("2.2250738585072014e-308", 2.2250738585072014e-308),
            ("0x1p-2", 0.25),
            ("1.7976931348623157e308", f64::MAX),
            (
                "3.14159265358979323846264338327950288419716939937510582097494459",
                std::f64::consts::PI,
            ),
        ] {
            let r = parse_float_lit(lit).unwrap();
            assert_eq!(rat_to_f64(&r), want, "{lit}");
        }
        assert!(rat_to_f64(&parse_float_lit("1e309").unwrap()).is_infinite());
        assert_eq!(rat_to_f32(&parse_float_lit("0.1").unwrap()), 0.1f32);
    }

    #[test]
    fn int_literals() {
        assert_eq!(parse_int_lit("0x_FF").unwrap(), BigInt::from(255));
        assert_eq!(parse_int_lit("0o17").unwrap(), BigInt::from(15));
        assert_eq!(parse_int_lit("017").unwrap(), BigInt::from(15));
        assert_eq!(parse_int_lit("1_000").unwrap(), BigInt::from(1000));
        assert_eq!(parse_int_lit("0b101").unwrap(), BigInt::from(5));
    }
}
