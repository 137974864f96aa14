//! `for range` loops, per-iteration loop variables, and `defer`/`recover`
//! (ABI v1: a jump-buffer frame per function with defers, closures for the
//! deferred calls).

use inkwell::attributes::AttributeLoc;
use inkwell::basic_block::BasicBlock;
use inkwell::module::Linkage;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use rgoc_syntax::{ast, AssignOp, Expr, ExprKind, NodeId, Pos, Stmt, StmtKind};
use rgoc_types::{ids, Builtin, Mode, ObjId, ObjKind, SelectionKind, Type, TypeId};

use super::func::{is_blank, Preset};
use super::mem::strip;
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
            let Some(&o) = self.c.info.defs.get(&t.id) else {
                return;
            };
            let ot = self.c.objs.get(o).typ;
            let v = self.convert_value(v, vt, ot, t.pos);
            if let Some(p) = self.new_var(o, t.pos) {
                self.store_val(p, v, ot);
            }
        } else {
            let tt = self.c.info.type_of(t);
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
                let tt = self.c.info.type_of(t);
                let v = self.convert_value(v, vt, tt, t.pos);
                self.store_val(p, v, tt);
            }
        }
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
        let (cond, bodyb, post, end) = (self.new_block("range.cond"), self.new_block("range.body"), self.new_block("range.post"), self.new_block("range.end"));
        self.br(cond);
        self.builder.position_at_end(cond);
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
        let xt = self.c.info.type_of(x);
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
                        let Some(v) = self.expr(x) else { return };
                        let (p, l, _) = self.slice_parts(v);
                        (Some(p), l, et)
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
                let (cond, bodyb, post, end) = (
                    self.new_block("range.cond"),
                    self.new_block("range.body"),
                    self.new_block("range.post"),
                    self.new_block("range.end"),
                );
                self.br(cond);
                self.builder.position_at_end(cond);
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

    fn range_target_type(&self, k: &Expr, define: bool) -> TypeId {
        if is_blank(k) {
            return ids::INVALID;
        }
        if define {
            return self
                .c
                .info
                .defs
                .get(&k.id)
                .map(|o| self.c.objs.get(*o).typ)
                .unwrap_or(ids::INVALID);
        }
        self.c.info.type_of(k)
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
                if let Some(&o) = self.c.info.defs.get(&l.id) {
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

    pub fn setup_defer_frame(&mut self) {
        let results = self.fs().results.clone();
        let i64t = self.ctx.i64_type();
        let fty = i64t.array_type(8 + results.len() as u32);
        let frame = self.alloca(fty.into(), "defer.frame");
        // The result slots escape through the frame so that values stored
        // before a panic are read back after recovery.
        for (i, r) in results.iter().enumerate() {
            let p = unsafe {
                self.builder
                    .build_gep(i64t, frame, &[i64t.const_int(8 + i as u64, false)], "")
                    .expect("gep")
            };
            self.builder.build_store(p, *r).expect("store");
        }
        self.fsm().defer_frame = Some(frame);
        let sj = self.rt("runtime.setjmp", &[R::Ptr], R::I32);
        let rt = inkwell::attributes::Attribute::get_named_enum_kind_id("returns_twice");
        sj.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(rt, 0),
        );
        let cs = self
            .builder
            .build_call(sj, &[frame.into()], "")
            .expect("call");
        cs.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(rt, 0),
        );
        let r = cs
            .try_as_basic_value()
            .basic()
            .expect("setjmp value")
            .into_int_value();
        let recovered = self.new_block("defer.recovered");
        let body = self.new_block("body");
        let z = self.ctx.i32_type().const_zero();
        let c = self
            .builder
            .build_int_compare(IntPredicate::NE, r, z, "")
            .expect("cmp");
        self.builder
            .build_conditional_branch(c, recovered, body)
            .expect("br");
        self.builder.position_at_end(recovered);
        self.gen_return_from_slots();
        self.builder.position_at_end(body);
    }

    /// `defer f(args)`: the callee and arguments are evaluated now into a
    /// closure whose thunk makes the call later.
    pub fn defer_stmt(&mut self, call: &Expr) {
        let Some(frame) = self.fs().defer_frame else {
            self.unsupported(call.pos, "defer outside a function frame");
            return;
        };
        let Some(obj) = self.call_closure(call, "defer") else {
            return;
        };
        self.call_rt(
            "runtime.deferproc",
            &[R::Ptr, R::Ptr],
            R::Void,
            &[frame.into(), obj.into()],
        );
    }

    /// Evaluates the operands of call `call` and returns a closure object
    /// `void(ctx)` that performs the call with them.
    pub fn call_closure(&mut self, call: &Expr, what: &str) -> Option<PointerValue<'ctx>> {
        let c = strip(call);
        let ExprKind::Call { fun, args, .. } = &c.kind else {
            self.unsupported(call.pos, &format!("{} of a non-call", what));
            return None;
        };
        let mut caps: Vec<(NodeId, Preset<'ctx>)> = Vec::new();
        let f = strip(fun);
        let fmode = self.c.info.tv(f).map(|t| t.mode);
        match (&f.kind, fmode) {
            (_, Some(Mode::Builtin)) | (_, Some(Mode::Type)) => {}
            (ExprKind::Ident(_) | ExprKind::Selector { .. }, _)
                if !self.c.info.selections.contains_key(&f.id)
                    && self
                        .c
                        .info
                        .obj_of(f.id)
                        .is_some_and(|o| self.funcs.contains_key(&o)) => {}
            (ExprKind::Selector { x, .. }, _)
                if self
                    .c
                    .info
                    .selections
                    .get(&f.id)
                    .is_some_and(|s| s.kind == SelectionKind::MethodVal) =>
            {
                let sel = self.c.info.selections[&f.id].clone();
                let xt = self.c.info.type_of(x);
                let ptr_recv = sel.obj.is_some_and(|o| self.c.objs.get(o).ptr_recv);
                let needs_addr = !self.c.types.is_pointer(xt)
                    && !self.c.types.is_interface(xt)
                    && (ptr_recv || !sel.path.is_empty())
                    && self.addressable(x);
                let xs = strip(x);
                if needs_addr {
                    let p = self.addr(x)?;
                    caps.push((xs.id, Preset::Addr(p)));
                } else {
                    let v = self.expr(x)?;
                    let v = self.persist(v, xt, x.pos);
                    caps.push((xs.id, Preset::Value(v)));
                }
            }
            _ => {
                let v = self.expr(f)?;
                caps.push((f.id, Preset::Value(v)));
            }
        }
        for a in args {
            if self
                .c
                .info
                .tv(a)
                .is_some_and(|tv| tv.val.is_some() || tv.mode == Mode::Type)
            {
                continue;
            }
            let a = strip(a);
            let v = self.expr(a)?;
            // Big values outlive this frame's temporaries: copy them.
            let at = self.c.info.type_of(a);
            let v = self.persist(v, at, a.pos);
            caps.push((a.id, Preset::Value(v)));
        }
        let pt = self.ptr_type();
        let mut fields: Vec<BasicTypeEnum> = vec![pt.into()];
        for (_, p) in &caps {
            fields.push(match p {
                Preset::Value(v) => v.get_type(),
                Preset::Addr(_) => pt.into(),
            });
        }
        let st = self.ctx.struct_type(&fields, false);
        let name = format!("{}·{}{}", self.fs().name, what, c.id.0);
        let ft = self.ctx.void_type().fn_type(&[pt.into()], false);
        let thunk = self.module.add_function(&name, ft, Some(Linkage::Internal));
        self.go_fn_attrs(thunk, true);
        // The closure object.
        let vals: Vec<BasicValueEnum> = caps
            .iter()
            .map(|(_, p)| match p {
                Preset::Value(v) => *v,
                Preset::Addr(a) => (*a).into(),
            })
            .collect();
        let obj = self.heap_closure(st, thunk, &vals)?;
        // The thunk: load the operands, then generate the call with them.
        // Variables of the enclosing function are not reachable from here:
        // every operand was captured.
        let outer = self.enter_fn(thunk, name.clone(), Vec::new());
        let ctxp = thunk.get_nth_param(0).expect("ctx").into_pointer_value();
        for (i, (id, p)) in caps.iter().enumerate() {
            let q = self
                .builder
                .build_struct_gep(st, ctxp, i as u32 + 1, "")
                .expect("gep");
            let v = self.builder.build_load(fields[i + 1], q, "").expect("load");
            let preset = match p {
                Preset::Value(_) => Preset::Value(v),
                Preset::Addr(_) => Preset::Addr(v.into_pointer_value()),
            };
            self.presets.insert(*id, preset);
        }
        self.expr(call);
        for (id, _) in &caps {
            self.presets.remove(id);
        }
        if !self.terminated() {
            self.builder.build_return(None).expect("ret");
        }
        self.leave_fn(outer);
        Some(obj)
    }

    /// `recover()`.
    pub fn recover(&mut self) -> Option<BasicValueEnum<'ctx>> {
        // recover identifies its caller by frame: a function calling it must
        // not be inlined (else a helper's recover acts as the deferred call's).
        let noinline = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
        self.fs().func.add_attribute(
            inkwell::attributes::AttributeLoc::Function,
            self.ctx.create_enum_attribute(noinline, 0),
        );
        let fa = inkwell::intrinsics::Intrinsic::find("llvm.frameaddress").expect("frameaddress");
        let decl = fa
            .get_declaration(&self.module, &[self.ptr_type().into()])
            .expect("decl");
        let fp = self
            .builder
            .build_call(decl, &[self.ctx.i32_type().const_zero().into()], "fp")
            .expect("call")
            .try_as_basic_value()
            .basic()?;
        // The caller of recover must keep its own frame: no inlining into
        // other functions, no tail call (the runtime checks frame pointers).
        let f = self.fs().func;
        let noinline = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(noinline, 0),
        );
        let gr = self.rt("runtime.gorecover", &[R::Ptr], R::Iface);
        let cs = self.builder.build_call(gr, &[fp.into()], "").expect("call");
        cs.set_tail_call_kind(inkwell::values::LLVMTailCallKind::LLVMTailCallKindNoTail);
        cs.try_as_basic_value().basic()
    }

    pub fn preset_of(&self, id: NodeId) -> Option<Preset<'ctx>> {
        self.presets.get(&id).copied()
    }

    #[allow(dead_code)]
    fn builtin_of(&self, e: &Expr) -> Option<Builtin> {
        match self
            .c
            .info
            .obj_of(strip(e).id)
            .map(|o| &self.c.objs.get(o).kind)
        {
            Some(ObjKind::Builtin(b)) => Some(*b),
            _ => None,
        }
    }
}
