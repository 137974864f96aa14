//! Built-in calls whose single argument is a multi-value call:
//! `append(f())`, `copy(f())`, `complex(f())`, `delete(f())`,
//! `min(f())`, `max(f())`, `unsafe.Add/Slice/String(f())`, and the count
//! error for the others (`len(f())`) (spec "Calls": "if the return values of a
//! function or method g are equal in number and individually assignable to
//! the parameters of another function or method f, then the call f(g())
//! ... binds the return values of g to the parameters of f in order" —
//! types2 applies it to the built-ins that take values). The results are
//! typed, so the checks are on their types alone, with types2's messages;
//! codegen unpacks the call's results (codegen/multibuiltin.rs). print and
//! println have their own case in `builtin`.

use rgoc_syntax::{Expr, ExprKind};

use crate::check::Checker;
use crate::operand::Operand;
use crate::objects::Builtin;
use crate::types::{ids, BasicKind, Type};

/// The built-ins whose arguments are values (types2 unpacks a multi-value
/// call for all of them; print and println have their own case).
pub(crate) fn takes_multi_value(b: Builtin) -> bool {
    !matches!(
        b,
        Builtin::Make | Builtin::New | Builtin::Offsetof | Builtin::Print | Builtin::Println
    )
}

/// How many arguments `b` takes.
fn arity(b: Builtin) -> (usize, usize) {
    match b {
        Builtin::Append | Builtin::Min | Builtin::Max => (1, usize::MAX),
        Builtin::Complex | Builtin::Copy | Builtin::Delete | Builtin::Add | Builtin::Slice | Builtin::String => (2, 2),
        Builtin::Recover => (0, 0),
        _ => (1, 1),
    }
}

/// Whether `e` (parentheses aside) is a call, the only expression that can
/// have several values.
pub(crate) fn is_call(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Paren(x) => is_call(x),
        ExprKind::Call { .. } => true,
        _ => false,
    }
}

fn nth(n: usize) -> String {
    let ext = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{}{} function result", n, ext)
}

impl<'a> Checker<'a> {
    /// `b(arg)` where `arg` was checked as `x`: the built-in's result when
    /// `x` has several values (a tuple); None when it has one (the caller
    /// goes on with `x` as its first argument).
    pub(crate) fn builtin_multi_value(&mut self, e: &Expr, b: Builtin, arg: &Expr, x: &Operand) -> Option<Operand> {
        let Type::Tuple(ts) = self.types.get(x.typ).clone() else {
            return None;
        };
        if ts.len() < 2 {
            return None;
        }
        let part = |i: usize| Expr { id: arg.id, pos: arg.pos, kind: ExprKind::Ident(nth(i + 1)) };
        let (min, max) = arity(b);
        if ts.len() < min || ts.len() > max {
            let msg = if ts.len() < min { "not enough" } else { "too many" };
            let s = format!(
                "invalid operation: {} arguments for {} (expected {}, found {})",
                msg,
                self.expr_string(e),
                min,
                ts.len()
            );
            self.error(e.pos, s);
            return Some(Operand::invalid());
        }
        match b {
            Builtin::Append => {
                let st = ts[0];
                let Type::Slice(elem) = self.types.under(st).clone() else {
                    let s = format!("invalid append: argument must be a slice; have {}", self.operand_string(&part(0), &Operand::value(st)));
                    self.error(arg.pos, s);
                    return Some(Operand::invalid());
                };
                for (i, t) in ts.iter().enumerate().skip(1) {
                    let mut y = Operand::value(*t);
                    self.assignment(&mut y, &part(i), elem, "argument to append");
                }
                Some(Operand::value(st))
            }
            Builtin::Copy => {
                // types2's messages (go 1.27), at the argument.
                let slice_elem = |c: &mut Self, i: usize| match c.types.under(ts[i]).clone() {
                    Type::Slice(el) => Ok(el),
                    _ => Err(format!(
                        "invalid copy: argument must be a slice; have {}",
                        c.operand_string(&part(i), &Operand::value(ts[i]))
                    )),
                };
                let de = match slice_elem(self, 0) {
                    Ok(el) => el,
                    Err(m) => {
                        self.error(arg.pos, m);
                        return Some(Operand::invalid());
                    }
                };
                let special = self.types.basic(de) == Some(BasicKind::Uint8)
                    && match self.types.under(ts[1]).clone() {
                        Type::Slice(se) => self.types.basic(se) == Some(BasicKind::Uint8),
                        Type::Basic(k) => k.is_string(),
                        _ => false,
                    };
                if !special {
                    let se = match slice_elem(self, 1) {
                        Ok(el) => el,
                        Err(_) if self.types.is_string(ts[1]) => ids::UINT8,
                        Err(m) => {
                            self.error(arg.pos, m);
                            return Some(Operand::invalid());
                        }
                    };
                    if de != se {
                        let m = format!(
                            "invalid copy: arguments {} and {} have different element types {} and {}",
                            self.operand_string(&part(0), &Operand::value(ts[0])),
                            self.operand_string(&part(1), &Operand::value(ts[1])),
                            self.tstr(de),
                            self.tstr(se)
                        );
                        self.error(arg.pos, m);
                        return Some(Operand::invalid());
                    }
                }
                Some(Operand::value(ids::INT))
            }
            Builtin::Delete => {
                let Type::Map(kt, _) = self.types.under(ts[0]).clone() else {
                    let s = format!(
                        "invalid argument: {} is not a map",
                        self.operand_string(&part(0), &Operand::value(ts[0]))
                    );
                    self.error(arg.pos, s);
                    return Some(Operand::invalid());
                };
                let mut k = Operand::value(ts[1]);
                self.assignment(&mut k, &part(1), kt, "argument to delete");
                Some(Operand { mode: crate::Mode::NoValue, typ: ids::EMPTY_TUPLE, val: None, builtin: None })
            }
            Builtin::Min | Builtin::Max => {
                for (i, t) in ts.iter().enumerate() {
                    if !self.types.basic(*t).is_some_and(|k| k.is_ordered()) {
                        let s = format!(
                            "invalid argument: {} cannot be ordered",
                            self.operand_string(&part(i), &Operand::value(*t))
                        );
                        self.error(arg.pos, s);
                        return Some(Operand::invalid());
                    }
                    if *t != ts[0] {
                        let s = format!(
                            "invalid argument: mismatched types {} (previous argument) and {} (type of {})",
                            self.tstr(ts[0]),
                            self.tstr(*t),
                            nth(i + 1)
                        );
                        self.error(arg.pos, s);
                        return Some(Operand::invalid());
                    }
                }
                Some(Operand::value(ts[0]))
            }
            Builtin::Add => Some(Operand::value(ids::UNSAFE_POINTER)),
            Builtin::String => Some(Operand::value(ids::STRING)),
            Builtin::Slice => {
                let Type::Pointer(et) = self.types.under(ts[0]).clone() else {
                    let s = format!("invalid argument: {} is not a pointer", nth(1));
                    self.error(arg.pos, s);
                    return Some(Operand::invalid());
                };
                Some(Operand::value(self.types.slice(et)))
            }
            Builtin::Complex => {
                if ts[0] != ts[1] {
                    let s = format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        self.expr_string(e),
                        self.tstr(ts[0]),
                        self.tstr(ts[1])
                    );
                    self.error(arg.pos, s);
                    return Some(Operand::invalid());
                }
                let rt = match self.types.basic(ts[0]) {
                    Some(BasicKind::Float32) => ids::COMPLEX64,
                    Some(BasicKind::Float64) => ids::COMPLEX128,
                    _ => {
                        let s = format!(
                            "invalid argument: arguments have type {}, expected floating-point",
                            self.tstr(ts[0])
                        );
                        self.error(arg.pos, s);
                        return Some(Operand::invalid());
                    }
                };
                Some(Operand::value(rt))
            }
            // Single-argument built-ins: the count check above failed.
            _ => Some(Operand::invalid()),
        }
    }
}
