//! Index and slice expressions (go/types' index.go).


use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use rgoc_syntax::Expr;

use crate::check::Checker;
use crate::constant::Value;
use crate::operand::Operand;
use crate::types::{ids, BasicKind, Type, TypeId};
use crate::Mode;

impl<'a> Checker<'a> {
    /// Checks an index into an array of length `n` (a constant index must
    /// be in range); false after an error.
    pub(crate) fn array_index(&mut self, ie: &Expr, n: u64) -> bool {
        let Some(ci) = self.index_value(ie, Some(n)) else {
            return false;
        };
        if let Some(i) = ci {
            if i as u64 >= n {
                self.error(ie.pos, format!("invalid argument: index {} out of bounds [0:{}]", i, n));
                return false;
            }
        }
        true
    }

    /// Checks a constant or non-constant index; returns the constant value if any.
    pub(crate) fn index_value(&mut self, e: &Expr, max: Option<u64>) -> Option<Option<i64>> {
        let mut x = self.value(e);
        if x.is_invalid() {
            return None;
        }
        if self.types.is_untyped(x.typ) {
            if let Some(v) = &x.val {
                if v.as_int().is_none() {
                    self.error(
                        e.pos,
                        format!(
                            "invalid argument: index {} must be integer",
                            self.operand_string(e, &x)
                        ),
                    );
                    return None;
                }
            }
            self.convert_untyped(&mut x, e, ids::INT);
        }
        if !self.types.is_integer(x.typ) {
            self.error(
                e.pos,
                format!(
                    "invalid argument: index {} must be integer",
                    self.operand_string(e, &x)
                ),
            );
            return None;
        }
        if let Some(v) = &x.val {
            let i = v.as_int().unwrap_or_default();
            if i < BigInt::zero() {
                self.error(
                    e.pos,
                    format!(
                        "invalid argument: index {} (constant of type int) must not be negative",
                        self.expr_string(e)
                    ),
                );
                return None;
            }
            let iv = i.to_i64();
            if let (Some(m), Some(iv)) = (max, iv) {
                if iv as u64 >= m {
                    return Some(Some(iv));
                }
            }
            return Some(iv.or(Some(i64::MAX)));
        }
        Some(None)
    }

    pub(crate) fn index(&mut self, e: &Expr, xe: &Expr, indices: &[Expr]) -> Operand {
        let x = self.generic_operand(xe);
        if x.is_invalid() {
            return x;
        }
        if x.mode == Mode::Type {
            if let Some(o) = self.generic_alias_of(xe) {
                let t = self.alias_instance(e, o, indices);
                if t == ids::INVALID {
                    return Operand::invalid();
                }
                return Operand { mode: Mode::Type, typ: t, val: None, builtin: None };
            }
            if !self.is_generic_type(x.typ) {
                return self.errorf(e.pos, format!("{} is not a generic type", self.tstr(x.typ)));
            }
            let t = self.generic_type_instance(e, x.typ, indices);
            if t == ids::INVALID {
                return Operand::invalid();
            }
            return Operand { mode: Mode::Type, typ: t, val: None, builtin: None };
        }
        if let Some(origin) = self.generic_func_of(xe) {
            return self.func_inst_value(e, origin, indices);
        }
        if let Some(sel) = self.generic_method_sel(xe) {
            return self.method_inst_value(e, xe, &sel, indices);
        }
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return x;
        }
        if indices.len() != 1 {
            return self.errorf(e.pos, format!("invalid operation: more than one index"));
        }
        let ie = &indices[0];
        let ut = self.types.underlying(x.typ);
        if ut == ids::INVALID && self.types.is_type_param(x.typ) {
            return self.tparam_index(e, xe, &x, ie);
        }
        match self.types.get(ut).clone() {
            Type::Basic(k) if k.is_string() => {
                let len = match &x.val {
                    Some(Value::String(s)) => Some(s.len() as u64),
                    _ => None,
                };
                let Some(ci) = self.index_value(ie, len) else {
                    return Operand::invalid();
                };
                if let (Some(i), Some(l)) = (ci, len) {
                    if i as u64 >= l {
                        return self.errorf(
                            ie.pos,
                            format!("invalid argument: index {} out of bounds [0:{}]", i, l),
                        );
                    }
                    if let Some(Value::String(s)) = &x.val {
                        return Operand::constant(ids::UINT8, Value::int(s[i as usize] as i64))
                            .as_value_of(ids::UINT8);
                    }
                }
                Operand::value(ids::UINT8)
            }
            Type::Array(n, elem) => {
                if !self.array_index(ie, n) {
                    return Operand::invalid();
                }
                Operand {
                    mode: if x.mode == Mode::Var {
                        Mode::Var
                    } else {
                        Mode::Value
                    },
                    typ: elem,
                    val: None,
                    builtin: None,
                }
            }
            Type::Pointer(p) if matches!(self.types.under(p), Type::Array(..)) => {
                let Type::Array(n, elem) = self.types.under(p).clone() else {
                    unreachable!()
                };
                if !self.array_index(ie, n) {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Var,
                    typ: elem,
                    val: None,
                    builtin: None,
                }
            }
            Type::Slice(elem) => {
                if self.index_value(ie, None).is_none() {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Var,
                    typ: elem,
                    val: None,
                    builtin: None,
                }
            }
            Type::Map(k, v) => {
                let mut key = self.value(ie);
                if key.is_invalid() {
                    return Operand::invalid();
                }
                self.assignment(&mut key, ie, k, "map index");
                Operand {
                    mode: Mode::MapIndex,
                    typ: v,
                    val: None,
                    builtin: None,
                }
            }
            _ => {
                self.error(
                    e.pos,
                    format!(
                        "invalid operation: cannot index {}",
                        self.operand_string(xe, &x)
                    ),
                );
                Operand::invalid()
            }
        }
    }


    /// Indexing a value of type parameter type without a core type
    /// (`[]byte | string`, `[]E | [5]E`): every type of its set must be
    /// indexable with the same element type (spec "Index expressions").
    fn tparam_index(&mut self, e: &Expr, xe: &Expr, x: &Operand, ie: &Expr) -> Operand {
        let terms = self.types.tparam_terms(x.typ).unwrap_or_default();
        let mut elem = None;
        let mut addressable = true;
        for t in &terms {
            let el = match self.types.under(t.typ).clone() {
                Type::Basic(k) if k.is_string() => {
                    addressable = false;
                    ids::UINT8
                }
                Type::Array(_, el) | Type::Slice(el) => el,
                Type::Pointer(p) => match self.types.under(p).clone() {
                    Type::Array(_, el) => el,
                    _ => ids::INVALID,
                },
                _ => ids::INVALID,
            };
            if el == ids::INVALID || elem.is_some_and(|x| x != el) {
                elem = None;
                break;
            }
            elem = Some(el);
        }
        let Some(elem) = elem.filter(|_| !terms.is_empty()) else {
            return self.errorf(e.pos, format!("invalid operation: cannot index {}", self.operand_string(xe, x)));
        };
        if self.index_value(ie, None).is_none() {
            return Operand::invalid();
        }
        let mode = if addressable { Mode::Var } else { Mode::Value };
        Operand { mode, typ: elem, val: None, builtin: None }
    }

    pub(crate) fn slice_expr(
        &mut self,
        e: &Expr,
        xe: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> Operand {
        let x = self.value(xe);
        if x.is_invalid() {
            return x;
        }
        let mut ut = self.types.underlying(x.typ);
        // A type parameter whose type set holds only byte slices and
        // strings slices like a string (go/types' coreString); the
        // result keeps the operand's type.
        if self.types.is_type_param(x.typ)
            && self.types.core_type(x.typ) == ids::INVALID
            && self.types.all_in_set(x.typ, &|ty, u| {
                ty.is_string(u) || matches!(ty.under(u), Type::Slice(e) if ty.basic(*e) == Some(BasicKind::Uint8))
            })
        {
            ut = ids::STRING;
        }
        let (result, cap): (TypeId, Option<u64>) = match self.types.get(ut).clone() {
            Type::Basic(k) if k.is_string() => {
                if max.is_some() {
                    return self.errorf(e.pos, format!("invalid operation: 3-index slice of string"));
                }
                let len = match &x.val {
                    Some(Value::String(s)) => Some(s.len() as u64),
                    _ => None,
                };
                (
                    if k == BasicKind::UntypedString {
                        ids::STRING
                    } else {
                        x.typ
                    },
                    len,
                )
            }
            Type::Array(n, elem) => {
                if x.mode != Mode::Var {
                    return self.errorf(
                        e.pos,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            self.expr_string(e)
                        ),
                    );
                }
                self.mark_escape(xe);
                (self.types.slice(elem), Some(n))
            }
            Type::Pointer(p) if matches!(self.types.under(p), Type::Array(..)) => {
                let Type::Array(n, elem) = self.types.under(p).clone() else {
                    unreachable!()
                };
                (self.types.slice(elem), Some(n))
            }
            Type::Slice(_) => (x.typ, None),
            _ => {
                return self.errorf(
                    e.pos,
                    format!("cannot slice {}", self.operand_string(xe, &x)),
                );
            }
        };
        let mut consts: Vec<i64> = Vec::new();
        for ie in [lo, hi, max].into_iter().flatten() {
            let Some(ci) = self.index_value(ie, None) else {
                return Operand::invalid();
            };
            if let Some(i) = ci {
                if let Some(c) = cap {
                    let bound = if self.types.is_string(x.typ) { c } else { c };
                    if i as u64 > bound {
                        return self.errorf(
                            ie.pos,
                            format!(
                                "invalid argument: index {} out of bounds [0:{}]",
                                i,
                                bound + 1
                            ),
                        );
                    }
                }
                if let Some(&prev) = consts.last() {
                    if i < prev {
                        return self.errorf(ie.pos, format!("invalid slice indices: {} < {}", i, prev));
                    }
                }
                consts.push(i);
            }
        }
        Operand::value(result)
    }
}
