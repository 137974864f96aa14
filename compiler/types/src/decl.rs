//! Declarations (go/types' decl.go): lazy resolution of package-level
//! objects with colours for cycle detection (objDecl), constant, variable
//! and type declarations, valid (non-self-containing) types, methods of a
//! named type, local declaration statements.

use std::collections::{HashMap, HashSet};

use rgoc_syntax::{ast, Expr, ExprKind, Pos};

use crate::check::{strip_paren, Checker, Color, DeclRef};
use crate::constant::Value;
use crate::objects::{ObjId, ObjKind, Object};
use crate::resolver::has_type_args;
use crate::types::{ids, Type, TypeId, TypeTable};
use crate::{Initializer, Mode};

impl<'a> Checker<'a> {
    /// Resolves a package-level object's type (and value) on first use.
    pub fn obj_decl(&mut self, o: ObjId) {
        match self.color.get(&o) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                // A cycle. Types may refer to themselves through their name;
                // constants and variables may not.
                let obj = self.objs.get(o).clone();
                match obj.kind {
                    ObjKind::TypeName => {
                        if obj.typ == ids::INVALID {
                            self.alias_forward(o);
                        }
                    }
                    ObjKind::Func => {}
                    _ => {
                        if obj.typ == ids::INVALID {
                            self.error(
                                obj.pos,
                                format!(
                                    "initialization cycle or invalid recursive reference to {}",
                                    obj.name
                                ),
                            );
                            self.objs.get_mut(o).typ = ids::INVALID;
                            self.color.insert(o, Color::Black);
                        }
                    }
                }
                return;
            }
            None => {}
        }
        let Some(d) = self.decls.get(&o).copied() else {
            return;
        };
        self.color.insert(o, Color::Grey);
        let saved_scope = self.scope;
        let saved_decl = self.cur_decl;
        let saved_iota = self.iota.take();
        let saved_fctx = std::mem::take(&mut self.fctx);
        self.scope = self.file_scope(self.objs.get(o).pos.file);
        match d {
            DeclRef::Const {
                idx,
                typ,
                values,
                iota,
            } => {
                self.cur_decl = Some(o);
                self.iota = Some(Value::int(iota as i64));
                self.const_decl(o, idx, typ, values);
            }
            DeclRef::Var { spec, idx } => {
                self.cur_decl = Some(o);
                self.global_var_decl(spec, idx);
            }
            DeclRef::Type(spec) => {
                self.type_decl(o, spec);
            }
            DeclRef::Func(fd) if !fd.type_params.is_empty() => {
                self.cur_decl = Some(o);
                self.open_scope(false);
                let tps = self.declare_type_params(&fd.type_params);
                self.objs.get_mut(o).tparams = tps;
                self.gen.decls.insert(o, fd);
                let t = self.func_type(&fd.sig, None);
                self.close_scope();
                self.objs.get_mut(o).typ = t;
            }
            DeclRef::Func(fd) => {
                self.cur_decl = Some(o);
                let t = self.func_type(&fd.sig, None);
                self.objs.get_mut(o).typ = t;
            }
        }
        self.scope = saved_scope;
        self.cur_decl = saved_decl;
        self.iota = saved_iota;
        self.fctx = saved_fctx;
        self.color.insert(o, Color::Black);
    }

    pub(crate) fn const_decl(&mut self, o: ObjId, idx: usize, typ: Option<&'a Expr>, values: &'a [Expr]) {
        let t = typ.map(|t| self.type_expr(t));
        let pos = self.objs.get(o).pos;
        let Some(init) = values.get(idx) else {
            if values.is_empty() {
                self.error(pos, "missing init expr for const declaration");
            } // else const_arity reports the first name without a value
            self.objs.get_mut(o).typ = ids::INVALID;
            return;
        };
        let mut x = self.expr(init);
        if x.mode == crate::Mode::Type || x.mode == crate::Mode::NoValue {
            self.error(
                init.pos,
                format!("{} is not constant", self.expr_string(init)),
            );
            return;
        }
        if x.mode != crate::Mode::Const {
            if x.typ != ids::INVALID {
                self.error(
                    init.pos,
                    format!("{} is not constant", self.operand_string(init, &x)),
                );
            }
            self.objs.get_mut(o).typ = ids::INVALID;
            return;
        }
        if let Some(t) = t {
            if t != ids::INVALID {
                if self.types.basic(t).is_none() {
                    self.error(
                        typ.map(|e| e.pos).unwrap_or(pos),
                        format!("invalid constant type {}", self.tstr(t)),
                    );
                    return;
                }
                self.assignment(&mut x, init, t, "constant declaration");
            }
        }
        let obj = self.objs.get_mut(o);
        obj.typ = x.typ;
        obj.kind = ObjKind::Const(x.val.unwrap_or(Value::int(0)));
        if values.len() > idx + 1 && idx == 0 {
            // extra init exprs are reported by the spec owner below
        }
        let _ = values.len();
    }

    pub(crate) fn global_var_decl(&mut self, spec: &'a ast::ValueSpec, idx: usize) {
        // All names of a spec are declared together (multi-value init).
        let key = spec as *const ast::ValueSpec;
        if self.var_specs_done.contains(&key) {
            return;
        }
        self.var_specs_done.insert(key);
        let objs: Vec<ObjId> = spec.names.iter().map(|n| self.info.defs[&n.id]).collect();
        for &o in &objs {
            self.color.insert(o, Color::Grey);
        }
        let _ = idx;
        self.var_spec(spec, &objs);
        for &o in &objs {
            self.color.insert(o, Color::Black);
        }
        if !spec.values.is_empty() {
            let rhs = if spec.values.len() == 1 && objs.len() > 1 {
                spec.values[0].clone()
            } else {
                spec.values[0].clone()
            };
            if spec.values.len() == objs.len() {
                for (o, v) in objs.iter().zip(spec.values.iter()) {
                    self.pending_inits.push(Initializer {
                        lhs: vec![*o],
                        rhs: v.clone(),
                    });
                }
            } else {
                self.pending_inits.push(Initializer {
                    lhs: objs.clone(),
                    rhs,
                });
            }
        }
    }

    /// A reference to alias `o` while its right-hand side is being
    /// resolved: a cycle through a defined type (`type A = B` where B's
    /// declaration refers back to A, e.g. through a field's interface
    /// method), which go/types accepts. When the right-hand side names a
    /// package-level defined type whose declaration has begun (its named
    /// type exists), the alias denotes it already.
    fn alias_forward(&mut self, o: ObjId) {
        let Some(DeclRef::Type(spec)) = self.decls.get(&o).copied() else {
            return;
        };
        if !spec.alias || !spec.type_params.is_empty() {
            return;
        }
        let ExprKind::Ident(name) = &strip_paren(&spec.typ).kind else {
            return;
        };
        let scope = self.file_scope(self.objs.get(o).pos.file);
        let Some((b, _, _)) = self.objs.lookup(scope, name) else {
            return;
        };
        let bo = self.objs.get(b);
        if bo.kind != ObjKind::TypeName || bo.typ == ids::INVALID || self.types.named_info(bo.typ).is_none() {
            return;
        }
        let t = bo.typ;
        self.objs.get_mut(o).typ = t;
    }

    /// The right-hand side of defined type `named`'s declaration, in the
    /// scope of its type parameters when it is generic.
    fn defined_type_rhs(&mut self, named: TypeId, spec: &ast::TypeSpec) -> TypeId {
        if spec.type_params.is_empty() {
            return self.type_expr(&spec.typ);
        }
        self.open_scope(false);
        let tps = self.declare_type_params(&spec.type_params);
        if let Some(n) = self.types.named_info_mut(named) {
            n.tparams = tps;
        }
        let u = self.type_expr(&spec.typ);
        self.close_scope();
        if self.types.is_type_param(u) {
            self.error(spec.typ.pos, "cannot use a type parameter as RHS in type declaration");
        }
        u
    }

    pub(crate) fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if !spec.type_params.is_empty() && spec.alias {
            // A generic alias (Go 1.24): its type parameters stay in the
            // aliased type, substituted at each instantiation.
            self.open_scope(false);
            let tps = self.declare_type_params(&spec.type_params);
            let t = self.type_expr(&spec.typ);
            self.close_scope();
            let obj = self.objs.get_mut(o);
            obj.tparams = tps;
            obj.typ = t;
            return;
        }
        if spec.alias {
            let t = self.type_expr(&spec.typ);
            self.objs.get_mut(o).typ = t;
            return;
        }
        let named = self
            .types
            .new_named(&spec.name.name, &self.pkg.clone(), Some(o));
        self.objs.get_mut(o).typ = named;
        let generic = !spec.type_params.is_empty();
        let u = self.defined_type_rhs(named, spec);
        let under = self.types.underlying(u);
        if under == ids::INVALID && u != ids::INVALID {
            if self.types.named_info(u).is_some() && (self.decl_in_progress(u) || self.pending_under.iter().any(|p| p.0 == u)) {
                // Set when u's is; a true cycle is reported after the
                // package-level declarations (report_pending_under).
                self.pending_under.push((named, u));
            } else {
                self.error(spec.name.pos, recursive_type_msg(spec));
            }
        }
        if let Some(n) = self.types.named_info_mut(named) {
            n.underlying = under;
        }
        if under != ids::INVALID {
            self.resolve_pending_under();
        }
        self.valid_type(named);
        self.check_pending_keys();
        if generic {
            self.types.expand_instances_of(named);
        }
        self.collect_methods(&spec.name.name, named);
        if generic {
            self.generic_type_ready(named);
        }
    }

    /// Sets the underlying type of the pending defined types whose
    /// right-hand side now has one, and checks them as valid types.
    fn resolve_pending_under(&mut self) {
        loop {
            let Some(k) = self.pending_under.iter().position(|&(_, rhs)| self.types.underlying(rhs) != ids::INVALID) else {
                return;
            };
            let (t, rhs) = self.pending_under.remove(k);
            let under = self.types.underlying(rhs);
            if let Some(n) = self.types.named_info_mut(t) {
                n.underlying = under;
            }
            self.valid_type(t);
        }
    }

    /// Pending defined types left after the package-level declarations
    /// are cycles of type names (`type A B; type B A`): one error per
    /// cycle, at its first declared type, in gc's words.
    pub(crate) fn report_pending_under(&mut self) {
        let pending = std::mem::take(&mut self.pending_under);
        let mut reported: HashSet<TypeId> = HashSet::new();
        let name = |c: &Self, t: TypeId| c.types.named_info(t).map(|n| n.name.clone()).unwrap_or_default();
        let pos_of = |c: &Self, t: TypeId| c.types.named_info(t).and_then(|n| n.obj).map(|o| c.objs.get(o).pos).unwrap_or_default();
        for &(t, _) in &pending {
            if reported.contains(&t) {
                continue;
            }
            // Follow right-hand sides until a type repeats: the cycle.
            let mut path = vec![t];
            let mut cur = t;
            while let Some(&(_, rhs)) = pending.iter().find(|p| p.0 == cur) {
                if let Some(i) = path.iter().position(|&x| x == rhs) {
                    path.drain(..i);
                    break;
                }
                path.push(rhs);
                cur = rhs;
            }
            if path.iter().any(|x| reported.contains(x)) {
                continue;
            }
            reported.extend(path.iter().copied());
            let first = *path.iter().min_by_key(|&&x| pos_of(self, x)).expect("cycle");
            let k = path.iter().position(|&x| x == first).expect("first");
            path.rotate_left(k);
            if path.len() == 1 {
                let msg = format!("invalid recursive type: {} refers to itself", name(self, first));
                self.error(pos_of(self, first), msg);
                continue;
            }
            let mut msg = format!("invalid recursive type {}", name(self, first));
            for (i, &x) in path.iter().enumerate() {
                let next = path[(i + 1) % path.len()];
                msg.push_str(&format!("\n\t{}: {} refers to {}", self.pos_str(pos_of(self, x)), name(self, x), name(self, next)));
            }
            self.error(pos_of(self, first), msg);
        }
    }

    /// Map keys deferred while their type was being declared.
    pub(crate) fn check_pending_keys(&mut self) {
        let pending = std::mem::take(&mut self.pending_keys);
        for (kt, pos) in pending {
            if self.types.underlying(kt) == ids::INVALID {
                if self.types.named_info(kt).is_some_and(|n| n.underlying == ids::INVALID) && self.decl_in_progress(kt) {
                    self.pending_keys.push((kt, pos));
                }
                continue;
            }
            if !self.types.comparable(kt) {
                self.error(pos, format!("invalid map key type {}", self.tstr(kt)));
            }
        }
    }

    /// Whether named type `t`'s declaration is still being checked.
    pub(crate) fn decl_in_progress(&self, t: TypeId) -> bool {
        self.types.named_info(t).and_then(|n| n.obj).is_some_and(|o| self.color.get(&o) == Some(&Color::Grey))
    }

    /// go/types' validType: a type may not contain itself by value (through
    /// struct fields and array elements). Reports gc's message and cuts the
    /// cycle (the type's underlying becomes invalid) so that later walks
    /// (comparability, sizes) terminate.
    pub(crate) fn valid_type(&mut self, named: TypeId) {
        fn walk(types: &TypeTable, t: TypeId, start: TypeId, path: &mut Vec<TypeId>, seen: &mut HashSet<TypeId>) -> bool {
            match types.get(t) {
                Type::Named(_) => {
                    if t == start {
                        return true;
                    }
                    if !seen.insert(t) {
                        return false;
                    }
                    path.push(t);
                    let u = types.named_info(t).map(|n| n.underlying).unwrap_or(ids::INVALID);
                    if u != ids::INVALID && walk(types, u, start, path, seen) {
                        return true;
                    }
                    path.pop();
                    false
                }
                Type::Array(_, e) => walk(types, *e, start, path, seen),
                Type::Struct(fields) => fields.iter().any(|f| walk(types, f.typ, start, path, seen)),
                _ => false,
            }
        }
        let under = self.types.named_info(named).map(|n| n.underlying).unwrap_or(ids::INVALID);
        if under == ids::INVALID {
            return;
        }
        let mut path = vec![named];
        let mut seen = HashSet::new();
        if !walk(&self.types, under, named, &mut path, &mut seen) {
            return;
        }
        let name = |c: &Self, t: TypeId| c.types.named_info(t).map(|n| n.name.clone()).unwrap_or_default();
        let pos_of = |c: &Self, t: TypeId| c.types.named_info(t).and_then(|n| n.obj).map(|o| c.objs.get(o).pos).unwrap_or_default();
        let p0 = pos_of(self, named);
        if path.len() == 1 {
            let msg = format!("invalid recursive type: {} refers to itself", name(self, named));
            self.error(p0, msg);
        } else {
            let mut msg = format!("invalid recursive type {}", name(self, named));
            for (i, &t) in path.iter().enumerate() {
                let next = path[(i + 1) % path.len()];
                msg.push_str(&format!("\n\t{}: {} refers to {}", self.pos_str(pos_of(self, t)), name(self, t), name(self, next)));
            }
            self.error(p0, msg);
        }
        if let Some(n) = self.types.named_info_mut(named) {
            n.underlying = ids::INVALID;
        }
    }

    /// Checks the signatures of the methods declared on `name` and attaches
    /// them to the named type.
    pub(crate) fn collect_methods(&mut self, name: &str, named: TypeId) {
        if !self.methods_done.insert(name.to_string()) {
            return;
        }
        let fds = self.methods.get(name).cloned().unwrap_or_default();
        if fds.is_empty() {
            return;
        }
        if !matches!(self.types.get(named), Type::Named(_)) {
            for fd in &fds {
                if let Some(r) = &fd.recv {
                    self.error(r.typ.pos, format!("invalid receiver type {}", name));
                }
            }
            return;
        }
        let mut seen: HashMap<String, Pos> = HashMap::new();
        for fd in fds {
            let recv = fd.recv.as_ref().expect("method has receiver");
            let generic = has_type_args(&recv.typ);
            let ntparams = self.types.named_info(named).map(|n| n.tparams.len()).unwrap_or(0);
            if generic != (ntparams > 0) {
                if generic {
                    self.error(recv.typ.pos, format!("{} is not a generic type", name));
                } else {
                    self.error(recv.typ.pos, format!("cannot use generic type {} without instantiation", name));
                }
                continue;
            }
            let ptr = matches!(strip_paren(&recv.typ).kind, ast::ExprKind::Star(_));
            let saved = self.scope;
            self.scope = self.file_scope(fd.pos.file);
            let mut obj = Object::new(&fd.name.name, ObjKind::Func, ids::INVALID, fd.name.pos, &self.pkg);
            obj.recv_base = Some(named);
            obj.ptr_recv = ptr;
            let o = self.objs.add(obj);
            let own_tparams = !fd.type_params.is_empty();
            if generic || own_tparams {
                self.open_scope(false);
                self.gen.decls.insert(o, fd);
            }
            if generic {
                // The receiver's type parameter names stand for the
                // type's parameters in the signature.
                self.declare_generic_tparams(fd, o, None);
            }
            if own_tparams {
                // A generic method (go 1.27): its own type parameters,
                // whose constraints may use the receiver's.
                let tps = self.declare_type_params(&fd.type_params);
                self.objs.get_mut(o).tparams = tps;
            }
            let t = self.func_type(&fd.sig, None);
            self.scope = saved;
            self.objs.get_mut(o).typ = t;
            self.info.defs.insert(fd.name.id, o);
            if fd.name.name == "_" {
                continue;
            }
            if let Some(pp) = seen.get(&fd.name.name) {
                self.error(
                    fd.name.pos,
                    format!(
                        "method {}.{} already declared at {}",
                        name,
                        fd.name.name,
                        self.pos_str(*pp)
                    ),
                );
                continue;
            }
            seen.insert(fd.name.name.clone(), fd.name.pos);
            let under = self.types.underlying(named);
            if let Type::Struct(fields) = self.types.get(under) {
                if fields.iter().any(|f| f.name == fd.name.name) {
                    self.error(
                        fd.name.pos,
                        format!("field and method with the same name {}", fd.name.name),
                    );
                    continue;
                }
            }
            if matches!(self.types.get(under), Type::Pointer(_) | Type::Interface(_)) {
                self.error(recv.typ.pos, format!("invalid receiver type {}", name));
                continue;
            }
            if let Some(n) = self.types.named_info_mut(named) {
                n.methods.push(o);
            }
        }
    }

    /// types2's arity check of a constant spec against its (possibly
    /// inherited) values.
    pub fn const_arity(&mut self, spec: &ast::ValueSpec, values: &[Expr]) {
        let (l, r) = (spec.names.len(), values.len());
        if l < r {
            if spec.values.is_empty() {
                let p = self.pos_str(values[l].pos);
                self.error(spec.pos, format!("extra init expr at {}", p));
            } else {
                self.error(
                    values[l].pos,
                    format!("extra init expr {}", self.expr_string(&values[l])),
                );
            }
        } else if l > r && r > 0 {
            self.error(
                spec.names[r].pos,
                format!("missing init expr for {}", spec.names[r].name),
            );
        }
    }

    pub(crate) fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            ast::Decl::Var(specs) => {
                for spec in specs {
                    let objs: Vec<crate::ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            let o = self.objs.add(Object::new(
                                &n.name,
                                ObjKind::Var {
                                    global: false,
                                    param: false,
                                },
                                ids::INVALID,
                                n.pos,
                                &self.pkg,
                            ));
                            self.locals.push(o);
                            o
                        })
                        .collect();
                    self.var_spec(spec, &objs);
                    for (n, &o) in spec.names.iter().zip(&objs) {
                        self.declare_local(n, o);
                    }
                }
            }
            ast::Decl::Const(specs) => {
                let mut last: Option<(Option<&Expr>, &[Expr])> = None;
                for spec in specs {
                    if !spec.values.is_empty() || spec.typ.is_some() {
                        last = Some((spec.typ.as_ref(), &spec.values[..]));
                    }
                    let (typ, values) = last.unwrap_or((None, &[]));
                    let saved = self.iota.replace(crate::Value::int(spec.iota as i64));
                    let mut objs = Vec::new();
                    for (i, n) in spec.names.iter().enumerate() {
                        let o = self.objs.add(Object::new(
                            &n.name,
                            ObjKind::Const(crate::Value::int(0)),
                            ids::INVALID,
                            n.pos,
                            &self.pkg,
                        ));
                        self.local_const(o, i, typ, values);
                        self.objs.get_mut(o).used = true;
                        objs.push(o);
                    }
                    self.const_arity(spec, values);
                    self.iota = saved;
                    for (n, &o) in spec.names.iter().zip(&objs) {
                        self.declare_local(n, o);
                    }
                }
            }
            ast::Decl::Type(specs) => {
                for spec in specs {
                    let o = self.objs.add(Object::new(
                        &spec.name.name,
                        ObjKind::TypeName,
                        ids::INVALID,
                        spec.name.pos,
                        &self.pkg,
                    ));
                    self.declare_local(&spec.name, o);
                    if spec.alias {
                        let t = self.type_expr(&spec.typ);
                        self.objs.get_mut(o).typ = t;
                    } else {
                        let named =
                            self.types
                                .new_named(&spec.name.name, &self.pkg.clone(), Some(o));
                        self.objs.get_mut(o).typ = named;
                        let generic = !spec.type_params.is_empty();
                        let u = self.defined_type_rhs(named, spec);
                        let under = self.types.underlying(u);
                        if under == ids::INVALID && u != ids::INVALID {
                            self.error(spec.name.pos, crate::decl::recursive_type_msg(spec));
                        }
                        if let Some(n) = self.types.named_info_mut(named) {
                            n.underlying = under;
                        }
                        self.valid_type(named);
                        self.check_pending_keys();
                        if generic {
                            self.generic_type_ready(named);
                        }
                    }
                }
            }
            ast::Decl::Func(f) => self.error(f.pos, "function declaration inside function"),
        }
    }

    pub(crate) fn local_const(&mut self, o: crate::ObjId, idx: usize, typ: Option<&Expr>, values: &[Expr]) {
        let t = typ.map(|t| self.type_expr(t));
        let Some(init) = values.get(idx) else {
            if values.is_empty() {
                let pos = self.objs.get(o).pos;
                self.error(pos, "missing init expr for const declaration");
            } // else const_arity reports the first name without a value
            return;
        };
        let mut x = self.expr(init);
        if x.is_invalid() {
            return;
        }
        if x.mode != Mode::Const {
            self.error(
                init.pos,
                format!("{} is not constant", self.operand_string(init, &x)),
            );
            return;
        }
        if let Some(t) = t {
            if t != ids::INVALID && !self.assignment(&mut x, init, t, "constant declaration") {
                return;
            }
        }
        let ob = self.objs.get_mut(o);
        ob.typ = x.typ;
        ob.kind = ObjKind::Const(x.val.unwrap_or(crate::Value::int(0)));
    }
}

/// gc's message for a type declared as (a chain of names leading back to)
/// itself.
pub(crate) fn recursive_type_msg(spec: &ast::TypeSpec) -> String {
    match &strip_paren(&spec.typ).kind {
        rgoc_syntax::ExprKind::Ident(n) if *n == spec.name.name => format!("invalid recursive type: {} refers to itself", n),
        _ => format!("invalid recursive type {}", spec.name.name),
    }
}
