//! Expressions: operands, untyped constant conversion, assignability,
//! operators, calls and builtins, composite literals, selectors.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use rgoc_syntax::{ast, BinOp, Expr, ExprKind, LitKind, UnOp};

use crate::check::{strip_paren, Checker};
use crate::constant::{self, Value};
use crate::objects::{Builtin, ObjKind};
use crate::types::{ids, BasicKind, Type, TypeId};
use crate::{Mode, Selection, SelectionKind};

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
    pub builtin: Option<Builtin>,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Value,
            typ: ids::INVALID,
            val: None,
            builtin: None,
        }
    }
    pub fn value(typ: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            typ,
            val: None,
            builtin: None,
        }
    }
    pub fn constant(typ: TypeId, v: Value) -> Operand {
        Operand {
            mode: Mode::Const,
            typ,
            val: Some(v),
            builtin: None,
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.typ == ids::INVALID && self.mode != Mode::NoValue && self.mode != Mode::Builtin
    }
}

impl<'a> Checker<'a> {
    /// Checks an expression that must be a single value.
    pub(crate) fn value(&mut self, e: &Expr) -> Operand {
        let x = self.expr(e);
        self.single_value(e, x)
    }

    /// As `single_value`, for the right side of a 1:1 assignment: a
    /// multi-value call gets gc's "assignment mismatch" message.
    pub(crate) fn assign_value(&mut self, e: &Expr, x: Operand) -> Operand {
        if let Type::Tuple(v) = self.types.get(x.typ) {
            if !v.is_empty() && x.mode != Mode::Type {
                let n = v.len();
                // gc names the called function, not the call.
                let callee = match &crate::check::strip_paren(e).kind {
                    ExprKind::Call { fun, .. } => self.expr_string(fun),
                    _ => self.expr_string(e),
                };
                self.error(
                    e.pos,
                    format!(
                        "assignment mismatch: 1 variable but {} returns {} values",
                        callee, n
                    ),
                );
                return Operand::invalid();
            }
        }
        self.single_value(e, x)
    }

    pub(crate) fn single_value(&mut self, e: &Expr, x: Operand) -> Operand {
        match x.mode {
            Mode::Type => {
                self.error(
                    e.pos,
                    format!("{} (type) is not an expression", self.expr_string(e)),
                );
                Operand::invalid()
            }
            Mode::NoValue => {
                self.error(
                    e.pos,
                    format!("{} (no value) used as value", self.expr_string(e)),
                );
                Operand::invalid()
            }
            Mode::Builtin => {
                self.error(
                    e.pos,
                    format!("{} (built-in) must be called", self.expr_string(e)),
                );
                Operand::invalid()
            }
            _ => {
                if let Type::Tuple(v) = self.types.get(x.typ) {
                    if !v.is_empty() {
                        self.error(
                            e.pos,
                            format!(
                                "multiple-value {} (value of type {}) in single-value context",
                                self.expr_string(e),
                                self.tstr(x.typ)
                            ),
                        );
                        return Operand::invalid();
                    }
                }
                x
            }
        }
    }

    /// Checks an expression in any mode and records its type.
    pub(crate) fn expr(&mut self, e: &Expr) -> Operand {
        let x = self.expr_inner(e, None);
        self.record(e.id, x.mode, x.typ, x.val.clone());
        x
    }

    /// As `expr`, with a type hint for elided composite literal types.
    pub(crate) fn expr_hint(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        let x = self.expr_inner(e, hint);
        self.record(e.id, x.mode, x.typ, x.val.clone());
        x
    }

    fn expr_inner(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(),
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::BasicLit { kind, raw } => self.basic_lit(e, *kind, raw),
            ExprKind::Paren(x) => {
                let o = self.expr_hint(x, hint);
                o
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            ExprKind::Call {
                fun,
                args,
                ellipsis,
            } => self.call(e, fun, args, *ellipsis),
            ExprKind::Star(x) => {
                let o = self.expr(x);
                match o.mode {
                    Mode::Type => {
                        let t = self.types.pointer(o.typ);
                        Operand {
                            mode: Mode::Type,
                            typ: t,
                            val: None,
                            builtin: None,
                        }
                    }
                    _ => {
                        let o = self.single_value(x, o);
                        if o.is_invalid() {
                            return o;
                        }
                        if o.typ == ids::UNTYPED_NIL {
                            self.error(x_pos(x), "invalid operation: cannot indirect nil");
                            return Operand::invalid();
                        }
                        match self.types.under(o.typ).clone() {
                            Type::Pointer(elem) => Operand {
                                mode: Mode::Var,
                                typ: elem,
                                val: None,
                                builtin: None,
                            },
                            _ => {
                                // types2 reports at the operand.
                                self.error(
                                    x_pos(x),
                                    format!(
                                        "invalid operation: cannot indirect {}",
                                        self.operand_string(x, &o)
                                    ),
                                );
                                Operand::invalid()
                            }
                        }
                    }
                }
            }
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, indices } => self.index(e, x, indices),
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert { x, typ } => {
                let o = self.value(x);
                if o.is_invalid() {
                    return o;
                }
                let Some(typ) = typ else {
                    self.error(
                        e.pos,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                    return Operand::invalid();
                };
                if !self.types.is_interface(o.typ) {
                    self.error(
                        x.pos,
                        format!(
                            "invalid operation: {} is not an interface",
                            self.operand_string(x, &o)
                        ),
                    );
                    return Operand::invalid();
                }
                let t = self.type_expr(typ);
                if t == ids::INVALID {
                    return Operand::invalid();
                }
                self.check_type_assertable(e, o.typ, t);
                Operand::value(t)
            }
            ExprKind::CompositeLit { typ, elts, .. } => {
                self.composite_lit(e, typ.as_deref(), elts, hint)
            }
            ExprKind::FuncLit { sig, body } => {
                let t = self.func_type(sig, None);
                let Some(s) = self.types.signature(t).cloned() else {
                    return Operand::invalid();
                };
                self.func_body(None, sig, &s, body);
                Operand::value(t)
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                let t = self.type_expr(e);
                if t == ids::INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Type,
                    typ: t,
                    val: None,
                    builtin: None,
                }
            }
        }
    }

    fn ident(&mut self, e: &Expr, name: &str) -> Operand {
        if name == "_" {
            self.error(e.pos, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some((o, _scope, crossed)) = self.objs.lookup(self.scope, name) else {
            self.error(e.pos, format!("undefined: {}", name));
            return Operand::invalid();
        };
        if self.decls.contains_key(&o) {
            self.obj_decl(o);
        }
        self.info.uses.insert(e.id, o);
        self.record_dep(o);
        let obj = self.objs.get(o).clone();
        match obj.kind {
            ObjKind::Var { global, .. } => {
                self.mark_used(o);
                if crossed && !global {
                    self.objs.get_mut(o).escapes = true;
                }
                Operand {
                    mode: Mode::Var,
                    typ: obj.typ,
                    val: None,
                    builtin: None,
                }
            }
            ObjKind::Const(v) => {
                if obj.name == "iota" && obj.pkg.is_empty() {
                    match &self.iota {
                        Some(i) => return Operand::constant(ids::UNTYPED_INT, i.clone()),
                        None => {
                            self.error(e.pos, "cannot use iota outside constant declaration");
                            return Operand::invalid();
                        }
                    }
                }
                self.mark_used(o);
                if obj.typ == ids::INVALID {
                    return Operand::invalid();
                }
                Operand::constant(obj.typ, v)
            }
            ObjKind::TypeName => {
                self.mark_used(o);
                if obj.typ == ids::INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Type,
                    typ: obj.typ,
                    val: None,
                    builtin: None,
                }
            }
            ObjKind::Func => {
                self.mark_used(o);
                Operand::value(obj.typ)
            }
            ObjKind::Builtin(b) => Operand {
                mode: Mode::Builtin,
                typ: ids::INVALID,
                val: None,
                builtin: Some(b),
            },
            ObjKind::Nil => Operand::value(ids::UNTYPED_NIL),
            ObjKind::PkgName(_) => {
                self.error(e.pos, format!("use of package {} without selector", name));
                Operand::invalid()
            }
            ObjKind::Label => {
                self.error(e.pos, format!("undefined: {}", name));
                Operand::invalid()
            }
        }
    }

    fn basic_lit(&mut self, e: &Expr, kind: LitKind, raw: &str) -> Operand {
        match kind {
            LitKind::Int => match constant::parse_int_lit(raw) {
                Some(i) => Operand::constant(ids::UNTYPED_INT, Value::Int(i)),
                None => {
                    self.error(e.pos, format!("invalid integer literal {}", raw));
                    Operand::invalid()
                }
            },
            LitKind::Float => match constant::parse_float_lit(raw) {
                Some(f) => Operand::constant(ids::UNTYPED_FLOAT, Value::Float(f)),
                None => {
                    self.error(e.pos, format!("invalid floating-point literal {}", raw));
                    Operand::invalid()
                }
            },
            LitKind::Imag => {
                let body = &raw[..raw.len() - 1];
                let im = if body.contains(['.', 'e', 'E', 'p', 'P'])
                    || (body.starts_with("0x") || body.starts_with("0X"))
                        && body.contains(['p', 'P'])
                {
                    constant::parse_float_lit(body)
                } else {
                    // Legacy: 0123i is decimal.
                    let dec: String = body.chars().filter(|&c| c != '_').collect();
                    if dec.starts_with("0x") || dec.starts_with("0b") || dec.starts_with("0o") {
                        constant::parse_int_lit(&dec).map(num_rational::BigRational::from_integer)
                    } else {
                        constant::parse_float_lit(&dec)
                    }
                };
                match im {
                    Some(f) => Operand::constant(
                        ids::UNTYPED_COMPLEX,
                        Value::Complex(num_rational::BigRational::zero(), f),
                    ),
                    None => {
                        self.error(e.pos, format!("invalid imaginary literal {}", raw));
                        Operand::invalid()
                    }
                }
            }
            LitKind::Char => match rgoc_syntax::literal::unquote_char(raw) {
                Ok(c) => Operand::constant(ids::UNTYPED_RUNE, Value::int(c as i64)),
                Err(m) => {
                    self.error(e.pos, m);
                    Operand::invalid()
                }
            },
            LitKind::String => match rgoc_syntax::literal::unquote_string(raw) {
                Ok(s) => Operand::constant(ids::UNTYPED_STRING, Value::String(s)),
                Err(m) => {
                    self.error(e.pos, m);
                    Operand::invalid()
                }
            },
        }
    }

    // ---------------------------------------------------------------
    // Untyped conversion and assignability

    /// Re-records the type of an untyped expression tree once its final
    /// type is known (go/types' updateExprType).
    pub(crate) fn update_expr_type(&mut self, e: &Expr, t: TypeId) {
        let Some(old) = self.info.types.get(&e.id).cloned() else {
            return;
        };
        if !self.types.is_untyped(old.typ) {
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t),
            ExprKind::Unary { op, x } if *op != UnOp::Not || self.types.is_boolean(t) => {
                if old.val.is_none() {
                    self.update_expr_type(x, t)
                }
            }
            ExprKind::Binary { op, x, y, .. } => {
                if old.val.is_none() {
                    if op.is_comparison() {
                        // operands already have their final types
                    } else if op.is_shift() {
                        // A non-constant shift of an untyped constant takes
                        // the type the context gives it, which must be an
                        // integer type (gc: "shifted operand 1 (type
                        // float64) must be integer").
                        let final_t = if self.types.is_interface(t) { self.types.default_type(old.typ) } else { t };
                        if final_t != ids::INVALID && !self.types.is_untyped(final_t) && !self.types.is_integer(final_t) {
                            let xs = self.expr_string(x);
                            self.error(x_pos(x), format!("invalid operation: shifted operand {} (type {}) must be integer", xs, self.tstr(final_t)));
                            return;
                        }
                        self.update_expr_type(x, t);
                    } else {
                        self.update_expr_type(x, t);
                        self.update_expr_type(y, t);
                    }
                }
            }
            _ => {}
        }
        let val = match (&old.val, self.types.basic(t)) {
            (Some(v), Some(k)) if !k.is_untyped() => constant::represent(v, k).or(Some(v.clone())),
            (v, _) => v.clone(),
        };
        let tt = if self.types.is_interface(t) || t == ids::INVALID {
            self.types.default_type(old.typ)
        } else {
            t
        };
        self.info.types.insert(
            e.id,
            crate::TypeAndValue {
                mode: old.mode,
                typ: tt,
                val,
            },
        );
    }

    /// Converts an untyped operand to `target` (or reports why it cannot be).
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand, e: &Expr, target: TypeId) -> bool {
        self.convert_untyped_in(x, e, target, None)
    }

    /// As `convert_untyped`; an unrepresentable constant is reported as
    /// types2's assignment does (`cannot use X as T value in CONTEXT
    /// (overflows)`) when `context` is given, else as its convertUntyped
    /// does (`X overflows T`, `X truncated to T`, T the underlying type).
    pub(crate) fn convert_untyped_in(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        target: TypeId,
        context: Option<&str>,
    ) -> bool {
        if x.is_invalid() || !self.types.is_untyped(x.typ) || target == ids::INVALID {
            return true;
        }
        if self.types.is_untyped(target) {
            // Both untyped: the larger kind wins (int < rune < float < complex).
            let rank = |k: BasicKind| match k {
                BasicKind::UntypedInt => 1,
                BasicKind::UntypedRune => 2,
                BasicKind::UntypedFloat => 3,
                BasicKind::UntypedComplex => 4,
                _ => 0,
            };
            let (a, b) = (
                self.types.basic(x.typ).expect("basic"),
                self.types.basic(target).expect("basic"),
            );
            if rank(a) > 0 && rank(b) > 0 {
                if rank(b) > rank(a) {
                    x.typ = target;
                    self.update_expr_type(e, target);
                }
                return true;
            }
            return a == b;
        }
        let under = self.types.underlying(target);
        match self.types.get(under).clone() {
            Type::Basic(k) => {
                if x.typ == ids::UNTYPED_NIL {
                    if k == BasicKind::UnsafePointer {
                        x.typ = target;
                        self.update_expr_type(e, target);
                        return true;
                    }
                    return false;
                }
                if let Some(v) = x.val.clone() {
                    match constant::represent(&v, k) {
                        Some(nv) => {
                            x.val = Some(nv);
                        }
                        None => {
                            let xk = self.types.basic(x.typ).expect("basic");
                            let compatible = (xk.is_numeric() && k.is_numeric())
                                || (xk.is_string() && k.is_string())
                                || (xk.is_boolean() && k.is_boolean());
                            if !compatible {
                                return false;
                            }
                            // types2's representation: float -> integer
                            // truncates, other numeric conversions overflow.
                            let truncated = !xk.is_integer() && k.is_integer();
                            let xs = self.operand_string(e, x);
                            let msg = match (context, truncated) {
                                (Some(c), true) => format!(
                                    "cannot use {} as {} value in {} (truncated)",
                                    xs,
                                    self.tstr(target),
                                    c
                                ),
                                (Some(c), false) => format!(
                                    "cannot use {} as {} value in {} (overflows)",
                                    xs,
                                    self.tstr(target),
                                    c
                                ),
                                (None, true) => format!("{} truncated to {}", xs, self.tstr(under)),
                                (None, false) => format!("{} overflows {}", xs, self.tstr(under)),
                            };
                            self.error(e.pos, msg);
                            x.typ = ids::INVALID;
                            return true;
                        }
                    }
                } else {
                    // Non-constant untyped (bool from comparison, shifted values).
                    let xk = self.types.basic(x.typ).expect("basic");
                    let ok = match xk {
                        BasicKind::UntypedBool => k.is_boolean(),
                        BasicKind::UntypedInt | BasicKind::UntypedRune => k.is_numeric(),
                        BasicKind::UntypedFloat => k.is_float() || k.is_complex(),
                        BasicKind::UntypedComplex => k.is_complex(),
                        BasicKind::UntypedString => k.is_string(),
                        _ => false,
                    };
                    if !ok {
                        return false;
                    }
                }
                x.typ = target;
                self.update_expr_type(e, target);
                true
            }
            Type::Interface(methods) => {
                if x.typ == ids::UNTYPED_NIL {
                    x.typ = target;
                    self.update_expr_type(e, target);
                    return true;
                }
                if !methods.is_empty() {
                    return false;
                }
                // Untyped values assigned to interfaces get their default type.
                let d = self.types.default_type(x.typ);
                x.typ = d;
                self.update_expr_type(e, d);
                true
            }
            Type::Pointer(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
                if x.typ == ids::UNTYPED_NIL {
                    x.typ = target;
                    self.update_expr_type(e, target);
                    return true;
                }
                false
            }
            _ => false,
        }
    }

    /// Gives an untyped operand its default type.
    pub(crate) fn default_untyped(&mut self, x: &mut Operand, e: &Expr) {
        if self.types.is_untyped(x.typ) && x.typ != ids::UNTYPED_NIL {
            let d = self.types.default_type(x.typ);
            self.convert_untyped(x, e, d);
        }
    }

    /// Whether a value of type `v` (with operand x) is assignable to `t`.
    pub(crate) fn assignable(&mut self, x: &Operand, t: TypeId) -> Result<(), String> {
        let v = x.typ;
        if v == t || v == ids::INVALID || t == ids::INVALID {
            return Ok(());
        }
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if self.types.is_untyped(v) {
            return Ok(()); // handled by convert_untyped
        }
        // Identical underlying types and at least one is not a named type.
        if vu == tu
            && (!self.types.is_named(v) || !self.types.is_named(t))
            && !matches!(self.types.get(vu), Type::Basic(_))
        {
            return Ok(());
        }
        if let Type::Interface(_) = self.types.get(tu) {
            return self.implements(v, t);
        }
        // Channel direction.
        if let (Type::Chan(crate::types::ChanDir::Both, e1), Type::Chan(_, e2)) =
            (self.types.get(vu).clone(), self.types.get(tu).clone())
        {
            if e1 == e2 && (!self.types.is_named(v) || !self.types.is_named(t)) {
                return Ok(());
            }
        }
        Err(String::new())
    }

    /// Checks that `x` (from expression `e`) can be assigned to type `t`,
    /// converting untyped constants; reports gc's error otherwise.
    pub(crate) fn assignment(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        t: TypeId,
        context: &str,
    ) -> bool {
        if x.is_invalid() || t == ids::INVALID {
            return false;
        }
        if self.types.is_untyped(x.typ) {
            let before = x.clone();
            if !self.convert_untyped_in(x, e, t, Some(context)) {
                let what = if before.typ == ids::UNTYPED_NIL {
                    format!("cannot use nil as {} value in {}", self.tstr(t), context)
                } else {
                    format!(
                        "cannot use {} as {} value in {}",
                        self.operand_string(e, &before),
                        self.tstr(t),
                        context
                    )
                };
                self.error(e.pos, what);
                return false;
            }
            if x.typ == ids::INVALID {
                return false; // overflow or truncation, reported
            }
            return true;
        }
        match self.assignable(x, t) {
            Ok(()) => true,
            Err(why) => {
                let mut msg = format!(
                    "cannot use {} as {} value in {}",
                    self.operand_string(e, x),
                    self.tstr(t),
                    context
                );
                if !why.is_empty() {
                    msg.push_str(": ");
                    msg.push_str(&why);
                }
                self.error(e.pos, msg);
                false
            }
        }
    }

    // ---------------------------------------------------------------
    // Operators

    fn unary(&mut self, e: &Expr, op: UnOp, xe: &Expr) -> Operand {
        if op == UnOp::Addr {
            let inner = strip_paren(xe);
            if let ExprKind::CompositeLit { .. } = &inner.kind {
                let x = self.value(xe);
                if x.is_invalid() {
                    return x;
                }
                let t = self.types.pointer(x.typ);
                return Operand::value(t);
            }
            let x = self.value(xe);
            if x.is_invalid() {
                return x;
            }
            if x.mode != Mode::Var {
                self.error(
                    e.pos,
                    format!(
                        "invalid operation: cannot take address of {}",
                        self.operand_string(xe, &x)
                    ),
                );
                return Operand::invalid();
            }
            self.mark_escape(xe);
            let t = self.types.pointer(x.typ);
            return Operand::value(t);
        }
        if op == UnOp::Recv {
            let x = self.value(xe);
            if x.is_invalid() {
                return x;
            }
            return match self.types.under(x.typ).clone() {
                Type::Chan(dir, elem) => {
                    if dir == crate::types::ChanDir::Send {
                        self.error(
                            e.pos,
                            format!(
                                "invalid operation: cannot receive from send-only channel {}",
                                self.operand_string(xe, &x)
                            ),
                        );
                        return Operand::invalid();
                    }
                    Operand::value(elem)
                }
                _ => {
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: cannot receive from non-channel {}",
                            self.operand_string(xe, &x)
                        ),
                    );
                    Operand::invalid()
                }
            };
        }
        let mut x = self.value(xe);
        if x.is_invalid() {
            return x;
        }
        let ok = match op {
            UnOp::Pos | UnOp::Neg => self.types.is_numeric(x.typ),
            UnOp::Not => self.types.is_boolean(x.typ),
            UnOp::Xor => self.types.is_integer(x.typ),
            _ => false,
        };
        if !ok {
            self.error(
                x_pos(xe),
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.operand_string(xe, &x)
                ),
            );
            return Operand::invalid();
        }
        if let Some(v) = &x.val {
            let k = self.types.basic(x.typ).unwrap_or(BasicKind::Invalid);
            match constant::unary(op, v, k) {
                Some(nv) => match self.overflow(e, x.typ, nv) {
                    Some(r) => x.val = Some(r),
                    None => return Operand::invalid(),
                },
                None => return Operand::invalid(),
            }
            return x;
        }
        x.mode = Mode::Value;
        x
    }

    /// Marks the variable at the root of an addressable expression as
    /// escaping (its address is taken).
    pub(crate) fn mark_escape(&mut self, e: &Expr) {
        match &strip_paren(e).kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&strip_paren(e).id) {
                    self.objs.get_mut(o).escapes = true;
                }
            }
            ExprKind::Selector { x, .. } => {
                if let Some(sel) = self.info.selections.get(&strip_paren(e).id) {
                    if !sel.indirect {
                        let x = x.clone();
                        self.mark_escape(&x);
                    }
                }
            }
            ExprKind::Index { x, .. } => {
                let xt = self.info.type_of(x);
                if matches!(self.types.under(xt), Type::Array(..)) {
                    let x = x.clone();
                    self.mark_escape(&x);
                }
            }
            _ => {}
        }
    }

    fn binary(&mut self, e: &Expr, op: BinOp, xe: &Expr, ye: &Expr) -> Operand {
        if op.is_shift() {
            return self.shift(e, op, xe, ye);
        }
        let mut x = self.value(xe);
        let mut y = self.value(ye);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        // Match operand types (untyped conversion).
        let nils = (x.typ == ids::UNTYPED_NIL, y.typ == ids::UNTYPED_NIL);
        self.match_types(&mut x, xe, &mut y, ye);
        if let Some((a, b)) = self.pending_mismatch.take() {
            // types2 reports a mismatched comparison at its second operand.
            self.error(
                if op.is_comparison() {
                    x_pos(ye)
                } else {
                    x_pos(e)
                },
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.expr_string(e),
                    a,
                    b
                ),
            );
            return Operand::invalid();
        }
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if op.is_comparison() {
            return self.comparison(e, op, &x, xe, &y, ye, nils);
        }
        if x.typ != y.typ && !(self.types.is_untyped(x.typ) && self.types.is_untyped(y.typ)) {
            self.error(
                x_pos(e),
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.expr_string(e),
                    self.tstr(x.typ),
                    self.tstr(y.typ)
                ),
            );
            return Operand::invalid();
        }
        let t = x.typ;
        let ok = match op {
            BinOp::Add => self.types.is_numeric(t) || self.types.is_string(t),
            BinOp::Sub | BinOp::Mul | BinOp::Div => self.types.is_numeric(t),
            BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => {
                self.types.is_integer(t)
            }
            BinOp::LAnd | BinOp::LOr => self.types.is_boolean(t),
            _ => false,
        };
        if !ok {
            let what = if self.types.is_untyped(t) || x.val.is_some() && y.val.is_none() {
                self.operand_string(xe, &x)
            } else {
                self.operand_string(xe, &x)
            };
            self.error(
                x_pos(e),
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    what
                ),
            );
            return Operand::invalid();
        }
        // Division by constant zero.
        if matches!(op, BinOp::Div | BinOp::Rem) && self.types.is_integer(t)
            || matches!(op, BinOp::Div)
                && (x.val.is_some() || !self.types.is_float(t) && !self.types.is_complex(t))
        {
            if let Some(v) = &y.val {
                if v.is_zero()
                    && (self.types.is_integer(t) || x.val.is_some() || self.types.is_untyped(t))
                {
                    self.error(ye.pos, "invalid operation: division by zero");
                    return Operand::invalid();
                }
            }
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let k = self.types.basic(t).unwrap_or(BasicKind::Invalid);
            let int_div = k.is_integer()
                || (k.is_untyped() && matches!(a, Value::Int(_)) && matches!(b, Value::Int(_)));
            match constant::binary(op, a, b, int_div) {
                Ok(v) => {
                    let Some(v) = self.overflow(e, t, v) else {
                        return Operand::invalid();
                    };
                    // Untyped int / untyped float yields untyped float.
                    let rt = if k.is_untyped() {
                        match &v {
                            Value::Float(_)
                                if !self.types.is_float(t) && !self.types.is_complex(t) =>
                            {
                                ids::UNTYPED_FLOAT
                            }
                            _ => t,
                        }
                    } else {
                        t
                    };
                    return Operand::constant(rt, v);
                }
                Err(constant::OpError::DivByZero) => {
                    self.error(ye.pos, "invalid operation: division by zero");
                    return Operand::invalid();
                }
                Err(_) => return Operand::invalid(),
            }
        }
        Operand::value(t)
    }

    /// Converts untyped operands of a binary operation toward each other.
    fn match_types(&mut self, x: &mut Operand, xe: &Expr, y: &mut Operand, ye: &Expr) {
        let xu = self.types.is_untyped(x.typ);
        let yu = self.types.is_untyped(y.typ);
        if xu && !yu {
            let before = x.clone();
            if !self.convert_untyped(x, xe, y.typ) {
                self.mismatch_err(xe, &before, ye, y);
                *x = Operand::invalid();
            }
        } else if yu && !xu {
            let before = y.clone();
            if !self.convert_untyped(y, ye, x.typ) {
                self.mismatch_err(xe, x, ye, &before);
                *y = Operand::invalid();
            }
        } else if xu && yu {
            let (xk, yk) = (
                self.types.basic(x.typ).expect("basic"),
                self.types.basic(y.typ).expect("basic"),
            );
            if xk.is_numeric() && yk.is_numeric() {
                let (tx, ty) = (x.typ, y.typ);
                self.convert_untyped(x, xe, ty);
                self.convert_untyped(y, ye, tx);
            } else if xk != yk && !(x.typ == ids::UNTYPED_NIL || y.typ == ids::UNTYPED_NIL) {
                self.pending_mismatch = Some((self.tstr(x.typ), self.tstr(y.typ)));
            }
        }
    }

    fn mismatch_err(&mut self, xe: &Expr, x: &Operand, ye: &Expr, y: &Operand) {
        let _ = (xe, ye);
        // The enclosing binary expression isn't known here; gc's message
        // names the whole operation, which the caller's expr_string gives.
        self.pending_mismatch = Some((self.tstr(x.typ), self.tstr(y.typ)));
    }

    fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: &Operand,
        xe: &Expr,
        y: &Operand,
        ye: &Expr,
        nils: (bool, bool),
    ) -> Operand {
        let _ = ye;
        let (xt, yt) = (x.typ, y.typ);
        let mut err: Option<String> = None;
        // nil operands may already have been converted to the other side's type.
        let x_nil = nils.0;
        let y_nil = nils.1;
        let assignable = xt == yt
            || self.types.is_untyped(xt)
                && self.types.is_untyped(yt)
                && self.types.is_numeric(xt) == self.types.is_numeric(yt)
                && self.types.is_string(xt) == self.types.is_string(yt)
                && self.types.is_boolean(xt) == self.types.is_boolean(yt)
                && !x_nil
                && !y_nil
            || self.assignable(x, yt).is_ok()
            || self.assignable(y, xt).is_ok()
            || (x_nil && self.types.has_nil(yt))
            || (y_nil && self.types.has_nil(xt));
        // As types2's comparison: errors name the offending operand's
        // position (the second one for mismatches).
        let mut err_at = xe;
        if !assignable && !(x_nil && y_nil) {
            err_at = ye;
            err = Some(format!(
                "mismatched types {} and {}",
                self.tstr(xt),
                self.tstr(yt)
            ));
        } else if matches!(op, BinOp::Eq | BinOp::Ne) {
            if x_nil || y_nil {
                let t = if x_nil { yt } else { xt };
                if x_nil && y_nil {
                    err_at = ye;
                    err = Some(format!(
                        "operator {} not defined on untyped nil",
                        op.as_str()
                    ));
                } else if !self.types.has_nil(t) {
                    err_at = ye;
                    err = Some(format!("mismatched types {} and untyped nil", self.tstr(t)));
                }
            } else if !self.types.comparable(xt) {
                err = Some(self.incomparable_cause(xt));
            } else if !self.types.comparable(yt) {
                err_at = ye;
                err = Some(self.incomparable_cause(yt));
            }
        } else {
            let ordered = |c: &Self, t: TypeId| c.types.basic(t).is_some_and(|k| k.is_ordered());
            let bad = if !ordered(self, xt) {
                Some(xt)
            } else if !ordered(self, yt) {
                err_at = ye;
                Some(yt)
            } else {
                None
            };
            if let Some(t) = bad {
                let what = match self.composite_kind(t) {
                    "" => self.tstr(t),
                    k => k.to_string(),
                };
                err = Some(format!("operator {} not defined on {}", op.as_str(), what));
            }
        }
        let err =
            err.map(|cause| format!("invalid operation: {} ({})", self.expr_string(e), cause));
        if let Some(m) = err {
            self.error(x_pos(err_at), m);
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            if let Some(r) = constant::compare(op, a, b) {
                return Operand::constant(ids::UNTYPED_BOOL, Value::Bool(r));
            }
        }
        // Untyped operands of a non-constant comparison get default types.
        let mut x2 = x.clone();
        let mut y2 = y.clone();
        self.default_untyped(&mut x2, xe);
        self.default_untyped(&mut y2, ye);
        Operand::value(ids::UNTYPED_BOOL)
    }

    fn shift(&mut self, e: &Expr, op: BinOp, xe: &Expr, ye: &Expr) -> Operand {
        let mut x = self.value(xe);
        let mut y = self.value(ye);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        // The shift count.
        if let Some(v) = &y.val {
            match v.as_int() {
                Some(i) if i.sign() == num_bigint::Sign::Minus => {
                    self.error(
                        ye.pos,
                        format!(
                            "invalid shift count {} (must be non-negative)",
                            self.expr_string(ye)
                        ),
                    );
                    return Operand::invalid();
                }
                Some(_) => {
                    if self.types.is_untyped(y.typ) {
                        self.convert_untyped(&mut y, ye, ids::UINT);
                    }
                }
                None => {
                    self.error(
                        ye.pos,
                        format!("invalid shift count {}", self.operand_string(ye, &y)),
                    );
                    return Operand::invalid();
                }
            }
        } else if !self.types.is_integer(y.typ) {
            self.error(
                ye.pos,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.operand_string(ye, &y)
                ),
            );
            return Operand::invalid();
        } else if self.types.is_untyped(y.typ) {
            self.convert_untyped(&mut y, ye, ids::UINT);
        }
        // The shifted operand.
        if let Some(v) = x.val.clone() {
            if self.types.is_untyped(x.typ) {
                match v.as_int() {
                    Some(i) => {
                        x.val = Some(Value::Int(i));
                        if x.typ != ids::UNTYPED_RUNE {
                            x.typ = ids::UNTYPED_INT;
                        }
                    }
                    None => {
                        self.error(
                            xe.pos,
                            format!(
                                "invalid operation: shifted operand {} must be integer",
                                self.operand_string(xe, &x)
                            ),
                        );
                        return Operand::invalid();
                    }
                }
            }
            if let Some(s) = &y.val {
                let s = s.as_int().and_then(|i| i.to_u64()).unwrap_or(u64::MAX);
                if !self.types.is_integer(x.typ) {
                    self.error(
                        xe.pos,
                        format!(
                            "invalid operation: shifted operand {} must be integer",
                            self.operand_string(xe, &x)
                        ),
                    );
                    return Operand::invalid();
                }
                let i = x.val.as_ref().and_then(|v| v.as_int()).unwrap_or_default();
                let Some(r) = constant::shift(op == BinOp::Shl, &i, s) else {
                    self.error(
                        ye.pos,
                        format!("invalid shift count {}", self.expr_string(ye)),
                    );
                    return Operand::invalid();
                };
                return match self.overflow(e, x.typ, Value::Int(r)) {
                    Some(v) => Operand::constant(x.typ, v),
                    None => Operand::invalid(),
                };
            }
            if self.types.is_untyped(x.typ) {
                // Non-constant shift of an untyped constant: the operand's
                // type comes from the context (delayed via update_expr_type).
                return Operand::value(x.typ);
            }
        }
        if !self.types.is_integer(x.typ) {
            self.error(
                x_pos(e),
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.operand_string(xe, &x)
                ),
            );
            return Operand::invalid();
        }
        Operand::value(x.typ)
    }

    // ---------------------------------------------------------------
    // Selectors, index and slice expressions

    /// Checks an index into an array of length `n` (a constant index must
    /// be in range); false after an error.
    fn array_index(&mut self, ie: &Expr, n: u64) -> bool {
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

    fn selector(&mut self, e: &Expr, xe: &Expr, sel: &ast::Ident) -> Operand {
        if let ExprKind::Ident(n) = &xe.kind {
            if let Some((o, _, _)) = self.objs.lookup(self.scope, n) {
                if let ObjKind::PkgName(ps) = self.objs.get(o).kind {
                    self.objs.get_mut(o).used = true;
                    self.info.uses.insert(xe.id, o);
                    let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                    let found = self.objs.lookup(ps, &sel.name).filter(|(m, s, _)| {
                        *s == ps && (exported || self.objs.get(*m).pkg == "unsafe")
                    });
                    let Some((m, _, _)) = found else {
                        if !exported
                            && self
                                .objs
                                .lookup(ps, &sel.name)
                                .is_some_and(|(_, s, _)| s == ps)
                        {
                            self.error(
                                sel.pos,
                                format!("name {} not exported by package {}", sel.name, n),
                            );
                        } else {
                            self.error(sel.pos, format!("undefined: {}.{}", n, sel.name));
                        }
                        return Operand::invalid();
                    };
                    self.info.uses.insert(sel.id, m);
                    self.info.uses.insert(e.id, m);
                    let obj = self.objs.get(m).clone();
                    return match obj.kind {
                        ObjKind::TypeName => Operand {
                            mode: Mode::Type,
                            typ: obj.typ,
                            val: None,
                            builtin: None,
                        },
                        ObjKind::Builtin(b) => Operand {
                            mode: Mode::Builtin,
                            typ: ids::INVALID,
                            val: None,
                            builtin: Some(b),
                        },
                        ObjKind::Var { .. } => Operand {
                            mode: Mode::Var,
                            typ: obj.typ,
                            val: None,
                            builtin: None,
                        },
                        ObjKind::Const(v) => Operand::constant(obj.typ, v),
                        ObjKind::Func => Operand::value(obj.typ),
                        _ => Operand::invalid(),
                    };
                }
            }
        }
        let x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        if x.mode == Mode::Type {
            // Method expression T.m
            let r =
                crate::lookup::lookup_field_or_method(&self.types, &self.objs, x.typ, &sel.name);
            return match r {
                crate::LookupResult::Method {
                    obj,
                    sig: mt,
                    path,
                    indirect,
                    iface_index,
                } => {
                    let Some(msig) = self.types.signature(mt).cloned() else {
                        return Operand::invalid();
                    };
                    if iface_index.is_none()
                        && self.objs.get(obj).ptr_recv
                        && !indirect
                        && !self.types.is_pointer(x.typ)
                    {
                        self.error(
                            e.pos,
                            format!(
                                "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                                self.tstr(x.typ),
                                sel.name,
                                self.tstr(x.typ),
                                sel.name
                            ),
                        );
                        return Operand::invalid();
                    }
                    let mut params = vec![x.typ];
                    params.extend(msig.params.iter().copied());
                    let ft = self.types.intern(Type::Func(crate::types::Signature {
                        params,
                        results: msig.results.clone(),
                        variadic: msig.variadic,
                    }));
                    let obj = if iface_index.is_some() {
                        None
                    } else {
                        Some(obj)
                    };
                    self.info.selections.insert(
                        e.id,
                        Selection {
                            kind: SelectionKind::MethodExpr,
                            obj,
                            path,
                            indirect,
                            typ: ft,
                            iface_index,
                        },
                    );
                    if let Some(o) = obj {
                        self.info.uses.insert(sel.id, o);
                        self.record_dep(o); // initialisation order follows method bodies
                    }
                    Operand::value(ft)
                }
                _ => {
                    self.error(
                        sel.pos,
                        format!(
                            "{}.{} undefined (type {} has no method {})",
                            self.tstr(x.typ),
                            sel.name,
                            self.tstr(x.typ),
                            sel.name
                        ),
                    );
                    Operand::invalid()
                }
            };
        }
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return x;
        }
        let r = crate::lookup::lookup_field_or_method(&self.types, &self.objs, x.typ, &sel.name);
        match r {
            crate::LookupResult::Field {
                typ,
                path,
                indirect,
            } => {
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::FieldVal,
                        obj: None,
                        path,
                        indirect,
                        typ,
                        iface_index: None,
                    },
                );
                let mode = if indirect || x.mode == Mode::Var {
                    Mode::Var
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    typ,
                    val: None,
                    builtin: None,
                }
            }
            crate::LookupResult::Method {
                obj,
                sig,
                path,
                indirect,
                iface_index,
            } => {
                let ptr_recv = iface_index.is_none() && self.objs.get(obj).ptr_recv;
                if ptr_recv && !indirect && !self.types.is_pointer(x.typ) {
                    if x.mode != Mode::Var {
                        self.error(
                            e.pos,
                            format!(
                                "cannot call pointer method {} on {}",
                                sel.name,
                                self.tstr(x.typ)
                            ),
                        );
                        return Operand::invalid();
                    }
                    self.mark_escape(xe);
                }
                let obj = if iface_index.is_some() {
                    None
                } else {
                    Some(obj)
                };
                if let Some(o) = obj {
                    self.info.uses.insert(sel.id, o);
                    self.record_dep(o); // initialisation order follows method bodies
                }
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        obj,
                        path,
                        indirect,
                        typ: sig,
                        iface_index,
                    },
                );
                Operand::value(sig)
            }
            crate::LookupResult::Ambiguous => {
                self.error(
                    sel.pos,
                    format!("ambiguous selector {}", self.expr_string(e)),
                );
                Operand::invalid()
            }
            crate::LookupResult::NotFound => {
                let what = if self.types.is_pointer(x.typ)
                    && matches!(
                        self.types.under(match self.types.under(x.typ) {
                            Type::Pointer(p) => *p,
                            _ => x.typ,
                        }),
                        Type::Pointer(_) | Type::Interface(_)
                    ) {
                    format!(
                        "{} undefined (type {} is pointer to interface, not interface)",
                        self.expr_string(e),
                        self.tstr(x.typ)
                    )
                } else {
                    format!(
                        "{} undefined (type {} has no field or method {})",
                        self.expr_string(e),
                        self.tstr(x.typ),
                        sel.name
                    )
                };
                self.error(sel.pos, what);
                Operand::invalid()
            }
        }
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

    fn index(&mut self, e: &Expr, xe: &Expr, indices: &[Expr]) -> Operand {
        let x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        if x.mode == Mode::Type
            || matches!(self.types.get(x.typ), Type::Func(_))
                && indices.len() > 0
                && x.mode != Mode::Var
                && self.is_generic_func(xe)
        {
            self.unsupported(e.pos, "generic instantiation");
            return Operand::invalid();
        }
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return x;
        }
        if indices.len() != 1 {
            self.error(e.pos, format!("invalid operation: more than one index"));
            return Operand::invalid();
        }
        let ie = &indices[0];
        let ut = self.types.underlying(x.typ);
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
                        self.error(
                            ie.pos,
                            format!("invalid argument: index {} out of bounds [0:{}]", i, l),
                        );
                        return Operand::invalid();
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

    fn is_generic_func(&self, _e: &Expr) -> bool {
        false
    }

    fn slice_expr(
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
        let ut = self.types.underlying(x.typ);
        let (result, cap): (TypeId, Option<u64>) = match self.types.get(ut).clone() {
            Type::Basic(k) if k.is_string() => {
                if max.is_some() {
                    self.error(e.pos, format!("invalid operation: 3-index slice of string"));
                    return Operand::invalid();
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
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            self.expr_string(e)
                        ),
                    );
                    return Operand::invalid();
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
                self.error(
                    e.pos,
                    format!("cannot slice {}", self.operand_string(xe, &x)),
                );
                return Operand::invalid();
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
                        self.error(
                            ie.pos,
                            format!(
                                "invalid argument: index {} out of bounds [0:{}]",
                                i,
                                bound + 1
                            ),
                        );
                        return Operand::invalid();
                    }
                }
                if let Some(&prev) = consts.last() {
                    if i < prev {
                        self.error(ie.pos, format!("invalid slice indices: {} < {}", i, prev));
                        return Operand::invalid();
                    }
                }
                consts.push(i);
            }
        }
        Operand::value(result)
    }

    pub(crate) fn check_type_assertable(&mut self, e: &Expr, iface: TypeId, t: TypeId) {
        if self.types.is_interface(t) {
            return;
        }
        if let Err(why) = self.implements(t, iface) {
            self.error(
                e.pos,
                format!(
                    "impossible type assertion: {}\n\t{} does not implement {} ({})",
                    self.expr_string(e),
                    self.tstr(t),
                    self.tstr(iface),
                    why
                ),
            );
        }
    }

    // ---------------------------------------------------------------
    // Descriptions for messages

    /// `x (variable of type int)`, `1 (untyped int constant)`, ...
    pub(crate) fn operand_string(&self, e: &Expr, x: &Operand) -> String {
        let es = self.expr_string(e);
        let mut s = format!("{} (", es);
        let untyped = self.types.is_untyped(x.typ);
        if untyped && x.mode != Mode::Type {
            s.push_str(self.types.basic(x.typ).map(|k| k.name()).unwrap_or("?"));
            s.push(' ');
        }
        s.push_str(match x.mode {
            Mode::NoValue => "no value",
            Mode::Builtin => "built-in",
            Mode::Type => "type",
            Mode::Const => "constant",
            Mode::Var => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
        });
        if x.mode == Mode::Const {
            if let Some(v) = &x.val {
                let vs = v.describe();
                if vs != es {
                    s.push(' ');
                    s.push_str(&vs);
                }
            }
        }
        if !untyped && !matches!(x.mode, Mode::Type | Mode::Builtin | Mode::NoValue) {
            // gc describes the structure of a defined type: "variable of
            // struct type S", "value of int type MyInt".
            if matches!(self.types.get(x.typ), Type::Named(_)) && x.typ != ids::INVALID {
                let what = self.composite_kind(x.typ);
                let what = if what.is_empty() {
                    self.types.basic(x.typ).map(|k| k.name()).unwrap_or("")
                } else {
                    what
                };
                if !what.is_empty() {
                    s.push_str(" of ");
                    s.push_str(what);
                    s.push_str(" type ");
                } else {
                    s.push_str(" of type ");
                }
            } else {
                s.push_str(" of type ");
            }
            s.push_str(&self.tstr(x.typ));
        }
        s.push(')');
        s
    }

    /// types2's overflow check of a constant operation's result `v` of
    /// type `t`: a typed constant must be representable in its type
    /// (`c + c (constant 200 of type int8) overflows int8`); an untyped
    /// integer may not exceed 512 bits (`constant shift overflow`, at the
    /// operator). Returns the (rounded) value, None after an error.
    fn overflow(&mut self, e: &Expr, t: TypeId, v: Value) -> Option<Value> {
        let k = self.types.basic(t).unwrap_or(BasicKind::Invalid);
        if !k.is_untyped() {
            if let Some(r) = constant::represent(&v, k) {
                return Some(r);
            }
            let x = Operand::constant(t, v);
            let msg = format!(
                "{} overflows {}",
                self.operand_string(e, &x),
                self.tstr(self.types.underlying(t))
            );
            self.error(x_pos(e), msg);
            return None;
        }
        if let Value::Int(i) = &v {
            if i.bits() > 512 {
                let (pos, op) = match &e.kind {
                    ExprKind::Binary { op, op_pos, .. } => (
                        *op_pos,
                        match op {
                            BinOp::Add => "addition ",
                            BinOp::Sub => "subtraction ",
                            BinOp::Xor => "bitwise XOR ",
                            BinOp::Mul => "multiplication ",
                            BinOp::Shl => "shift ",
                            _ => "",
                        },
                    ),
                    ExprKind::Unary { op: UnOp::Xor, .. } => (e.pos, "bitwise complement "),
                    _ => (e.pos, ""),
                };
                self.error(pos, format!("constant {}overflow", op));
                return None;
            }
        }
        Some(v)
    }

    /// Why values of `t` cannot be compared (types2's incomparableCause).
    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.types.under(t) {
            Type::Slice(_) | Type::Map(..) | Type::Func(_) => {
                format!("{} can only be compared to nil", self.composite_kind(t))
            }
            Type::Struct(fields) => match fields.iter().find(|f| !self.types.comparable(f.typ)) {
                Some(f) => format!("struct containing {} cannot be compared", self.tstr(f.typ)),
                None => format!("{} cannot be compared", self.tstr(t)),
            },
            _ => format!("{} cannot be compared", self.tstr(t)),
        }
    }

    /// gc's compositeKind: "struct", "slice", ... for the underlying type;
    /// "" for basic types.
    pub(crate) fn composite_kind(&self, t: TypeId) -> &'static str {
        match self.types.under(t) {
            Type::Basic(_) => "",
            Type::Array(..) => "array",
            Type::Slice(_) => "slice",
            Type::Struct(_) => "struct",
            Type::Pointer(_) => "pointer",
            Type::Func(_) => "func",
            Type::Interface(_) => "interface",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Tuple(_) => "tuple",
            Type::Named(_) => "",
        }
    }

    /// The expression as gc prints it in diagnostics.
    pub(crate) fn expr_string(&self, e: &Expr) -> String {
        let mut s = String::new();
        write_expr(&mut s, e);
        s
    }
}

impl Operand {
    fn as_value_of(mut self, t: TypeId) -> Operand {
        self.typ = t;
        self
    }
}

fn x_pos(e: &Expr) -> rgoc_syntax::Pos {
    // gc reports binary-operation errors at the left operand's position.
    match &e.kind {
        ExprKind::Binary { x, .. } => x_pos(x),
        _ => e.pos,
    }
}

pub(crate) fn write_expr(s: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::BasicLit { raw, .. } => s.push_str(raw),
        // gc's short form elides non-empty bodies: `T{…}`, `T{}`.
        ExprKind::CompositeLit { typ, elts, .. } => {
            if let Some(t) = typ {
                write_expr(s, t);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            s.push_str("func");
            write_sig(s, sig);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(s, x);
            s.push('[');
            for (i, ix) in indices.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, ix);
            }
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, typ } => {
            write_expr(s, x);
            s.push_str(".(");
            match typ {
                Some(t) => write_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
        } => {
            write_expr(s, fun);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a);
            }
            if *ellipsis {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem);
        }
        ExprKind::SliceType { elem } => {
            s.push_str("[]");
            write_expr(s, elem);
        }
        ExprKind::StructType { fields } => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                if !names.is_empty() {
                    s.push_str(&names.join(", "));
                    s.push(' ');
                }
                write_expr(s, &f.typ);
            }
            s.push('}');
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft);
        }
        ExprKind::InterfaceType { elems } => {
            if elems.is_empty() {
                s.push_str("interface{}");
            } else {
                s.push_str("interface{…}");
            }
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key);
            s.push(']');
            write_expr(s, value);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ast::ChanDir::Both => "chan ",
                ast::ChanDir::Send => "chan<- ",
                ast::ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem);
        }
    }
}

fn write_sig(s: &mut String, ft: &ast::FuncType) {
    s.push('(');
    for (i, f) in ft.params.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
        if !names.is_empty() {
            s.push_str(&names.join(", "));
            s.push(' ');
        }
        if f.variadic {
            s.push_str("...");
        }
        write_expr(s, &f.typ);
    }
    s.push(')');
    if !ft.results.is_empty() {
        s.push(' ');
        let paren = ft.results.len() > 1 || !ft.results[0].names.is_empty();
        if paren {
            s.push('(');
        }
        for (i, f) in ft.results.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            write_expr(s, &f.typ);
        }
        if paren {
            s.push(')');
        }
    }
}
