//! Collecting package-level objects (go/types' resolver.go): imports,
//! package unsafe, declarations of every file into the package scope,
//! method receivers by base type name.


use rgoc_syntax::{ast, Expr, Pos};

use crate::check::{strip_paren, Checker, DeclRef};
use crate::constant::Value;
use crate::objects::{Builtin, ObjId, ObjKind, Object, ScopeId};
use crate::types::ids;

impl<'a> Checker<'a> {
    /// An import declaration: package unsafe, or a package checked before.
    pub(crate) fn import(&mut self, imp: &ast::ImportSpec) {
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
            self.dot_import(imp, scope);
            return;
        }
        // Imports are declared in the file's scope.
        let o = self.objs.add(Object::new(
            &name,
            ObjKind::PkgName(scope),
            ids::INVALID,
            imp.pos,
            &self.pkg,
        ));
        if self.objs.insert(self.scope, &name, o).is_some() {
            self.error(imp.pos, format!("{} redeclared in this block", name));
        }
        self.imports.push((o, imp.path.clone(), imp.path_pos));
    }

    /// `import . "p"`: p's exported objects are declared in the file's
    /// scope.
    fn dot_import(&mut self, imp: &ast::ImportSpec, scope: ScopeId) {
        let mut names: Vec<(String, ObjId)> = self
            .objs
            .scope(scope)
            .names
            .iter()
            .filter(|(n, _)| crate::typexpr::is_exported(n))
            .map(|(n, &o)| (n.clone(), o))
            .collect();
        names.sort();
        let mut objs = Vec::new();
        for (n, o) in names {
            if let Some(prev) = self.objs.insert(self.scope, &n, o) {
                if prev != o {
                    self.error(imp.pos, format!("{} redeclared in this block", n));
                }
                continue;
            }
            objs.push(o);
        }
        self.dot_imports.push((objs, imp.path.clone(), imp.path_pos));
    }

    /// The scope of package unsafe (created on first import).
    pub(crate) fn unsafe_scope(&mut self) -> ScopeId {
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

    /// Collects the package-level objects of every file into the package
    /// scope (go/types' collectObjects); returns them in source order and
    /// the function declarations.
    pub(crate) fn collect_objects(&mut self, files: &'a [ast::File]) -> (Vec<ObjId>, Vec<&'a ast::FuncDecl>) {
        let mut order: Vec<ObjId> = Vec::new();
        let mut funcs: Vec<&'a ast::FuncDecl> = Vec::new();
        for f in files {
            // Each file's imports go in a scope of its own (go/types'
            // file scopes) between the package scope and its functions.
            let fs = self.objs.new_scope(Some(self.pkg_scope), false);
            self.gen.file_scopes.insert(f.file_index, fs);
            let saved = std::mem::replace(&mut self.scope, fs);
            for imp in &f.imports {
                self.import(imp);
            }
            self.scope = saved;
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
        // A package-level name may not also be a file's import.
        for f in files {
            let fs = self.file_scope(f.file_index);
            let mut names: Vec<(String, ObjId)> = self.objs.scope(fs).names.iter().map(|(n, &o)| (n.clone(), o)).collect();
            names.sort();
            for (n, imp) in names {
                let Some(&o) = self.objs.scope(self.pkg_scope).names.get(&n) else { continue };
                let ObjKind::PkgName(_) = self.objs.get(imp).kind else { continue };
                let path = self.imports.iter().find(|(i, _, _)| *i == imp).map(|(_, p, _)| p.clone()).unwrap_or_default();
                let (pos, ipos) = (self.objs.get(o).pos, self.objs.get(imp).pos);
                let msg = format!(
                    "{} already declared through import of package {} ({:?})\n\t{}: other declaration of {}",
                    n,
                    self.packages.get(&path).map(|(_, pn)| pn.clone()).unwrap_or_else(|| path.clone()),
                    path,
                    self.pos_str(ipos),
                    n
                );
                self.error(pos, msg);
            }
        }
        if self.objs.scope(self.pkg_scope).names.get("main").is_none() && self.pkg == "main" {
            if let Some(f) = files.first() {
                self.missing_main = Some(Pos { file: f.file_index, line: 0, col: 0 });
            }
        }
        (order, funcs)
    }

    /// Resolves every package-level object (go/types' packageObjects),
    /// then the methods of types never referenced by name.
    pub(crate) fn package_objects(&mut self, order: &[ObjId]) {
        for &o in order {
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
    }
}

/// A receiver like `T[K, V]` or `*T[E]` (a method of a generic type).
pub(crate) fn has_type_args(e: &Expr) -> bool {
    match &strip_paren(e).kind {
        ast::ExprKind::Star(x) => has_type_args(x),
        ast::ExprKind::Index { .. } => true,
        _ => false,
    }
}

pub(crate) fn receiver_base_name(e: &Expr) -> Option<String> {
    match &strip_paren(e).kind {
        ast::ExprKind::Star(x) => receiver_base_name(x),
        ast::ExprKind::Ident(n) => Some(n.clone()),
        ast::ExprKind::Index { x, .. } => receiver_base_name(x),
        _ => None,
    }
}
