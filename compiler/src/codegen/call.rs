//! Calls and function values: direct calls, closures (function literals
//! capturing boxed variables), method calls (static, promoted, through
//! interfaces), method values and expressions, variadic packing, and the
//! closures `go` and `defer` run (`call_closure`).
//!
//! ABI (see ARCHITECTURE.md, ABI v1): a func value points to a closure
//! object whose word 0 is code taking the object as hidden first argument.

use inkwell::attributes::AttributeLoc;
use inkwell::module::Linkage;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FunctionValue, PointerValue};
use rgoc_syntax::{ast, Expr, ExprKind, NodeId, Pos};
use rgoc_types::{
    ids, lookup_field_or_method, LookupResult, Mode, ObjId, ObjKind, SelectionKind, Signature, Type,
    TypeId,
};

use super::func::Preset;
use super::mem::strip;
use super::rt::R;
use super::Gen;

/// What a method call calls.
pub(crate) enum Callee<'ctx> {
    /// A Go function or method with its receiver (if any).
    Static(FunctionValue<'ctx>, Option<BasicValueEnum<'ctx>>),
    /// An interface method: code from the itab, receiver the data word.
    Dynamic(PointerValue<'ctx>, BasicValueEnum<'ctx>),
    /// A func value (closure object).
    Value(PointerValue<'ctx>),
}

pub(crate) const WRAPPER_SECTION: &str = "rgo_wrappers";

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// The LLVM type of a closure's code: `(ctx, params...) -> results`.
    pub fn closure_fn_type(&mut self, sig: &Signature, pos: Pos) -> Option<FunctionType<'ctx>> {
        let pt: BasicTypeEnum = self.ptr_type().into();
        self.fn_type(sig, None, pos)
            .map(|ft| self.prepend_param(ft, pt))
    }

    pub fn prepend_param(
        &self,
        ft: FunctionType<'ctx>,
        first: BasicTypeEnum<'ctx>,
    ) -> FunctionType<'ctx> {
        let mut ps: Vec<BasicMetadataTypeEnum> = vec![first.into()];
        ps.extend(
            ft.get_param_types()
                .into_iter()
                .map(|t| BasicMetadataTypeEnum::from(t)),
        );
        match ft.get_return_type() {
            Some(r) => r.fn_type(&ps, false),
            None => self.ctx.void_type().fn_type(&ps, false),
        }
    }

    pub fn go_fn_attrs(&self, f: FunctionValue<'ctx>, wrapper: bool) {
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_string_attribute("split-stack", ""),
        );
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_string_attribute("frame-pointer", "all"),
        );
        if wrapper {
            f.set_section(Some(WRAPPER_SECTION));
        } else {
            // As in declare_func: recover's frame walk needs every Go frame.
            f.add_attribute(
                AttributeLoc::Function,
                self.ctx.create_string_attribute("disable-tail-calls", "true"),
            );
        }
    }

    /// Emits `f` returning what `call` returned (void or a value).
    pub(crate) fn ret_call(&mut self, r: Option<BasicValueEnum<'ctx>>) {
        match r {
            Some(v) => self.builder.build_return(Some(&v)).expect("ret"),
            None => self.builder.build_return(None).expect("ret"),
        };
    }

    /// Calls through a callee with already-converted arguments.
    pub fn call_callee(
        &mut self,
        callee: Callee<'ctx>,
        sig: &Signature,
        args: Vec<BasicValueEnum<'ctx>>,
        pos: Pos,
    ) -> Option<Option<BasicValueEnum<'ctx>>> {
        let mut argv: Vec<BasicMetadataValueEnum> = Vec::new();
        let cs = match callee {
            Callee::Static(f, recv) => {
                if let Some(r) = recv {
                    argv.push(r.into());
                }
                argv.extend(args.into_iter().map(BasicMetadataValueEnum::from));
                self.builder.build_call(f, &argv, "").expect("call")
            }
            Callee::Dynamic(code, data) => {
                let ft = self.closure_fn_type(sig, pos)?;
                argv.push(data.into());
                argv.extend(args.into_iter().map(BasicMetadataValueEnum::from));
                self.builder
                    .build_indirect_call(ft, code, &argv, "")
                    .expect("call")
            }
            Callee::Value(clo) => {
                let ft = self.closure_fn_type(sig, pos)?;
                // A nil func value: nil pointer dereference. Checked, not left to
                // fault: a load from a constant null is UB that LLVM exploits.
                self.nil_check(clo);
                let code = self
                    .builder
                    .build_load(self.ptr_type(), clo, "code")
                    .expect("load")
                    .into_pointer_value();
                argv.push(clo.into());
                argv.extend(args.into_iter().map(BasicMetadataValueEnum::from));
                self.builder
                    .build_indirect_call(ft, code, &argv, "")
                    .expect("call")
            }
        };
        Some(match cs.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => Some(v),
            _ => None,
        })
    }

    /// A call expression that is not a conversion or builtin.
    pub fn call_expr(
        &mut self,
        e: &Expr,
        fun: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> Option<BasicValueEnum<'ctx>> {
        let ft = self.info.type_of(fun);
        let Some(sig) = self.c.types.signature(ft).cloned() else {
            self.unsupported(e.pos, "call of a non-function");
            return None;
        };
        if let Some(v) = self.intrinsic_call(fun, args) {
            return Some(v);
        }
        let callee = self.callee(fun)?;
        let stack_varargs = self.callee_obj(fun).is_some_and(|o| self.c.objs.get(o).noescape_variadic);
        let argv = self.call_args(e, &sig, args, ellipsis, stack_varargs)?;
        let r = self.call_callee(callee, &sig, argv, e.pos)?;
        Some(r.unwrap_or_else(|| self.ctx.i8_type().const_zero().into()))
    }

    /// The selector of a generic method instantiated by index expression
    /// `e` (`x.M[int]`, `T.M[int]`), which codegen treats as the selector
    /// (the checker's selection names the instance).
    pub(crate) fn method_inst_selector<'e>(&self, e: &'e Expr) -> Option<&'e Expr> {
        let ExprKind::Index { x, .. } = &strip(e).kind else { return None };
        let se = strip(x);
        let method = self.info.selections.get(&se.id).is_some_and(|s| s.kind != SelectionKind::FieldVal);
        (matches!(se.kind, ExprKind::Selector { .. }) && method).then_some(se)
    }

    /// Evaluates the function part of a call.
    pub fn callee(&mut self, fun: &Expr) -> Option<Callee<'ctx>> {
        let f = strip(fun);
        let f = self.method_inst_selector(f).unwrap_or(f);
        if let Some(Preset::Value(v)) = self.preset_of(f.id) {
            return Some(Callee::Value(v.into_pointer_value()));
        }
        if let Some(fv) = self.info.instances.get(&f.id).and_then(|o| self.funcs.get(o)) {
            return Some(Callee::Static(*fv, None));
        }
        match &f.kind {
            ExprKind::Ident(_) => {
                if let Some(o) = self.info.obj_of(f.id) {
                    if let Some(fv) = self.funcs.get(&o) {
                        return Some(Callee::Static(*fv, None));
                    }
                }
            }
            ExprKind::Selector { x, sel } => {
                if let Some(s) = self.info.selections.get(&f.id).cloned() {
                    if s.kind == SelectionKind::MethodVal {
                        return self.method_callee(x, &s, &sel.name, f.pos);
                    }
                } else if let Some(fv) = self.info.obj_of(f.id).and_then(|o| self.funcs.get(&o)) {
                    // pkg.F
                    return Some(Callee::Static(*fv, None));
                }
            }
            _ => {}
        }
        let v = self.expr(f)?;
        Some(Callee::Value(v.into_pointer_value()))
    }

    /// Arguments converted to the parameter types, variadic ones packed.
    pub fn call_args(
        &mut self,
        e: &Expr,
        sig: &Signature,
        args: &[Expr],
        ellipsis: bool,
        stack_varargs: bool,
    ) -> Option<Vec<BasicValueEnum<'ctx>>> {
        let mut out = Vec::new();
        if args.len() == 1
            && (matches!(
                self.c.types.get(self.info.type_of(&args[0])),
                Type::Tuple(_)
            ) || self.info.comma_ok.contains(&strip(&args[0]).id) && sig.params.len() == 2)
        {
            // f(g()) with a multi-value g.
            let v = self.expr(&args[0])?;
            let src = self.multi_types(&args[0]);
            let parts = self.unpack_multi(&args[0], v, src.len());
            if sig.variadic {
                let fixed = sig.params.len() - 1;
                for (i, p) in parts.iter().enumerate().take(fixed) {
                    out.push(self.convert_value(*p, src[i], sig.params[i], e.pos));
                }
                let st = sig.params[fixed];
                let et = self.slice_elem(st);
                let rest: Vec<BasicValueEnum> = parts[fixed..]
                    .iter()
                    .enumerate()
                    .map(|(k, p)| self.convert_value(*p, src[fixed + k], et, e.pos))
                    .collect();
                out.push(self.pack_varargs(et, rest, e.pos, stack_varargs)?);
            } else {
                for (i, p) in parts.into_iter().enumerate() {
                    out.push(self.convert_value(p, src[i], sig.params[i], e.pos));
                }
            }
            return Some(out);
        }
        if sig.variadic && !ellipsis {
            let fixed = sig.params.len() - 1;
            for (i, a) in args.iter().enumerate().take(fixed) {
                out.push(self.expr_to(a, sig.params[i])?);
            }
            let et = self.slice_elem(sig.params[fixed]);
            let mut rest = Vec::new();
            for a in &args[fixed.min(args.len())..] {
                rest.push(self.expr_to(a, et)?);
            }
            out.push(self.pack_varargs(et, rest, e.pos, stack_varargs)?);
            return Some(out);
        }
        for (i, a) in args.iter().enumerate() {
            out.push(self.expr_to(a, sig.params[i])?);
        }
        Some(out)
    }

    pub fn slice_elem(&self, st: TypeId) -> TypeId {
        match self.c.types.under(st) {
            Type::Slice(e) => *e,
            _ => ids::INVALID,
        }
    }

    /// The function object a call of `fun` calls directly, if known.
    fn callee_obj(&self, fun: &Expr) -> Option<ObjId> {
        let f = strip(fun);
        let f = self.method_inst_selector(f).unwrap_or(f);
        if let Some(&o) = self.info.instances.get(&f.id) {
            return Some(o);
        }
        let o = match &f.kind {
            ExprKind::Ident(_) => self.info.obj_of(f.id)?,
            ExprKind::Selector { .. } => match self.info.selections.get(&f.id) {
                Some(s) if s.kind == SelectionKind::MethodVal && s.iface_index.is_none() => s.obj?,
                Some(_) => return None,
                None => self.info.obj_of(f.id)?,
            },
            _ => return None,
        };
        matches!(self.c.objs.get(o).kind, ObjKind::Func).then_some(o)
    }

    /// The `...` arguments of a call packed into a slice: in the caller's
    /// frame when the callee's variadic parameter does not escape
    /// (rgoc_types' escape.rs), else on the heap.
    fn pack_varargs(
        &mut self,
        et: TypeId,
        vals: Vec<BasicValueEnum<'ctx>>,
        pos: Pos,
        on_stack: bool,
    ) -> Option<BasicValueEnum<'ctx>> {
        if !on_stack || vals.is_empty() {
            return self.pack_slice(et, vals, pos);
        }
        let ety = self.llvm_type(et, pos)?;
        let n = vals.len() as u32;
        let p = self.alloca(ety.array_type(n).into(), "varargs");
        for (i, v) in vals.into_iter().enumerate() {
            let q = self.elem_ptr(p, et, self.i64c(i as u64), pos)?;
            self.store_val(q, v, et);
        }
        let len = self.i64c(n as u64);
        Some(self.make_slice(p, len, len))
    }

    /// A new slice holding `vals` (nil when empty).
    pub(crate) fn pack_slice(
        &mut self,
        et: TypeId,
        vals: Vec<BasicValueEnum<'ctx>>,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        if vals.is_empty() {
            return Some(self.slice_type().const_zero().into());
        }
        let n = self.i64c(vals.len() as u64);
        let p = self.alloc_array(et, n, pos);
        for (i, v) in vals.into_iter().enumerate() {
            let q = self.elem_ptr(p, et, self.i64c(i as u64), pos)?;
            self.store_val(q, v, et);
        }
        Some(self.make_slice(p, n, n))
    }

    /// The callee of `x.m(...)` for a method selection.
    pub(crate) fn method_callee(
        &mut self,
        x: &Expr,
        sel: &rgoc_types::Selection,
        _name: &str,
        pos: Pos,
    ) -> Option<Callee<'ctx>> {
        let xt = self.info.type_of(x);
        if sel.path.is_empty() && self.c.types.is_interface(xt) {
            let v = self.expr(x)?;
            return Some(self.iface_method(v, sel.iface_index?));
        }
        let ptr_recv = sel.obj.is_some_and(|o| self.c.objs.get(o).ptr_recv);
        if sel.path.is_empty() {
            let fv = *self.funcs.get(&sel.obj?)?;
            let preset = self.preset_of(strip(x).id);
            let recv = if self.c.types.is_pointer(xt) {
                let p = self.expr(x)?;
                if ptr_recv {
                    p
                } else {
                    self.nil_check(p.into_pointer_value());
                    let bt = self.pointer_elem(xt);
                    self.load(bt, p.into_pointer_value(), pos)?
                }
            } else if ptr_recv {
                match preset {
                    Some(Preset::Addr(p)) => p.into(),
                    _ => self.addr(x)?.into(),
                }
            } else {
                self.expr(x)?
            };
            return Some(Callee::Static(fv, Some(recv)));
        }
        let (p, t) = match self.preset_of(strip(x).id) {
            Some(Preset::Addr(p)) => (p, xt),
            _ => self.selector_base(x, xt)?,
        };
        self.recv_at(p, t, &sel.path, sel.obj, sel.iface_index, pos)
    }

    pub fn pointer_elem(&self, t: TypeId) -> TypeId {
        match self.c.types.under(t) {
            Type::Pointer(e) => *e,
            _ => ids::INVALID,
        }
    }

    /// The callee for a method found at `path` from the value at `p` (of
    /// non-pointer type `t`).
    pub(crate) fn recv_at(
        &mut self,
        p: PointerValue<'ctx>,
        t: TypeId,
        path: &[usize],
        obj: Option<ObjId>,
        iface_index: Option<usize>,
        pos: Pos,
    ) -> Option<Callee<'ctx>> {
        let (fp, ft) = if path.is_empty() {
            (p, t)
        } else {
            self.field_path(p, t, path, pos)?
        };
        if self.c.types.is_interface(ft) {
            let v = self.load(ft, fp, pos)?;
            return Some(self.iface_method(v, iface_index?));
        }
        let (ep, et) = match self.c.types.under(ft).clone() {
            Type::Pointer(e) if !path.is_empty() => (
                self.builder
                    .build_load(self.ptr_type(), fp, "")
                    .expect("load")
                    .into_pointer_value(),
                e,
            ),
            _ => (fp, ft),
        };
        let o = obj?;
        let fv = match self.funcs.get(&o) {
            Some(f) => *f,
            None => {
                self.unsupported(pos, "method of this type");
                return None;
            }
        };
        if self.c.objs.get(o).ptr_recv {
            Some(Callee::Static(fv, Some(ep.into())))
        } else {
            self.nil_check(ep);
            let v = self.load(et, ep, pos)?;
            Some(Callee::Static(fv, Some(v)))
        }
    }

    /// The dynamic callee of method `idx` of interface value `v`.
    pub fn iface_method(&mut self, v: BasicValueEnum<'ctx>, idx: usize) -> Callee<'ctx> {
        let sv = v.into_struct_value();
        let itab = self
            .builder
            .build_extract_value(sv, 0, "itab")
            .expect("extract")
            .into_pointer_value();
        let data = self
            .builder
            .build_extract_value(sv, 1, "data")
            .expect("extract");
        let pt = self.ptr_type();
        let slot = unsafe {
            self.builder
                .build_gep(pt, itab, &[self.i64c(3 + idx as u64)], "fn")
                .expect("gep")
        };
        // A nil interface: nil pointer dereference (checked, as for func values).
        self.nil_check(itab);
        let code = self
            .builder
            .build_load(pt, slot, "")
            .expect("load")
            .into_pointer_value();
        Callee::Dynamic(code, data)
    }

    /// A top-level function as a func value: a static closure object.
    pub fn func_value(&mut self, o: ObjId, pos: Pos) -> Option<BasicValueEnum<'ctx>> {
        let fv = *self.funcs.get(&o)?;
        let sig = self.c.types.signature(self.c.objs.get(o).typ)?.clone();
        let name = format!("{}·f", fv.get_name().to_string_lossy());
        if let Some(g) = self.module.get_global(&name) {
            return Some(g.as_pointer_value().into());
        }
        let ft = self.closure_fn_type(&sig, pos)?;
        let w = self.module.add_function(
            &format!("{}·fw", fv.get_name().to_string_lossy()),
            ft,
            Some(Linkage::Internal),
        );
        self.go_fn_attrs(w, true);
        self.share_global(w.as_global_value(), false);
        let outer = self.enter_fn(w, name.clone(), sig.results.clone());
        let args: Vec<BasicMetadataValueEnum> =
            w.get_param_iter().skip(1).map(|p| p.into()).collect();
        let r = self
            .builder
            .build_call(fv, &args, "")
            .expect("call")
            .try_as_basic_value()
            .basic();
        self.ret_call(r);
        self.leave_fn(outer);
        Some(self.static_closure(&name, w, false).into())
    }

    /// A closure object `{code}` for code that captures nothing: a constant
    /// global, link-once when `shared` (emitted by several packages).
    pub(crate) fn static_closure(&mut self, name: &str, code: FunctionValue<'ctx>, shared: bool) -> PointerValue<'ctx> {
        let st = self.ctx.struct_type(&[self.ptr_type().into()], false);
        let g = self.module.add_global(st, None, name);
        if shared {
            self.share_global(g, false);
        } else {
            g.set_linkage(Linkage::Internal);
        }
        g.set_constant(true);
        g.set_initializer(&st.const_named_struct(&[code.as_global_value().as_pointer_value().into()]));
        g.as_pointer_value()
    }

    /// A heap closure object of layout `st`: word 0 is `code`, the fields
    /// after it hold `vals`.
    pub fn heap_closure(&mut self, st: inkwell::types::StructType<'ctx>, code: FunctionValue<'ctx>, vals: &[BasicValueEnum<'ctx>]) -> Option<PointerValue<'ctx>> {
        let size = self.td.get_abi_size(&st);
        let pt = self.ptr_type();
        let obj = self
            .call_rt("runtime.mallocgc", &[R::I64, R::Ptr, R::I8], R::Ptr, &[self.i64c(size).into(), pt.const_null().into(), self.ctx.i8_type().const_int(1, false).into()])?
            .into_pointer_value();
        self.builder.build_store(obj, code.as_global_value().as_pointer_value()).expect("store");
        for (i, v) in vals.iter().enumerate() {
            let p = self.builder.build_struct_gep(st, obj, i as u32 + 1, "").expect("gep");
            self.store_raw(p, *v);
        }
        Some(obj)
    }

    /// A function literal: generates its code and builds its closure.
    pub fn func_lit(
        &mut self,
        e: &Expr,
        sig_ast: &ast::FuncType,
        body: &ast::Block,
    ) -> Option<BasicValueEnum<'ctx>> {
        let t = self.info.type_of(e);
        let sig = self.c.types.signature(t)?.clone();
        // Free variables: local variables used in the body, declared outside it.
        let (lo, hi) = (e.pos, body.rbrace);
        let mut caps: Vec<ObjId> = Vec::new();
        let (c, info) = (self.c, self.info);
        // Range-over-func rewrites inside the literal replace statements
        // of its body: their variables count too.
        let rewrites: Vec<ast::Stmt> = info
            .branch_rewrites
            .iter()
            .filter(|(p, _)| **p >= lo && **p <= hi)
            .map(|(_, s)| s.clone())
            .chain(info.range_rewrites.values().filter(|s| s.pos >= lo && s.pos <= hi).cloned())
            .collect();
        let mut visit = |x: &Expr| {
            if let ExprKind::Ident(_) = x.kind {
                if let Some(o) = info.uses.get(&x.id) {
                    let obj = c.objs.get(*o);
                    if matches!(obj.kind, ObjKind::Var { global: false, .. })
                        && !(obj.pos >= lo && obj.pos <= hi)
                        && !caps.contains(o)
                    {
                        caps.push(*o);
                    }
                }
            }
        };
        super::walk::exprs_in_stmts(&body.stmts, true, &mut visit);
        super::walk::exprs_in_stmts(&rewrites, true, &mut visit);
        let outer = self.fs().name.clone();
        self.fsm().lits += 1;
        // gc's names: `outer.funcN` in a declared function, `outer.N` in
        // another function literal (an internal function).
        let name = if self.fs().func.get_linkage() == Linkage::Internal {
            format!("{}.{}", outer, self.fs().lits)
        } else {
            format!("{}.func{}", outer, self.fs().lits)
        };
        let ft = self.closure_fn_type(&sig, e.pos)?;
        let f = self.module.add_function(&name, ft, Some(Linkage::Internal));
        self.go_fn_attrs(f, false);
        // The closure object: code, then the captured variables' boxes. A
        // literal that captures nothing is a static object (no allocation,
        // as in gc).
        let obj = if caps.is_empty() {
            self.static_closure(&format!("{}·f", name), f, false)
        } else {
            let mut boxes = Vec::new();
            for &o in &caps {
                boxes.push(self.var_ptr(o, e.pos)?.into());
            }
            let pt: BasicTypeEnum = self.ptr_type().into();
            let st = self.ctx.struct_type(&vec![pt; caps.len() + 1], false);
            self.heap_closure(st, f, &boxes)?
        };
        self.gen_body(f, name, None, sig_ast, &sig, body, &caps);
        Some(obj.into())
    }

    /// `x.m` not called: a closure binding the receiver.
    pub fn method_value(
        &mut self,
        e: &Expr,
        x: &Expr,
        sel: &rgoc_types::Selection,
        name: &str,
    ) -> Option<BasicValueEnum<'ctx>> {
        let sig = self.c.types.signature(sel.typ)?.clone();
        let callee = self.method_callee(x, sel, name, e.pos)?;
        let ft = self.closure_fn_type(&sig, e.pos)?;
        let pt = self.ptr_type();
        // Closure layouts: {code, fn or itab code, recv} by kind.
        // A big value receiver is bound as a heap copy.
        let recv_t = sel
            .obj
            .filter(|o| !self.c.objs.get(*o).ptr_recv)
            .and_then(|o| self.c.objs.get(o).recv_base);
        let (fields, vals): (Vec<BasicTypeEnum>, Vec<BasicValueEnum>) = match &callee {
            Callee::Static(f, Some(r)) => {
                let r = match recv_t {
                    Some(rt) => self.persist(*r, rt, e.pos),
                    None => *r,
                };
                (
                    vec![pt.into(), pt.into(), r.get_type()],
                    vec![f.as_global_value().as_pointer_value().into(), r],
                )
            }
            Callee::Dynamic(code, data) => (
                vec![pt.into(), pt.into(), data.get_type()],
                vec![(*code).into(), *data],
            ),
            _ => return None,
        };
        let st = self.ctx.struct_type(&fields, false);
        let wname = format!("{}·mv{}", self.fs().name, e.id.0);
        let w = self
            .module
            .add_function(&wname, ft, Some(Linkage::Internal));
        self.go_fn_attrs(w, true);
        let outer = self.enter_fn(w, wname.clone(), sig.results.clone());
        let ctxp = w.get_nth_param(0).expect("ctx").into_pointer_value();
        let fp = self.builder.build_struct_gep(st, ctxp, 1, "").expect("gep");
        let code = self
            .builder
            .build_load(pt, fp, "")
            .expect("load")
            .into_pointer_value();
        let rp = self.builder.build_struct_gep(st, ctxp, 2, "").expect("gep");
        let recv = self.builder.build_load(fields[2], rp, "").expect("load");
        let args: Vec<BasicValueEnum> = w.get_param_iter().skip(1).collect();
        let target = match &callee {
            Callee::Static(f, _) => Callee::Static(*f, Some(recv)),
            _ => Callee::Dynamic(code, recv),
        };
        let r = self.call_callee(target, &sig, args, e.pos)?;
        self.ret_call(r);
        self.leave_fn(outer);
        let obj = self.heap_closure(st, w, &vals)?;
        Some(obj.into())
    }

    /// `T.m` / `(*T).m` / `I.m`: a func value taking the receiver first.
    pub fn method_expr(
        &mut self,
        e: &Expr,
        recv_t: TypeId,
        name: &str,
        inst: Option<ObjId>,
    ) -> Option<BasicValueEnum<'ctx>> {
        let ft_go = self.info.type_of(e);
        let sig = self.c.types.signature(ft_go)?.clone();
        let ft = self.closure_fn_type(&sig, e.pos)?;
        let wname = format!("{}·me{}", self.fs().name, e.id.0);
        let w = self
            .module
            .add_function(&wname, ft, Some(Linkage::Internal));
        self.go_fn_attrs(w, true);
        let outer = self.enter_fn(w, wname.clone(), sig.results.clone());
        let recv = w.get_nth_param(1).expect("recv");
        let args: Vec<BasicValueEnum> = w.get_param_iter().skip(2).collect();
        let msig = Signature {
            params: sig.params[1..].to_vec(),
            results: sig.results.clone(),
            variadic: sig.variadic,
        };
        let callee = self.callee_for_type(recv, recv_t, name, inst, e.pos)?;
        let r = self.call_callee(callee, &msig, args, e.pos)?;
        self.ret_call(r);
        self.leave_fn(outer);
        Some(self.static_closure(&format!("{}·f", wname), w, false).into())
    }

    /// The callee of method `name` on a receiver value `recv` of type `t`
    /// (used by wrappers: method expressions and interface tables).
    /// `inst`: the instance of a generic method to call in place of the
    /// method found by name.
    pub fn callee_for_type(
        &mut self,
        recv: BasicValueEnum<'ctx>,
        t: TypeId,
        name: &str,
        inst: Option<ObjId>,
        pos: Pos,
    ) -> Option<Callee<'ctx>> {
        let r = lookup_field_or_method(&self.c.types, &self.c.objs, t, name);
        let LookupResult::Method {
            obj,
            path,
            iface_index,
            ..
        } = r
        else {
            self.unsupported(
                pos,
                &format!("method {} of {}", name, self.c.types.type_string(t)),
            );
            return None;
        };
        if self.c.types.is_interface(t) {
            return Some(self.iface_method(recv, iface_index?));
        }
        let obj = if iface_index.is_some() {
            None
        } else {
            Some(inst.unwrap_or(obj))
        };
        let (p, bt) = match self.c.types.under(t).clone() {
            Type::Pointer(e) => (recv.into_pointer_value(), e),
            _ => (self.spill_typed(recv, t), t),
        };
        self.recv_at(p, bt, &path, obj, iface_index, pos)
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
        let f = self.method_inst_selector(f).unwrap_or(f);
        let fmode = self.info.tv(f).map(|t| t.mode);
        match (&f.kind, fmode) {
            (_, Some(Mode::Builtin)) | (_, Some(Mode::Type)) => {}
            (ExprKind::Ident(_) | ExprKind::Selector { .. }, _)
                if !self.info.selections.contains_key(&f.id)
                    && self
                        .info
                        .obj_of(f.id)
                        .is_some_and(|o| self.funcs.contains_key(&o)) => {}
            (ExprKind::Selector { x, .. }, _)
                if self
                    .info
                    .selections
                    .get(&f.id)
                    .is_some_and(|s| s.kind == SelectionKind::MethodVal) =>
            {
                let sel = self.info.selections[&f.id].clone();
                let xt = self.info.type_of(x);
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
                    if self.c.types.is_interface(xt) {
                        // The method value of a nil interface panics now,
                        // at the defer or go statement, not at the call.
                        let tw = self.builder.build_extract_value(v.into_struct_value(), 0, "").expect("extract");
                        self.nil_check(tw.into_pointer_value());
                    }
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
                .info
                .tv(a)
                .is_some_and(|tv| tv.val.is_some() || tv.mode == Mode::Type)
            {
                continue;
            }
            let a = strip(a);
            let v = self.expr(a)?;
            // Big values outlive this frame's temporaries: copy them.
            let at = self.info.type_of(a);
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
        // The thunk is a wrapper, which recover's frame walk skips: the
        // deferred function must keep a frame of its own, or a recover in
        // a function it calls would look like its own (recover.go's
        // withoutRecover).
        let noinline = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
        for bb in thunk.get_basic_blocks() {
            for inst in bb.get_instructions() {
                if let Ok(cs) = inkwell::values::CallSiteValue::try_from(inst) {
                    cs.add_attribute(AttributeLoc::Function, self.ctx.create_enum_attribute(noinline, 0));
                }
            }
        }
        self.leave_fn(outer);
        Some(obj)
    }

    pub fn preset_of(&self, id: NodeId) -> Option<Preset<'ctx>> {
        self.presets.get(&id).copied()
    }

    pub(crate) fn call(
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
}
