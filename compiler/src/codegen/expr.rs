//! Expressions: constants, variables, operators with Go's semantics
//! (wrap-around, division checks, shift rules, comparisons), strings.
//! Conversions are in conversions.rs, calls in call.rs, builtins in
//! builtins.rs.

use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::{FloatPredicate, IntPredicate};
use rgoc_syntax::{BinOp, Expr, ExprKind, Pos, UnOp};
use rgoc_types::{ids, BasicKind, ObjKind, Type, TypeId, Value};

use super::rt::R;
use super::Gen;

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

    pub fn cond(&mut self, e: &Expr) -> Option<IntValue<'ctx>> {
        Some(self.expr_to(e, ids::BOOL)?.into_int_value())
    }

    /// Evaluates an expression to its value (None after a diagnostic).
    pub(crate) fn expr_gen(&mut self, e: &Expr) -> Option<BasicValueEnum<'ctx>> {
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
        if let Some(se) = self.method_inst_selector(e) {
            // `x.M[int]`, `T.M[int]`: the instantiated generic method's
            // selector.
            return self.expr(se);
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
                    self.bounds_check(i, len, self.unsigned_index(&indices[0]));
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
                        // A generic method's instance is the selection's
                        // object; other methods are looked up by name.
                        let inst = s.obj.filter(|&o| self.c.objs.get(o).inst.is_some());
                        self.method_expr(e, rt, &sel.name, inst)
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

    pub(crate) fn to_i64(&mut self, v: IntValue<'ctx>, t: TypeId) -> IntValue<'ctx> {
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
            "runtime.panicSlice" | "runtime.panicSliceU" => vec![R::I64, R::I64, R::I64],
            "runtime.panicIndex" | "runtime.panicIndexU" => vec![R::I64, R::I64],
            "runtime.panicRuntimeError" | "runtime.panicPlain" => vec![R::Ptr, R::I64],
            _ => vec![],
        };
        // panicSlice takes its code as u32 in the runtime; an i64 in the
        // register is read as its low half.
        self.call_rt(f, &shape, R::Void, args);
        self.builder.build_unreachable().expect("unreachable");
        self.builder.position_at_end(ok);
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
            // !x on booleans, ^x (complement) on integers: both flip every bit.
            UnOp::Not | UnOp::Xor => {
                let v = self.expr_to(x, t)?;
                Some(self.builder.build_not(v.into_int_value(), "").expect("not").into())
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

}
