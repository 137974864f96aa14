//! Float constants too large or too small to stay exact rationals:
//! go/constant's `floatVal`, a binary float with a 512-bit mantissa
//! (big.Float's precision there) and an unbounded exponent, rounded to
//! nearest even. go/constant keeps a float constant a rational (`ratVal`)
//! while its binary exponent is within ±4096 (`smallFloat`) and the
//! numerator and denominator stay under 4096 bits (`makeRat`); beyond that
//! it switches to such floats, so `1e-779137` is a tiny non-zero constant
//! (0 as a float64) and `1e646456992 / 1e646456991` is 10 — neither would
//! fit in memory as a rational.

use num_bigint::{BigInt, Sign};
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use std::cmp::Ordering;

/// Mantissa bits (go/constant's `prec`).
pub const PREC: u64 = 512;
/// go/constant's `maxExp`: the binary exponent and component sizes up to
/// which float constants stay rationals.
pub const MAX_EXP: i64 = 4 << 10;

/// `mant * 2^exp`; `mant` has at most PREC bits and is odd (or zero, with
/// `exp` 0), so equal values compare equal field by field.
#[derive(Clone, Debug, PartialEq)]
pub struct BigFloat {
    mant: BigInt,
    exp: i64,
}

impl BigFloat {
    pub fn zero() -> BigFloat {
        BigFloat { mant: BigInt::zero(), exp: 0 }
    }

    /// `mant * 2^exp` rounded to `prec` bits, nearest even.
    fn round(mant: BigInt, exp: i64, prec: u64) -> BigFloat {
        if mant.is_zero() {
            return BigFloat::zero();
        }
        let neg = mant.is_negative();
        let mut m = mant.abs();
        let mut exp = exp;
        let bits = m.bits();
        if bits > prec {
            let shift = bits - prec;
            let rem: BigInt = &m & ((BigInt::one() << shift) - 1);
            m >>= shift;
            exp += shift as i64;
            let half = BigInt::one() << (shift - 1);
            let up = match rem.cmp(&half) {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => m.bit(0),
            };
            if up {
                m += 1;
            }
        }
        let tz = m.trailing_zeros().unwrap_or(0);
        m >>= tz;
        exp += tz as i64;
        BigFloat { mant: if neg { -m } else { m }, exp }
    }

    /// `n / d * 2^exp` correctly rounded to `prec` bits (d > 0).
    fn quo(n: &BigInt, d: &BigInt, exp: i64, prec: u64) -> BigFloat {
        if n.is_zero() {
            return BigFloat::zero();
        }
        // Enough quotient bits for rounding, plus a sticky bit.
        let k = prec as i64 + 2 + d.bits() as i64 - n.bits() as i64;
        let (num, den) = if k >= 0 { (n << k as u64, d.clone()) } else { (n.clone(), d << (-k) as u64) };
        let (q, r) = (&num / &den, &num % &den);
        let q = if r.is_zero() { q << 1u32 } else { (q << 1u32) + if n.is_negative() { -1 } else { 1 } };
        BigFloat::round(q, exp - k - 1, prec)
    }

    pub fn from_rat(r: &BigRational) -> BigFloat {
        BigFloat::quo(r.numer(), r.denom(), 0, PREC)
    }

    /// `m * 2^e`, rounded.
    pub fn from_parts(m: BigInt, e: i64) -> BigFloat {
        BigFloat::round(m, e, PREC)
    }

    pub fn is_zero(&self) -> bool {
        self.mant.is_zero()
    }

    pub fn sign(&self) -> Sign {
        self.mant.sign()
    }

    /// The exponent e with 2^(e-1) <= |x| < 2^e (big.Float's MantExp).
    pub fn top(&self) -> i64 {
        self.exp + self.mant.bits() as i64
    }

    /// go/constant's `smallFloat`: -MAX_EXP < top < MAX_EXP.
    pub fn is_small(&self) -> bool {
        self.is_zero() || (-MAX_EXP < self.top() && self.top() < MAX_EXP)
    }

    /// The exact rational, when its exponent is modest (`limit` bits).
    pub fn to_rat(&self, limit: i64) -> Option<BigRational> {
        if self.exp.abs() > limit {
            return None;
        }
        Some(if self.exp >= 0 {
            BigRational::from_integer(&self.mant << self.exp as u64)
        } else {
            BigRational::new(self.mant.clone(), BigInt::one() << (-self.exp) as u64)
        })
    }

    pub fn neg(&self) -> BigFloat {
        BigFloat { mant: -&self.mant, exp: self.exp }
    }

    pub fn mul(&self, y: &BigFloat) -> BigFloat {
        BigFloat::round(&self.mant * &y.mant, self.exp + y.exp, PREC)
    }

    /// x / y; y must not be zero.
    pub fn div(&self, y: &BigFloat) -> BigFloat {
        let (n, d) = if y.mant.is_negative() { (-&self.mant, -&y.mant) } else { (self.mant.clone(), y.mant.clone()) };
        BigFloat::quo(&n, &d, self.exp - y.exp, PREC)
    }

    pub fn add(&self, y: &BigFloat) -> BigFloat {
        if self.is_zero() {
            return y.clone();
        }
        if y.is_zero() {
            return self.clone();
        }
        // A summand below a quarter of the other's last place cannot change
        // the rounded sum (the larger one is already representable).
        let (a, b) = if self.top() >= y.top() { (self, y) } else { (y, self) };
        if a.top() - b.top() > PREC as i64 + 2 {
            return a.clone();
        }
        let e = a.exp.min(b.exp);
        let s = (&a.mant << (a.exp - e) as u64) + (&b.mant << (b.exp - e) as u64);
        BigFloat::round(s, e, PREC)
    }

    pub fn cmp(&self, y: &BigFloat) -> Ordering {
        let d = self.add(&y.neg());
        match d.sign() {
            Sign::Minus => Ordering::Less,
            Sign::NoSign => Ordering::Equal,
            Sign::Plus => Ordering::Greater,
        }
    }

    /// 10^n (n >= 0) with extra precision, by squaring (big.Float's pow5
    /// times 2^n).
    fn pow10(n: u64) -> BigFloat {
        let prec = PREC + 64;
        let mut result = BigFloat { mant: BigInt::one(), exp: 0 };
        let mut base = BigFloat { mant: BigInt::from(5), exp: 0 };
        let mut k = n;
        while k > 0 {
            if k & 1 == 1 {
                result = BigFloat::round(&result.mant * &base.mant, result.exp + base.exp, prec);
            }
            k >>= 1;
            if k > 0 {
                base = BigFloat::round(&base.mant * &base.mant, base.exp * 2, prec);
            }
        }
        BigFloat { mant: result.mant, exp: result.exp + n as i64 }
    }

    /// `m * 10^e` for a decimal literal's digits and exponent.
    pub fn from_decimal(m: &BigInt, e: i64) -> BigFloat {
        let p = BigFloat::pow10(e.unsigned_abs());
        let x = BigFloat { mant: m.clone(), exp: 0 };
        if e >= 0 {
            BigFloat::round(&x.mant * &p.mant, p.exp, PREC)
        } else {
            x.div(&p)
        }
    }

    /// Nearest float64 (±Inf beyond its range, ±0 below it).
    pub fn to_f64(&self) -> f64 {
        self.to_float(1025, -1080, crate::constant::rat_to_f64)
    }

    pub fn to_f32(&self) -> f32 {
        self.to_float(129, -155, |r| crate::constant::rat_to_f32(r) as f64) as f32
    }

    fn to_float(&self, over: i64, under: i64, round: impl Fn(&BigRational) -> f64) -> f64 {
        let neg = self.mant.is_negative();
        if self.is_zero() {
            return 0.0;
        }
        let t = self.top();
        let v = if t > over {
            f64::INFINITY
        } else if t < under {
            0.0
        } else {
            return round(&self.to_rat(i64::MAX).expect("in range"));
        };
        if neg {
            -v
        } else {
            v
        }
    }

    /// go/constant's floatVal.String for values outside float64's range:
    /// `%.6ge%+d` of an approximate decimal mantissa and exponent.
    pub fn describe(&self) -> String {
        // f = mant * 2**exp with 0.5 <= |mant| < 1.
        let exp = self.top();
        let mbits = self.mant.bits() as i64;
        let m = crate::constant::rat_to_f64(&BigRational::new(self.mant.clone(), BigInt::one() << mbits as u64));
        let d = exp as f64 * (std::f64::consts::LN_2 / std::f64::consts::LN_10);
        let mut e = d as i64;
        let mut m = m * 10f64.powf(d - e as f64);
        let am = m.abs();
        if am < 1.0 - 0.5e-6 {
            m *= 10.0;
            e -= 1;
        } else if am >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        format!("{}e{:+}", crate::constant::format_g6(m), e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_exponents() {
        let n = BigFloat::from_decimal(&BigInt::from(1), 646456992);
        let d = BigFloat::from_decimal(&BigInt::from(1), 646456991);
        assert_eq!(n.div(&d).to_f64(), 10.0);
        let tiny = BigFloat::from_decimal(&BigInt::from(1), -779137);
        assert!(!tiny.is_zero());
        assert_eq!(tiny.to_f64(), 0.0);
        assert_eq!(n.describe(), "1e+646456992");
        assert_eq!(tiny.describe(), "1e-779137");
        let x = BigFloat::from_decimal(&BigInt::from(15), -1);
        assert_eq!(x.to_f64(), 1.5);
        assert_eq!(x.add(&x).to_f64(), 3.0);
        assert_eq!(x.cmp(&x.mul(&x)), Ordering::Less);
        assert_eq!(BigFloat::from_rat(&BigRational::new(1.into(), 3.into())).to_f64(), 1.0 / 3.0);
    }
}
