//! Instantiation (go/types' instantiate.go): type parameter lists,
//! verifying type arguments against constraints, instances of generic
//! types (with their methods) and of generic functions, and checking each
//! function instance's body again with its type arguments in place.
//!
//! rgoc monomorphises: every instance with concrete type arguments becomes
//! an object of its own (`Object::inst`) whose body is re-checked with
//! each type parameter name bound to its argument, giving side tables
//! (`Instance::info`) in which every type is concrete, so codegen compiles
//! an instance exactly as it compiles ordinary code. A generic body is
//! also checked once with its type parameters as types, for diagnostics;
//! those tables are never compiled. Diagnostics while checking an
//! instance are dropped (the generic check reported the real ones).

use std::collections::{HashMap, HashSet};

use rgoc_syntax::{ast, Expr, ExprKind, Pos};

use crate::check::{strip_paren, Checker};
use crate::objects::{ObjId, ObjKind, Object};
use crate::types::{ids, Term, Type, TypeId};
use crate::{Info, Instance};

/// Instances nested deeper than this are an instantiation cycle
/// (`func f[T any]() { f[[]T]() }`).
const MAX_INSTANCE_DEPTH: usize = 48;

/// The program-wide state of generics, moved from package to package.
#[derive(Default)]
pub(crate) struct Generics<'a> {
    /// Declarations of generic functions and methods of generic types.
    pub decls: HashMap<ObjId, &'a ast::FuncDecl>,
    pub instances: Vec<Instance>,
    /// Function instances by (origin, type arguments).
    pub cache: HashMap<(ObjId, Vec<TypeId>), ObjId>,
    /// Instances whose bodies are still to be checked, with their depth.
    pub queue: Vec<(usize, usize)>,
    /// Depth of the instance being checked (0: ordinary code).
    pub depth: usize,
    /// The last node id given to rewritten code (rangefunc.rs).
    pub synth_ids: u32,
    /// Set while the function of a call or an index expression is checked:
    /// a generic function may appear there without instantiation.
    pub allow_generic: bool,
    /// The types a generic method's receiver type parameters stand for
    /// (set by `declare_generic_tparams`, read by `generic_recv_type`).
    pub recv_targs: Vec<TypeId>,
    /// Generic types whose methods are all collected.
    pub ready: HashSet<TypeId>,
    /// Each file's scope (its imports; the parent is its package's scope)
    /// by file index, for every package checked so far.
    pub file_scopes: HashMap<u32, crate::objects::ScopeId>,
    /// While a type parameter list's constraints are being read: the
    /// instantiations in them, verified once every constraint is set
    /// (`[W wrap[T], T Word]` checks T against wrap's constraint with T's
    /// constraint Word, declared after it; go/types' check.later).
    pub pending_verify: Option<Vec<(Vec<TypeId>, Vec<TypeId>, Vec<Pos>)>>,
}

impl<'a> Checker<'a> {
    /// Declares a type parameter list in the current scope: a type name
    /// and a fresh TypeParam type per name, then the constraints (which may
    /// refer to any of the list's parameters).
    pub(crate) fn declare_type_params(&mut self, fields: &[ast::Field]) -> Vec<TypeId> {
        let mut tps = Vec::new();
        let mut per_field = Vec::new();
        for f in fields {
            let mut mine = Vec::new();
            for n in &f.names {
                let o = self.objs.add(Object::new(&n.name, ObjKind::TypeName, ids::INVALID, n.pos, &self.pkg));
                let t = self.types.new_type_param(&n.name, Some(o), tps.len());
                self.objs.get_mut(o).typ = t;
                self.objs.get_mut(o).used = true;
                self.declare_local(n, o);
                tps.push(t);
                mine.push(t);
            }
            per_field.push(mine);
        }
        let outer_pending = self.gen.pending_verify.replace(Vec::new());
        for (f, mine) in fields.iter().zip(per_field) {
            let c = self.constraint_expr(&f.typ);
            let implicit = !matches!(strip_paren(&f.typ).kind, ExprKind::InterfaceType { .. }) && !self.types.is_named(c);
            for t in mine {
                if let Type::TypeParam(i) = self.types.get(t).clone() {
                    self.types.tparams[i as usize].constraint = c;
                    self.types.tparams[i as usize].implicit = implicit;
                }
            }
        }
        let pending = std::mem::replace(&mut self.gen.pending_verify, outer_pending).unwrap_or_default();
        for (params, targs, pos) in pending {
            self.verify_targs(&params, &targs, &pos);
        }
        tps
    }

    /// A constraint: an interface, or a type written alone (`[T int]`
    /// stands for `interface{ int }`).
    fn constraint_expr(&mut self, e: &Expr) -> TypeId {
        let t = self.type_expr(e);
        if t == ids::INVALID {
            return ids::EMPTY_INTERFACE;
        }
        match self.types.under(t) {
            Type::Interface(_) | Type::Constraint { .. } => t,
            _ if self.types.is_type_param(t) => {
                self.error(e.pos, format!("cannot use a type parameter as constraint"));
                ids::EMPTY_INTERFACE
            }
            _ => self.types.intern(Type::Constraint {
                methods: vec![],
                terms: Some(vec![Term { tilde: false, typ: t }]),
                comparable: false,
            }),
        }
    }

    /// The type parameter names of a method's receiver (`func (l
    /// *List[T]) ...`), then those of the function or method itself, with
    /// their declarations.
    fn tparam_names(fd: &ast::FuncDecl) -> (Vec<(String, Pos)>, Vec<(String, Pos)>) {
        let mut recv = Vec::new();
        if let Some(r) = &fd.recv {
            let mut e = strip_paren(&r.typ);
            if let ExprKind::Star(x) = &e.kind {
                e = strip_paren(x);
            }
            if let ExprKind::Index { indices, .. } = &e.kind {
                recv = indices
                    .iter()
                    .map(|i| match &i.kind {
                        ExprKind::Ident(n) => (n.clone(), i.pos),
                        _ => ("_".to_string(), i.pos),
                    })
                    .collect();
            }
        }
        let own = fd.type_params.iter().flat_map(|f| f.names.iter()).map(|n| (n.name.clone(), n.pos)).collect();
        (recv, own)
    }

    /// Declares in the current scope the type parameter names of generic
    /// function or method `fd` (object `obj`), bound to `targs` when an
    /// instance is checked, else to the declared type parameters (a
    /// generic method's receiver type parameters come first). Names
    /// without a type yet (a generic method's own, while its receiver is
    /// being declared) are left out.
    pub(crate) fn declare_generic_tparams(&mut self, fd: &ast::FuncDecl, obj: ObjId, targs: Option<&[TypeId]>) {
        let own = self.generic_tparams(obj);
        let types = targs.map(|t| t.to_vec()).unwrap_or(own);
        let (recv_names, own_names) = Self::tparam_names(fd);
        let nrecv = recv_names.len();
        if fd.recv.is_some() {
            self.gen.recv_targs = types[..nrecv.min(types.len())].to_vec();
        }
        for (i, (name, pos)) in recv_names.into_iter().chain(own_names).enumerate() {
            if i >= nrecv && i >= types.len() {
                break;
            }
            let t = types.get(i).copied().unwrap_or(ids::INVALID);
            let mut o = Object::new(&name, ObjKind::TypeName, t, pos, &self.pkg);
            o.used = true;
            o.bound_tparam = targs.is_some();
            let o = self.objs.add(o);
            if name != "_" {
                self.objs.insert(self.scope, &name, o);
            }
        }
    }

    /// The type parameters of a generic function; of a method: its
    /// receiver base type's, then its own.
    pub(crate) fn generic_tparams(&self, obj: ObjId) -> Vec<TypeId> {
        let o = self.objs.get(obj);
        let mut out = match o.recv_base.and_then(|b| self.types.named_info(b)) {
            Some(n) => n.tparams.clone(),
            None => Vec::new(),
        };
        out.extend(o.tparams.iter().copied());
        out
    }

    /// Checks type arguments against type parameters' constraints (with
    /// the arguments substituted into the constraints). Reports and
    /// returns false on the first failure.
    pub(crate) fn verify_targs(&mut self, tparams: &[TypeId], targs: &[TypeId], pos: &[Pos]) -> bool {
        self.verify_targs_from(tparams, targs, pos, 0)
    }

    /// As `verify_targs`, checking only the parameters from index `skip`
    /// on (a generic method's own, after its receiver's, which the
    /// receiver type's instantiation checked); `pos` holds their
    /// positions.
    pub(crate) fn verify_targs_from(&mut self, tparams: &[TypeId], targs: &[TypeId], pos: &[Pos], skip: usize) -> bool {
        let m: crate::subst::Subst = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, (&tp, &ta)) in tparams.iter().zip(targs).enumerate().skip(skip) {
            let c = self.types.tparam_info(tp).map(|x| x.constraint).unwrap_or(ids::INVALID);
            let implicit = self.types.tparam_info(tp).is_some_and(|x| x.implicit);
            let c = self.types.subst(c, &m);
            if let Err(mut msg) = self.satisfies(ta, c) {
                // An implicit interface is spelled as its terms.
                let cs = self.tstr(c);
                if let (true, Some(inner)) = (implicit, cs.strip_prefix("interface{").and_then(|r| r.strip_suffix('}'))) {
                    msg = msg.replace(&cs, inner);
                }
                let p = pos.get(i - skip).or(pos.last()).copied().unwrap_or_default();
                self.error(p, msg);
                return false;
            }
        }
        true
    }

    /// The instance `origin[targs]` of a generic type, its methods attached.
    pub(crate) fn instantiate_type(&mut self, origin: TypeId, targs: &[TypeId]) -> TypeId {
        let t = self.types.instantiate_named(origin, targs);
        self.settle_instances();
        t
    }

    /// Attaches methods to the instances of generic types created since
    /// the last call whose origins have all their methods collected (the
    /// others wait for their origin's declaration to finish).
    pub(crate) fn settle_instances(&mut self) {
        let fresh = std::mem::take(&mut self.types.fresh_instances);
        let mut waiting = Vec::new();
        for inst in fresh {
            let Some(origin) = self.types.named_info(inst).and_then(|n| n.origin) else { continue };
            if !self.gen.ready.contains(&origin) {
                waiting.push(inst);
                continue;
            }
            self.attach_methods(inst, origin);
        }
        // Instances created while attaching methods are settled next time.
        let more = std::mem::take(&mut self.types.fresh_instances);
        self.types.fresh_instances = waiting;
        self.types.fresh_instances.extend(more.iter().copied());
        if !more.is_empty() {
            self.settle_instances();
        }
    }

    fn attach_methods(&mut self, inst: TypeId, origin: TypeId) {
        let targs = self.types.named_info(inst).map(|n| n.targs.clone()).unwrap_or_default();
        let m = self.types.subst_of(origin, &targs);
        let concrete = self.types.is_concrete(inst);
        let methods = self.types.named_info(origin).map(|n| n.methods.clone()).unwrap_or_default();
        let mut out = Vec::new();
        for om in methods {
            let src = self.objs.get(om).clone();
            let typ = self.types.subst(src.typ, &m);
            let mut o = Object::new(&src.name, ObjKind::Func, typ, src.pos, &src.pkg);
            o.recv_base = Some(inst);
            o.ptr_recv = src.ptr_recv;
            o.used = true;
            let generic = !src.tparams.is_empty();
            if generic {
                // A generic method: instantiated per call with its own
                // type arguments too (`method_instance`).
                o.tparams = src.tparams.clone();
                o.method_origin = Some(om);
            }
            let id = self.objs.add(o);
            if concrete && !generic {
                self.new_instance(id, om, targs.clone());
            }
            out.push(id);
        }
        if let Some(n) = self.types.named_info_mut(inst) {
            n.methods = out;
        }
    }

    /// Marks generic type `t`'s declaration complete: instances made while
    /// it was declared get their underlying type and methods.
    pub(crate) fn generic_type_ready(&mut self, t: TypeId) {
        self.types.expand_instances_of(t);
        self.gen.ready.insert(t);
        self.settle_instances();
    }

    /// Registers instance object `obj` of generic `origin` and queues its
    /// body for checking.
    fn new_instance(&mut self, obj: ObjId, origin: ObjId, targs: Vec<TypeId>) {
        let Some(fd) = self.gen.decls.get(&origin).copied() else { return };
        let idx = self.gen.instances.len();
        self.objs.get_mut(obj).inst = Some(idx as u32);
        self.gen.instances.push(Instance { obj, origin, targs, info: Info::default(), decl: fd.name.id });
        self.gen.queue.push((idx, self.gen.depth + 1));
    }

    /// The instance of generic function `origin` for `targs` (checked
    /// against the constraints by the caller): its object when the
    /// arguments are concrete, and its signature.
    pub(crate) fn func_instance(&mut self, origin: ObjId, targs: &[TypeId], pos: Pos) -> (Option<ObjId>, TypeId) {
        let tps = self.objs.get(origin).tparams.clone();
        let m: crate::subst::Subst = tps.iter().copied().zip(targs.iter().copied()).collect();
        let sig = self.objs.get(origin).typ;
        let sig = self.types.subst(sig, &m);
        self.settle_instances();
        if !targs.iter().all(|&t| self.types.is_concrete(t)) {
            return (None, sig);
        }
        if self.gen.depth >= MAX_INSTANCE_DEPTH {
            let name = self.objs.get(origin).name.clone();
            self.error(pos, format!("instantiation cycle in {}", name));
            return (None, sig);
        }
        let key = (origin, targs.to_vec());
        if let Some(&o) = self.gen.cache.get(&key) {
            return (Some(o), sig);
        }
        let src = self.objs.get(origin).clone();
        let mut o = Object::new(&src.name, ObjKind::Func, sig, src.pos, &src.pkg);
        o.used = true;
        let id = self.objs.add(o);
        self.gen.cache.insert(key, id);
        self.new_instance(id, origin, targs.to_vec());
        (Some(id), sig)
    }

    /// Checks the queued instance bodies (and the instances they need).
    pub(crate) fn check_instances(&mut self) {
        self.settle_instances();
        while let Some((idx, depth)) = self.gen.queue.pop() {
            self.check_instance(idx, depth);
            self.settle_instances();
        }
    }

    /// Checks instance `idx`'s body in its package with each type
    /// parameter name bound to its type argument.
    fn check_instance(&mut self, idx: usize, depth: usize) {
        let (obj, origin, targs) = {
            let i = &self.gen.instances[idx];
            (i.obj, i.origin, i.targs.clone())
        };
        let Some(fd) = self.gen.decls.get(&origin).copied() else { return };
        let Some(body) = &fd.body else { return };
        let pkg = self.objs.get(origin).pkg.clone();
        let pkg_scope = if pkg == self.pkg {
            self.pkg_scope
        } else {
            match self.packages.get(&pkg) {
                Some((s, _)) => *s,
                None => return,
            }
        };
        let Some(sig) = self.types.signature(self.objs.get(obj).typ).cloned() else { return };
        // Fresh per-body state; the package context of the declaration.
        let saved_info = std::mem::take(&mut self.info);
        let saved_pkg = std::mem::replace(&mut self.pkg, pkg);
        let saved_pkg_scope = std::mem::replace(&mut self.pkg_scope, pkg_scope);
        let file_scope = self.gen.file_scopes.get(&fd.pos.file).copied().unwrap_or(pkg_scope);
        let saved_scope = std::mem::replace(&mut self.scope, file_scope);
        let saved_fctx = std::mem::take(&mut self.fctx);
        let saved_ctx = std::mem::take(&mut self.ctx);
        let saved_decl = self.cur_decl.take();
        let saved_depth = std::mem::replace(&mut self.gen.depth, depth);
        let ndiags = self.diags.len();

        self.info.defs.insert(fd.name.id, obj);
        self.open_scope(false);
        self.declare_generic_tparams(fd, origin, Some(&targs));
        self.cur_decl = Some(obj);
        self.func_body(fd.recv.as_ref(), &fd.sig, &sig, body);
        self.note_variadic_escape(obj, &fd.sig, body);

        if std::env::var_os("RGOC_DEBUG_INSTANCES").is_some() {
            for d in &self.diags[ndiags..] {
                eprintln!("instance {}{:?}: {:?} {}", self.objs.get(origin).name, targs, d.pos, d.msg);
            }
        }
        self.diags.truncate(ndiags);
        self.gen.depth = saved_depth;
        self.cur_decl = saved_decl;
        self.ctx = saved_ctx;
        self.fctx = saved_fctx;
        self.scope = saved_scope;
        self.pkg_scope = saved_pkg_scope;
        self.pkg = saved_pkg;
        let info = std::mem::replace(&mut self.info, saved_info);
        self.gen.instances[idx].info = info;
    }

    /// Type arguments written out (`F[int, string]`, `List[T]`).
    pub(crate) fn type_args(&mut self, indices: &[Expr]) -> Option<Vec<TypeId>> {
        let mut out = Vec::new();
        for i in indices {
            let t = self.type_expr(i);
            if t == ids::INVALID {
                return None;
            }
            out.push(t);
        }
        Some(out)
    }

    /// A generic type used with type arguments in a type expression.
    pub(crate) fn generic_type_instance(&mut self, e: &Expr, origin: TypeId, indices: &[Expr]) -> TypeId {
        let tps = self.types.named_info(origin).map(|n| n.tparams.clone()).unwrap_or_default();
        let Some(targs) = self.type_args(indices) else { return ids::INVALID };
        if targs.len() != tps.len() {
            let name = self.tstr(origin);
            let msg = if targs.len() < tps.len() {
                format!("not enough type arguments for type {}: have {}, want {}", name, targs.len(), tps.len())
            } else {
                format!("too many type arguments for type {}: have {}, want {}", name, targs.len(), tps.len())
            };
            self.error(e.pos, msg);
            return ids::INVALID;
        }
        let pos: Vec<Pos> = indices.iter().map(|i| i.pos).collect();
        if let Some(p) = self.gen.pending_verify.as_mut() {
            p.push((tps, targs.clone(), pos));
        } else if !self.verify_targs(&tps, &targs, &pos) {
            return ids::INVALID;
        }
        self.instantiate_type(origin, &targs)
    }
}


impl<'a> Checker<'a> {
    /// Whether `t` is a generic type not instantiated (`List`, not `List[int]`).
    pub(crate) fn is_generic_type(&self, t: TypeId) -> bool {
        self.types.named_info(t).is_some_and(|n| !n.tparams.is_empty() && n.origin.is_none())
    }

    /// `List[T any]`, as gc names a generic type in messages.
    pub(crate) fn generic_type_string(&self, t: TypeId) -> String {
        let Some(n) = self.types.named_info(t) else { return String::new() };
        format!("{}[{}]", self.tstr(t), self.tparam_list_string(&n.tparams))
    }

    /// `T any, U comparable`: a type parameter list as gc prints it.
    pub(crate) fn tparam_list_string(&self, tparams: &[TypeId]) -> String {
        let params: Vec<String> = tparams
            .iter()
            .map(|&p| {
                let c = self.types.tparam_info(p).map(|i| i.constraint).unwrap_or(ids::INVALID);
                let cs = if c == ids::EMPTY_INTERFACE { "any".to_string() } else { self.tstr(c) };
                format!("{} {}", self.tstr(p), cs)
            })
            .collect();
        params.join(", ")
    }
}

impl<'a> Checker<'a> {
    /// `F[int, string]` used as a value: every type argument given.
    pub(crate) fn func_inst_value(&mut self, e: &Expr, origin: ObjId, indices: &[Expr]) -> crate::operand::Operand {
        use crate::operand::Operand;
        let tparams = self.objs.get(origin).tparams.clone();
        let Some(targs) = self.type_args(indices) else { return Operand::invalid() };
        let name = self.objs.get(origin).name.clone();
        if targs.len() > tparams.len() {
            let p = indices[tparams.len()].pos;
            return self.errorf(p, format!("got {} type arguments but want {}", targs.len(), tparams.len()));
        }
        if targs.len() < tparams.len() {
            let missing = self.tstr(tparams[targs.len()]);
            return self.errorf(e.pos, format!("in call to {}, cannot infer {}", name, missing));
        }
        let pos: Vec<Pos> = indices.iter().map(|i| i.pos).collect();
        if !self.verify_targs(&tparams, &targs, &pos) {
            return Operand::invalid();
        }
        let (inst, sig) = self.func_instance(origin, &targs, e.pos);
        if let Some(i) = inst {
            self.info.instances.insert(e.id, i);
        }
        Operand::value(sig)
    }
}

impl<'a> Checker<'a> {
    /// The receiver type `*List[T]` / `List[_, V]` of a method of a generic
    /// type: the type instantiated with what its receiver type parameter
    /// names stand for (its own parameters, or an instance's arguments).
    pub(crate) fn generic_recv_type(&mut self, e: &Expr) -> TypeId {
        let e0 = strip_paren(e);
        let (ptr, inner) = match &e0.kind {
            ExprKind::Star(x) => (true, strip_paren(x)),
            _ => (false, e0),
        };
        let ExprKind::Index { x, .. } = &inner.kind else { return ids::INVALID };
        let ExprKind::Ident(name) = &strip_paren(x).kind else { return ids::INVALID };
        let Some((o, _, _)) = self.objs.lookup(self.pkg_scope, name) else { return ids::INVALID };
        self.obj_decl(o);
        let base = self.objs.get(o).typ;
        if !self.is_generic_type(base) {
            return ids::INVALID;
        }
        let targs = self.gen.recv_targs.clone();
        let t = self.instantiate_type(base, &targs);
        self.record(inner.id, crate::Mode::Type, t, None);
        let r = if ptr { self.types.pointer(t) } else { t };
        self.record(e0.id, crate::Mode::Type, r, None);
        self.record(e.id, crate::Mode::Type, r, None);
        r
    }
}

impl<'a> Checker<'a> {
    /// The operand of function `o` named by `e`: a generic function is an
    /// error unless it is being called or instantiated.
    pub(crate) fn generic_func_value(&mut self, e: &Expr, o: ObjId, name: &str) -> crate::operand::Operand {
        let allow = std::mem::take(&mut self.gen.allow_generic);
        let obj = self.objs.get(o);
        if !obj.tparams.is_empty() && !allow {
            return self.errorf(e.pos, format!("cannot use generic function {} without instantiation", name));
        }
        crate::operand::Operand::value(self.objs.get(o).typ)
    }

    /// Checks the function part of a call or index expression, where a
    /// generic function may stand uninstantiated.
    pub(crate) fn generic_operand(&mut self, e: &Expr) -> crate::operand::Operand {
        self.gen.allow_generic = true;
        let x = self.expr(e);
        self.gen.allow_generic = false;
        x
    }
}

impl<'a> Checker<'a> {
    /// The generic alias (`type A[T any] = []T`) that type expression `e`
    /// names, if any.
    pub(crate) fn generic_alias_of(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_paren(e);
        let o = *self.info.uses.get(&e.id)?;
        let obj = self.objs.get(o);
        (matches!(obj.kind, ObjKind::TypeName) && !obj.tparams.is_empty()).then_some(o)
    }

    /// `A[int]` of a generic alias: the aliased type with the arguments
    /// substituted.
    pub(crate) fn alias_instance(&mut self, e: &Expr, o: ObjId, indices: &[Expr]) -> TypeId {
        let tps = self.objs.get(o).tparams.clone();
        let Some(targs) = self.type_args(indices) else { return ids::INVALID };
        if targs.len() != tps.len() {
            let name = self.objs.get(o).name.clone();
            let (what, n) = if targs.len() < tps.len() { ("not enough", targs.len()) } else { ("too many", targs.len()) };
            self.error(e.pos, format!("{} type arguments for type {}: have {}, want {}", what, name, n, tps.len()));
            return ids::INVALID;
        }
        let pos: Vec<Pos> = indices.iter().map(|i| i.pos).collect();
        if !self.verify_targs(&tps, &targs, &pos) {
            return ids::INVALID;
        }
        let m: crate::subst::Subst = tps.iter().copied().zip(targs.iter().copied()).collect();
        let t = self.objs.get(o).typ;
        let t = self.types.subst(t, &m);
        self.settle_instances();
        t
    }
}

/// Generic methods (go 1.27): `func (r *T) M[P any](x P)`. A generic
/// method has its own type parameters (`Object::tparams`) after those of
/// its receiver's base type (when that is generic); it is in its type's
/// method set for selectors only, never for interfaces. A selector
/// `x.M` names it uninstantiated; a call (with inferred or explicit type
/// arguments) or an index expression `x.M[int]` instantiates it: an
/// instance object per (declared method, receiver type arguments + own
/// type arguments), like a generic function's, whose body is checked with
/// all of them bound; the selection then names the instance.
impl<'a> Checker<'a> {
    /// Whether `o` is a generic method (declared, or of an instance of a
    /// generic type) not yet instantiated with its own type arguments.
    pub(crate) fn is_generic_method_obj(&self, o: ObjId) -> bool {
        let obj = self.objs.get(o);
        obj.recv_base.is_some() && !obj.tparams.is_empty()
    }

    /// The declared generic method that method object `m` comes from.
    pub(crate) fn method_origin(&self, m: ObjId) -> ObjId {
        self.objs.get(m).method_origin.unwrap_or(m)
    }

    /// The type parameters of the receiver base type of method `m` and
    /// the type arguments its receiver gives them (the parameters
    /// themselves for a method of a generic type not instantiated).
    pub(crate) fn method_recv_targs(&self, m: ObjId) -> (Vec<TypeId>, Vec<TypeId>) {
        let Some(b) = self.objs.get(m).recv_base else { return (Vec::new(), Vec::new()) };
        let Some(n) = self.types.named_info(b) else { return (Vec::new(), Vec::new()) };
        match n.origin {
            Some(o) => {
                let tps = self.types.named_info(o).map(|on| on.tparams.clone()).unwrap_or_default();
                (tps, n.targs.clone())
            }
            None => (n.tparams.clone(), n.tparams.clone()),
        }
    }

    /// The instance of generic method `m` (as found by lookup) with its
    /// own type arguments `targs` (checked by the caller): its object when
    /// every type argument (the receiver's too) is concrete, and its
    /// signature.
    pub(crate) fn method_instance(&mut self, m: ObjId, targs: &[TypeId], pos: Pos) -> (Option<ObjId>, TypeId) {
        let origin = self.method_origin(m);
        let (rtps, rtargs) = self.method_recv_targs(m);
        let mut tps = rtps;
        tps.extend(self.objs.get(origin).tparams.iter().copied());
        let mut all = rtargs;
        all.extend(targs.iter().copied());
        let subst: crate::subst::Subst = tps.iter().copied().zip(all.iter().copied()).collect();
        let sig = self.objs.get(origin).typ;
        let sig = self.types.subst(sig, &subst);
        self.settle_instances();
        if !all.iter().all(|&t| self.types.is_concrete(t)) {
            return (None, sig);
        }
        if self.gen.depth >= MAX_INSTANCE_DEPTH {
            let name = self.objs.get(origin).name.clone();
            self.error(pos, format!("instantiation cycle in {}", name));
            return (None, sig);
        }
        let key = (origin, all.clone());
        if let Some(&o) = self.gen.cache.get(&key) {
            return (Some(o), sig);
        }
        let src = self.objs.get(m).clone();
        let mut o = Object::new(&src.name, ObjKind::Func, sig, src.pos, &src.pkg);
        o.recv_base = src.recv_base;
        o.ptr_recv = src.ptr_recv;
        o.used = true;
        let id = self.objs.add(o);
        self.gen.cache.insert(key, id);
        self.new_instance(id, origin, all);
        (Some(id), sig)
    }

    /// The generic method selection of `e` (a selector, parentheses
    /// aside), if `e` names one not instantiated.
    pub(crate) fn generic_method_sel(&self, e: &Expr) -> Option<crate::Selection> {
        let e = strip_paren(e);
        let s = self.info.selections.get(&e.id)?;
        let m = s.obj?;
        (s.iface_index.is_none() && self.is_generic_method_obj(m)).then(|| s.clone())
    }

    /// Records that the generic method selection `se` (a selector) is
    /// instantiated as `inst` (None in generic code) with method
    /// signature `sig`; returns the selection's new type (a method
    /// expression's takes the receiver first).
    pub(crate) fn instantiate_selection(&mut self, se: &Expr, sel: &crate::Selection, inst: Option<ObjId>, sig: TypeId) -> TypeId {
        let se = strip_paren(se);
        let typ = match sel.kind {
            crate::SelectionKind::MethodExpr => {
                let recv = self.types.signature(sel.typ).and_then(|s| s.params.first().copied()).unwrap_or(ids::INVALID);
                let Some(ms) = self.types.signature(sig).cloned() else { return ids::INVALID };
                let mut params = vec![recv];
                params.extend(ms.params.iter().copied());
                self.types.intern(Type::Func(crate::types::Signature { params, results: ms.results, variadic: ms.variadic }))
            }
            _ => sig,
        };
        let mut s = sel.clone();
        if let Some(i) = inst {
            s.obj = Some(i);
        }
        s.typ = typ;
        self.info.selections.insert(se.id, s);
        self.record(se.id, crate::Mode::Value, typ, None);
        typ
    }

    /// `x.M[int, string]` (or `T.M[int]`) not called: every type argument
    /// of generic method selection `sel` given.
    pub(crate) fn method_inst_value(&mut self, e: &Expr, xe: &Expr, sel: &crate::Selection, indices: &[Expr]) -> crate::operand::Operand {
        use crate::operand::Operand;
        let Some(m) = sel.obj else { return Operand::invalid() };
        let origin = self.method_origin(m);
        let own = self.objs.get(origin).tparams.clone();
        let Some(targs) = self.type_args(indices) else { return Operand::invalid() };
        if targs.len() > own.len() {
            let p = indices[own.len()].pos;
            return self.errorf(p, format!("got {} type arguments but want {}", targs.len(), own.len()));
        }
        if targs.len() < own.len() {
            let missing = self.tstr(own[targs.len()]);
            let name = self.expr_string(xe);
            return self.errorf(e.pos, format!("in call to {}, cannot infer {}", name, missing));
        }
        let (rtps, rtargs) = self.method_recv_targs(m);
        let nrecv = rtps.len();
        let mut tps = rtps;
        tps.extend(own.iter().copied());
        let mut all = rtargs;
        all.extend(targs.iter().copied());
        let pos: Vec<Pos> = indices.iter().map(|i| i.pos).collect();
        if !self.verify_targs_from(&tps, &all, &pos, nrecv) {
            return Operand::invalid();
        }
        let (inst, sig) = self.method_instance(m, &targs, e.pos);
        let typ = self.instantiate_selection(xe, sel, inst, sig);
        if xe.id != strip_paren(xe).id {
            self.record(xe.id, crate::Mode::Value, typ, None);
        }
        Operand::value(typ)
    }

    /// A call of a generic method, `x.M(args)` or `x.M[int](args)`
    /// (`fe` the function part without parentheses, `base` the selector,
    /// `indices` the explicit type arguments): infers the missing type
    /// arguments, instantiates and checks the call.
    #[allow(clippy::too_many_arguments)] // the parts of the call
    pub(crate) fn generic_method_call(
        &mut self,
        e: &Expr,
        fun: &Expr,
        fe: &Expr,
        base: &Expr,
        indices: Option<&Vec<Expr>>,
        sel: &crate::Selection,
        args: &[Expr],
        ellipsis: bool,
    ) -> crate::operand::Operand {
        use crate::operand::Operand;
        let Some(m) = sel.obj else { return Operand::invalid() };
        let origin = self.method_origin(m);
        let own = self.objs.get(origin).tparams.clone();
        let explicit = match indices {
            Some(ix) => match self.type_args(ix) {
                Some(t) => t,
                None => {
                    self.eval_args(args, ellipsis);
                    return Operand::invalid();
                }
            },
            None => Vec::new(),
        };
        if explicit.len() > own.len() {
            let p = indices.and_then(|ix| ix.get(own.len())).map(|x| x.pos).unwrap_or(e.pos);
            self.error(p, format!("got {} type arguments but want {}", explicit.len(), own.len()));
            self.eval_args(args, ellipsis);
            return Operand::invalid();
        }
        let (ops, spread) = self.eval_args(args, ellipsis);
        if ops.iter().any(|(o, _)| o.is_invalid()) {
            return Operand::invalid();
        }
        let (rtps, rtargs) = self.method_recv_targs(m);
        let nrecv = rtps.len();
        let mut tps = rtps;
        tps.extend(own.iter().copied());
        let mut pre = rtargs;
        pre.extend(explicit.iter().copied());
        let targs = if explicit.len() == own.len() {
            pre
        } else {
            // The declared signature, in terms of the receiver's type
            // parameters (bound to the receiver's type arguments) and the
            // method's own; a method expression takes the receiver first.
            let Some(mut gsig) = self.types.signature(self.objs.get(origin).typ).cloned() else { return Operand::invalid() };
            if sel.kind == crate::SelectionKind::MethodExpr {
                let recv = self.types.signature(sel.typ).and_then(|s| s.params.first().copied()).unwrap_or(ids::INVALID);
                gsig.params.insert(0, recv);
            }
            let fname = self.expr_string(base);
            match self.infer_call(e, &fname, &tps, &pre, &gsig, &ops, ellipsis) {
                Some(t) => t,
                None => return Operand::invalid(),
            }
        };
        let mut pos: Vec<Pos> = indices.map(|ix| ix.iter().map(|x| x.pos).collect()).unwrap_or_default();
        while pos.len() < own.len() {
            pos.push(crate::infer::call_lparen(fun));
        }
        if !self.verify_targs_from(&tps, &targs, &pos, nrecv) {
            return Operand::invalid();
        }
        let (inst, sig) = self.method_instance(m, targs.get(nrecv..).unwrap_or(&[]), e.pos);
        let typ = self.instantiate_selection(base, sel, inst, sig);
        for id in [base.id, fe.id, fun.id] {
            self.record(id, crate::Mode::Value, typ, None);
        }
        let Some(sig) = self.types.signature(typ).cloned() else { return Operand::invalid() };
        self.check_args(e, fun, &sig, ops, spread, args, ellipsis);
        self.call_result(&sig)
    }
}
