//! Complex division with gc's semantics (runtime/complex.go): Smith's
//! algorithm, then C99 Annex G corrections when both parts come out NaN.

#[repr(C)]
pub struct C128 {
    pub re: f64,
    pub im: f64,
}

fn inf_sign(x: f64) -> f64 {
    if x.is_infinite() {
        1f64.copysign(x)
    } else {
        0f64.copysign(x)
    }
}

pub fn complex128div(a: f64, b: f64, c: f64, d: f64) -> C128 {
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (inf_sign(a), inf_sign(b));
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (inf_sign(c), inf_sign(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    C128 { re: e, im: f }
}

/// `n / m` for complex128 (complex64 operands are widened by the compiler).
#[export_name = "runtime.complex128div"]
pub extern "C" fn complex128div_c(a: f64, b: f64, c: f64, d: f64) -> C128 {
    complex128div(a, b, c, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division() {
        let r = complex128div(1.0, 2.0, 3.0, 4.0);
        assert_eq!((r.re, r.im), (0.44, 0.08));
        let r = complex128div(1.0, 1.0, 0.0, 0.0);
        assert!(r.re.is_infinite() && r.im.is_infinite());
        let r = complex128div(1.0, 1.0, f64::INFINITY, 0.0);
        assert_eq!((r.re, r.im), (0.0, 0.0));
    }
}
