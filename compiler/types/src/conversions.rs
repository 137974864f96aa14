//! Conversions (go/types' conversions.go): `T(x)`, convertibility.


use num_traits::ToPrimitive;
use rgoc_syntax::Expr;

use crate::check::Checker;
use crate::Mode;
use crate::constant::{self, Value};
use crate::operand::Operand;
use crate::types::{ids, BasicKind, Type, TypeId};

impl<'a> Checker<'a> {
    pub(crate) fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr], ellipsis: bool) -> Operand {
        let generic = self.types.is_type_param(t) || self.converts_to_bound_tparam(e);
        if generic && args.len() == 1 && !ellipsis {
            // Conversions to a type parameter are never constant (spec
            // "Conversions"); in an instance the parameter is bound to its
            // argument, which must not make `T(200) + T(100)` a constant.
            let x = self.value(&args[0]);
            if x.is_invalid() {
                return x;
            }
            if self.types.is_type_param(t) || self.types.is_type_param(x.typ) {
                return Operand::value(t);
            }
            let mut r = self.conversion_of(t, x, &args[0]);
            if r.mode == Mode::Const {
                r.mode = Mode::Value;
                r.val = None;
            }
            return r;
        }
        if args.len() != 1 || ellipsis {
            let ts = self.tstr(t);
            if args.is_empty() {
                self.error(e.pos, format!("missing argument in conversion to {}", ts));
            } else {
                self.error(
                    args[args.len() - 1].pos,
                    format!("too many arguments in conversion to {}", ts),
                );
            }
            return Operand::invalid();
        }
        let x = self.value(&args[0]);
        if x.is_invalid() {
            return Operand::invalid();
        }
        self.conversion_of(t, x, &args[0])
    }

    /// Whether call `e`'s function is a type name binding a type parameter
    /// in an instance body (`T(x)` with T bound to its argument).
    fn converts_to_bound_tparam(&self, e: &Expr) -> bool {
        let rgoc_syntax::ExprKind::Call { fun, .. } = &e.kind else { return false };
        let f = crate::check::strip_paren(fun);
        self.info.uses.get(&f.id).is_some_and(|&o| self.objs.get(o).bound_tparam)
    }

    /// The conversion of evaluated operand `x` (expression `xe`) to `t`.
    fn conversion_of(&mut self, t: TypeId, mut x: Operand, xe: &Expr) -> Operand {
        if self.types.is_type_param(x.typ) {
            // From a type parameter: convertible from each type of its set.
            return Operand::value(t);
        }
        // Constant conversions.
        if let Some(v) = x.val.clone() {
            if let Some(k) = self.types.basic(t) {
                let xk = self.types.basic(x.typ).unwrap_or(BasicKind::Invalid);
                // string(rune constant)
                if k.is_string() && xk.is_integer() {
                    let i = v.as_int().unwrap_or_default();
                    let c = i.to_u32().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                    let mut buf = [0u8; 4];
                    let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
                    return Operand::constant(t, Value::String(s));
                }
                if (k.is_numeric() && xk.is_numeric())
                    || (k.is_string() && xk.is_string())
                    || (k.is_boolean() && xk.is_boolean())
                {
                    let v2 = if k.is_integer() && !xk.is_integer() && v.as_int().is_none() {
                        None
                    } else if k.is_float() || k.is_complex() || xk.is_untyped() || k.is_integer() {
                        constant::represent(&v, k)
                    } else {
                        constant::represent(&v, k)
                    };
                    return match v2 {
                        Some(nv) => {
                            self.update_expr_type(xe, if xk.is_untyped() { t } else { x.typ });
                            Operand::constant(t, nv)
                        }
                        None => {
                            // types2: an integer constant converted to an
                            // integer type can only overflow; otherwise the
                            // value is shown as rounded toward the target.
                            if xk.is_integer() && k.is_integer() {
                                self.error(
                                    xe.pos,
                                    format!("constant {} overflows {}", v.describe(), self.tstr(t)),
                                );
                            } else {
                                let mut shown = x.clone();
                                if k.is_integer() {
                                    if let Value::Float(f) = &v {
                                        if f.is_integer() {
                                            shown.val = Some(Value::Int(f.to_integer()));
                                        }
                                    }
                                }
                                self.error(
                                    xe.pos,
                                    format!(
                                        "cannot convert {} to type {}",
                                        self.operand_string(xe, &shown),
                                        self.tstr(t)
                                    ),
                                );
                            }
                            Operand::invalid()
                        }
                    };
                }
            }
        }
        if self.types.is_untyped(x.typ) {
            // Untyped non-convertible constant to non-basic, or nil.
            let before = x.clone();
            let nil_ok =
                x.typ == ids::UNTYPED_NIL && (self.types.has_nil(t) || self.types.is_interface(t));
            let target = if self.types.basic(t).is_some() || nil_ok {
                t
            } else {
                self.types.default_type(x.typ)
            };
            if !self.convert_untyped(&mut x, xe, target) || x.typ == ids::INVALID {
                if x.typ != ids::INVALID {
                    self.error(
                        xe.pos,
                        format!(
                            "cannot convert {} to type {}",
                            self.operand_string(xe, &before),
                            self.tstr(t)
                        ),
                    );
                }
                return Operand::invalid();
            }
        }
        if !self.convertible(x.typ, t) {
            // types2 gives assignability's cause (a missing method, ...).
            let cause = match self.assignable(&x, t) {
                Err(why) if !why.is_empty() => format!(": {}", why),
                _ => String::new(),
            };
            return self.errorf(
                xe.pos,
                format!(
                    "cannot convert {} to type {}{}",
                    self.operand_string(xe, &x),
                    self.tstr(t),
                    cause
                ),
            );
        }
        Operand::value(t)
    }

    /// Spec "Conversions" for non-constant values.
    pub(crate) fn convertible(&mut self, v: TypeId, t: TypeId) -> bool {
        let x = Operand::value(v);
        if self.assignable(&x, t).is_ok() {
            return true;
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) =
            (self.types.get(v).clone(), self.types.get(t).clone())
        {
            let (au, bu) = (self.types.underlying(a), self.types.underlying(b));
            if self.identical_ignore_tags(au, bu) {
                return true;
            }
        }
        let (vk, tk) = (self.types.basic(v), self.types.basic(t));
        if let (Some(a), Some(b)) = (vk, tk) {
            if (a.is_integer() || a.is_float()) && (b.is_integer() || b.is_float()) {
                return true;
            }
            if a.is_complex() && b.is_complex() {
                return true;
            }
            if a.is_integer() && b.is_string() {
                return true;
            }
            if (a == BasicKind::UnsafePointer && (b == BasicKind::Uintptr))
                || (b == BasicKind::UnsafePointer && a == BasicKind::Uintptr)
            {
                return true;
            }
        }
        if vk == Some(BasicKind::UnsafePointer) && matches!(self.types.get(tu), Type::Pointer(_))
            || tk == Some(BasicKind::UnsafePointer)
                && matches!(self.types.get(vu), Type::Pointer(_))
        {
            return true;
        }
        // string <-> []byte, []rune
        let is_bytes_or_runes = |tt: &crate::types::TypeTable, s: TypeId| match tt.under(s) {
            Type::Slice(e) => matches!(
                tt.under(*e),
                Type::Basic(BasicKind::Uint8) | Type::Basic(BasicKind::Int32)
            ),
            _ => false,
        };
        if tk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(&self.types, v) {
            return true;
        }
        if vk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(&self.types, t) {
            return true;
        }
        // slice to array or array pointer
        if let Type::Slice(e) = self.types.get(vu).clone() {
            match self.types.get(tu).clone() {
                Type::Array(_, e2) if e2 == e => return true,
                Type::Pointer(p) => {
                    if let Type::Array(_, e2) = self.types.under(p) {
                        if *e2 == e {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    pub(crate) fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        match (self.types.get(a), self.types.get(b)) {
            (Type::Struct(fa), Type::Struct(fb)) => {
                fa.len() == fb.len()
                    && fa.iter().zip(fb).all(|(x, y)| {
                        x.name == y.name && x.embedded == y.embedded && x.typ == y.typ
                    })
            }
            _ => false,
        }
    }
}

