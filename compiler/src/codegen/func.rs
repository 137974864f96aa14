//! Functions and statements: declarations with the split-stack attribute,
//! locals in allocas, control flow, package initialisation.

use std::collections::HashMap;

use inkwell::attributes::AttributeLoc;
use inkwell::basic_block::BasicBlock;
use inkwell::module::Linkage;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, BasicValueEnum, FunctionValue, PointerValue};
use rgoc_syntax::{ast, AssignOp, Expr, ExprKind, Stmt, StmtKind};
use rgoc_types::{ids, ObjId, ObjKind, Type, TypeId};

use super::Gen;

/// A value or address computed ahead of time for an expression node (the
/// operands a `defer` thunk captured).
#[derive(Clone, Copy)]
pub(crate) enum Preset<'ctx> {
    Value(BasicValueEnum<'ctx>),
    Addr(PointerValue<'ctx>),
}

pub(crate) struct Target<'ctx> {
    label: Option<String>,
    brk: BasicBlock<'ctx>,
    cont: Option<BasicBlock<'ctx>>,
}

/// Where code generation was before it moved into another function.
pub(crate) struct Outer<'ctx> {
    f: Option<FnState<'ctx>>,
    block: Option<BasicBlock<'ctx>>,
}

/// An evaluated assignment target. The operands are evaluated in the
/// assignment's first phase; the nil or bounds check of the final
/// indirection (and a map insertion) happen when the value is stored, so
/// that in `m[k], *p = 1, 2` the map is assigned before `*p` panics, as
/// the spec's two phases and gc have it.
#[derive(Clone)]
pub(crate) enum LValue<'ctx> {
    None,
    Ptr(PointerValue<'ctx>),
    /// Map type, map, key.
    MapElem(TypeId, BasicValueEnum<'ctx>, BasicValueEnum<'ctx>),
    /// `*p`: the pointer.
    Deref(PointerValue<'ctx>),
    /// `s[i]` of a slice: data pointer, length, index, element type.
    SliceElem(PointerValue<'ctx>, inkwell::values::IntValue<'ctx>, inkwell::values::IntValue<'ctx>, TypeId, bool),
    /// `p.f` with `p` a pointer: p, its element type, the field path.
    Field(PointerValue<'ctx>, TypeId, Vec<usize>),
}

/// Where a local variable lives.
#[derive(Clone, Copy)]
pub(crate) enum Slot<'ctx> {
    /// In an entry-block alloca.
    Direct(PointerValue<'ctx>),
    /// On the heap (it escapes); the alloca holds the pointer to its box,
    /// which a new declaration (a loop iteration) replaces.
    Boxed(PointerValue<'ctx>),
    /// Captured by the function literal being generated: the box pointer is
    /// word `1 + i` of the closure object.
    Captured(u32),
}

pub(crate) struct FnState<'ctx> {
    pub func: FunctionValue<'ctx>,
    /// gc's name of the function (closures are named `outer.funcN`).
    pub name: String,
    pub lits: u32,
    pub vars: HashMap<ObjId, Slot<'ctx>>,
    /// The closure object, for function literals.
    pub closure: Option<PointerValue<'ctx>>,
    /// The defer frame (jump buffer), when the body contains `defer`.
    pub defer_frame: Option<PointerValue<'ctx>>,
    pub entry: BasicBlock<'ctx>,
    pub targets: Vec<Target<'ctx>>,
    pub labels: HashMap<String, BasicBlock<'ctx>>,
    /// Named (or synthesised) result slots.
    pub results: Vec<PointerValue<'ctx>>,
    pub result_types: Vec<TypeId>,
    /// Fallthrough target of the switch clause being generated.
    pub fallthrough: Option<BasicBlock<'ctx>>,
}

impl<'ctx> FnState<'ctx> {
    pub fn new(
        func: FunctionValue<'ctx>,
        name: String,
        entry: BasicBlock<'ctx>,
        result_types: Vec<TypeId>,
    ) -> Self {
        FnState {
            func,
            name,
            lits: 0,
            vars: HashMap::new(),
            closure: None,
            defer_frame: None,
            entry,
            targets: Vec::new(),
            labels: HashMap::new(),
            results: Vec::new(),
            result_types,
            fallthrough: None,
        }
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    fn split_stack(&self, f: FunctionValue<'ctx>) {
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_string_attribute("split-stack", ""),
        );
    }

    pub fn declare_func(
        &mut self,
        o: ObjId,
        fd: &ast::FuncDecl,
        sym: &str,
    ) -> Option<FunctionValue<'ctx>> {
        let obj = self.c.objs.get(o);
        let Some(sig) = self.c.types.signature(obj.typ).cloned() else {
            return None;
        };
        let recv_t = fd.recv.as_ref().map(|r| self.info.type_of(&r.typ));
        let ft = self.fn_type(&sig, recv_t, fd.pos)?;
        // Body-less functions of several packages may bind the same runtime
        // symbol (go:linkname): one declaration serves them all; and a
        // function with a body that defines another package's body-less
        // function (`//go:linkname local pkg.name`) takes over its
        // declaration, of the same type.
        if let Some(f) = self.module.get_function(sym) {
            if f.get_type() != ft && (fd.body.is_none() || f.count_basic_blocks() == 0) {
                // Two bindings of one symbol must agree, or calls through
                // one of them would pass the wrong registers.
                self.unsupported(
                    fd.name.pos,
                    &format!("{} is bound to symbol {} with a different signature elsewhere in the program", fd.name.name, sym),
                );
                return None;
            }
            if fd.body.is_none() || f.count_basic_blocks() == 0 {
                return Some(f);
            }
        }
        let f = self.module.add_function(sym, ft, Some(Linkage::External));
        if !fd.pragmas.nosplit {
            self.split_stack(f);
        }
        if fd.pragmas.wrapper {
            f.set_section(Some(super::call::WRAPPER_SECTION));
        }
        if fd.pragmas.noinline || fd.pragmas.wrapper {
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
            f.add_attribute(
                AttributeLoc::Function,
                self.ctx.create_enum_attribute(kind, 0),
            );
        }
        // Go frames keep frame pointers, like gc (tracebacks, profilers).
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_string_attribute("frame-pointer", "all"),
        );
        // No tail calls out of Go functions: gorecover identifies the
        // deferred call by walking frames, and `func() { helper() }` must
        // keep its frame for helper's recover to return nil (gc makes no
        // tail calls either).
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_string_attribute("disable-tail-calls", "true"),
        );
        Some(f)
    }

    pub fn terminated(&self) -> bool {
        self.builder
            .get_insert_block()
            .is_none_or(|b| b.get_terminator().is_some())
    }

    /// Starts a fresh (unreachable) block if the current one is terminated,
    /// so dead code after return/break still has somewhere to go.
    pub fn ensure_block(&mut self) {
        if self.terminated() {
            let f = self.fs().func;
            let b = self.ctx.append_basic_block(f, "dead");
            self.builder.position_at_end(b);
        }
    }

    pub fn fs(&self) -> &FnState<'ctx> {
        self.f.as_ref().expect("in function")
    }
    pub fn fsm(&mut self) -> &mut FnState<'ctx> {
        self.f.as_mut().expect("in function")
    }

    pub fn new_block(&self, name: &str) -> BasicBlock<'ctx> {
        self.ctx.append_basic_block(self.fs().func, name)
    }

    pub fn br(&self, b: BasicBlock<'ctx>) {
        if !self.terminated() {
            self.builder.build_unconditional_branch(b).expect("br");
        }
    }

    /// Preemption poll on a loop back edge (runtime/src/sched.rs): the
    /// runtime keeps a per-thread request word at `%fs:0x68` (address space
    /// 257 is %fs on x86-64), set by sysmon when the goroutine ran 10 ms;
    /// `if *fs:0x68 != 0 { runtime.preemptPark() }`. The load is volatile
    /// so it stays in the loop.
    /// Weights conditional branch `br` 1:2000 for its true side (a slow
    /// path: preemption, write barriers).
    pub fn mark_unlikely(&self, br: inkwell::values::InstructionValue<'ctx>) {
        let i32t = self.ctx.i32_type();
        let md = self.ctx.metadata_node(&[
            self.ctx.metadata_string("branch_weights").into(),
            i32t.const_int(1, false).into(),
            i32t.const_int(2000, false).into(),
        ]);
        let _ = br.set_metadata(md, self.ctx.get_kind_id("prof"));
    }

    pub fn loop_poll(&mut self) {
        if self.terminated() {
            return;
        }
        let fsp = self.ctx.ptr_type(inkwell::AddressSpace::from(257u16));
        let addr = self.ctx.i64_type().const_int(0x68, false).const_to_pointer(fsp);
        let v = self
            .builder
            .build_load(self.ctx.i32_type(), addr, "preempt")
            .expect("load");
        if let Some(i) = v.as_instruction_value() {
            let _ = i.set_volatile(true);
        }
        let z = self.ctx.i32_type().const_zero();
        let c = self
            .builder
            .build_int_compare(inkwell::IntPredicate::NE, v.into_int_value(), z, "")
            .expect("cmp");
        let park = self.new_block("preempt");
        let cont = self.new_block("loop.back");
        let br = self
            .builder
            .build_conditional_branch(c, park, cont)
            .expect("br");
        // Preemption is rare: keep the loop's layout for the common path.
        self.mark_unlikely(br);
        self.builder.position_at_end(park);
        self.call_rt("runtime.preemptPark", &[], super::rt::R::Void, &[]);
        self.builder.build_unconditional_branch(cont).expect("br");
        self.builder.position_at_end(cont);
    }

    /// An alloca in the entry block.
    pub fn alloca(&mut self, ty: BasicTypeEnum<'ctx>, name: &str) -> PointerValue<'ctx> {
        let entry = self.fs().entry;
        let b = self.ctx.create_builder();
        match entry.get_first_instruction() {
            Some(i) => b.position_before(&i),
            None => b.position_at_end(entry),
        }
        let p = b.build_alloca(ty, name).expect("alloca");
        // Zero-initialise at the point of declaration is the caller's job.
        p
    }

    /// Creates the storage for a local variable object and returns its
    /// address (a fresh heap box when the variable escapes).
    pub fn new_var(&mut self, o: ObjId, pos: rgoc_syntax::Pos) -> Option<PointerValue<'ctx>> {
        let obj = self.c.objs.get(o);
        let (t, name) = (obj.typ, obj.name.clone());
        let ty = self.llvm_type(t, pos)?;
        if self.var_escapes(o, pos) {
            let slot = match self.fs().vars.get(&o) {
                Some(Slot::Boxed(s)) => *s,
                _ => self.alloca(self.ptr_type().into(), &name),
            };
            let b = self.new_object(t, pos);
            self.builder.build_store(slot, b).expect("store");
            self.fsm().vars.insert(o, Slot::Boxed(slot));
            return Some(b);
        }
        let p = self.alloca(ty, &name);
        self.fsm().vars.insert(o, Slot::Direct(p));
        Some(p)
    }

    /// Whether local variable `o` gets a heap box: the checker says its
    /// address is taken or a closure captures it, and escape.rs did not
    /// find it a place in the frame. Exactly escape.rs's answer: a box it
    /// did not expect could receive a pointer into the frame.
    pub fn var_escapes(&mut self, o: ObjId, _pos: rgoc_syntax::Pos) -> bool {
        self.c.objs.get(o).escapes && !self.stack_vars.contains(&o)
    }

    /// A zeroed heap object of type `t`.
    pub fn new_object(&mut self, t: TypeId, pos: rgoc_syntax::Pos) -> PointerValue<'ctx> {
        let d = self.type_desc(t, pos).as_pointer_value();
        self.call_rt(
            "runtime.newobject",
            &[super::rt::R::Ptr],
            super::rt::R::Ptr,
            &[d.into()],
        )
        .expect("newobject")
        .into_pointer_value()
    }

    pub fn gen_func(&mut self, fd: &ast::FuncDecl, f: FunctionValue<'ctx>) {
        let o = self.info.defs[&fd.name.id];
        let sig = self
            .c
            .types
            .signature(self.c.objs.get(o).typ)
            .cloned()
            .expect("func sig");
        let name = f.get_name().to_string_lossy().into_owned();
        let body = fd.body.as_ref().expect("body");
        self.gen_body(f, name, fd.recv.as_ref(), &fd.sig, &sig, body, &[]);
        if fd.pragmas.uintptrescapes {
            self.keep_uintptr_params(f, &sig, fd.recv.is_some());
        }
    }

    /// `//go:uintptrescapes` (syscall.Syscall & co): the uintptr
    /// parameters are stored in the frame at entry with volatile stores,
    /// so the conservative stack scan sees the objects they point to for
    /// the whole call (gc keeps them alive at the call site).
    fn keep_uintptr_params(&mut self, f: FunctionValue<'ctx>, sig: &rgoc_types::Signature, has_recv: bool) {
        let Some(entry) = f.get_first_basic_block() else { return };
        let Some(first) = entry.get_first_instruction() else { return };
        let here = self.builder.get_insert_block();
        self.builder.position_before(&first);
        let skip = has_recv as u32;
        for (i, &t) in sig.params.iter().enumerate() {
            if !matches!(self.c.types.get(t), Type::Basic(rgoc_types::BasicKind::Uintptr)) {
                continue;
            }
            let Some(v) = f.get_nth_param(i as u32 + skip) else { continue };
            let slot = self.builder.build_alloca(v.get_type(), "uintptr.keep").expect("alloca");
            let st = self.builder.build_store(slot, v).expect("store");
            st.set_volatile(true).expect("volatile");
        }
        if let Some(b) = here {
            self.builder.position_at_end(b);
        }
    }

    /// Generates a function body into `f`. With `captures` non-empty or a
    /// closure signature, parameter 0 is the closure object.
    pub fn gen_body(
        &mut self,
        f: FunctionValue<'ctx>,
        name: String,
        recv: Option<&ast::Field>,
        ft: &ast::FuncType,
        sig: &rgoc_types::Signature,
        body: &ast::Block,
        closure: &[ObjId],
    ) {
        let outer = self.enter_fn(f, name.clone(), sig.results.clone());
        let nparams = sig.params.len() + recv.is_some() as usize;
        self.dbg_func(f, &name, ft.pos, nparams);
        let mut pi = 0;
        let is_closure = recv.is_none() && f.count_params() as usize > sig.params.len();
        if is_closure {
            let ctxp = f
                .get_nth_param(0)
                .expect("closure param")
                .into_pointer_value();
            self.fsm().closure = Some(ctxp);
            for (i, &o) in closure.iter().enumerate() {
                self.fsm().vars.insert(o, Slot::Captured(i as u32));
            }
            pi = 1;
        }
        if let Some(r) = recv {
            for n in &r.names {
                if let Some(&po) = self.info.defs.get(&n.id) {
                    if let Some(p) = self.new_var(po, n.pos) {
                        let v = f.get_nth_param(0).expect("recv param");
                        let t = self.c.objs.get(po).typ;
                        self.store_val(p, v, t);
                    }
                }
            }
            pi = 1;
        }
        for field in &ft.params {
            let count = field.names.len().max(1);
            for k in 0..count {
                if let Some(n) = field.names.get(k) {
                    if let Some(&po) = self.info.defs.get(&n.id) {
                        if let Some(p) = self.new_var(po, n.pos) {
                            let v = f.get_nth_param(pi).expect("param");
                            let t = self.c.objs.get(po).typ;
                            self.store_val(p, v, t);
                        }
                    }
                }
                pi += 1;
            }
        }
        // Result slots (named results are variables).
        let mut ri = 0;
        let mut results = Vec::new();
        for field in &ft.results {
            let count = field.names.len().max(1);
            for k in 0..count {
                let t = sig.results[ri];
                ri += 1;
                let slot = match field
                    .names
                    .get(k)
                    .and_then(|n| self.info.defs.get(&n.id).map(|o| (*o, n.pos)))
                {
                    Some((ro, pos)) => self.new_var(ro, pos),
                    None => self
                        .llvm_type(t, ft.pos)
                        .map(|ty| self.alloca(ty, "result")),
                };
                let Some(slot) = slot else { continue };
                self.zero_store(slot, t, ft.pos);
                results.push(slot);
            }
        }
        self.fsm().results = results;
        if rgoc_syntax::visit::has_defer(&body.stmts) {
            self.setup_defer_frame(body.rbrace);
        }
        self.block(&body.stmts);
        if !self.terminated() {
            // Falling off the end returns at the closing brace, as gc
            // places it (runtime.Caller in a deferred call reports it).
            self.dbg_at(body.rbrace);
            self.gen_return_from_slots();
        }
        self.leave_fn(outer);
    }

    /// Starts generating the body of `f` (a nested function literal or a
    /// compiler wrapper) and returns where generation was, for `leave_fn`.
    pub fn enter_fn(&mut self, f: FunctionValue<'ctx>, name: String, results: Vec<TypeId>) -> Outer<'ctx> {
        let outer = Outer { f: self.f.take(), block: self.builder.get_insert_block() };
        let entry = self.ctx.append_basic_block(f, "entry");
        self.builder.position_at_end(entry);
        self.f = Some(FnState::new(f, name, entry, results));
        self.dbg_enter();
        outer
    }

    /// Goes back to where `enter_fn` left off.
    pub fn leave_fn(&mut self, outer: Outer<'ctx>) {
        self.dbg_leave();
        self.f = outer.f;
        if let Some(b) = outer.block {
            self.builder.position_at_end(b);
        }
    }

    pub fn gen_return_from_slots(&mut self) {
        if let Some(frame) = self.fs().defer_frame {
            self.call_rt(
                "runtime.deferreturn",
                &[super::rt::R::Ptr],
                super::rt::R::Void,
                &[frame.into()],
            );
        }
        let slots = self.fs().results.clone();
        let types = self.fs().result_types.clone();
        if self.fs().defer_frame.is_some() {
            // After a recovery (setjmp returning 1) LLVM has not seen the
            // body's stores: read the slots with volatile loads.
            let vals: Vec<BasicValueEnum> = slots
                .iter()
                .zip(&types)
                .map(|(s, t)| {
                    let ty = self
                        .llvm_type(*t, rgoc_syntax::Pos::default())
                        .expect("result type");
                    if self.is_big(*t) {
                        let v = self
                            .load(*t, *s, rgoc_syntax::Pos::default())
                            .expect("load");
                        return self.persist(v, *t, rgoc_syntax::Pos::default());
                    }
                    let v = self.builder.build_load(ty, *s, "r").expect("load");
                    v.as_instruction_value()
                        .expect("load instruction")
                        .set_volatile(true)
                        .expect("volatile");
                    v
                })
                .collect();
            match vals.len() {
                0 => self.builder.build_return(None).expect("ret"),
                1 => self.builder.build_return(Some(&vals[0])).expect("ret"),
                _ => {
                    self.build_return_aggregate(&vals);
                    return;
                }
            };
            return;
        }
        match slots.len() {
            0 => {
                self.builder.build_return(None).expect("ret");
            }
            1 => {
                let pos = rgoc_syntax::Pos::default();
                let v = self.load(types[0], slots[0], pos).expect("result load");
                let v = self.persist(v, types[0], pos);
                self.builder.build_return(Some(&v)).expect("ret");
            }
            _ => {
                let vals: Vec<BasicValueEnum> = slots
                    .iter()
                    .zip(&types)
                    .map(|(s, t)| {
                        let pos = rgoc_syntax::Pos::default();
                        let v = self.load(*t, *s, pos).expect("result load");
                        self.persist(v, *t, pos)
                    })
                    .collect();
                self.build_return_aggregate(&vals);
            }
        }
    }

    fn build_return_aggregate(&mut self, vals: &[BasicValueEnum<'ctx>]) {
        let f = self.fs().func;
        let rt = f
            .get_type()
            .get_return_type()
            .expect("aggregate return")
            .into_struct_type();
        let agg = self.aggregate(rt, vals);
        self.builder.build_return(Some(&agg)).expect("ret");
    }

    /// `<path>.init` of the package being compiled: the `deps` packages'
    /// inits (for package main), then this package's variable
    /// initialisation in dependency order, then its init functions.
    pub fn gen_init(&mut self, deps: &[String], init_fns: &[FunctionValue<'ctx>]) {
        let ft = self.ctx.void_type().fn_type(&[], false);
        let path = self.c.packages[self.target].path.clone();
        let name = format!("{}.init", path);
        let f = self.module.add_function(&name, ft, Some(Linkage::External));
        self.split_stack(f);
        let entry = self.ctx.append_basic_block(f, "entry");
        self.builder.position_at_end(entry);
        self.f = Some(FnState::new(f, name.clone(), entry, Vec::new()));
        self.dbg_init(f, &name);
        for d in deps {
            let df = self
                .module
                .add_function(&format!("{}.init", d), ft, Some(Linkage::External));
            self.builder.build_call(df, &[], "").expect("call");
        }
        let p = &self.c.packages[self.target];
        for init in &p.init_order {
            if init.lhs.len() == 1 {
                let o = init.lhs[0];
                let t = self.c.objs.get(o).typ;
                if let Some(g) = self.globals.get(&o).copied() {
                    if let Some(c) = self.static_int_array(t, &init.rhs) {
                        g.set_initializer(&c);
                        continue;
                    }
                }
                let Some(v) = self.expr_to(&init.rhs, t) else {
                    continue;
                };
                if let Some(g) = self.globals.get(&o).copied() {
                    self.store_val(g.as_pointer_value(), v, t);
                }
            } else {
                let Some(v) = self.expr(&init.rhs) else {
                    continue;
                };
                let vals = self.unpack_multi(&init.rhs, v, init.lhs.len());
                for (i, &o) in init.lhs.iter().enumerate() {
                    if let Some(g) = self.globals.get(&o).copied() {
                        let t = self.c.objs.get(o).typ;
                        let src_t = self.multi_types(&init.rhs)[i];
                        let val = self.convert_value(vals[i], src_t, t, init.rhs.pos);
                        self.store_val(g.as_pointer_value(), val, t);
                    }
                }
            }
        }
        for &fi in init_fns {
            self.builder.build_call(fi, &[], "").expect("call");
        }
        self.builder.build_return(None).expect("ret");
        self.f = None;
    }

    /// The constant initializer of a package-level array of integers
    /// given by a composite literal of constants without keys (tables
    /// such as crypto's precomputed points, `[...]byte{...}` with tens of
    /// thousands of elements): static data, as gc emits it, instead of
    /// init code storing each element.
    fn static_int_array(&mut self, t: rgoc_types::TypeId, rhs: &Expr) -> Option<inkwell::values::ArrayValue<'ctx>> {
        let rgoc_types::Type::Array(n, elem) = self.c.types.under(t).clone() else { return None };
        if !self.c.types.basic(elem).is_some_and(|k| k.is_integer()) {
            return None;
        }
        let ExprKind::CompositeLit { elts, .. } = &rhs.kind else { return None };
        if elts.len() as u64 > n || elts.iter().any(|el| el.key.is_some()) {
            return None;
        }
        let et = self.llvm_type(elem, rhs.pos)?.into_int_type();
        let mut vals = Vec::with_capacity(n as usize);
        for el in elts {
            let v = self.info.tv(&el.value)?.val.clone()?;
            vals.push(self.constant(&v, elem, el.value.pos)?.into_int_value());
        }
        vals.resize(n as usize, et.const_zero());
        Some(et.const_array(&vals))
    }

    pub fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: &Stmt) {
        self.dbg_at(s.pos);
        if matches!(
            s.kind,
            StmtKind::Return(_) | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) | StmtKind::Defer(_)
        ) {
            if let Some(rw) = self.info.branch_rewrites.get(&s.pos) {
                // Leaving a range-over-func body (the checker's rewrite).
                self.stmt(rw);
                return;
            }
        }
        // Labels must stay reachable even after a terminator.
        if let StmtKind::Labeled { label, stmt } = &s.kind {
            let b = self.label_block(&label.name);
            self.br(b);
            self.builder.position_at_end(b);
            return self.labeled(&label.name, stmt);
        }
        self.ensure_block();
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Labeled { .. } => unreachable!(),
            StmtKind::Expr(e) => {
                self.expr(e);
            }
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Assign { lhs, op, rhs } => self.assign(s, lhs, *op, rhs),
            StmtKind::IncDec { x, inc } => {
                let t = self.info.type_of(x);
                let Some(p) = self.addr(x) else { return };
                let Some(ty) = self.llvm_type(t, x.pos) else {
                    return;
                };
                let v = self.builder.build_load(ty, p, "").expect("load");
                let one = self.one(t, x.pos);
                let op = if *inc {
                    rgoc_syntax::BinOp::Add
                } else {
                    rgoc_syntax::BinOp::Sub
                };
                if let Some(nv) = self.arith(op, v, one, t, x.pos) {
                    self.builder.build_store(p, nv).expect("store");
                }
            }
            StmtKind::Return(results) => self.return_stmt(results),
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let Some(c) = self.cond(cond) else { return };
                let tb = self.new_block("if.then");
                let eb = self.new_block("if.else");
                let end = self.new_block("if.end");
                self.builder
                    .build_conditional_branch(c, tb, eb)
                    .expect("br");
                self.builder.position_at_end(tb);
                self.block(&then.stmts);
                self.br(end);
                self.builder.position_at_end(eb);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.br(end);
                self.builder.position_at_end(end);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(None, init.as_deref(), cond.as_ref(), post.as_deref(), body),
            StmtKind::Switch {
                init, tag, body, ..
            } => self.switch_stmt(None, init.as_deref(), tag.as_ref(), body),
            StmtKind::Break(label) => {
                let t = self.find_target(label.as_ref().map(|l| l.name.as_str()), false);
                if let Some(b) = t {
                    self.br(b);
                }
            }
            StmtKind::Continue(label) => {
                let t = self.find_target(label.as_ref().map(|l| l.name.as_str()), true);
                if let Some(b) = t {
                    self.br(b);
                }
            }
            StmtKind::Goto(l) => {
                let b = self.label_block(&l.name);
                self.br(b);
            }
            StmtKind::Fallthrough => {
                if let Some(b) = self.fs().fallthrough {
                    self.br(b);
                }
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(None, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => self.type_switch(None, init.as_deref(), bind.as_ref(), x, body),
            StmtKind::Select { body } => self.select_stmt(None, body),
            StmtKind::Go(call) => self.go_stmt(call),
            StmtKind::Defer(call) => self.defer_stmt(call),
            StmtKind::Send { ch, value } => self.send_stmt(ch, value),
        }
    }

    fn label_block(&mut self, name: &str) -> BasicBlock<'ctx> {
        if let Some(b) = self.fs().labels.get(name) {
            return *b;
        }
        let b = self.new_block(&format!("label.{}", name));
        self.fsm().labels.insert(name.to_string(), b);
        b
    }

    fn labeled(&mut self, label: &str, s: &Stmt) {
        match &s.kind {
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(
                Some(label),
                init.as_deref(),
                cond.as_ref(),
                post.as_deref(),
                body,
            ),
            StmtKind::Switch {
                init, tag, body, ..
            } => self.switch_stmt(Some(label), init.as_deref(), tag.as_ref(), body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(Some(label), key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => self.type_switch(Some(label), init.as_deref(), bind.as_ref(), x, body),
            StmtKind::Select { body } => self.select_stmt(Some(label), body),
            _ => self.stmt(s),
        }
    }

    pub fn push_target(
        &mut self,
        label: Option<&str>,
        brk: BasicBlock<'ctx>,
        cont: Option<BasicBlock<'ctx>>,
    ) {
        self.fsm().targets.push(Target {
            label: label.map(String::from),
            brk,
            cont,
        });
    }

    pub fn pop_target(&mut self) {
        self.fsm().targets.pop();
    }

    fn find_target(&self, label: Option<&str>, cont: bool) -> Option<BasicBlock<'ctx>> {
        for t in self.fs().targets.iter().rev() {
            if let Some(l) = label {
                if t.label.as_deref() != Some(l) {
                    continue;
                }
            } else if cont && t.cont.is_none() {
                continue;
            }
            return if cont { t.cont } else { Some(t.brk) };
        }
        None
    }

    fn for_stmt(
        &mut self,
        label: Option<&str>,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &ast::Block,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        // Go 1.22 per-iteration loop variables only matter when a closure
        // or pointer captures them; the variables that escape are copied at
        // the start of each iteration.
        let head = self.new_block("for.cond");
        let bodyb = self.new_block("for.body");
        let postb = self.new_block("for.post");
        let end = self.new_block("for.end");
        self.br(head);
        self.builder.position_at_end(head);
        match cond {
            Some(c) => {
                let Some(cv) = self.cond(c) else { return };
                self.builder
                    .build_conditional_branch(cv, bodyb, end)
                    .expect("br");
            }
            None => {
                self.builder.build_unconditional_branch(bodyb).expect("br");
            }
        }
        self.builder.position_at_end(bodyb);
        self.fsm().targets.push(Target {
            label: label.map(String::from),
            brk: end,
            cont: Some(postb),
        });
        self.block(&body.stmts);
        self.fsm().targets.pop();
        self.br(postb);
        self.builder.position_at_end(postb);
        for o in self.loop_vars(init) {
            self.rebox(o);
        }
        if let Some(p) = post {
            self.stmt(p);
        }
        self.loop_poll();
        self.br(head);
        self.builder.position_at_end(end);
    }

    fn switch_stmt(
        &mut self,
        label: Option<&str>,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        body: &[ast::CaseClause],
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let tag_v = match tag {
            Some(t) => {
                let tt = self.info.type_of(t);
                let Some(v) = self.expr(t) else { return };
                Some((v, tt))
            }
            None => None,
        };
        let end = self.new_block("sw.end");
        let bodies: Vec<BasicBlock> = body.iter().map(|_| self.new_block("sw.body")).collect();
        let mut default_idx = None;
        for (i, cc) in body.iter().enumerate() {
            if cc.default {
                default_idx = Some(i);
                continue;
            }
            for e in &cc.exprs {
                let c = match &tag_v {
                    Some((tv, tt)) => {
                        // Compare in a common type, as `tag == e`: a concrete case
                        // against an interface tag (or the reverse) is converted.
                        let et = self.info.type_of(e);
                        let (tv, ev, ct) =
                            if self.c.types.is_interface(et) && !self.c.types.is_interface(*tt) {
                                let Some(ev) = self.expr(e) else { return };
                                (self.convert_value(*tv, *tt, et, e.pos), ev, et)
                            } else {
                                let Some(ev) = self.expr_to(e, *tt) else {
                                    return;
                                };
                                (*tv, ev, *tt)
                            };
                        let Some(c) = self.compare(rgoc_syntax::BinOp::Eq, tv, ct, ev, ct, e.pos)
                        else {
                            return;
                        };
                        c
                    }
                    None if self.c.types.is_interface(self.info.type_of(e)) => {
                        // case i (interface) in a tagless switch: i == true.
                        let it = self.info.type_of(e);
                        let Some(ev) = self.expr(e) else { return };
                        let t = self.ctx.bool_type().const_int(1, false).into();
                        let tv = self.convert_value(t, ids::BOOL, it, e.pos);
                        let Some(c) = self.compare(rgoc_syntax::BinOp::Eq, ev, it, tv, it, e.pos)
                        else {
                            return;
                        };
                        c
                    }
                    None => {
                        let Some(c) = self.cond(e) else { return };
                        c
                    }
                };
                let next = self.new_block("sw.next");
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
            let ft = bodies.get(i + 1).copied();
            let saved = std::mem::replace(&mut self.fsm().fallthrough, ft);
            self.fsm().targets.push(Target {
                label: label.map(String::from),
                brk: end,
                cont: None,
            });
            self.block(&cc.body);
            self.fsm().targets.pop();
            self.fsm().fallthrough = saved;
            self.br(end);
        }
        self.builder.position_at_end(end);
    }

    fn return_stmt(&mut self, results: &[Expr]) {
        let types = self.fs().result_types.clone();
        if results.is_empty() {
            self.gen_return_from_slots();
            return;
        }
        let mut vals = Vec::new();
        if results.len() == 1 && types.len() > 1 {
            let Some(v) = self.expr(&results[0]) else {
                return;
            };
            let parts = self.unpack_multi(&results[0], v, types.len());
            let src = self.multi_types(&results[0]);
            for (i, p) in parts.into_iter().enumerate() {
                vals.push(self.convert_value(p, src[i], types[i], results[0].pos));
            }
        } else {
            for (i, r) in results.iter().enumerate() {
                let Some(v) = self.expr_to(r, types[i]) else {
                    return;
                };
                vals.push(v);
            }
        }
        // Results go through their slots: deferred calls may read and
        // change named results before the function returns.
        let slots = self.fs().results.clone();
        for ((slot, v), t) in slots.iter().zip(&vals).zip(&types) {
            self.store_val(*slot, *v, *t);
        }
        self.gen_return_from_slots();
    }

    fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            ast::Decl::Var(specs) => {
                for spec in specs {
                    let objs: Vec<Option<ObjId>> = spec
                        .names
                        .iter()
                        .map(|n| self.info.defs.get(&n.id).copied())
                        .collect();
                    if spec.values.is_empty() {
                        for (o, n) in objs.iter().zip(&spec.names) {
                            let Some(o) = o else { continue };
                            let Some(p) = self.new_var(*o, n.pos) else {
                                continue;
                            };
                            let t = self.c.objs.get(*o).typ;
                            self.zero_store(p, t, n.pos);
                        }
                    } else if spec.values.len() == spec.names.len() {
                        let mut vals = Vec::new();
                        for (i, v) in spec.values.iter().enumerate() {
                            let t = objs[i]
                                .map(|o| self.c.objs.get(o).typ)
                                .unwrap_or(self.info.type_of(v));
                            vals.push(self.expr_to(v, t));
                        }
                        for (i, n) in spec.names.iter().enumerate() {
                            let (Some(o), Some(v)) = (objs[i], vals[i]) else {
                                continue;
                            };
                            if let Some(p) = self.new_var(o, n.pos) {
                                let t = self.c.objs.get(o).typ;
                                self.store_val(p, v, t);
                            }
                        }
                    } else {
                        let Some(v) = self.expr(&spec.values[0]) else {
                            continue;
                        };
                        let parts = self.unpack_multi(&spec.values[0], v, spec.names.len());
                        let src = self.multi_types(&spec.values[0]);
                        for (i, n) in spec.names.iter().enumerate() {
                            let Some(o) = objs[i] else { continue };
                            let t = self.c.objs.get(o).typ;
                            let val = self.convert_value(parts[i], src[i], t, n.pos);
                            if let Some(p) = self.new_var(o, n.pos) {
                                self.store_val(p, val, t);
                            }
                        }
                    }
                }
            }
            ast::Decl::Const(_) => {}
            ast::Decl::Type(specs) => {
                for s in specs {
                    if let Some(&o) = self.info.defs.get(&s.name.id) {
                        if matches!(self.c.types.get(self.c.objs.get(o).typ), Type::Named(_))
                            && !self
                                .c
                                .types
                                .named_info(self.c.objs.get(o).typ)
                                .is_some_and(|n| n.methods.is_empty())
                        {
                            self.unsupported(s.pos, "methods on local types");
                        }
                    }
                }
            }
            ast::Decl::Func(f) => self.unsupported(f.pos, "nested function declaration"),
        }
    }

    fn assign(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        match op {
            AssignOp::Op(bop) => {
                let t = self.info.type_of(&lhs[0]);
                // A map element is read without inserting it: the key is
                // added only when the result is stored, after the operands
                // were evaluated (a panic in them leaves the map as it was).
                let lv = self.lvalue(&lhs[0]);
                let lv = self.lvalue_checked(lv, s.pos);
                let old = match lv.clone() {
                    LValue::MapElem(mt, m, k) => self.map_index(mt, m, k, s.pos).map(|(v, _)| v),
                    LValue::Ptr(p) => self.llvm_type(t, s.pos).map(|ty| self.builder.build_load(ty, p, "").expect("load")),
                    _ => None,
                };
                let Some(old) = old else { return };
                let rt = self.info.type_of(&rhs[0]);
                let Some(r) = (if bop.is_shift() {
                    self.expr(&rhs[0])
                } else {
                    self.expr_to(&rhs[0], t)
                }) else {
                    return;
                };
                let nv = if bop.is_shift() {
                    self.shift(bop, old, r, t, rt, s.pos)
                } else {
                    self.arith(bop, old, r, t, s.pos)
                };
                if let Some(nv) = nv {
                    // `s += x` stores a string.
                    self.store_lvalue(lv, nv, t, s.pos);
                }
            }
            AssignOp::Define | AssignOp::Assign => {
                let define = op == AssignOp::Define;
                // Targets: for := new variables get fresh storage.
                let lhs_types: Vec<TypeId> = lhs.iter().map(|l| self.target_type(l)).collect();
                if lhs.len() == rhs.len() {
                    // Evaluate all right-hand sides first (parallel assignment),
                    // and the left-hand index operands before them too.
                    let mut addrs = Vec::new();
                    if !define {
                        for l in lhs {
                            addrs.push(self.lvalue(l));
                        }
                    }
                    let mut vals = Vec::new();
                    for (i, r) in rhs.iter().enumerate() {
                        let t = if lhs_types[i] == rgoc_types::ids::INVALID {
                            self.info.type_of(r)
                        } else {
                            lhs_types[i]
                        };
                        vals.push(self.expr_to(r, t));
                    }
                    for (i, l) in lhs.iter().enumerate() {
                        let Some(v) = vals[i] else { continue };
                        let t = if lhs_types[i] == rgoc_types::ids::INVALID {
                            self.info.type_of(&rhs[i])
                        } else {
                            lhs_types[i]
                        };
                        if define {
                            if let Some(p) = self.define_target(l) {
                                self.store_val(p, v, t);
                            }
                        } else {
                            self.store_lvalue(addrs[i].clone(), v, t, l.pos);
                        }
                    }
                } else {
                    let mut addrs = Vec::new();
                    if !define {
                        for l in lhs {
                            addrs.push(self.lvalue(l));
                        }
                    }
                    let Some(v) = self.expr(&rhs[0]) else { return };
                    let parts = self.unpack_multi(&rhs[0], v, lhs.len());
                    let src = self.multi_types(&rhs[0]);
                    for (i, l) in lhs.iter().enumerate() {
                        if define {
                            let Some(p) = self.define_target(l) else {
                                continue;
                            };
                            let val = self.convert_value(parts[i], src[i], lhs_types[i], l.pos);
                            self.store_val(p, val, lhs_types[i]);
                        } else if lhs_types[i] != rgoc_types::ids::INVALID {
                            let val = self.convert_value(parts[i], src[i], lhs_types[i], l.pos);
                            self.store_lvalue(addrs[i].clone(), val, lhs_types[i], l.pos);
                        }
                    }
                }
            }
        }
    }

    /// Evaluates the operands of an assignment target: its address, or for
    /// a map element the map and key (the element is inserted only when the
    /// value is stored, after the right-hand side: `m[k] = len(m)`).
    fn lvalue(&mut self, l: &Expr) -> LValue<'ctx> {
        if is_blank(l) {
            return LValue::None;
        }
        match &super::mem::strip(l).kind {
            ExprKind::Index { x, indices } => {
                let xt = self.info.type_of(x);
                match self.c.types.under(xt).clone() {
                    Type::Map(kt, _) => {
                        let (Some(m), Some(k)) = (self.expr(x), self.expr_to(&indices[0], kt)) else {
                            return LValue::None;
                        };
                        return LValue::MapElem(xt, m, k);
                    }
                    Type::Slice(et) => {
                        let Some(sv) = self.expr(x) else { return LValue::None };
                        let Some(i) = self.index_int(&indices[0]) else { return LValue::None };
                        let (ptr, len, _) = self.slice_parts(sv);
                        return LValue::SliceElem(ptr, len, i, et, self.unsigned_index(&indices[0]));
                    }
                    _ => {}
                }
            }
            ExprKind::Star(x) => {
                return match self.expr(x) {
                    Some(p) => LValue::Deref(p.into_pointer_value()),
                    None => LValue::None,
                };
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.info.selections.get(&super::mem::strip(l).id).cloned();
                let xt = self.info.type_of(x);
                if let (Some(sel), Type::Pointer(et)) = (sel, self.c.types.under(xt).clone()) {
                    if sel.kind == rgoc_types::SelectionKind::FieldVal {
                        return match self.expr(x) {
                            Some(p) => LValue::Field(p.into_pointer_value(), et, sel.path.clone()),
                            None => LValue::None,
                        };
                    }
                }
            }
            _ => {}
        }
        match self.addr(l) {
            Some(p) => LValue::Ptr(p),
            None => LValue::None,
        }
    }

    /// The target with its deferred nil or bounds check done: a pointer
    /// (maps stay map elements).
    fn lvalue_checked(&mut self, lv: LValue<'ctx>, pos: rgoc_syntax::Pos) -> LValue<'ctx> {
        match lv {
            LValue::Deref(p) => {
                self.nil_check(p);
                LValue::Ptr(p)
            }
            LValue::SliceElem(ptr, len, i, et, idx) => {
                self.bounds_check(i, len, idx);
                self.elem_ptr(ptr, et, i, pos).map_or(LValue::None, LValue::Ptr)
            }
            LValue::Field(p, t, path) => {
                self.nil_check(p);
                self.field_path(p, t, &path, pos).map_or(LValue::None, |(fp, _)| LValue::Ptr(fp))
            }
            lv => lv,
        }
    }

    fn store_lvalue(
        &mut self,
        lv: LValue<'ctx>,
        v: BasicValueEnum<'ctx>,
        t: TypeId,
        pos: rgoc_syntax::Pos,
    ) {
        match self.lvalue_checked(lv, pos) {
            LValue::Ptr(p) => self.store_val(p, v, t),
            LValue::MapElem(mt, m, k) => {
                let slot = self.map_assign_slot(mt, m, k, pos);
                self.store_val(slot, v, t);
            }
            _ => {}
        }
    }

    fn target_type(&self, l: &Expr) -> TypeId {
        if is_blank(l) {
            return rgoc_types::ids::INVALID;
        }
        if let Some(o) = self.info.obj_of(l.id) {
            return self.c.objs.get(o).typ;
        }
        self.info.type_of(l)
    }

    /// Storage for the target of `:=`: a new variable, or the existing one.
    fn define_target(&mut self, l: &Expr) -> Option<PointerValue<'ctx>> {
        if is_blank(l) {
            return None;
        }
        if let Some(&o) = self.info.defs.get(&l.id) {
            if self.c.objs.get(o).name == "_" {
                return None;
            }
            return self.new_var(o, l.pos);
        }
        self.addr(l)
    }

    /// Storage of a variable object (local or global).
    pub fn var_ptr(&mut self, o: ObjId, pos: rgoc_syntax::Pos) -> Option<PointerValue<'ctx>> {
        if let Some(slot) = self.f.as_ref().and_then(|f| f.vars.get(&o)).copied() {
            let pt = self.ptr_type();
            return Some(match slot {
                Slot::Direct(p) => p,
                Slot::Boxed(s) => self
                    .builder
                    .build_load(pt, s, "box")
                    .expect("load")
                    .into_pointer_value(),
                Slot::Captured(i) => {
                    let c = self.fs().closure.expect("closure");
                    let i64t = self.ctx.i64_type();
                    let p = unsafe {
                        self.builder
                            .build_gep(pt, c, &[i64t.const_int(i as u64 + 1, false)], "cap")
                            .expect("gep")
                    };
                    self.builder
                        .build_load(pt, p, "box")
                        .expect("load")
                        .into_pointer_value()
                }
            });
        }
        if let Some(g) = self.globals.get(&o) {
            return Some(g.as_pointer_value());
        }
        let obj = self.c.objs.get(o);
        if matches!(obj.kind, ObjKind::Var { .. }) {
            let name = obj.name.clone();
            self.unsupported(
                pos,
                &format!("reference to variable {} from a nested function", name),
            );
        }
        None
    }
}

pub(crate) fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(n) if n == "_")
}
