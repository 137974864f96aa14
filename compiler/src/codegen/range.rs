//! `for range` loops and per-iteration loop variables (Go 1.22).

use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use rgoc_syntax::{ast, AssignOp, Expr, Pos, Stmt, StmtKind};
use rgoc_types::{ids, ObjId, Type, TypeId};

use super::func::is_blank;
use super::rt::R;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Assigns (or declares) a range iteration variable.
    pub(crate) fn range_assign(
        &mut self,
        target: Option<&Expr>,
        define: bool,
        v: BasicValueEnum<'ctx>,
        vt: TypeId,
    ) {
        let Some(t) = target else { return };
        if is_blank(t) {
            return;
        }
        if define {
            let Some(&o) = self.info.defs.get(&t.id) else {
                return;
            };
            let ot = self.c.objs.get(o).typ;
            let v = self.convert_value(v, vt, ot, t.pos);
            if let Some(p) = self.new_var(o, t.pos) {
                self.store_val(p, v, ot);
            }
        } else {
            let tt = self.info.type_of(t);
            let v = self.convert_value(v, vt, tt, t.pos);
            if let Some(p) = self.addr(t) {
                self.store_val(p, v, tt);
            }
        }
    }

    /// Assigns both iteration values; for `=` the operands of both targets
    /// are evaluated before either is assigned (`for i, x[i] = range ...`).
    fn range_assign_pair(
        &mut self,
        key: Option<&Expr>,
        kv: Option<(BasicValueEnum<'ctx>, TypeId)>,
        value: Option<&Expr>,
        vv: Option<(BasicValueEnum<'ctx>, TypeId)>,
        define: bool,
    ) {
        if define {
            if let Some((v, t)) = kv {
                self.range_assign(key, true, v, t);
            }
            if let Some((v, t)) = vv {
                self.range_assign(value, true, v, t);
            }
            return;
        }
        let kp = match (key, kv) {
            (Some(k), Some(_)) if !is_blank(k) => self.addr(k),
            _ => None,
        };
        let vp = match (value, vv) {
            (Some(v), Some(_)) if !is_blank(v) => self.addr(v),
            _ => None,
        };
        for (target, p, val) in [(key, kp, kv), (value, vp, vv)] {
            if let (Some(t), Some(p), Some((v, vt))) = (target, p, val) {
                let tt = self.info.type_of(t);
                let v = self.convert_value(v, vt, tt, t.pos);
                self.store_val(p, v, tt);
            }
        }
    }

    /// The blocks of a range loop (condition, body, post, exit), created in
    /// that order; branches to the condition block and continues there.
    pub fn range_blocks(&mut self) -> (BasicBlock<'ctx>, BasicBlock<'ctx>, BasicBlock<'ctx>, BasicBlock<'ctx>) {
        let blocks = (
            self.new_block("range.cond"),
            self.new_block("range.body"),
            self.new_block("range.post"),
            self.new_block("range.end"),
        );
        self.br(blocks.0);
        self.builder.position_at_end(blocks.0);
        blocks
    }

    /// `for i := 0; i < n; i = next { per(i, &next); body }`, where `next`
    /// starts as i+1 each iteration and `per` may change it; break and
    /// continue go to the end and to the advance step.
    fn counted_range(
        &mut self,
        label: Option<&str>,
        body: &ast::Block,
        n: IntValue<'ctx>,
        per: &mut dyn FnMut(&mut Self, IntValue<'ctx>, PointerValue<'ctx>),
    ) {
        let i64t = self.ctx.i64_type();
        let idx = self.counter(i64t.const_zero(), "range.i");
        let next = self.counter(i64t.const_zero(), "range.next");
        let (cond, bodyb, post, end) = self.range_blocks();
        let i = self.builder.build_load(i64t, idx, "").expect("load").into_int_value();
        let c = self.builder.build_int_compare(IntPredicate::SLT, i, n, "").expect("cmp");
        self.builder.build_conditional_branch(c, bodyb, end).expect("br");
        self.builder.position_at_end(bodyb);
        let ni = self.builder.build_int_add(i, i64t.const_int(1, false), "").expect("add");
        self.builder.build_store(next, ni).expect("store");
        per(self, i, next);
        self.range_body(label, body, end, post);
        let nk = self.builder.build_load(i64t, next, "").expect("load");
        self.builder.build_store(idx, nk).expect("store");
        self.loop_poll();
        self.br(cond);
        self.builder.position_at_end(end);
    }

    fn counter(&mut self, init: IntValue<'ctx>, name: &str) -> PointerValue<'ctx> {
        let p = self.alloca(self.ctx.i64_type().into(), name);
        self.builder.build_store(p, init).expect("store");
        p
    }

    /// Runs the loop body with break/continue targets and positions the
    /// builder at the continue block's end.
    pub(crate) fn range_body(
        &mut self,
        label: Option<&str>,
        body: &ast::Block,
        end: BasicBlock<'ctx>,
        post: BasicBlock<'ctx>,
    ) {
        self.push_target(label, end, Some(post));
        self.block(&body.stmts);
        self.pop_target();
        self.br(post);
        self.builder.position_at_end(post);
    }

    pub fn range_stmt(
        &mut self,
        label: Option<&str>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
    ) {
        if let Some(rw) = self.info.range_rewrites.get(&x.id) {
            // A range over a function: the checker's rewrite (a call of
            // the iterator with the body as a closure).
            self.stmt(rw);
            return;
        }
        let xt = self.info.type_of(x);
        let i64t = self.ctx.i64_type();
        let key_t = key.map(|k| self.range_target_type(k, define));
        match self.c.types.under(xt).clone() {
            Type::Basic(k) if k.is_integer() || k == rgoc_types::BasicKind::UntypedInt => {
                let it = key_t.filter(|t| *t != ids::INVALID).unwrap_or(if self.c.types.is_untyped(xt) { ids::INT } else { xt });
                let Some(n) = self.expr_to(x, it) else { return };
                let n = self.int_to_i64(n.into_int_value(), it);
                self.counted_range(label, body, n, &mut |g, i, _| {
                    let iv = g.i64_to(i, it);
                    g.range_assign(key, define, iv, it);
                });
            }
            Type::Basic(_) => {
                // Strings: by rune; the next index comes from decoderune.
                let Some(s) = self.expr_to(x, ids::STRING) else {
                    return;
                };
                let (sp, sn) = self.string_parts(s);
                self.counted_range(label, body, sn, &mut |g, k, next| {
                    let r = g
                        .call_rt("runtime.decoderune", &[R::Ptr, R::I64, R::I64], R::I64Pair, &[sp.into(), sn.into(), k.into()])
                        .expect("decoderune")
                        .into_struct_value();
                    let rune = g.builder.build_extract_value(r, 0, "").expect("extract").into_int_value();
                    let nk = g.builder.build_extract_value(r, 1, "").expect("extract").into_int_value();
                    g.builder.build_store(next, nk).expect("store");
                    let rune = g.builder.build_int_truncate(rune, g.ctx.i32_type(), "").expect("trunc");
                    g.range_assign_pair(key, Some((k.into(), ids::INT)), value, Some((rune.into(), ids::INT32)), define);
                });
            }
            Type::Slice(_) | Type::Array(..) | Type::Pointer(_) => {
                let (base, len, et) = match self.c.types.under(xt).clone() {
                    Type::Slice(et) => {
                        if let Some(s) = self.byte_conversion_of_string(x) {
                            // `range []byte(s)` reads s's bytes in place, as
                            // gc does: the body cannot reach the converted
                            // slice, and a string's bytes never change.
                            let st = self.info.type_of(s);
                            let st = if self.c.types.is_untyped(st) { ids::STRING } else { st };
                            let Some(v) = self.expr_to(s, st) else { return };
                            let (p, l) = self.string_parts(v);
                            (Some(p), l, et)
                        } else {
                            let Some(v) = self.expr(x) else { return };
                            let (p, l, _) = self.slice_parts(v);
                            (Some(p), l, et)
                        }
                    }
                    Type::Array(n, et) => {
                        // The array is copied once when its elements are used.
                        let base = if value.is_some_and(|v| !is_blank(v)) {
                            let Some(v) = self.expr(x) else { return };
                            Some(self.spill_typed(v, xt))
                        } else {
                            if super::walk::has_call_or_recv_including_conversions(x) {
                                self.expr(x);
                            }
                            None
                        };
                        (base, i64t.const_int(n, false), et)
                    }
                    Type::Pointer(at) => {
                        let Type::Array(n, et) = self.c.types.under(at).clone() else {
                            self.unsupported(x.pos, "range over this pointer type");
                            return;
                        };
                        let Some(v) = self.expr(x) else { return };
                        (Some(v.into_pointer_value()), i64t.const_int(n, false), et)
                    }
                    _ => unreachable!(),
                };
                self.counted_range(label, body, len, &mut |g, i, _| {
                    let mut elem = None;
                    if let (Some(v), Some(b)) = (value, base) {
                        if !is_blank(v) {
                            let Some(p) = g.elem_ptr(b, et, i, x.pos) else { return };
                            let Some(ev) = g.load(et, p, x.pos) else { return };
                            elem = Some((ev, et));
                        }
                    }
                    g.range_assign_pair(key, Some((i.into(), ids::INT)), value, elem, define);
                });
            }
            Type::Map(kt, vt) => {
                let Some(m) = self.expr(x) else { return };
                let it_ty = i64t.array_type(16);
                let it = self.alloca(it_ty.into(), "range.it");
                self.builder
                    .build_store(it, it_ty.const_zero())
                    .expect("store");
                let d = self.type_desc(xt, x.pos).as_pointer_value();
                self.call_rt(
                    "runtime.mapiterinit",
                    &[R::Ptr, R::Ptr, R::Ptr],
                    R::Void,
                    &[d.into(), m, it.into()],
                );
                let (cond, bodyb, post, end) = self.range_blocks();
                let pt = self.ptr_type();
                let kp = self
                    .builder
                    .build_load(pt, it, "")
                    .expect("load")
                    .into_pointer_value();
                let done = self.builder.build_is_null(kp, "").expect("isnull");
                self.builder
                    .build_conditional_branch(done, end, bodyb)
                    .expect("br");
                self.builder.position_at_end(bodyb);
                let mut kval = None;
                if key.is_some_and(|k| !is_blank(k)) {
                    let Some(kv) = self.load(kt, kp, x.pos) else {
                        return;
                    };
                    kval = Some((kv, kt));
                }
                let mut vval = None;
                if value.is_some_and(|v| !is_blank(v)) {
                    let vp_slot = unsafe {
                        self.builder
                            .build_gep(pt, it, &[i64t.const_int(1, false)], "")
                            .expect("gep")
                    };
                    let vp = self
                        .builder
                        .build_load(pt, vp_slot, "")
                        .expect("load")
                        .into_pointer_value();
                    let Some(vv) = self.load(vt, vp, x.pos) else {
                        return;
                    };
                    vval = Some((vv, vt));
                }
                self.range_assign_pair(key, kval, value, vval, define);
                self.range_body(label, body, end, post);
                self.call_rt("runtime.mapiternext", &[R::Ptr], R::Void, &[it.into()]);
                self.loop_poll();
                self.br(cond);
                self.builder.position_at_end(end);
            }
            Type::Chan(..) => self.range_chan(label, key, define, x, body),
            _ => self.unsupported(
                x.pos,
                &format!("range over {}", self.c.types.type_string(xt)),
            ),
        }
    }

    /// `s` when `x` is a conversion `[]byte(s)` (any byte slice type) of a
    /// string-typed `s`.
    fn byte_conversion_of_string<'e>(&self, x: &'e Expr) -> Option<&'e Expr> {
        let ast::ExprKind::Call { fun, args, ellipsis: false } = &super::mem::strip(x).kind else { return None };
        if args.len() != 1 || self.info.tv(fun).map(|t| t.mode) != Some(rgoc_types::Mode::Type) {
            return None;
        }
        let Type::Slice(et) = self.c.types.under(self.info.type_of(x)).clone() else { return None };
        let st = self.info.type_of(&args[0]);
        let is_byte = self.c.types.basic(et) == Some(rgoc_types::BasicKind::Uint8);
        let is_string = self.c.types.basic(st).is_some_and(|k| k.is_string());
        (is_byte && is_string).then_some(&args[0])
    }

    fn range_target_type(&self, k: &Expr, define: bool) -> TypeId {
        if is_blank(k) {
            return ids::INVALID;
        }
        if define {
            return self
                .info
                .defs
                .get(&k.id)
                .map(|o| self.c.objs.get(*o).typ)
                .unwrap_or(ids::INVALID);
        }
        self.info.type_of(k)
    }

    fn int_to_i64(&mut self, v: IntValue<'ctx>, t: TypeId) -> IntValue<'ctx> {
        let i64t = self.ctx.i64_type();
        if v.get_type().get_bit_width() == 64 {
            v
        } else if self.c.types.is_unsigned(t) {
            self.builder.build_int_z_extend(v, i64t, "").expect("zext")
        } else {
            self.builder.build_int_s_extend(v, i64t, "").expect("sext")
        }
    }

    fn i64_to(&mut self, v: IntValue<'ctx>, t: TypeId) -> BasicValueEnum<'ctx> {
        let ty = self
            .llvm_type(t, Pos::default())
            .expect("int type")
            .into_int_type();
        if ty.get_bit_width() == 64 {
            v.into()
        } else {
            self.builder
                .build_int_truncate(v, ty, "")
                .expect("trunc")
                .into()
        }
    }

    /// Go 1.22: each iteration of a 3-clause loop gets a fresh copy of the
    /// escaping loop variables before the post statement.
    pub fn loop_vars(&self, init: Option<&Stmt>) -> Vec<ObjId> {
        let mut out = Vec::new();
        if let Some(Stmt {
            kind:
                StmtKind::Assign {
                    lhs,
                    op: AssignOp::Define,
                    ..
                },
            ..
        }) = init
        {
            for l in lhs {
                if let Some(&o) = self.info.defs.get(&l.id) {
                    if self.c.objs.get(o).escapes {
                        out.push(o);
                    }
                }
            }
        }
        out
    }

    pub fn rebox(&mut self, o: ObjId) {
        let Some(super::func::Slot::Boxed(slot)) = self.fs().vars.get(&o).copied() else {
            return;
        };
        let t = self.c.objs.get(o).typ;
        let pos = self.c.objs.get(o).pos;
        let old = self
            .builder
            .build_load(self.ptr_type(), slot, "")
            .expect("load")
            .into_pointer_value();
        let new = self.new_object(t, pos);
        self.copy_value(new, old, t, pos);
        self.builder.build_store(slot, new).expect("store");
    }

    // ---- defer / recover ----

}
