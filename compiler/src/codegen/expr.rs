//! Expressions: constants, variables, operators with Go's semantics
//! (wrap-around, division checks, shift rules), conversions, calls,
//! builtins (print, println, len, panic), strings.

use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::{FloatPredicate, IntPredicate};
use rgoc_syntax::{BinOp, Expr, ExprKind, Pos, UnOp};
use rgoc_types::{ids, BasicKind, Builtin, Mode, ObjKind, Type, TypeId, Value};

use super::rt::R;
use super::Gen;

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        _ => e,
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// The bytes of a string constant as a pointer to a private global.
    pub fn string_data(&mut self, s: &[u8]) -> PointerValue<'ctx> {
        if s.is_empty() {
            return self.ptr_type().const_null();
        }
        if let Some(g) = self.strings.get(s) {
            return g.as_pointer_value();
        }
        let arr = self.ctx.const_string(s, false);
        let g = self.module.add_global(arr.get_type(), None, "go:string");
        g.set_initializer(&arr);
        g.set_constant(true);
        g.set_linkage(inkwell::module::Linkage::Private);
        g.set_unnamed_addr(true);
        self.strings.insert(s.to_vec(), g);
        g.as_pointer_value()
    }

    pub fn const_string_value(&mut self, s: &[u8]) -> BasicValueEnum<'ctx> {
        let p = self.string_data(s);
        let len = self.ctx.i64_type().const_int(s.len() as u64, false);
        self.string_type()
            .const_named_struct(&[p.into(), len.into()])
            .into()
    }

    /// A constant value of type `t`.
    pub fn constant(&mut self, v: &Value, t: TypeId, pos: Pos) -> Option<BasicValueEnum<'ctx>> {
        let t = if self.c.types.is_untyped(t) {
            self.c.types.default_type(t)
        } else {
            t
        };
        let ty = self.llvm_type(t, pos)?;
        let k = match self.c.types.basic(t) {
            Some(k) => k,
            None => {
                // Constants of interface type (e.g. passing 1 to any) are
                // converted at the use site.
                self.unsupported(pos, "constant of non-basic type");
                return None;
            }
        };
        Some(match v {
            Value::Bool(b) => self.ctx.bool_type().const_int(*b as u64, false).into(),
            Value::String(s) => self.const_string_value(s),
            _ if k.is_integer() => {
                let i = v.as_int().unwrap_or_default();
                // Two's complement truncation to 64 bits, then to the width.
                let u = rgoc_types::constant::wrap_u64(&i);
                ty.into_int_type().const_int(u, false).into()
            }
            _ if k.is_float() => ty.into_float_type().const_float(v.to_f64()).into(),
            _ if k.is_complex() => {
                let (re, im) = v.complex_parts();
                let ft = if k == BasicKind::Complex64 {
                    self.ctx.f32_type()
                } else {
                    self.ctx.f64_type()
                };
                ty.into_struct_type()
                    .const_named_struct(&[ft.const_float(re).into(), ft.const_float(im).into()])
                    .into()
            }
            _ => {
                self.unsupported(pos, "constant");
                return None;
            }
        })
    }

    pub fn one(&mut self, t: TypeId, pos: Pos) -> BasicValueEnum<'ctx> {
        self.constant(&Value::int(1), t, pos).expect("one")
    }

    /// Evaluates `e` and converts it to type `t` (assignability conversions:
    /// untyped constants, values to interfaces).
    pub fn expr_to(&mut self, e: &Expr, t: TypeId) -> Option<BasicValueEnum<'ctx>> {
        let et = self.info.type_of(e);
        if let Some(tv) = self.info.tv(e) {
            if let Some(v) = &tv.val {
                if self.c.types.basic(t).is_some() {
                    let v = v.clone();
                    return self.constant(&v, t, e.pos);
                }
            }
        }
        if et == ids::UNTYPED_NIL {
            let ty = self.llvm_type(t, e.pos)?;
            return Some(ty.const_zero());
        }
        let v = self.expr(e)?;
        Some(self.convert_value(v, et, t, e.pos))
    }

    /// Implicit conversion of a value of type `from` to `to` (identical
    /// representation, or boxing into an interface).
    pub fn convert_value(
        &mut self,
        v: BasicValueEnum<'ctx>,
        from: TypeId,
        to: TypeId,
        pos: Pos,
    ) -> BasicValueEnum<'ctx> {
        if from == to || to == ids::INVALID {
            return v;
        }
        if self.c.types.is_interface(to) && from != ids::UNTYPED_NIL {
            if let Some(r) = self.to_iface(v, from, to, pos) {
                return r;
            }
        }
        v
    }

    pub fn cond(&mut self, e: &Expr) -> Option<IntValue<'ctx>> {
        Some(self.expr_to(e, ids::BOOL)?.into_int_value())
    }

    /// Evaluates an expression to its value (None after a diagnostic).
    pub fn expr(&mut self, e: &Expr) -> Option<BasicValueEnum<'ctx>> {
        if let Some(super::func::Preset::Value(v)) = self.preset_of(e.id) {
            return Some(v);
        }
        let Some(tv) = self.info.tv(e).cloned() else {
            self.unsupported(e.pos, "expression without type information");
            return None;
        };
        if let Some(v) = &tv.val {
            return self.constant(v, tv.typ, e.pos);
        }
        let t = tv.typ;
        let comma_ok = self.info.comma_ok.contains(&e.id);
        if let Some(&inst) = self.info.instances.get(&e.id) {
            // `F[int]` or an inferred `F`: the instance's function value.
            return self.obj_value(e, inst, t);
        }
        match &e.kind {
            ExprKind::Paren(x) => {
                if comma_ok {
                    let _ = x;
                }
                self.expr(x)
            }
            ExprKind::Ident(_) => {
                let o = self.info.obj_of(e.id)?;
                self.obj_value(e, o, t)
            }
            ExprKind::Selector { .. } if !self.info.selections.contains_key(&e.id) => {
                // A qualified identifier pkg.Name.
                let o = self.info.obj_of(e.id)?;
                self.obj_value(e, o, t)
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x, t),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y, t),
            ExprKind::Call {
                fun,
                args,
                ellipsis,
            } => self.call(e, fun, args, *ellipsis, t),
            ExprKind::Index { x, indices } => {
                let xt = self.info.type_of(x);
                if self.c.types.is_string(xt) {
                    let s = self.expr(x)?;
                    let i = self.index_int(&indices[0])?;
                    let (ptr, len) = self.string_parts(s);
                    self.bounds_check(i, len);
                    let p = unsafe {
                        self.builder
                            .build_gep(self.ctx.i8_type(), ptr, &[i], "")
                            .expect("gep")
                    };
                    return Some(
                        self.builder
                            .build_load(self.ctx.i8_type(), p, "")
                            .expect("load"),
                    );
                }
                if let Type::Map(kt, _) = self.c.types.under(xt).clone() {
                    let m = self.expr(x)?;
                    let k = self.expr_to(&indices[0], kt)?;
                    let (v, ok) = self.map_index(xt, m, k, e.pos)?;
                    if comma_ok {
                        return Some(self.pair(v, ok.into()));
                    }
                    return Some(v);
                }
                if indices.len() != 1 || matches!(self.c.types.under(xt), Type::Func(_)) {
                    self.unsupported(e.pos, "generic instantiation");
                    return None;
                }
                self.index_value(e, x, &indices[0])
            }
            ExprKind::Star(x) => {
                let p = self.expr(x)?.into_pointer_value();
                self.nil_check(p);
                self.load(t, p, e.pos)
            }
            ExprKind::Selector { x, sel } => {
                let Some(s) = self.info.selections.get(&e.id).cloned() else {
                    self.unsupported(e.pos, "qualified identifier");
                    return None;
                };
                match s.kind {
                    rgoc_types::SelectionKind::FieldVal => self.field_value(e, x, &s.path),
                    rgoc_types::SelectionKind::MethodVal => self.method_value(e, x, &s, &sel.name),
                    rgoc_types::SelectionKind::MethodExpr => {
                        let rt = self.info.type_of(x);
                        self.method_expr(e, rt, &sel.name)
                    }
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::CompositeLit { elts, .. } => self.composite_lit(e, elts),
            ExprKind::FuncLit { sig, body } => self.func_lit(e, sig, body),
            ExprKind::TypeAssert { x, typ: Some(_) } => {
                let (v, ok) = self.type_assert(x, t, comma_ok, e.pos)?;
                if comma_ok {
                    return Some(self.pair(v, ok.into()));
                }
                Some(v)
            }
            _ => {
                self.unsupported(e.pos, &format!("expression {}", expr_kind_name(e)));
                None
            }
        }
    }

    /// The value of a named object (variable, function, nil).
    fn obj_value(
        &mut self,
        e: &Expr,
        o: rgoc_types::ObjId,
        t: TypeId,
    ) -> Option<BasicValueEnum<'ctx>> {
        let obj = self.c.objs.get(o);

        match &obj.kind {
            ObjKind::Var { .. } => {
                let ot = obj.typ;
                let p = self.var_ptr(o, e.pos)?;
                self.load(ot, p, e.pos)
            }
            ObjKind::Nil => Some(self.llvm_type(t, e.pos)?.const_zero()),
            ObjKind::Func => self.func_value(o, e.pos),
            _ => {
                self.unsupported(e.pos, "identifier");
                None
            }
        }
    }

    /// A two-value (value, ok) aggregate.
    pub fn pair(&mut self, a: BasicValueEnum<'ctx>, b: BasicValueEnum<'ctx>) -> BasicValueEnum<'ctx> {
        let st = self.ctx.struct_type(&[a.get_type(), b.get_type()], false);
        self.aggregate(st, &[a, b])
    }

    pub fn make_string(&mut self, p: PointerValue<'ctx>, n: IntValue<'ctx>) -> BasicValueEnum<'ctx> {
        let st = self.string_type();
        self.aggregate(st, &[p.into(), n.into()])
    }

    pub fn string_parts(&mut self, s: BasicValueEnum<'ctx>) -> (PointerValue<'ctx>, IntValue<'ctx>) {
        let f = self.unpack(s, 2);
        (f[0].into_pointer_value(), f[1].into_int_value())
    }

    /// An index operand as i64 (sign- or zero-extended from its type).
    pub fn index_int(&mut self, e: &Expr) -> Option<IntValue<'ctx>> {
        let t = self.info.type_of(e);
        let v = self.expr(e)?.into_int_value();
        Some(self.to_i64(v, t))
    }

    pub fn to_i64(&mut self, v: IntValue<'ctx>, t: TypeId) -> IntValue<'ctx> {
        let i64t = self.ctx.i64_type();
        if v.get_type().get_bit_width() == 64 {
            return v;
        }
        if self.c.types.is_unsigned(t) {
            self.builder.build_int_z_extend(v, i64t, "").expect("zext")
        } else {
            self.builder.build_int_s_extend(v, i64t, "").expect("sext")
        }
    }

    /// Branches to a call of a noreturn runtime panic function when `c`.
    pub fn panic_if(&mut self, c: IntValue<'ctx>, f: &str, args: &[BasicValueEnum<'ctx>]) {
        let bad = self.new_block("panic");
        let ok = self.new_block("ok");
        self.builder
            .build_conditional_branch(c, bad, ok)
            .expect("br");
        self.builder.position_at_end(bad);
        let shape: Vec<R> = match f {
            "runtime.panicSlice" => vec![R::I64, R::I64, R::I64],
            "runtime.panicIndex" => vec![R::I64, R::I64],
            "runtime.panicRuntimeError" => vec![R::Ptr, R::I64],
            _ => vec![],
        };
        // panicSlice takes its code as u32 in the runtime; an i64 in the
        // register is read as its low half.
        self.call_rt(f, &shape, R::Void, args);
        self.builder.build_unreachable().expect("unreachable");
        self.builder.position_at_end(ok);
    }

    /// gc's unsafeslice/unsafestring checks: len >= 0, len*size within the
    /// address space above ptr, no nil ptr with a non-zero length.
    pub fn unsafe_len_check(
        &mut self,
        p: PointerValue<'ctx>,
        n: IntValue<'ctx>,
        size: u64,
        what: &str,
    ) {
        let len_msg = format!("{}: len out of range", what);
        let nil_msg = format!("{}: ptr is nil and len is not zero", what);
        let panic_with = |g: &mut Self, c: IntValue<'ctx>, msg: &str| {
            let sp = g.string_data(msg.as_bytes());
            g.panic_if(
                c,
                "runtime.panicRuntimeError",
                &[sp.into(), g.i64c(msg.len() as u64).into()],
            );
        };
        let zero = self.i64c(0);
        let neg = self
            .builder
            .build_int_compare(IntPredicate::SLT, n, zero, "")
            .expect("cmp");
        panic_with(self, neg, &len_msg);
        let pi = self
            .builder
            .build_ptr_to_int(p, self.ctx.i64_type(), "")
            .expect("ptrtoint");
        let room = self.builder.build_int_sub(zero, pi, "").expect("sub");
        let is_nil = self.builder.build_is_null(p, "").expect("isnull");
        let bad = if size == 0 {
            let nz = self
                .builder
                .build_int_compare(IntPredicate::NE, n, zero, "")
                .expect("cmp");
            self.builder.build_and(is_nil, nz, "").expect("and")
        } else {
            // mem = n*size overflows, or mem > -ptr.
            let over = self
                .builder
                .build_int_compare(IntPredicate::UGT, n, self.i64c(u64::MAX / size), "")
                .expect("cmp");
            let mem = self
                .builder
                .build_int_mul(n, self.i64c(size), "")
                .expect("mul");
            let past = self
                .builder
                .build_int_compare(IntPredicate::UGT, mem, room, "")
                .expect("cmp");
            self.builder.build_or(over, past, "").expect("or")
        };
        // Out of range: a nil pointer reports itself, anything else the length.
        let nil_bad = self.builder.build_and(bad, is_nil, "").expect("and");
        panic_with(self, nil_bad, &nil_msg);
        panic_with(self, bad, &len_msg);
    }

    /// Calls a runtime predicate returning a byte; true when it returned
    /// non-zero (or zero, when `negate`).
    pub fn rt_bool(&mut self, f: &str, shape: &[R], args: &[BasicValueEnum<'ctx>], negate: bool) -> Option<IntValue<'ctx>> {
        let r = self.call_rt(f, shape, R::I8, args)?.into_int_value();
        let pred = if negate { IntPredicate::EQ } else { IntPredicate::NE };
        Some(self.builder.build_int_compare(pred, r, self.ctx.i8_type().const_zero(), "").expect("cmp"))
    }

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, t: TypeId) -> Option<BasicValueEnum<'ctx>> {
        match op {
            UnOp::Pos => self.expr_to(x, t),
            UnOp::Neg => {
                let v = self.expr_to(x, t)?;
                if self.c.types.is_integer(t) {
                    Some(
                        self.builder
                            .build_int_neg(v.into_int_value(), "")
                            .expect("neg")
                            .into(),
                    )
                } else if self.c.types.is_float(t) {
                    Some(
                        self.builder
                            .build_float_neg(v.into_float_value(), "")
                            .expect("neg")
                            .into(),
                    )
                } else {
                    let (re, im) = self.complex_parts(v);
                    let re = self.builder.build_float_neg(re, "").expect("neg");
                    let im = self.builder.build_float_neg(im, "").expect("neg");
                    Some(self.make_complex(re, im, t, e.pos))
                }
            }
            UnOp::Not => {
                let v = self.expr_to(x, t)?;
                Some(
                    self.builder
                        .build_not(v.into_int_value(), "")
                        .expect("not")
                        .into(),
                )
            }
            UnOp::Xor => {
                let v = self.expr_to(x, t)?;
                Some(
                    self.builder
                        .build_not(v.into_int_value(), "")
                        .expect("not")
                        .into(),
                )
            }
            UnOp::Addr => Some(self.addr(x)?.into()),
            UnOp::Recv => self.recv_expr(x, self.info.comma_ok.contains(&e.id), e.pos),
        }
    }

    fn binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: &Expr,
        y: &Expr,
        t: TypeId,
    ) -> Option<BasicValueEnum<'ctx>> {
        if matches!(op, BinOp::LAnd | BinOp::LOr) {
            let lv = self.cond(x)?;
            let lhs_end = self.builder.get_insert_block().expect("block");
            let rhs_b = self.new_block(if op == BinOp::LAnd {
                "and.rhs"
            } else {
                "or.rhs"
            });
            let end = self.new_block("logic.end");
            if op == BinOp::LAnd {
                self.builder
                    .build_conditional_branch(lv, rhs_b, end)
                    .expect("br");
            } else {
                self.builder
                    .build_conditional_branch(lv, end, rhs_b)
                    .expect("br");
            }
            self.builder.position_at_end(rhs_b);
            let rv = self.cond(y)?;
            let rhs_end = self.builder.get_insert_block().expect("block");
            self.builder.build_unconditional_branch(end).expect("br");
            self.builder.position_at_end(end);
            let phi = self
                .builder
                .build_phi(self.ctx.bool_type(), "")
                .expect("phi");
            let short = self
                .ctx
                .bool_type()
                .const_int((op == BinOp::LOr) as u64, false);
            phi.add_incoming(&[(&short, lhs_end), (&rv, rhs_end)]);
            return Some(phi.as_basic_value());
        }
        if op.is_comparison() {
            let (xt, yt) = (self.info.type_of(x), self.info.type_of(y));
            // Operands of a comparison have been converted to a common type.
            let ct = if self.c.types.is_untyped(xt) { yt } else { xt };
            let ct = if self.c.types.is_untyped(ct) {
                self.c.types.default_type(ct)
            } else {
                ct
            };
            let ct = if self.c.types.is_interface(yt)
                && !self.c.types.is_interface(xt)
                && xt != ids::UNTYPED_NIL
            {
                yt
            } else {
                ct
            };
            let xv = self.expr_to(x, ct)?;
            let yv = self.expr_to(y, ct)?;
            let r = self.compare(op, xv, ct, yv, ct, e.pos)?;
            return Some(r.into());
        }
        if op.is_shift() {
            let xv = self.expr_to(x, t)?;
            let yt = self.info.type_of(y);
            let yv = self.expr(y)?;
            return self.shift(op, xv, yv, t, yt, e.pos);
        }
        let xv = self.expr_to(x, t)?;
        let yv = self.expr_to(y, t)?;
        self.arith(op, xv, yv, t, e.pos)
    }

    /// Arithmetic with Go semantics on values of type `t`.
    pub fn arith(
        &mut self,
        op: BinOp,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
        t: TypeId,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let b = &self.builder;
        if self.c.types.is_string(t) {
            if op == BinOp::Add {
                let (xp, xn) = self.string_parts(x);
                let (yp, yn) = self.string_parts(y);
                return self.call_rt(
                    "runtime.concatstring2",
                    &[R::Ptr, R::I64, R::Ptr, R::I64],
                    R::Str,
                    &[xp.into(), xn.into(), yp.into(), yn.into()],
                );
            }
            self.unsupported(pos, "string operator");
            return None;
        }
        if self.c.types.is_integer(t) {
            let (a, c) = (x.into_int_value(), y.into_int_value());
            let unsigned = self.c.types.is_unsigned(t);
            return Some(match op {
                BinOp::Add => b.build_int_add(a, c, "").expect("add").into(),
                BinOp::Sub => b.build_int_sub(a, c, "").expect("sub").into(),
                BinOp::Mul => b.build_int_mul(a, c, "").expect("mul").into(),
                BinOp::And => b.build_and(a, c, "").expect("and").into(),
                BinOp::Or => b.build_or(a, c, "").expect("or").into(),
                BinOp::Xor => b.build_xor(a, c, "").expect("xor").into(),
                BinOp::AndNot => {
                    let nc = b.build_not(c, "").expect("not");
                    b.build_and(a, nc, "").expect("and").into()
                }
                BinOp::Div | BinOp::Rem => {
                    let zero = a.get_type().const_zero();
                    let is_zero = self
                        .builder
                        .build_int_compare(IntPredicate::EQ, c, zero, "")
                        .expect("cmp");
                    self.panic_if(is_zero, "runtime.panicdivide", &[]);
                    let b = &self.builder;
                    if unsigned {
                        if op == BinOp::Div {
                            b.build_int_unsigned_div(a, c, "").expect("udiv").into()
                        } else {
                            b.build_int_unsigned_rem(a, c, "").expect("urem").into()
                        }
                    } else {
                        // MinInt / -1 overflows in hardware; Go defines it as
                        // MinInt (and the remainder as 0).
                        let m1 = a.get_type().const_all_ones();
                        let is_m1 = b
                            .build_int_compare(IntPredicate::EQ, c, m1, "")
                            .expect("cmp");
                        let one = a.get_type().const_int(1, false);
                        let safe = b
                            .build_select(is_m1, one, c, "")
                            .expect("select")
                            .into_int_value();
                        if op == BinOp::Div {
                            let q = b.build_int_signed_div(a, safe, "").expect("sdiv");
                            let neg = b.build_int_neg(a, "").expect("neg");
                            b.build_select(is_m1, neg, q, "").expect("select")
                        } else {
                            let r = b.build_int_signed_rem(a, safe, "").expect("srem");
                            b.build_select(is_m1, zero, r, "").expect("select")
                        }
                    }
                }
                _ => {
                    self.unsupported(pos, "integer operator");
                    return None;
                }
            });
        }
        if self.c.types.is_float(t) {
            let (a, c) = (x.into_float_value(), y.into_float_value());
            return Some(match op {
                BinOp::Add => b.build_float_add(a, c, "").expect("fadd").into(),
                BinOp::Sub => b.build_float_sub(a, c, "").expect("fsub").into(),
                BinOp::Mul => b.build_float_mul(a, c, "").expect("fmul").into(),
                BinOp::Div => b.build_float_div(a, c, "").expect("fdiv").into(),
                _ => {
                    self.unsupported(pos, "float operator");
                    return None;
                }
            });
        }
        if self.c.types.is_complex(t) {
            return self.complex_arith(op, x, y, t, pos);
        }
        self.unsupported(
            pos,
            &format!(
                "operator {} on {}",
                op.as_str(),
                self.c.types.type_string(t)
            ),
        );
        None
    }

    fn complex_arith(
        &mut self,
        op: BinOp,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
        t: TypeId,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let (a, b) = self.complex_parts(x);
        let (c, d) = self.complex_parts(y);
        let bl = &self.builder;
        let (re, im) = match op {
            BinOp::Add => (
                bl.build_float_add(a, c, "").expect("fadd"),
                bl.build_float_add(b, d, "").expect("fadd"),
            ),
            BinOp::Sub => (
                bl.build_float_sub(a, c, "").expect("fsub"),
                bl.build_float_sub(b, d, "").expect("fsub"),
            ),
            BinOp::Mul => {
                let ac = bl.build_float_mul(a, c, "").expect("fmul");
                let bd = bl.build_float_mul(b, d, "").expect("fmul");
                let ad = bl.build_float_mul(a, d, "").expect("fmul");
                let bc = bl.build_float_mul(b, c, "").expect("fmul");
                (
                    bl.build_float_sub(ac, bd, "").expect("fsub"),
                    bl.build_float_add(ad, bc, "").expect("fadd"),
                )
            }
            BinOp::Div => {
                let f64t = self.ctx.f64_type();
                let wide: Vec<BasicValueEnum> = [a, b, c, d]
                    .iter()
                    .map(|v| {
                        self.builder
                            .build_float_ext(*v, f64t, "")
                            .expect("fpext")
                            .into()
                    })
                    .collect();
                let r = self
                    .call_rt(
                        "runtime.complex128div",
                        &[R::F64, R::F64, R::F64, R::F64],
                        R::F64Pair,
                        &wide,
                    )?
                    .into_struct_value();
                let re = self
                    .builder
                    .build_extract_value(r, 0, "")
                    .expect("extract")
                    .into_float_value();
                let im = self
                    .builder
                    .build_extract_value(r, 1, "")
                    .expect("extract")
                    .into_float_value();
                let ft = a.get_type();
                (
                    self.builder.build_float_trunc(re, ft, "").expect("fptrunc"),
                    self.builder.build_float_trunc(im, ft, "").expect("fptrunc"),
                )
            }
            _ => {
                self.unsupported(pos, "complex operator");
                return None;
            }
        };
        Some(self.make_complex(re, im, t, pos))
    }

    /// x << y, x >> y with Go's rules: counts >= width give 0 (or the sign),
    /// negative signed counts panic.
    pub fn shift(
        &mut self,
        op: BinOp,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
        t: TypeId,
        yt: TypeId,
        _pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let a = x.into_int_value();
        let mut cnt = y.into_int_value();
        let i64t = self.ctx.i64_type();
        if !self.c.types.is_unsigned(yt) && !self.c.types.is_untyped(yt) {
            let neg = self
                .builder
                .build_int_compare(IntPredicate::SLT, cnt, cnt.get_type().const_zero(), "")
                .expect("cmp");
            self.panic_if(neg, "runtime.panicshift", &[]);
        }
        if cnt.get_type().get_bit_width() < 64 {
            cnt = self
                .builder
                .build_int_z_extend(cnt, i64t, "")
                .expect("zext");
        }
        let width = a.get_type().get_bit_width() as u64;
        let big = self
            .builder
            .build_int_compare(IntPredicate::UGE, cnt, i64t.const_int(width, false), "")
            .expect("cmp");
        let clamped = self
            .builder
            .build_select(big, i64t.const_int(width - 1, false), cnt, "")
            .expect("select")
            .into_int_value();
        let c = if width < 64 {
            self.builder
                .build_int_truncate(clamped, a.get_type(), "")
                .expect("trunc")
        } else {
            clamped
        };
        let b = &self.builder;
        Some(match op {
            BinOp::Shl => {
                let r = b.build_left_shift(a, c, "").expect("shl");
                b.build_select(big, a.get_type().const_zero(), r, "")
                    .expect("select")
            }
            _ => {
                if self.c.types.is_unsigned(t) {
                    let r = b.build_right_shift(a, c, false, "").expect("lshr");
                    b.build_select(big, a.get_type().const_zero(), r, "")
                        .expect("select")
                } else {
                    // Clamped to width-1, an arithmetic shift gives the sign fill.
                    b.build_right_shift(a, c, true, "").expect("ashr").into()
                }
            }
        })
    }

    /// Comparison of two values of type `t` (already converted).
    pub fn compare(
        &mut self,
        op: BinOp,
        x: BasicValueEnum<'ctx>,
        t: TypeId,
        y: BasicValueEnum<'ctx>,
        _yt: TypeId,
        pos: Pos,
    ) -> Option<IntValue<'ctx>> {
        if self.c.types.is_string(t) {
            let (xp, xn) = self.string_parts(x);
            let (yp, yn) = self.string_parts(y);
            let args = [xp.into(), xn.into(), yp.into(), yn.into()];
            if matches!(op, BinOp::Eq | BinOp::Ne) {
                return self.rt_bool("runtime.eqstring", &[R::Ptr, R::I64, R::Ptr, R::I64], &args, op == BinOp::Ne);
            }
            let r = self
                .call_rt(
                    "runtime.cmpstring",
                    &[R::Ptr, R::I64, R::Ptr, R::I64],
                    R::I64,
                    &args,
                )?
                .into_int_value();
            let pred = match op {
                BinOp::Lt => IntPredicate::SLT,
                BinOp::Le => IntPredicate::SLE,
                BinOp::Gt => IntPredicate::SGT,
                _ => IntPredicate::SGE,
            };
            return Some(
                self.builder
                    .build_int_compare(pred, r, self.ctx.i64_type().const_zero(), "")
                    .expect("cmp"),
            );
        }
        if self.c.types.is_float(t) {
            let pred = match op {
                BinOp::Eq => FloatPredicate::OEQ,
                BinOp::Ne => FloatPredicate::UNE,
                BinOp::Lt => FloatPredicate::OLT,
                BinOp::Le => FloatPredicate::OLE,
                BinOp::Gt => FloatPredicate::OGT,
                _ => FloatPredicate::OGE,
            };
            return Some(
                self.builder
                    .build_float_compare(pred, x.into_float_value(), y.into_float_value(), "")
                    .expect("fcmp"),
            );
        }
        match self.c.types.under(t).clone() {
            Type::Interface(_) => {
                let r = self.iface_eq(x, y, t);
                return Some(if op == BinOp::Ne {
                    self.builder.build_not(r, "").expect("not")
                } else {
                    r
                });
            }
            Type::Slice(_) => {
                let (xp, _, _) = self.slice_parts(x);
                let (yp, _, _) = self.slice_parts(y);
                let pred = if op == BinOp::Eq {
                    IntPredicate::EQ
                } else {
                    IntPredicate::NE
                };
                return Some(
                    self.builder
                        .build_int_compare(pred, xp, yp, "")
                        .expect("cmp"),
                );
            }
            Type::Struct(_) | Type::Array(..) => {
                let d = self.type_desc(t, pos).as_pointer_value();
                let (xp, yp) = (self.spill_typed(x, t), self.spill_typed(y, t));
                return self.rt_bool("runtime.memequal_typed", &[R::Ptr, R::Ptr, R::Ptr], &[d.into(), xp.into(), yp.into()], op == BinOp::Ne);
            }
            Type::Basic(k) if k.is_complex() => {
                let (xr, xi) = self.complex_parts(x);
                let (yr, yi) = self.complex_parts(y);
                let a = self
                    .builder
                    .build_float_compare(FloatPredicate::OEQ, xr, yr, "")
                    .expect("fcmp");
                let b = self
                    .builder
                    .build_float_compare(FloatPredicate::OEQ, xi, yi, "")
                    .expect("fcmp");
                let r = self.builder.build_and(a, b, "").expect("and");
                return Some(if op == BinOp::Ne {
                    self.builder.build_not(r, "").expect("not")
                } else {
                    r
                });
            }
            _ => {}
        }
        if self.c.types.is_integer(t)
            || self.c.types.is_boolean(t)
            || matches!(
                self.c.types.under(t),
                Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_)
            )
            || self.c.types.basic(t) == Some(BasicKind::UnsafePointer)
        {
            let unsigned = self.c.types.is_unsigned(t);
            let pred = match (op, unsigned) {
                (BinOp::Eq, _) => IntPredicate::EQ,
                (BinOp::Ne, _) => IntPredicate::NE,
                (BinOp::Lt, false) => IntPredicate::SLT,
                (BinOp::Le, false) => IntPredicate::SLE,
                (BinOp::Gt, false) => IntPredicate::SGT,
                (BinOp::Ge, false) => IntPredicate::SGE,
                (BinOp::Lt, true) => IntPredicate::ULT,
                (BinOp::Le, true) => IntPredicate::ULE,
                (BinOp::Gt, true) => IntPredicate::UGT,
                (_, true) => IntPredicate::UGE,
                (_, false) => IntPredicate::SGE,
            };
            if x.is_pointer_value() {
                return Some(
                    self.builder
                        .build_int_compare(pred, x.into_pointer_value(), y.into_pointer_value(), "")
                        .expect("cmp"),
                );
            }
            return Some(
                self.builder
                    .build_int_compare(pred, x.into_int_value(), y.into_int_value(), "")
                    .expect("cmp"),
            );
        }
        self.unsupported(
            pos,
            &format!("comparison of {}", self.c.types.type_string(t)),
        );
        None
    }

    fn call(
        &mut self,
        e: &Expr,
        fun: &Expr,
        args: &[Expr],
        ellipsis: bool,
        t: TypeId,
    ) -> Option<BasicValueEnum<'ctx>> {
        let ftv = self.info.tv(fun).cloned();
        match ftv.as_ref().map(|t| t.mode) {
            Some(Mode::Type) => return self.conversion(e, &args[0], t),
            Some(Mode::Builtin) => {
                let o = self.info.obj_of(strip(fun).id);
                let b = match o.map(|o| &self.c.objs.get(o).kind) {
                    Some(ObjKind::Builtin(b)) => *b,
                    _ => {
                        self.unsupported(e.pos, "builtin");
                        return None;
                    }
                };
                return self.builtin(e, b, args, ellipsis);
            }
            _ => {}
        }
        self.call_expr(e, fun, args, ellipsis)
    }

    /// Splits a multi-value (tuple) value into its parts.
    pub fn unpack_multi(&mut self, _e: &Expr, v: BasicValueEnum<'ctx>, n: usize) -> Vec<BasicValueEnum<'ctx>> {
        self.unpack(v, n as u32)
    }

    pub fn multi_types(&self, e: &Expr) -> Vec<TypeId> {
        let t = self.info.type_of(e);
        if self.info.comma_ok.contains(&strip(e).id) {
            return vec![t, ids::BOOL];
        }
        self.c.types.results(t)
    }

    fn conversion(&mut self, e: &Expr, x: &Expr, t: TypeId) -> Option<BasicValueEnum<'ctx>> {
        let xt = self.info.type_of(x);
        if xt == ids::UNTYPED_NIL {
            return Some(self.llvm_type(t, e.pos)?.const_zero());
        }
        let v = self.expr(x)?;
        let (fk, tk) = (self.c.types.basic(xt), self.c.types.basic(t));
        let tty = self.llvm_type(t, e.pos)?;
        match (fk, tk) {
            (Some(a), Some(b)) if a.is_integer() && b.is_integer() => {
                let iv = v.into_int_value();
                let tw = tty.into_int_type();
                let (fw, w) = (iv.get_type().get_bit_width(), tw.get_bit_width());
                Some(if fw == w {
                    iv.into()
                } else if fw > w {
                    self.builder
                        .build_int_truncate(iv, tw, "")
                        .expect("trunc")
                        .into()
                } else if a.is_unsigned() {
                    self.builder
                        .build_int_z_extend(iv, tw, "")
                        .expect("zext")
                        .into()
                } else {
                    self.builder
                        .build_int_s_extend(iv, tw, "")
                        .expect("sext")
                        .into()
                })
            }
            (Some(a), Some(b)) if a.is_integer() && b.is_float() => {
                let ft = tty.into_float_type();
                Some(if a.is_unsigned() {
                    self.builder
                        .build_unsigned_int_to_float(v.into_int_value(), ft, "")
                        .expect("uitofp")
                        .into()
                } else {
                    self.builder
                        .build_signed_int_to_float(v.into_int_value(), ft, "")
                        .expect("sitofp")
                        .into()
                })
            }
            (Some(a), Some(b)) if a.is_float() && b.is_integer() => {
                // Not fptosi/fptoui: poison out of range (fpconv.rs).
                Some(self.float_to_int(v.into_float_value(), b, tty.into_int_type()).into())
            }
            (Some(a), Some(b)) if a.is_float() && b.is_float() => {
                let ft = tty.into_float_type();
                Some(
                    self.builder
                        .build_float_cast(v.into_float_value(), ft, "")
                        .expect("fpcast")
                        .into(),
                )
            }
            (Some(a), Some(b)) if a.is_integer() && b.is_string() => {
                let iv = self.to_i64(v.into_int_value(), xt);
                self.call_rt("runtime.intstring", &[R::I64], R::Str, &[iv.into()])
            }
            (Some(a), Some(b))
                if a == b
                    || (a.is_string() && b.is_string())
                    || (a.is_boolean() && b.is_boolean()) =>
            {
                Some(v)
            }
            (Some(a), Some(b)) if a.is_complex() && b.is_complex() => {
                let (re, im) = self.complex_parts(v);
                let ft = if b == BasicKind::Complex64 {
                    self.ctx.f32_type()
                } else {
                    self.ctx.f64_type()
                };
                let re = self.builder.build_float_cast(re, ft, "").expect("fpcast");
                let im = self.builder.build_float_cast(im, ft, "").expect("fpcast");
                Some(self.make_complex(re, im, t, e.pos))
            }
            (Some(a), Some(BasicKind::UnsafePointer)) if a.is_integer() => Some(
                self.builder
                    .build_int_to_ptr(v.into_int_value(), self.ptr_type(), "")
                    .expect("inttoptr")
                    .into(),
            ),
            (Some(BasicKind::UnsafePointer), Some(b)) if b.is_integer() => Some(
                self.builder
                    .build_ptr_to_int(v.into_pointer_value(), tty.into_int_type(), "")
                    .expect("ptrtoint")
                    .into(),
            ),
            (Some(a), None) if a.is_string() && matches!(self.c.types.under(t), Type::Slice(_)) => {
                let (p, n) = self.string_parts(v);
                let et = self.slice_elem(t);
                let f = if self
                    .c
                    .types
                    .basic(et)
                    .is_some_and(|k| k == BasicKind::Int32)
                {
                    "runtime.stringtoslicerune"
                } else {
                    "runtime.stringtoslicebyte"
                };
                let out = self.alloca(self.slice_type().into(), "conv");
                self.call_rt(
                    f,
                    &[R::Ptr, R::Ptr, R::I64],
                    R::Void,
                    &[out.into(), p.into(), n.into()],
                );
                Some(
                    self.builder
                        .build_load(self.slice_type(), out, "")
                        .expect("load"),
                )
            }
            (None, Some(b))
                if b.is_string() && matches!(self.c.types.under(xt), Type::Slice(_)) =>
            {
                let (p, n, _) = self.slice_parts(v);
                let et = self.slice_elem(xt);
                let f = if self
                    .c
                    .types
                    .basic(et)
                    .is_some_and(|k| k == BasicKind::Int32)
                {
                    "runtime.slicerunetostring"
                } else {
                    "runtime.slicebytetostring"
                };
                self.call_rt(f, &[R::Ptr, R::I64], R::Str, &[p.into(), n.into()])
            }
            _ => {
                if self.c.types.underlying(xt) == self.c.types.underlying(t) {
                    return Some(v);
                }
                // Channel direction changes, struct tags: same representation.
                if matches!(
                    (self.c.types.under(xt), self.c.types.under(t)),
                    (Type::Chan(..), Type::Chan(..)) | (Type::Struct(_), Type::Struct(_))
                ) {
                    return Some(v);
                }
                let ptrish = |g: &Self, x: TypeId| {
                    matches!(g.c.types.under(x), Type::Pointer(_))
                        || g.c.types.basic(x) == Some(BasicKind::UnsafePointer)
                };
                if ptrish(self, xt) && ptrish(self, t) {
                    return Some(v);
                }
                if self.c.types.is_interface(t) {
                    return Some(self.convert_value(v, xt, t, e.pos));
                }
                // []T -> *[N]T and []T -> [N]T (Go 1.17, 1.20): len >= N.
                if let Type::Slice(_) = self.c.types.under(xt) {
                    let (arr, is_ptr) = match self.c.types.under(t).clone() {
                        Type::Pointer(a) => (a, true),
                        _ => (t, false),
                    };
                    if let Type::Array(n, _) = self.c.types.under(arr).clone() {
                        let (p, l, _) = self.slice_parts(v);
                        let short = self
                            .builder
                            .build_int_compare(IntPredicate::ULT, l, self.i64c(n), "")
                            .expect("cmp");
                        self.panic_if(
                            short,
                            "runtime.panicSlice",
                            &[self.i64c(8).into(), self.i64c(n).into(), l.into()],
                        );
                        if is_ptr {
                            // A nil slice converts to a nil pointer (n == 0).
                            return Some(p.into());
                        }
                        return self.load(arr, p, e.pos);
                    }
                }
                self.unsupported(
                    e.pos,
                    &format!(
                        "conversion from {} to {}",
                        self.c.types.type_string(xt),
                        self.c.types.type_string(t)
                    ),
                );
                None
            }
        }
    }

    fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: bool,
    ) -> Option<BasicValueEnum<'ctx>> {
        let unit = Some(self.ctx.i8_type().const_zero().into());
        if self.is_multi_value_builtin(b, args) {
            return self.multi_value_builtin(e, b, &args[0]);
        }
        match b {
            Builtin::Print | Builtin::Println => {
                // Evaluate every operand first, then print under the lock.
                let mut vals = Vec::new();
                if args.len() == 1
                    && matches!(
                        self.c.types.get(self.info.type_of(&args[0])),
                        Type::Tuple(_)
                    )
                {
                    let v = self.expr(&args[0])?;
                    let ts = self.multi_types(&args[0]);
                    let parts = self.unpack_multi(&args[0], v, ts.len());
                    vals.extend(parts.into_iter().zip(ts).map(|(v, t)| (v, t, args[0].pos)));
                } else {
                    for a in args {
                        let t = self.info.type_of(a);
                        let t = if self.c.types.is_untyped(t) {
                            self.c.types.default_type(t)
                        } else {
                            t
                        };
                        let v = self.expr_to(a, t)?;
                        vals.push((v, t, a.pos));
                    }
                }
                self.call_rt("runtime.printlock", &[], R::Void, &[]);
                for (i, (v, t, pos)) in vals.into_iter().enumerate() {
                    if i > 0 && b == Builtin::Println {
                        self.call_rt("runtime.printsp", &[], R::Void, &[]);
                    }
                    self.print_value(v, t, pos);
                }
                if b == Builtin::Println {
                    self.call_rt("runtime.printnl", &[], R::Void, &[]);
                }
                self.call_rt("runtime.printunlock", &[], R::Void, &[]);
                unit
            }
            Builtin::Len | Builtin::Cap
                if matches!(
                    self.c.types.under(self.info.type_of(&args[0])),
                    Type::Chan(..)
                ) =>
            {
                self.chan_len_cap(&args[0], b == Builtin::Cap)
            }
            Builtin::Len | Builtin::Cap => self.len_cap(e, &args[0], b == Builtin::Cap),
            Builtin::Close => {
                self.close_chan(&args[0]);
                unit
            }
            Builtin::Append => self.append(e, args, ellipsis),
            Builtin::Copy => self.copy_builtin(args),
            Builtin::New => {
                let t = self.info.type_of(e);
                let et = self.pointer_elem(t);
                Some(self.new_object(et, e.pos).into())
            }
            Builtin::Make => {
                let t = self.info.type_of(&args[0]);
                match self.c.types.under(t).clone() {
                    Type::Slice(_) => self.make_slice_builtin(e, t, args),
                    Type::Map(..) => {
                        let hint = match args.get(1) {
                            Some(h) => self.index_int(h)?,
                            None => self.i64c(0),
                        };
                        Some(self.make_map(t, hint, e.pos))
                    }
                    Type::Chan(..) => self.make_chan(t, args.get(1), e.pos),
                    _ => {
                        self.unsupported(e.pos, "make of this type");
                        None
                    }
                }
            }
            Builtin::Delete => {
                let mt = self.info.type_of(&args[0]);
                let m = self.expr(&args[0])?;
                let kt = self.map_key_type(mt);
                let k = self.expr_to(&args[1], kt)?;
                self.map_delete(mt, m, k, e.pos);
                unit
            }
            Builtin::Clear => {
                let t = self.info.type_of(&args[0]);
                let v = self.expr(&args[0])?;
                match self.c.types.under(t).clone() {
                    Type::Map(..) => self.map_clear(t, v, e.pos),
                    Type::Slice(et) => {
                        let (p, l, _) = self.slice_parts(v);
                        let size = self.size_of(et, e.pos);
                        let bytes = self
                            .builder
                            .build_int_mul(l, self.i64c(size), "")
                            .expect("mul");
                        let wb = self.needs_wb(p, et, None);
                        self.clear_mem(p, bytes, 1, wb);
                    }
                    _ => self.unsupported(e.pos, "clear of this type"),
                }
                unit
            }
            Builtin::Min | Builtin::Max => {
                let t = self.info.type_of(e);
                let mut acc = self.expr_to(&args[0], t)?;
                for a in &args[1..] {
                    let v = self.expr_to(a, t)?;
                    acc = self.min_max(b == Builtin::Min, acc, v, t, e.pos)?;
                }
                Some(acc)
            }
            Builtin::Complex => {
                let t = self.info.type_of(e);
                let ft = if self.c.types.basic(t) == Some(BasicKind::Complex64) {
                    ids::FLOAT32
                } else {
                    ids::FLOAT64
                };
                let re = self.expr_to(&args[0], ft)?.into_float_value();
                let im = self.expr_to(&args[1], ft)?.into_float_value();
                Some(self.make_complex(re, im, t, e.pos))
            }
            Builtin::Real | Builtin::Imag => {
                let v = self.expr(&args[0])?;
                let (re, im) = self.complex_parts(v);
                Some(if b == Builtin::Real { re } else { im }.into())
            }
            Builtin::Recover => self.recover(),
            Builtin::RangePanic => {
                let state = self.expr(&args[0])?;
                self.call_rt("runtime.panicrangestate", &[R::I64], R::Void, &[state]);
                self.builder.build_unreachable().expect("unreachable");
                unit
            }
            Builtin::Add => {
                let p = self.expr(&args[0])?.into_pointer_value();
                let n = self.index_int(&args[1])?;
                Some(
                    unsafe {
                        self.builder
                            .build_gep(self.ctx.i8_type(), p, &[n], "")
                            .expect("gep")
                    }
                    .into(),
                )
            }
            Builtin::String => {
                let p = self.expr(&args[0])?.into_pointer_value();
                let n = self.index_int(&args[1])?;
                self.unsafe_len_check(p, n, 1, "unsafe.String");
                Some(self.make_string(p, n))
            }
            Builtin::Slice => {
                let p = self.expr(&args[0])?.into_pointer_value();
                let n = self.index_int(&args[1])?;
                let et = self.pointer_elem(self.info.type_of(&args[0]));
                let size = self.size_of(et, e.pos);
                self.unsafe_len_check(p, n, size, "unsafe.Slice");
                Some(self.make_slice(p, n, n))
            }
            Builtin::StringData => {
                let s = self.expr(&args[0])?;
                Some(self.string_parts(s).0.into())
            }
            Builtin::SliceData => {
                let s = self.expr(&args[0])?;
                Some(self.slice_parts(s).0.into())
            }
            Builtin::Panic => {
                let t = self.info.type_of(&args[0]);
                let _ = t;
                let v = self.expr_to(&args[0], ids::EMPTY_INTERFACE)?;
                let sv = v.into_struct_value();
                let typ = self
                    .builder
                    .build_extract_value(sv, 0, "")
                    .expect("extract");
                let data = self
                    .builder
                    .build_extract_value(sv, 1, "")
                    .expect("extract");
                self.call_rt("runtime.gopanic", &[R::Ptr, R::Ptr], R::Void, &[typ, data]);
                self.builder.build_unreachable().expect("unreachable");
                unit
            }
            _ => {
                self.unsupported(e.pos, &format!("builtin {}", b.name()));
                None
            }
        }
    }

    fn print_value(&mut self, v: BasicValueEnum<'ctx>, t: TypeId, pos: Pos) {
        let i64t = self.ctx.i64_type();
        match self.c.types.under(t).clone() {
            Type::Basic(k) => match k {
                BasicKind::Bool => {
                    let b = self
                        .builder
                        .build_int_z_extend(v.into_int_value(), self.ctx.i8_type(), "")
                        .expect("zext");
                    self.call_rt("runtime.printbool", &[R::I8], R::Void, &[b.into()]);
                }
                k if k.is_integer() && k.is_unsigned() => {
                    let iv = v.into_int_value();
                    let x = if iv.get_type().get_bit_width() < 64 {
                        self.builder.build_int_z_extend(iv, i64t, "").expect("zext")
                    } else {
                        iv
                    };
                    // gc prints uintptr in decimal too (printuint).
                    self.call_rt("runtime.printuint", &[R::I64], R::Void, &[x.into()]);
                }
                k if k.is_integer() => {
                    let iv = v.into_int_value();
                    let x = if iv.get_type().get_bit_width() < 64 {
                        self.builder.build_int_s_extend(iv, i64t, "").expect("sext")
                    } else {
                        iv
                    };
                    self.call_rt("runtime.printint", &[R::I64], R::Void, &[x.into()]);
                }
                BasicKind::Float32 => {
                    self.call_rt("runtime.printfloat32", &[R::F32], R::Void, &[v]);
                }
                BasicKind::Float64 => {
                    self.call_rt("runtime.printfloat", &[R::F64], R::Void, &[v]);
                }
                BasicKind::Complex64 | BasicKind::Complex128 => {
                    let sv = v.into_struct_value();
                    let re = self
                        .builder
                        .build_extract_value(sv, 0, "")
                        .expect("extract");
                    let im = self
                        .builder
                        .build_extract_value(sv, 1, "")
                        .expect("extract");
                    if k == BasicKind::Complex64 {
                        self.call_rt(
                            "runtime.printcomplex64",
                            &[R::F32, R::F32],
                            R::Void,
                            &[re, im],
                        );
                    } else {
                        self.call_rt(
                            "runtime.printcomplex",
                            &[R::F64, R::F64],
                            R::Void,
                            &[re, im],
                        );
                    }
                }
                BasicKind::String => {
                    let (p, n) = self.string_parts(v);
                    self.call_rt(
                        "runtime.printstring",
                        &[R::Ptr, R::I64],
                        R::Void,
                        &[p.into(), n.into()],
                    );
                }
                BasicKind::UnsafePointer => {
                    self.call_rt("runtime.printpointer", &[R::Ptr], R::Void, &[v]);
                }
                _ => self.unsupported(pos, "print of this type"),
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
                self.call_rt("runtime.printpointer", &[R::Ptr], R::Void, &[v]);
            }
            Type::Interface(ms) => {
                let sv = v.into_struct_value();
                let a = self
                    .builder
                    .build_extract_value(sv, 0, "")
                    .expect("extract");
                let b = self
                    .builder
                    .build_extract_value(sv, 1, "")
                    .expect("extract");
                let f = if ms.is_empty() {
                    "runtime.printeface"
                } else {
                    "runtime.printiface"
                };
                self.call_rt(f, &[R::Ptr, R::Ptr], R::Void, &[a, b]);
            }
            Type::Slice(_) => {
                let sv = v.into_struct_value();
                let p = self
                    .builder
                    .build_extract_value(sv, 0, "")
                    .expect("extract");
                let l = self
                    .builder
                    .build_extract_value(sv, 1, "")
                    .expect("extract");
                let c = self
                    .builder
                    .build_extract_value(sv, 2, "")
                    .expect("extract");
                self.call_rt(
                    "runtime.printslice",
                    &[R::Ptr, R::I64, R::I64],
                    R::Void,
                    &[p, l, c],
                );
            }
            _ => self.unsupported(
                pos,
                &format!(
                    "illegal types for operand: print\n\t{}",
                    self.c.types.type_string(t)
                ),
            ),
        }
    }
}

fn expr_kind_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::CompositeLit { .. } => "composite literal",
        ExprKind::FuncLit { .. } => "function literal",
        ExprKind::Slice { .. } => "slice expression",
        ExprKind::TypeAssert { .. } => "type assertion",
        _ => "of this kind",
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn complex_parts(&mut self, v: BasicValueEnum<'ctx>) -> (inkwell::values::FloatValue<'ctx>, inkwell::values::FloatValue<'ctx>) {
        let f = self.unpack(v, 2);
        (f[0].into_float_value(), f[1].into_float_value())
    }

    pub fn make_complex(
        &mut self,
        re: inkwell::values::FloatValue<'ctx>,
        im: inkwell::values::FloatValue<'ctx>,
        t: TypeId,
        pos: Pos,
    ) -> BasicValueEnum<'ctx> {
        let ty = self.llvm_type(t, pos).expect("complex type").into_struct_type();
        self.aggregate(ty, &[re.into(), im.into()])
    }

    /// min/max of two values of ordered type `t` (NaN propagates, -0 < +0).
    pub fn min_max(
        &mut self,
        is_min: bool,
        a: BasicValueEnum<'ctx>,
        b: BasicValueEnum<'ctx>,
        t: TypeId,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        if self.c.types.is_float(t) {
            let name = if is_min {
                "llvm.minimum"
            } else {
                "llvm.maximum"
            };
            let f = inkwell::intrinsics::Intrinsic::find(name)?;
            let decl = f.get_declaration(&self.module, &[a.get_type()])?;
            return self
                .builder
                .build_call(decl, &[a.into(), b.into()], "")
                .expect("call")
                .try_as_basic_value()
                .basic();
        }
        let op = if is_min { BinOp::Lt } else { BinOp::Gt };
        let c = self.compare(op, b, t, a, t, pos)?;
        Some(self.builder.build_select(c, b, a, "").expect("select"))
    }
}
