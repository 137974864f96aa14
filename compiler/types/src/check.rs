//! The Checker: its state, the entry points (`check_program`,
//! `check_package`) and the order of the phases over a package's files
//! (go/types' check.go). The phases live beside go/types' files: errors.rs,
//! resolver.rs, decl.rs, initorder.rs, scope.rs, stmt.rs, expr.rs, ...

use std::collections::{HashMap, HashSet};

use rgoc_syntax::{ast, Diagnostic, Expr, NodeId, Pos};

use crate::constant::Value;
use crate::objects::{ObjId, Objects, ScopeId};
use crate::resolver::has_type_args;
use crate::types::{Signature, TypeId, TypeTable};
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
    /// Dot imports: the objects they declared, the path and its position.
    pub dot_imports: Vec<(Vec<ObjId>, String, Pos)>,
    /// Packages checked before this one: path -> (scope, package name).
    pub packages: HashMap<String, (ScopeId, String)>,
    /// A generic function body was skipped (its uses are unknown).
    pub skipped_generic_bodies: bool,
    /// Map key types that were incomplete when the map type was checked.
    pub pending_keys: Vec<(TypeId, Pos)>,
    /// Defined types declared as another defined type whose declaration
    /// was still in progress (`type T2 T1` inside `type T1 struct{ p *T2 }`):
    /// (type, its right-hand side); their underlying type is set
    /// when the right-hand side's is (decl.rs).
    pub pending_under: Vec<(TypeId, TypeId)>,
    /// Package main has no func main (reported only if nothing else is).
    pub missing_main: Option<Pos>,
    /// File paths by file index, for positions inside messages.
    pub file_paths: Vec<String>,
    /// Program-wide state of generics (instances), carried from package to
    /// package like the type table.
    pub gen: crate::instantiate::Generics<'a>,
    /// An expression already checked, whose operand `expr` returns instead
    /// of checking it again (a built-in's argument examined for multiple
    /// values: multibuiltin.rs).
    pub reuse_operand: Option<(NodeId, crate::operand::Operand)>,
    /// Range-over-func loops of the function being checked.
    pub rangefunc: crate::rangefunc::RangeFuncs,
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
    let mut gen = crate::instantiate::Generics::default();
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
            pending_under: Vec::new(),
            pending_mismatch: None,
            ctx: Vec::new(),
            imports: Vec::new(),
            dot_imports: Vec::new(),
            packages: scopes.clone(),
            skipped_generic_bodies: false,
            pending_keys: Vec::new(),
            missing_main: None,
            file_paths: file_paths.clone(),
            gen,
            reuse_operand: None,
            rangefunc: Default::default(),
        };
        let pfiles = &files[range.clone()];
        c.check_files(pfiles);
        c.check_instances();
        for (o, ipath, pos) in std::mem::take(&mut c.imports) {
            if !c.objs.get(o).used && !c.skipped_generic_bodies {
                c.error(pos, format!("{:?} imported and not used", ipath));
            }
        }
        let dots = std::mem::take(&mut c.dot_imports);
        if !dots.is_empty() && !c.skipped_generic_bodies {
            let used: HashSet<ObjId> =
                idents_of(pfiles).iter().filter_map(|id| c.info.uses.get(id).copied()).collect();
            for (objs, ipath, pos) in dots {
                if !objs.iter().any(|o| used.contains(o)) {
                    c.error(pos, format!("{:?} imported and not used", ipath));
                }
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
        gen = c.gen;
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
            instances: gen.instances,
        },
        diags,
    )
}

impl<'a> Checker<'a> {
    /// The phases over a package's files (go/types' checkFiles).
    fn check_files(&mut self, files: &'a [ast::File]) {
        let (order, funcs) = self.collect_objects(files);
        self.package_objects(&order);
        self.report_pending_under();
        self.func_bodies(funcs);
        self.compute_init_order();
    }

    /// Checks the bodies of the package's functions and methods.
    fn func_bodies(&mut self, funcs: Vec<&'a ast::FuncDecl>) {
        for fd in funcs {
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
                let generic = !fd.type_params.is_empty() || fd.recv.as_ref().is_some_and(|r| has_type_args(&r.typ));
                let saved = self.scope;
                self.scope = self.file_scope(fd.pos.file);
                if generic {
                    // Checked once with its type parameters as types (for
                    // the diagnostics); instances are checked again with
                    // their type arguments (instantiate.rs).
                    self.open_scope(false);
                    self.declare_generic_tparams(fd, obj, None);
                    self.func_body(fd.recv.as_ref(), &fd.sig, &sig, body);
                } else {
                    self.func_body(fd.recv.as_ref(), &fd.sig, &sig, body);
                }
                self.scope = saved;
                self.note_variadic_escape(obj, &fd.sig, body);
                self.cur_decl = None;
            } else if fd.pragmas.linkname.is_none() && self.pkg == "main" {
                // Outside package main a body-less function is provided by
                // the runtime under its symbol name (gc: by assembly).
                self.error(fd.name.pos, "missing function body");
            }
        }
    }

    pub fn tstr(&self, t: TypeId) -> String {
        self.types.type_string_in(t, &self.pkg)
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

/// The node ids of the identifiers in `files` (types included).
fn idents_of(files: &[ast::File]) -> Vec<NodeId> {
    use rgoc_syntax::visit::{walk_decl, walk_expr, Visitor};
    struct Idents(Vec<NodeId>);
    impl<'a> Visitor<'a> for Idents {
        fn visit_expr(&mut self, e: &'a Expr) {
            if let rgoc_syntax::ExprKind::Ident(_) = e.kind {
                self.0.push(e.id);
            }
            walk_expr(self, e);
        }
    }
    let mut v = Idents(Vec::new());
    for f in files {
        for d in &f.decls {
            walk_decl(&mut v, d);
        }
    }
    v.0
}
