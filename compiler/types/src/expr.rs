//! Expressions (go/types' expr.go): the expression switch, identifiers,
//! untyped constant conversion, operators, type assertions.


use num_traits::ToPrimitive;
use rgoc_syntax::{BinOp, Expr, ExprKind, UnOp};

use crate::check::{strip_paren, Checker};
use crate::constant::{self, Value};
use crate::objects::ObjKind;
use crate::operand::Operand;
use crate::types::{ids, BasicKind, Type, TypeId};
use crate::Mode;

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
                return self.errorf(
                    e.pos,
                    format!(
                        "assignment mismatch: 1 variable but {} returns {} values",
                        callee, n
                    ),
                );
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
                        return self.errorf(
                            e.pos,
                            format!(
                                "multiple-value {} (value of type {}) in single-value context",
                                self.expr_string(e),
                                self.tstr(x.typ)
                            ),
                        );
                    }
                }
                x
            }
        }
    }

    /// Checks an expression in any mode and records its type.
    pub(crate) fn expr(&mut self, e: &Expr) -> Operand {
        if self.reuse_operand.as_ref().is_some_and(|(id, _)| *id == e.id) {
            return self.reuse_operand.take().expect("reused operand").1;
        }
        let x = self.expr_inner(e, None);
        self.record(e.id, x.mode, x.typ, x.val.clone());
        x
    }

    /// As `expr`, with a type hint for elided composite literal types.
    pub(crate) fn expr_hint(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        if self.reuse_operand.as_ref().is_some_and(|(id, _)| *id == e.id) {
            return self.reuse_operand.take().expect("reused operand").1;
        }
        // A generic function assigned to a variable, field, element or
        // result of function type: instantiated for that type (go 1.21).
        if let Some(t) = hint.filter(|&t| self.is_generic_func_name(e) && self.types.signature(self.types.underlying(t)).is_some()) {
            let mut x = self.generic_operand(e);
            if let Some(o) = self.pending_generic_arg(&x, e) {
                self.instantiate_generic_arg(&mut x, e, o, t, None);
            }
            return x;
        }
        let x = self.expr_inner(e, hint);
        self.record(e.id, x.mode, x.typ, x.val.clone());
        x
    }

    fn expr_inner(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(),
            ExprKind::Synth(t) => Operand { mode: Mode::Type, typ: crate::TypeId(*t), val: None, builtin: None },
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
                            return self.errorf(x_pos(x), "invalid operation: cannot indirect nil");
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
                    return self.errorf(
                        e.pos,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                };
                if !self.types.is_interface(o.typ) {
                    return self.errorf(
                        x.pos,
                        format!(
                            "invalid operation: {} is not an interface",
                            self.operand_string(x, &o)
                        ),
                    );
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
                if self.take_yield_lit(e) {
                    // A range-over-func body: part of the enclosing function.
                    self.rangefunc.skip_labels = true;
                    self.func_body(None, sig, &s, body);
                } else {
                    let saved = std::mem::take(&mut self.rangefunc);
                    self.func_body(None, sig, &s, body);
                    self.rangefunc = saved;
                }
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
            return self.errorf(e.pos, "cannot use _ as value");
        }
        let Some((o, _scope, crossed)) = self.objs.lookup(self.scope, name) else {
            return self.errorf(e.pos, format!("undefined: {}", name));
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
                            return self.errorf(e.pos, "cannot use iota outside constant declaration");
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
                self.generic_func_value(e, o, name)
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

    /// An untyped value used as a type parameter's value: it must be
    /// convertible to every type of the parameter's type set, and the
    /// result is not constant.
    fn convert_untyped_to_tparam(&mut self, x: &mut Operand, e: &Expr, target: TypeId) -> bool {
        let Some(terms) = self.types.tparam_terms(target).filter(|t| !t.is_empty()) else {
            return false;
        };
        let ndiags = self.diags.len();
        for t in terms {
            let mut y = x.clone();
            if !self.convert_untyped_in(&mut y, e, t.typ, None) || y.typ == ids::INVALID {
                self.diags.truncate(ndiags);
                return false;
            }
        }
        self.diags.truncate(ndiags);
        x.typ = target;
        x.val = None;
        x.mode = crate::Mode::Value;
        self.update_expr_type(e, target);
        true
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
        if self.types.is_type_param(target) {
            return self.convert_untyped_to_tparam(x, e, target);
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

    /// As `default_untyped` where types2 assigns the value (a variable
    /// declaration, `x := c`, a print argument): an unrepresentable
    /// constant is `cannot use X as T value in CONTEXT (overflows)`.
    pub(crate) fn default_untyped_in(&mut self, x: &mut Operand, e: &Expr, context: &str) {
        if self.types.is_untyped(x.typ) && x.typ != ids::UNTYPED_NIL {
            let d = self.types.default_type(x.typ);
            self.convert_untyped_in(x, e, d, Some(context));
        }
    }

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
                return self.errorf(
                    e.pos,
                    format!(
                        "invalid operation: cannot take address of {}",
                        self.operand_string(xe, &x)
                    ),
                );
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
                        return self.errorf(
                            e.pos,
                            format!(
                                "invalid operation: cannot receive from send-only channel {}",
                                self.operand_string(xe, &x)
                            ),
                        );
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
            return self.errorf(
                x_pos(xe),
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.operand_string(xe, &x)
                ),
            );
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
            return self.errorf(
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
        }
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if op.is_comparison() {
            return self.comparison(e, op, &x, xe, &y, ye, nils);
        }
        if x.typ != y.typ && !(self.types.is_untyped(x.typ) && self.types.is_untyped(y.typ)) {
            return self.errorf(
                x_pos(e),
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.expr_string(e),
                    self.tstr(x.typ),
                    self.tstr(y.typ)
                ),
            );
        }
        let t = x.typ;
        let ok = match op {
            BinOp::Add => self.types.is_numeric_or_string(t),
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
            return self.errorf(
                x_pos(e),
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    what
                ),
            );
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
                    return self.errorf(ye.pos, "invalid operation: division by zero");
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
                    return self.errorf(ye.pos, "invalid operation: division by zero");
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
            let ordered = |c: &Self, t: TypeId| c.types.is_ordered(t);
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
            return self.errorf(x_pos(err_at), m);
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
                    return self.errorf(
                        ye.pos,
                        format!(
                            "invalid shift count {} (must be non-negative)",
                            self.expr_string(ye)
                        ),
                    );
                }
                Some(_) => {
                    if self.types.is_untyped(y.typ) {
                        self.convert_untyped(&mut y, ye, ids::UINT);
                    }
                }
                None => {
                    return self.errorf(
                        ye.pos,
                        format!("invalid shift count {}", self.operand_string(ye, &y)),
                    );
                }
            }
        } else if !self.types.is_integer(y.typ) {
            return self.errorf(
                ye.pos,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.operand_string(ye, &y)
                ),
            );
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
                        return self.errorf(
                            xe.pos,
                            format!(
                                "invalid operation: shifted operand {} must be integer",
                                self.operand_string(xe, &x)
                            ),
                        );
                    }
                }
            }
            if let Some(s) = &y.val {
                let s = s.as_int().and_then(|i| i.to_u64()).unwrap_or(u64::MAX);
                if !self.types.is_integer(x.typ) {
                    return self.errorf(
                        xe.pos,
                        format!(
                            "invalid operation: shifted operand {} must be integer",
                            self.operand_string(xe, &x)
                        ),
                    );
                }
                let i = x.val.as_ref().and_then(|v| v.as_int()).unwrap_or_default();
                let Some(r) = constant::shift(op == BinOp::Shl, &i, s) else {
                    return self.errorf(
                        ye.pos,
                        format!("invalid shift count {}", self.expr_string(ye)),
                    );
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
            return self.errorf(
                x_pos(e),
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.operand_string(xe, &x)
                ),
            );
        }
        Operand::value(x.typ)
    }

    pub(crate) fn check_type_assertable(&mut self, e: &Expr, iface: TypeId, t: TypeId) {
        if self.types.is_interface(t) || !self.types.is_concrete(t) || !self.types.is_concrete(iface) {
            // With type parameters the answer depends on the instance.
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
        if self.types.is_type_param(t) {
            return "incomparable types in type set".to_string();
        }
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
            Type::Interface(_) | Type::Constraint { .. } => "interface",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Tuple(_) => "tuple",
            Type::Named(_) | Type::TypeParam(_) => "",
        }
    }
}

fn x_pos(e: &Expr) -> rgoc_syntax::Pos {
    // gc reports binary-operation errors at the left operand's position.
    match &e.kind {
        ExprKind::Binary { x, .. } => x_pos(x),
        _ => e.pos,
    }
}
