//! Interfaces: conversions into interfaces (static itabs), method tables,
//! type assertions, type switches and interface comparison (ABI v1).

use inkwell::module::Linkage;
use inkwell::values::{BasicValueEnum, FunctionValue, GlobalValue, IntValue, PointerValue};
use inkwell::IntPredicate;
use rgoc_syntax::{ast, Expr, Pos, Stmt};
use rgoc_types::{ids, lookup_field_or_method, LookupResult, Type, TypeId};

use super::rt::R;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn is_empty_iface(&self, t: TypeId) -> bool {
        matches!(self.c.types.under(t), Type::Interface(ms) if ms.is_empty())
    }

    fn make_iface(&mut self, a: BasicValueEnum<'ctx>, b: BasicValueEnum<'ctx>) -> BasicValueEnum<'ctx> {
        let it = self.iface_type();
        self.aggregate(it, &[a, b])
    }

    fn iface_parts(&mut self, v: BasicValueEnum<'ctx>) -> (PointerValue<'ctx>, PointerValue<'ctx>) {
        let f = self.unpack(v, 2);
        (f[0].into_pointer_value(), f[1].into_pointer_value())
    }

    /// The data word for a value of concrete type `t`.
    fn box_value(&mut self, v: BasicValueEnum<'ctx>, t: TypeId, pos: Pos) -> BasicValueEnum<'ctx> {
        if self.is_direct_iface(t) {
            return v;
        }
        // As gc: an integer or bool whose bits are < 256 points into the
        // runtime's read-only table of those values (little-endian, so the
        // low bytes of entry k hold k) instead of a new object; zero-size
        // values share runtime.zerobase.
        if self.size_of(t, pos) == 0 {
            let zb = self.runtime_global("runtime.zerobase", self.ctx.i8_type().into());
            return zb.into();
        }
        if let Some(k) = self.c.types.basic(t).filter(|k| k.is_integer() || k.is_boolean()) {
            let _ = k;
            let iv = v.into_int_value();
            let i64t = self.ctx.i64_type();
            let wide = if iv.get_type().get_bit_width() < 64 { self.builder.build_int_z_extend(iv, i64t, "").expect("zext") } else { iv };
            let table = self.runtime_global("runtime.staticuint64s", i64t.array_type(256).into());
            let small = self.builder.build_int_compare(IntPredicate::ULT, wide, self.i64c(256), "").expect("cmp");
            let cur = self.builder.get_insert_block().expect("block");
            let alloc_b = self.new_block("box.alloc");
            let end = self.new_block("box.end");
            let sp = unsafe { self.builder.build_gep(i64t, table, &[wide], "").expect("gep") };
            self.builder.build_conditional_branch(small, end, alloc_b).expect("br");
            self.builder.position_at_end(alloc_b);
            let p = self.new_object(t, pos);
            self.store_val(p, v, t);
            let alloc_end = self.builder.get_insert_block().expect("block");
            self.builder.build_unconditional_branch(end).expect("br");
            self.builder.position_at_end(end);
            let phi = self.builder.build_phi(self.ptr_type(), "").expect("phi");
            phi.add_incoming(&[(&sp, cur), (&p, alloc_end)]);
            return phi.as_basic_value();
        }
        let p = self.new_object(t, pos);
        self.store_val(p, v, t);
        p.into()
    }

    /// A data symbol the runtime defines.
    fn runtime_global(&mut self, name: &str, ty: inkwell::types::BasicTypeEnum<'ctx>) -> PointerValue<'ctx> {
        if let Some(g) = self.module.get_global(name) {
            return g.as_pointer_value();
        }
        let g = self.module.add_global(ty, None, name);
        g.set_linkage(Linkage::External);
        g.as_pointer_value()
    }

    /// Converts a value of type `from` into interface type `to`.
    pub fn to_iface(
        &mut self,
        v: BasicValueEnum<'ctx>,
        from: TypeId,
        to: TypeId,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let from = if self.c.types.is_untyped(from) {
            self.c.types.default_type(from)
        } else {
            from
        };
        if self.c.types.is_interface(from) {
            if from == to || self.c.types.underlying(from) == self.c.types.underlying(to) {
                return Some(v);
            }
            let (w0, data) = self.iface_parts(v);
            let typ = self.dyn_type(w0, from);
            if self.is_empty_iface(to) {
                return Some(self.make_iface(typ.into(), data.into()));
            }
            // A non-nil itab for the new interface, found at run time.
            let inter = self.type_desc(to, pos).as_pointer_value();
            let not_nil = self.builder.build_is_not_null(typ, "").expect("notnull");
            let itab = self.guarded(not_nil, self.ptr_type().const_null().into(), &mut |g| {
                g.call_rt("runtime.assertE2I", &[R::Ptr, R::Ptr], R::Ptr, &[inter.into(), typ.into()])
            })?;
            return Some(self.make_iface(itab, data.into()));
        }
        let data = self.box_value(v, from, pos);
        let w0 = if self.is_empty_iface(to) {
            self.type_desc(from, pos).as_pointer_value()
        } else {
            self.static_itab(from, to, pos)?.as_pointer_value()
        };
        Some(self.make_iface(w0.into(), data))
    }

    /// The dynamic type of an interface value from its first word.
    pub fn dyn_type(&mut self, w0: PointerValue<'ctx>, it: TypeId) -> PointerValue<'ctx> {
        if self.is_empty_iface(it) {
            return w0;
        }
        // The type is word 1 of the itab (none for a nil interface).
        let pt = self.ptr_type();
        let not_nil = self.builder.build_is_not_null(w0, "").expect("notnull");
        let t = self.guarded(not_nil, pt.const_null().into(), &mut |g| {
            let slot = unsafe { g.builder.build_gep(pt, w0, &[g.i64c(1)], "").expect("gep") };
            Some(g.builder.build_load(pt, slot, "").expect("load"))
        });
        t.expect("itab type").into_pointer_value()
    }

    /// The itab of concrete type `t` for interface `i`.
    pub fn static_itab(&mut self, t: TypeId, i: TypeId, pos: Pos) -> Option<GlobalValue<'ctx>> {
        let name = format!(
            "go:itab.{},{}",
            self.c.types.symbol_type_string(t),
            self.c.types.symbol_type_string(i)
        );
        // Cached by type identity: local types may share a name.
        if let Some(g) = self.itabs.get(&(t, i)) {
            return Some(*g);
        }
        let Type::Interface(methods) = self.c.types.under(i).clone() else {
            return None;
        };
        let pt = self.ptr_type();
        let mut fields = vec![
            pt.into(),
            pt.into(),
            self.ctx.i32_type().into(),
            self.ctx.i32_type().into(),
        ];
        fields.extend(
            methods
                .iter()
                .map(|_| inkwell::types::BasicTypeEnum::from(pt)),
        );
        let st = self.ctx.struct_type(&fields, false);
        let g = self.module.add_global(st, None, &name);
        let local = self.is_local_type(t) || self.is_local_type(i);
        self.share_global(g, local);
        g.set_constant(true);
        self.itabs.insert((t, i), g);
        let inter = self.type_desc(i, pos).as_pointer_value();
        let typ = self.type_desc(t, pos).as_pointer_value();
        let mut vals: Vec<BasicValueEnum> = vec![
            inter.into(),
            typ.into(),
            self.ctx.i32_type().const_zero().into(),
            self.ctx.i32_type().const_zero().into(),
        ];
        for m in &methods {
            let f = self.method_ifn(t, &m.name, pos)?;
            vals.push(f.as_global_value().as_pointer_value().into());
        }
        g.set_initializer(&st.const_named_struct(&vals));
        Some(g)
    }

    /// The function an interface calls for method `name` of concrete type
    /// `t`: `(data word, params...) -> results`.
    pub fn method_ifn(&mut self, t: TypeId, name: &str, pos: Pos) -> Option<FunctionValue<'ctx>> {
        let r = lookup_field_or_method(&self.c.types, &self.c.objs, t, name);
        let LookupResult::Method {
            obj,
            path,
            iface_index,
            sig,
            ..
        } = r
        else {
            self.unsupported(
                pos,
                &format!("method {} of {}", name, self.c.types.type_string(t)),
            );
            return None;
        };
        if iface_index.is_none() && path.is_empty() {
            let o = self.c.objs.get(obj);
            // Receivers already in data-word form need no wrapper.
            if (o.ptr_recv && self.c.types.is_pointer(t))
                || (!o.ptr_recv && self.is_direct_iface(t) && !self.c.types.is_pointer(t))
            {
                return self.funcs.get(&obj).copied();
            }
        }
        let wname = format!("{}.{}·i", self.c.types.symbol_type_string(t), name);
        if let Some(f) = self.ifns.get(&(t, name.to_string())) {
            return Some(*f);
        }
        let msig = self.c.types.signature(sig)?.clone();
        let ft = self.closure_fn_type(&msig, pos)?;
        let w = self
            .module
            .add_function(&wname, ft, Some(Linkage::Internal));
        self.go_fn_attrs(w, true);
        let local = self.is_local_type(t);
        self.share_global(w.as_global_value(), local);
        self.ifns.insert((t, name.to_string()), w);
        let outer = self.enter_fn(w, wname.clone(), msig.results.clone());
        let data = w.get_nth_param(0).expect("data");
        let recv = if self.is_direct_iface(t) {
            data
        } else {
            self.load(t, data.into_pointer_value(), pos)?
        };
        if let (Type::Pointer(elem), true) = (self.c.types.under(t).clone(), path.is_empty() && iface_index.is_none()) {
            if !self.c.objs.get(obj).ptr_recv {
                // gc's (*T).M wrapper of a value method: runtime.panicwrap.
                let (pkg, tname) = self.c.types.named_info(elem).map(|n| (n.pkg.clone(), self.c.types.type_string_in(elem, &n.pkg))).unwrap_or_default();
                let msg = format!("value method {}.{}.{} called using nil *{} pointer", pkg, tname, name, tname);
                let sp = self.string_data(msg.as_bytes());
                let bad = self.builder.build_is_null(recv.into_pointer_value(), "").expect("isnull");
                self.panic_if(bad, "runtime.panicPlain", &[sp.into(), self.i64c(msg.len() as u64).into()]);
            }
        }
        let args: Vec<BasicValueEnum> = w.get_param_iter().skip(1).collect();
        let callee = self.callee_for_type(recv, t, name, None, pos)?;
        let r = self.call_callee(callee, &msig, args, pos)?;
        match r {
            Some(v) => self.builder.build_return(Some(&v)).expect("ret"),
            None => self.builder.build_return(None).expect("ret"),
        };
        self.leave_fn(outer);
        Some(w)
    }

    /// `x.(T)` (with `ok` for the comma-ok form): the value and the flag.
    pub fn type_assert(
        &mut self,
        x: &Expr,
        t: TypeId,
        comma_ok: bool,
        pos: Pos,
    ) -> Option<(BasicValueEnum<'ctx>, IntValue<'ctx>)> {
        let xt = self.info.type_of(x);
        let v = self.expr(x)?;
        let (w0, data) = self.iface_parts(v);
        let have = self.dyn_type(w0, xt);
        self.assert_to(have, data, xt, t, comma_ok, pos)
    }

    fn assert_to(
        &mut self,
        have: PointerValue<'ctx>,
        data: PointerValue<'ctx>,
        xt: TypeId,
        t: TypeId,
        comma_ok: bool,
        pos: Pos,
    ) -> Option<(BasicValueEnum<'ctx>, IntValue<'ctx>)> {
        if self.c.types.is_interface(t) {
            if self.is_empty_iface(t) {
                let ok = self.builder.build_is_not_null(have, "").expect("notnull");
                if !comma_ok {
                    let inter = self.type_desc(t, pos).as_pointer_value();
                    let bad = self.builder.build_is_null(have, "").expect("isnull");
                    self.panic_if_call(bad, "runtime.assertE2I", &[inter.into(), have.into()]);
                }
                let v = self.make_iface(have.into(), data.into());
                let z = self.iface_type().const_zero().into();
                let v = self.builder.build_select(ok, v, z, "").expect("select");
                return Some((v, ok));
            }
            let inter = self.type_desc(t, pos).as_pointer_value();
            let f = if comma_ok {
                "runtime.assertE2I2"
            } else {
                "runtime.assertE2I"
            };
            let itab = self
                .call_rt(f, &[R::Ptr, R::Ptr], R::Ptr, &[inter.into(), have.into()])?
                .into_pointer_value();
            let ok = self.builder.build_is_not_null(itab, "").expect("notnull");
            let d = self
                .builder
                .build_select(ok, data, self.ptr_type().const_null(), "")
                .expect("select");
            return Some((self.make_iface(itab.into(), d), ok));
        }
        let want = self.type_desc(t, pos).as_pointer_value();
        let ok = self
            .builder
            .build_int_compare(IntPredicate::EQ, have, want, "")
            .expect("cmp");
        if !comma_ok {
            let bad = self.builder.build_not(ok, "").expect("not");
            let iface = self.type_desc(xt, pos).as_pointer_value();
            self.panic_if_call(
                bad,
                "runtime.panicdottype",
                &[have.into(), want.into(), iface.into()],
            );
            let v = self.unbox(data, t, pos)?;
            return Some((v, ok));
        }
        let zero = self.zero_val(t, pos)?;
        let v = self.guarded(ok, zero, &mut |g| g.unbox(data, t, pos))?;
        Some((v, ok))
    }

    fn unbox(
        &mut self,
        data: PointerValue<'ctx>,
        t: TypeId,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        if self.is_direct_iface(t) {
            return Some(data.into());
        }
        self.load(t, data, pos)
    }

    /// Calls a noreturn runtime function with pointer arguments when `c`.
    fn panic_if_call(&mut self, c: IntValue<'ctx>, f: &str, args: &[BasicValueEnum<'ctx>]) {
        let bad = self.new_block("assert.fail");
        let ok = self.new_block("assert.pass");
        self.builder
            .build_conditional_branch(c, bad, ok)
            .expect("br");
        self.builder.position_at_end(bad);
        let shape: Vec<R> = args.iter().map(|_| R::Ptr).collect();
        self.call_rt(f, &shape, R::Void, args);
        self.builder.build_unreachable().expect("unreachable");
        self.builder.position_at_end(ok);
    }

    /// `x == y` for interface values (x and y both of interface type `t`).
    pub fn iface_eq(
        &mut self,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
        t: TypeId,
    ) -> IntValue<'ctx> {
        let (xw, xd) = self.iface_parts(x);
        let (yw, yd) = self.iface_parts(y);
        let xt = self.dyn_type(xw, t);
        let yt = self.dyn_type(yw, t);
        let same = self
            .builder
            .build_int_compare(IntPredicate::EQ, xt, yt, "")
            .expect("cmp");
        let cur = self.builder.get_insert_block().expect("block");
        let cmp_b = self.new_block("ifeq.data");
        let end = self.new_block("ifeq.end");
        let nil = self.builder.build_is_null(xt, "").expect("isnull");
        let go_data = self
            .builder
            .build_and(same, self.builder.build_not(nil, "").expect("not"), "")
            .expect("and");
        self.builder
            .build_conditional_branch(go_data, cmp_b, end)
            .expect("br");
        self.builder.position_at_end(cmp_b);
        let r = self
            .call_rt(
                "runtime.efaceeq",
                &[R::Ptr, R::Ptr, R::Ptr],
                R::I8,
                &[xt.into(), xd.into(), yd.into()],
            )
            .expect("efaceeq")
            .into_int_value();
        let r = self
            .builder
            .build_int_compare(IntPredicate::NE, r, self.ctx.i8_type().const_zero(), "")
            .expect("cmp");
        let cmp_end = self.builder.get_insert_block().expect("block");
        self.builder.build_unconditional_branch(end).expect("br");
        self.builder.position_at_end(end);
        let phi = self
            .builder
            .build_phi(self.ctx.bool_type(), "")
            .expect("phi");
        // Different types: false; both nil: true.
        phi.add_incoming(&[(&same, cur), (&r, cmp_end)]);
        phi.as_basic_value().into_int_value()
    }

    /// A type switch statement.
    pub fn type_switch(
        &mut self,
        label: Option<&str>,
        init: Option<&Stmt>,
        bind: Option<&ast::Ident>,
        x: &Expr,
        body: &[ast::CaseClause],
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let guard = match &super::mem::strip(x).kind {
            rgoc_syntax::ExprKind::TypeAssert { x, .. } => (**x).clone(),
            _ => x.clone(),
        };
        let xt = self.info.type_of(&guard);
        let Some(v) = self.expr(&guard) else { return };
        let (w0, data) = self.iface_parts(v);
        let have = self.dyn_type(w0, xt);
        let end = self.new_block("tsw.end");
        let bodies: Vec<_> = body.iter().map(|_| self.new_block("tsw.body")).collect();
        let mut default_idx = None;
        for (i, cc) in body.iter().enumerate() {
            if cc.default {
                default_idx = Some(i);
                continue;
            }
            for te in &cc.exprs {
                let tt = self.info.type_of(te);
                let c = if tt == ids::UNTYPED_NIL
                    || self
                        .info
                        .tv(te)
                        .is_some_and(|tv| tv.mode != rgoc_types::Mode::Type)
                {
                    self.builder.build_is_null(have, "").expect("isnull")
                } else if self.c.types.is_interface(tt) {
                    let Some((_, ok)) = self.assert_to(have, data, xt, tt, true, te.pos) else {
                        return;
                    };
                    ok
                } else {
                    let want = self.type_desc(tt, te.pos).as_pointer_value();
                    self.builder
                        .build_int_compare(IntPredicate::EQ, have, want, "")
                        .expect("cmp")
                };
                let next = self.new_block("tsw.next");
                self.builder
                    .build_conditional_branch(c, bodies[i], next)
                    .expect("br");
                self.builder.position_at_end(next);
            }
        }
        match default_idx {
            Some(d) => self.br(bodies[d]),
            None => self.br(end),
        }
        for (i, cc) in body.iter().enumerate() {
            self.builder.position_at_end(bodies[i]);
            if bind.is_some() {
                if let Some(&o) = self.info.implicits.get(&cc.pos) {
                    let ot = self.c.objs.get(o).typ;
                    let val = if cc.exprs.len() == 1 && ot != xt {
                        if self.c.types.is_interface(ot) {
                            self.assert_to(have, data, xt, ot, true, cc.pos)
                                .map(|r| r.0)
                        } else {
                            self.unbox(data, ot, cc.pos)
                        }
                    } else {
                        Some(v)
                    };
                    if let (Some(val), Some(p)) = (val, self.new_var(o, cc.pos)) {
                        self.store_val(p, val, ot);
                    }
                }
            }
            self.push_target(label, end, None);
            self.block(&cc.body);
            self.pop_target();
            self.br(end);
        }
        self.builder.position_at_end(end);
    }
}
