//! Exact constant values and arithmetic (spec "Constant expressions").
//!
//! Integers are arbitrary-precision; floating-point and complex constants
//! are exact rationals, rounded only when converted to a typed float
//! (`round_to_float`). Representability checks live here too.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::types::BasicKind;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    String(Vec<u8>),
    Int(BigInt),
    Float(BigRational),
    Complex(BigRational, BigRational),
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
            Value::Float(_) => 1,
            Value::Complex(..) => 2,
            _ => 3,
        }
    }

    fn to_rank(&self, r: u8) -> Value {
        match (self, r) {
            (Value::Int(i), 1) => Value::Float(rat_from_int(i)),
            (Value::Int(i), 2) => Value::Complex(rat_from_int(i), BigRational::zero()),
            (Value::Float(f), 2) => Value::Complex(f.clone(), BigRational::zero()),
            _ => self.clone(),
        }
    }

    pub fn as_rat(&self) -> Option<BigRational> {
        match self {
            Value::Int(i) => Some(rat_from_int(i)),
            Value::Float(f) => Some(f.clone()),
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
                if f.is_integer() {
                    f.to_integer().to_string()
                } else {
                    let v = rat_to_f64(f);
                    format_g(v)
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

fn format_g(v: f64) -> String {
    let s = format!("{}", v);
    if s.len() > 12 {
        format!("{:e}", v)
    } else {
        s
    }
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
        UntypedFloat => v.as_rat().map(Value::Float),
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
    k.is_integer() && v.as_int().is_none() && v.as_rat().is_some()
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
                        return Ok(Value::Float(BigRational::new(a.clone(), b.clone())));
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
            Ok(Value::Float(v))
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
            Some(x.as_rat()?.cmp(&y.as_rat()?))
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
