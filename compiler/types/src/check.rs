//! The Checker: package-level declarations, lazy resolution of objects
//! (go/types' objDecl with colours for cycle detection), function bodies,
//! initialisation order, unused-variable reporting.

use std::collections::{HashMap, HashSet};

use rgoc_syntax::{ast, Diagnostic, Expr, NodeId, Pos};

use crate::constant::Value;
use crate::objects::{Builtin, ObjId, ObjKind, Object, Objects, ScopeId};
use crate::types::{ids, Signature, Type, TypeId, TypeTable};
use crate::{Checked, Info, Initializer};

#[derive(Clone, Copy)]
pub(crate) enum DeclRef<'a> {
    Const {
        idx: usize,
        typ: Option<&'a Expr>,
        values: &'a [Expr],
        iota: u32,
    },
    Var {
        spec: &'a ast::ValueSpec,
        idx: usize,
    },
    Type(&'a ast::TypeSpec),
    Func(&'a ast::FuncDecl),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Color {
    Grey,
    Black,
}

/// Per-function checking context.
pub(crate) struct FuncCtx {
    pub sig: Signature,
    /// Named results (for bare returns).
    pub named_results: bool,
}

pub(crate) struct Checker<'a> {
    pub types: TypeTable,
    pub objs: Objects,
    pub info: Info,
    pub diags: Vec<Diagnostic>,
    pub pkg: String,
    pub pkg_scope: ScopeId,
    pub scope: ScopeId,
    pub decls: HashMap<ObjId, DeclRef<'a>>,
    pub color: HashMap<ObjId, Color>,
    /// Methods by receiver base type name, collected before types resolve.
    pub methods: HashMap<String, Vec<&'a ast::FuncDecl>>,
    pub methods_done: HashSet<String>,
    pub fctx: Vec<FuncCtx>,
    /// The package-level object whose declaration is being checked (deps).
    pub cur_decl: Option<ObjId>,
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    pub iota: Option<Value>,
    /// Local variables declared in the current function(s), to report unused.
    pub locals: Vec<ObjId>,
    /// Function literals to check after the enclosing declaration.
    pub spec_of_var: HashMap<ObjId, (&'a ast::ValueSpec, usize)>,
    pub var_specs_done: HashSet<*const ast::ValueSpec>,
    pub pending_inits: Vec<Initializer>,
    /// Set by match_types when untyped conversion fails (binary reports it).
    pub pending_mismatch: Option<(String, String)>,
    /// Enclosing breakable statements in the current function.
    pub ctx: Vec<crate::stmt::Ctx>,
    /// Imported package names: object -> (import path, position of the path).
    pub imports: Vec<(ObjId, String, Pos)>,
    /// Packages checked before this one: path -> (scope, package name).
    pub packages: HashMap<String, (ScopeId, String)>,
    /// A generic function body was skipped (its uses are unknown).
    pub skipped_generic_bodies: bool,
    /// Map key types that were incomplete when the map type was checked.
    pub pending_keys: Vec<(TypeId, Pos)>,
    /// Package main has no func main (reported only if nothing else is).
    pub missing_main: Option<Pos>,
    /// File paths by file index, for positions inside messages.
    pub file_paths: Vec<String>,
}

/// Checks one package on its own (package main without imports of other
/// packages; tests use it).
pub fn check_package(files: &[ast::File], pkg: &str) -> (Checked, Vec<Diagnostic>) {
    check_program(files, &[(pkg.to_string(), 0..files.len())])
}

/// Checks the packages of a program in dependency order (every package
/// after the packages it imports). `pkgs` gives each package's import path
/// and its files as a range of `files`. Types and objects are shared, so
/// identity holds across packages.
pub fn check_program(
    files: &[ast::File],
    pkgs: &[(String, std::ops::Range<usize>)],
) -> (Checked, Vec<Diagnostic>) {
    let mut types = TypeTable::new();
    let mut objs = Objects::default();
    let universe = objs.universe(&mut types);
    let mut info = Info::default();
    let mut scopes: HashMap<String, (ScopeId, String)> = HashMap::new();
    // File paths by file index, for positions inside messages.
    let mut file_paths: Vec<String> = Vec::new();
    for f in files {
        let i = f.file_index as usize;
        if file_paths.len() <= i {
            file_paths.resize(i + 1, String::new());
        }
        file_paths[i] = f.path.clone();
    }
    let mut packages = Vec::new();
    let mut diags = Vec::new();
    for (path, range) in pkgs {
        let pkg_scope = objs.new_scope(Some(universe), false);
        let mut c = Checker {
            types,
            objs,
            info,
            diags: Vec::new(),
            pkg: path.clone(),
            pkg_scope,
            scope: pkg_scope,
            decls: HashMap::new(),
            color: HashMap::new(),
            methods: HashMap::new(),
            methods_done: HashSet::new(),
            fctx: Vec::new(),
            cur_decl: None,
            deps: HashMap::new(),
            iota: None,
            locals: Vec::new(),
            spec_of_var: HashMap::new(),
            var_specs_done: HashSet::new(),
            pending_inits: Vec::new(),
            pending_mismatch: None,
            ctx: Vec::new(),
            imports: Vec::new(),
            packages: scopes.clone(),
            skipped_generic_bodies: false,
            pending_keys: Vec::new(),
            missing_main: None,
            file_paths: file_paths.clone(),
        };
        let pfiles = &files[range.clone()];
        c.check_files(pfiles);
        for (o, ipath, pos) in std::mem::take(&mut c.imports) {
            if !c.objs.get(o).used && !c.skipped_generic_bodies {
                c.error(pos, format!("{:?} imported and not used", ipath));
            }
        }
        if let (Some(pos), true) = (c.missing_main, c.diags.is_empty() && diags.is_empty()) {
            // gc's backend says this only for an otherwise valid program.
            c.diags.push(Diagnostic { pos, msg: "function main is undeclared in the main package".into() });
        }
        diags.extend(std::mem::take(&mut c.diags));
        let name = pfiles
            .first()
            .map(|f| f.package.name.clone())
            .unwrap_or_default();
        scopes.insert(path.clone(), (pkg_scope, name.clone()));
        packages.push(crate::Package {
            path: path.clone(),
            name,
            files: range.clone(),
            init_order: std::mem::take(&mut c.info.init_order),
            globals: std::mem::take(&mut c.info.globals),
            init_funcs: std::mem::take(&mut c.info.init_funcs),
        });
        types = c.types;
        objs = c.objs;
        info = c.info;
    }
    diags.sort_by_key(|d| d.pos);
    diags.dedup();
    let pkg_path = pkgs.last().map(|p| p.0.clone()).unwrap_or_default();
    (
        Checked {
            types,
            objs,
            info,
            pkg_path,
            packages,
        },
        diags,
    )
}

impl<'a> Checker<'a> {
    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic {
            pos,
            msg: msg.into(),
        });
    }

    /// An import declaration: package unsafe, or a package checked before.
    fn import(&mut self, imp: &ast::ImportSpec) {
        let (scope, pkg_name) = if imp.path == "unsafe" {
            (self.unsafe_scope(), "unsafe".to_string())
        } else if let Some((s, n)) = self.packages.get(&imp.path) {
            (*s, n.clone())
        } else {
            self.error(imp.path_pos, format!("package {} is not in std", imp.path));
            return;
        };
        let name = imp
            .name
            .as_ref()
            .map(|n| n.name.clone())
            .unwrap_or(pkg_name);
        if name == "_" {
            return;
        }
        if name == "." {
            self.unsupported(imp.path_pos, "dot import");
            return;
        }
        if let Some((p, s, _)) = self.objs.lookup(self.pkg_scope, &name) {
            if s == self.pkg_scope && self.objs.get(p).kind == ObjKind::PkgName(scope) {
                // Another file of the package imports it too.
                return;
            }
        }
        let o = self.objs.add(Object::new(
            &name,
            ObjKind::PkgName(scope),
            ids::INVALID,
            imp.pos,
            &self.pkg,
        ));
        if self.objs.insert(self.pkg_scope, &name, o).is_some() {
            self.error(imp.pos, format!("{} redeclared in this block", name));
        }
        self.imports.push((o, imp.path.clone(), imp.path_pos));
    }

    /// The scope of package unsafe (created on first import).
    fn unsafe_scope(&mut self) -> ScopeId {
        if let Some((o, _, _)) = self.objs.lookup(self.pkg_scope, "unsafe·pkg") {
            if let ObjKind::PkgName(s) = self.objs.get(o).kind {
                return s;
            }
        }
        let s = self.objs.new_scope(None, false);
        let pos = Pos::default();
        let o = self.objs.add(Object::new(
            "Pointer",
            ObjKind::TypeName,
            ids::UNSAFE_POINTER,
            pos,
            "unsafe",
        ));
        self.objs.insert(s, "Pointer", o);
        for b in Builtin::UNSAFE {
            let o = self.objs.add(Object::new(
                b.name(),
                ObjKind::Builtin(b),
                ids::INVALID,
                pos,
                "unsafe",
            ));
            self.objs.insert(s, b.name(), o);
        }
        let marker = self.objs.add(Object::new(
            "unsafe·pkg",
            ObjKind::PkgName(s),
            ids::INVALID,
            pos,
            "",
        ));
        self.objs.insert(self.pkg_scope, "unsafe·pkg", marker);
        s
    }

    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.error(pos, format!("rgoc: unsupported: {}", what));
    }

    pub fn tstr(&self, t: TypeId) -> String {
        self.types.type_string_in(t, &self.pkg)
    }

    fn check_files(&mut self, files: &'a [ast::File]) {
        // 1. Collect package-level objects.
        let mut order: Vec<ObjId> = Vec::new();
        let mut funcs: Vec<&'a ast::FuncDecl> = Vec::new();
        for f in files {
            for imp in &f.imports {
                self.import(imp);
            }
            for d in &f.decls {
                match d {
                    ast::Decl::Func(fd) => {
                        funcs.push(fd);
                        if let Some(recv) = &fd.recv {
                            let base = receiver_base_name(&recv.typ);
                            match base {
                                Some(b) => self.methods.entry(b).or_default().push(fd),
                                None => self.error(recv.pos, "invalid receiver type"),
                            }
                            continue;
                        }
                        if fd.name.name == "init" {
                            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                                self.error(
                                    fd.name.pos,
                                    "func init must have no arguments and no return values",
                                );
                            }
                            let o = self.objs.add(Object::new(
                                "init",
                                ObjKind::Func,
                                ids::INVALID,
                                fd.name.pos,
                                &self.pkg,
                            ));
                            self.info.defs.insert(fd.name.id, o);
                            self.info.init_funcs.push(fd.name.id);
                            self.decls.insert(o, DeclRef::Func(fd));
                            order.push(o);
                            continue;
                        }
                        if fd.name.name == "main"
                            && (!fd.sig.params.is_empty() || !fd.sig.results.is_empty())
                        {
                            self.error(
                                fd.name.pos,
                                "func main must have no arguments and no return values",
                            );
                        }
                        if fd.name.name == "_" {
                            continue;
                        }
                        let o = self.objs.add(Object::new(
                            &fd.name.name,
                            ObjKind::Func,
                            ids::INVALID,
                            fd.name.pos,
                            &self.pkg,
                        ));
                        self.declare_pkg(&fd.name, o);
                        self.decls.insert(o, DeclRef::Func(fd));
                        order.push(o);
                    }
                    ast::Decl::Const(specs) => {
                        let mut last: Option<(Option<&'a Expr>, &'a [Expr])> = None;
                        for spec in specs {
                            if !spec.values.is_empty() || spec.typ.is_some() {
                                last = Some((spec.typ.as_ref(), &spec.values[..]));
                            }
                            let (typ, values) = last.unwrap_or((None, &[]));
                            for (i, name) in spec.names.iter().enumerate() {
                                let o = self.objs.add(Object::new(
                                    &name.name,
                                    ObjKind::Const(Value::int(0)),
                                    ids::INVALID,
                                    name.pos,
                                    &self.pkg,
                                ));
                                self.info.defs.insert(name.id, o);
                                if name.name != "_" {
                                    self.declare_pkg(name, o);
                                }
                                self.decls.insert(
                                    o,
                                    DeclRef::Const {
                                        idx: i,
                                        typ,
                                        values,
                                        iota: spec.iota,
                                    },
                                );
                                order.push(o);
                            }
                            self.const_arity(spec, values);
                        }
                    }
                    ast::Decl::Var(specs) => {
                        for spec in specs {
                            for (i, name) in spec.names.iter().enumerate() {
                                let o = self.objs.add(Object::new(
                                    &name.name,
                                    ObjKind::Var {
                                        global: true,
                                        param: false,
                                    },
                                    ids::INVALID,
                                    name.pos,
                                    &self.pkg,
                                ));
                                self.info.defs.insert(name.id, o);
                                if name.name != "_" {
                                    self.declare_pkg(name, o);
                                }
                                self.info.globals.push(o);
                                self.decls.insert(o, DeclRef::Var { spec, idx: i });
                                self.spec_of_var.insert(o, (spec, i));
                                order.push(o);
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
                            self.info.defs.insert(spec.name.id, o);
                            if spec.name.name != "_" {
                                self.declare_pkg(&spec.name, o);
                            }
                            self.decls.insert(o, DeclRef::Type(spec));
                            order.push(o);
                        }
                    }
                }
            }
        }
        if self.objs.scope(self.pkg_scope).names.get("main").is_none() && self.pkg == "main" {
            if let Some(f) = files.first() {
                self.missing_main = Some(Pos { file: f.file_index, line: 0, col: 0 });
            }
        }
        // 2. Resolve every package-level object.
        for &o in &order {
            self.obj_decl(o);
        }
        // Methods of types never referenced by name still need checking.
        let names: Vec<String> = self.methods.keys().cloned().collect();
        for n in names {
            if !self.methods_done.contains(&n) {
                match self.objs.scope(self.pkg_scope).names.get(&n).copied() {
                    Some(o) if matches!(self.objs.get(o).kind, ObjKind::TypeName) => {
                        let t = self.objs.get(o).typ;
                        self.collect_methods(&n, t);
                    }
                    _ => {
                        let fds = self.methods.get(&n).cloned().unwrap_or_default();
                        for fd in fds {
                            if let Some(r) = &fd.recv {
                                self.error(r.typ.pos, format!("undefined: {}", n));
                            }
                        }
                    }
                }
            }
        }
        // 3. Function bodies.
        for fd in funcs {
            if !fd.type_params.is_empty() || fd.recv.as_ref().is_some_and(|r| has_type_args(&r.typ))
            {
                // Generic bodies are not checked (generics are unsupported
                // and reported as such): imports they use are not "unused".
                self.skipped_generic_bodies = true;
                continue;
            }
            if let Some(body) = &fd.body {
                let obj = if fd.recv.is_some() || fd.name.name == "init" || fd.name.name != "_" {
                    self.info.defs.get(&fd.name.id).copied()
                } else {
                    None
                };
                let Some(obj) = obj else { continue };
                let ft = self.objs.get(obj).typ;
                let sig = match self.types.signature(ft) {
                    Some(s) => s.clone(),
                    None => continue,
                };
                self.cur_decl = Some(obj);
                self.func_body(fd.recv.as_ref(), &fd.sig, &sig, body);
                self.cur_decl = None;
            } else if fd.pragmas.linkname.is_none() && self.pkg == "main" {
                // Outside package main a body-less function is provided by
                // the runtime under its symbol name (gc: by assembly).
                self.error(fd.name.pos, "missing function body");
            }
        }
        // 4. Initialisation order.
        self.compute_init_order();
    }

    fn declare_pkg(&mut self, name: &ast::Ident, o: ObjId) {
        self.info.defs.insert(name.id, o);
        self.declare_in(self.pkg_scope, name, o);
    }

    /// Inserts `o` under `name` in scope `sc`, reporting a redeclaration.
    fn declare_in(&mut self, sc: ScopeId, name: &ast::Ident, o: ObjId) {
        if let Some(prev) = self.objs.insert(sc, &name.name, o) {
            let pp = self.objs.get(prev).pos;
            self.error(
                name.pos,
                format!(
                    "{} redeclared in this block\n\t{}: other declaration of {}",
                    name.name,
                    self.pos_str(pp),
                    name.name
                ),
            );
            // Not declared, so not reported as unused either (types2's usage
            // walks the scope).
            self.objs.get_mut(o).used = true;
        }
    }

    /// Resolves a package-level object's type (and value) on first use.
    pub fn obj_decl(&mut self, o: ObjId) {
        match self.color.get(&o) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                // A cycle. Types may refer to themselves through their name;
                // constants and variables may not.
                let obj = self.objs.get(o).clone();
                match obj.kind {
                    ObjKind::TypeName => {}
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
        self.scope = self.pkg_scope;
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
                self.unsupported(fd.name.pos, "generic function");
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

    fn const_decl(&mut self, o: ObjId, idx: usize, typ: Option<&'a Expr>, values: &'a [Expr]) {
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

    fn global_var_decl(&mut self, spec: &'a ast::ValueSpec, idx: usize) {
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

    fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if !spec.type_params.is_empty() {
            self.unsupported(spec.pos, "generic type");
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
        let u = self.type_expr(&spec.typ);
        let under = self.types.underlying(u);
        if under == ids::INVALID && u != ids::INVALID {
            self.error(spec.name.pos, recursive_type_msg(spec));
        }
        if let Some(n) = self.types.named_info_mut(named) {
            n.underlying = under;
        }
        self.valid_type(named);
        self.check_pending_keys();
        self.collect_methods(&spec.name.name, named);
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
    fn decl_in_progress(&self, t: TypeId) -> bool {
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
    fn collect_methods(&mut self, name: &str, named: TypeId) {
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
            if has_type_args(&recv.typ) {
                self.unsupported(fd.name.pos, "method of a generic type");
                continue;
            }
            let ptr = matches!(strip_paren(&recv.typ).kind, ast::ExprKind::Star(_));
            let saved = self.scope;
            self.scope = self.pkg_scope;
            let t = self.func_type(&fd.sig, None);
            self.scope = saved;
            let mut obj = Object::new(&fd.name.name, ObjKind::Func, t, fd.name.pos, &self.pkg);
            obj.recv_base = Some(named);
            obj.ptr_recv = ptr;
            let o = self.objs.add(obj);
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

    fn compute_init_order(&mut self) {
        // Emit each initializer after the initializers of the variables it
        // depends on (transitively through functions), in declaration order.
        let inits = std::mem::take(&mut self.pending_inits);
        let mut by_var: HashMap<ObjId, usize> = HashMap::new();
        for (i, init) in inits.iter().enumerate() {
            for &o in &init.lhs {
                by_var.insert(o, i);
            }
        }
        let mut done = vec![false; inits.len()];
        let mut visiting = vec![false; inits.len()];
        let mut out = Vec::new();
        for i in 0..inits.len() {
            self.visit_init(i, &inits, &by_var, &mut done, &mut visiting, &mut out);
        }
        self.info.init_order = out.into_iter().map(|i| inits[i].clone()).collect();
    }

    fn visit_init(
        &mut self,
        i: usize,
        inits: &[Initializer],
        by_var: &HashMap<ObjId, usize>,
        done: &mut [bool],
        visiting: &mut [bool],
        out: &mut Vec<usize>,
    ) {
        if done[i] {
            return;
        }
        if visiting[i] {
            let o = inits[i].lhs[0];
            let obj = self.objs.get(o);
            let (pos, name) = (obj.pos, obj.name.clone());
            self.error(
                pos,
                format!(
                    "initialization cycle or initialization loop: {} refers to itself",
                    name
                ),
            );
            done[i] = true;
            return;
        }
        visiting[i] = true;
        // Collect variable dependencies through functions.
        let mut seen = HashSet::new();
        let mut stack: Vec<ObjId> = inits[i]
            .lhs
            .iter()
            .flat_map(|o| self.deps.get(o).cloned().unwrap_or_default())
            .collect();
        let mut var_deps = Vec::new();
        while let Some(d) = stack.pop() {
            if !seen.insert(d) {
                continue;
            }
            if by_var.contains_key(&d) {
                var_deps.push(d);
            } else if let Some(ds) = self.deps.get(&d) {
                stack.extend(ds.iter().copied());
            }
        }
        var_deps.sort();
        for d in var_deps {
            let j = by_var[&d];
            if j != i {
                self.visit_init(j, inits, by_var, done, visiting, out);
            } else if !inits[i].lhs.contains(&d) {
                // dependency on a sibling in the same multi-assignment: fine
            } else {
                let obj = self.objs.get(d);
                let (pos, name) = (obj.pos, obj.name.clone());
                if !done[i] {
                    self.error(
                        pos,
                        format!("initialization cycle: {} refers to itself", name),
                    );
                }
            }
        }
        visiting[i] = false;
        if !done[i] {
            done[i] = true;
            out.push(i);
        }
    }

    /// Records that the current package-level declaration uses `o`.
    pub fn record_dep(&mut self, o: ObjId) {
        if let Some(cur) = self.cur_decl {
            let obj = self.objs.get(o);
            let global = matches!(obj.kind, ObjKind::Var { global: true, .. } | ObjKind::Func)
                && obj.pkg == self.pkg;
            if global {
                self.deps.entry(cur).or_default().push(o);
            }
        }
    }

    pub fn open_scope(&mut self, func_boundary: bool) {
        self.scope = self.objs.new_scope(Some(self.scope), func_boundary);
    }
    pub fn close_scope(&mut self) {
        self.scope = self
            .objs
            .scope(self.scope)
            .parent
            .expect("scope has parent");
    }

    /// Declares a local object in the current scope.
    pub fn declare_local(&mut self, name: &ast::Ident, o: ObjId) {
        self.info.defs.insert(name.id, o);
        if name.name == "_" {
            return;
        }
        self.declare_in(self.scope, name, o);
    }

    /// Checks a function body (declared function, method or literal).
    pub fn func_body(
        &mut self,
        recv: Option<&ast::Field>,
        ft: &ast::FuncType,
        sig: &Signature,
        body: &ast::Block,
    ) {
        let saved_scope = self.scope;
        let saved_locals = std::mem::take(&mut self.locals);
        self.open_scope(true);
        // Parameters.
        let mut named_results = false;
        if let Some(r) = recv {
            let rt = self.recv_type(r);
            for n in &r.names {
                let o = self.objs.add(Object::new(
                    &n.name,
                    ObjKind::Var {
                        global: false,
                        param: true,
                    },
                    rt,
                    n.pos,
                    &self.pkg,
                ));
                self.declare_local(n, o);
            }
        }
        let mut pi = 0;
        for f in &ft.params {
            let count = f.names.len().max(1);
            for k in 0..count {
                let t = sig.params.get(pi).copied().unwrap_or(ids::INVALID);
                pi += 1;
                if let Some(n) = f.names.get(k) {
                    let o = self.objs.add(Object::new(
                        &n.name,
                        ObjKind::Var {
                            global: false,
                            param: true,
                        },
                        t,
                        n.pos,
                        &self.pkg,
                    ));
                    self.declare_local(n, o);
                }
            }
        }
        let mut ri = 0;
        for f in &ft.results {
            let count = f.names.len().max(1);
            for k in 0..count {
                let t = sig.results.get(ri).copied().unwrap_or(ids::INVALID);
                ri += 1;
                if let Some(n) = f.names.get(k) {
                    named_results = true;
                    let o = self.objs.add(Object::new(
                        &n.name,
                        ObjKind::Var {
                            global: false,
                            param: true,
                        },
                        t,
                        n.pos,
                        &self.pkg,
                    ));
                    self.declare_local(n, o);
                }
            }
        }
        self.fctx.push(FuncCtx {
            sig: sig.clone(),
            named_results,
        });
        let saved_ctx = std::mem::take(&mut self.ctx);
        self.stmt_list(&body.stmts);
        self.ctx = saved_ctx;
        self.labels(body);
        if !sig.results.is_empty() && !self.is_terminating_list(&body.stmts) {
            self.error(body.rbrace, "missing return");
        }
        self.fctx.pop();
        self.close_scope();
        // Unused variables of this function (literals report their own).
        let locals = std::mem::replace(&mut self.locals, saved_locals);
        for o in locals {
            let obj = self.objs.get(o);
            if !obj.used && obj.name != "_" && matches!(obj.kind, ObjKind::Var { param: false, .. })
            {
                let (pos, name) = (obj.pos, obj.name.clone());
                self.error(pos, format!("declared and not used: {}", name));
            }
        }
        self.scope = saved_scope;
    }

    fn recv_type(&mut self, r: &ast::Field) -> TypeId {
        self.type_expr(&r.typ)
    }

    pub fn mark_used(&mut self, o: ObjId) {
        self.objs.get_mut(o).used = true;
    }

    pub fn record(&mut self, id: NodeId, mode: crate::Mode, typ: TypeId, val: Option<Value>) {
        self.info
            .types
            .insert(id, crate::TypeAndValue { mode, typ, val });
    }
}

pub fn strip_paren(e: &Expr) -> &Expr {
    match &e.kind {
        ast::ExprKind::Paren(x) => strip_paren(x),
        _ => e,
    }
}

/// A receiver like `T[K, V]` or `*T[E]` (a method of a generic type).
fn has_type_args(e: &Expr) -> bool {
    match &strip_paren(e).kind {
        ast::ExprKind::Star(x) => has_type_args(x),
        ast::ExprKind::Index { .. } => true,
        _ => false,
    }
}

fn receiver_base_name(e: &Expr) -> Option<String> {
    match &strip_paren(e).kind {
        ast::ExprKind::Star(x) => receiver_base_name(x),
        ast::ExprKind::Ident(n) => Some(n.clone()),
        ast::ExprKind::Index { x, .. } => receiver_base_name(x),
        _ => None,
    }
}

impl Checker<'_> {
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

    /// A position inside a message, as gc prints it: `./x.go:3:6`.
    pub fn pos_str(&self, p: Pos) -> String {
        match self.file_paths.get(p.file as usize) {
            Some(path) => format!("{}:{}:{}", path, p.line, p.col),
            None => format!("{}:{}", p.line, p.col),
        }
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
