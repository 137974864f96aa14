//! Inlining across packages (issue 16). Each package is compiled to its
//! own object, so LLVM sees only declarations of other packages'
//! functions and cannot inline `strings.(*Builder).WriteByte` or
//! `utf8.RuneLen` into their callers as gc does. The driver checks the
//! whole program before compiling any package (every package's syntax and
//! types are at hand), so a package's module also gets the bodies of the
//! small functions of other packages that its code calls statically, with
//! `available_externally` linkage: LLVM may inline them and then drops
//! them; the symbol itself is still defined once, by its own package.
//!
//! A package object so compiled depends on those bodies: its cache key
//! already covers them, since it includes the keys (sources) of every
//! package it imports, and calls reach only imported packages' functions
//! (directly or through them).
//!
//! Which functions qualify (`inlinable`): a body of at most `BUDGET`
//! syntax nodes (gc's budget is 80 of its nodes), not generic (instances
//! are compiled in the main package's module anyway), no `//go:`
//! directive but nosplit (noinline, linkname, wrapper, ...), not in package
//! runtime or reflect (frame-counting code: Caller, call adapters), and
//! nothing in the body whose code generation depends on the package being
//! compiled or on escape analysis: no function literals, defer, go,
//! select, labels or goto, recover, range over functions, local type
//! declarations (their descriptors belong to their package), or
//! address-taken or captured locals (escape analysis of the callee's own
//! package decides whether those live in the frame; here they would be
//! boxed, and a box may then hold a pointer into the caller's frame).
//! Callees of qualifying functions are considered too, `DEPTH` calls deep.

use std::collections::{HashMap, HashSet};

use rgoc_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use rgoc_syntax::visit::{self, Visitor};
use rgoc_types::{Builtin, Checked, Info, ObjId, ObjKind, SelectionKind};

use super::mem::strip;

const BUDGET: usize = 60;
/// Bodies at most this large are always inlined (LLVM's cost model counts
/// the cold paths of nil checks, write barriers and append's growth, and
/// turned down `strings.(*Builder).WriteByte`); larger ones get a hint.
pub(crate) const ALWAYS: usize = 30;
const DEPTH: usize = 3;
/// At most this many foreign bodies per module (compile time).
pub(crate) const MAX_BODIES: usize = 400;

/// Functions and methods called statically from `stmts` (checked with
/// `c.info`): callees by object.
struct Calls<'c> {
    c: &'c Checked,
    out: Vec<ObjId>,
}

impl<'a, 'c> Visitor<'a> for Calls<'c> {
    fn visit_expr(&mut self, e: &'a Expr) {
        if let ExprKind::Call { fun, .. } = &e.kind {
            if let Some(o) = static_callee(self.c, fun) {
                self.out.push(o);
            }
        }
        visit::walk_expr(self, e)
    }
}

/// The function or concrete method a call expression's callee names.
fn static_callee(c: &Checked, fun: &Expr) -> Option<ObjId> {
    let info = &c.info;
    let f = strip(fun);
    if info.instances.contains_key(&f.id) {
        return None;
    }
    let o = match &f.kind {
        ExprKind::Ident(_) => *info.uses.get(&f.id)?,
        ExprKind::Selector { sel, .. } => match info.selections.get(&f.id) {
            Some(s) if s.kind == SelectionKind::MethodVal && s.iface_index.is_none() => s.obj?,
            Some(_) => return None,
            None => *info.uses.get(&sel.id)?,
        },
        _ => return None,
    };
    matches!(c.objs.get(o).kind, ObjKind::Func).then_some(o)
}

/// Counts a body's nodes and looks for what disqualifies it.
struct Scan<'c> {
    c: &'c Checked,
    info: &'c Info,
    nodes: usize,
    bad: bool,
}

impl<'a, 'c> Visitor<'a> for Scan<'c> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        self.nodes += 1;
        match &s.kind {
            StmtKind::Go(_) | StmtKind::Defer(_) | StmtKind::Select { .. } | StmtKind::Labeled { .. } | StmtKind::Goto(_) => {
                self.bad = true;
            }
            StmtKind::Decl(ast::Decl::Type(_)) => self.bad = true,
            StmtKind::Range { x, .. } if self.info.range_rewrites.contains_key(&x.id) => self.bad = true,
            _ => {}
        }
        if !self.bad && self.nodes <= BUDGET {
            visit::walk_stmt(self, s)
        }
    }
    fn visit_expr(&mut self, e: &'a Expr) {
        self.nodes += 1;
        match &e.kind {
            ExprKind::FuncLit { .. } => self.bad = true,
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    let obj = self.c.objs.get(o);
                    match obj.kind {
                        ObjKind::Builtin(Builtin::Recover) => self.bad = true,
                        ObjKind::Var { .. } if obj.escapes => self.bad = true,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        if !self.bad && self.nodes <= BUDGET {
            visit::walk_expr(self, e)
        }
    }
}

/// The body's size in syntax nodes if it qualifies (see the module
/// comment).
fn inlinable(c: &Checked, fd: &ast::FuncDecl, pkg: &str) -> Option<usize> {
    if !fd.type_params.is_empty() {
        return None;
    }
    inlinable_body(c, &c.info, fd, pkg)
}

/// As `inlinable`, for a body checked into `info` (also an instance of
/// generic code: codegen/mod.rs puts small shared instances in the main
/// package's module).
pub(crate) fn inlinable_body(c: &Checked, info: &Info, fd: &ast::FuncDecl, pkg: &str) -> Option<usize> {
    let p = &fd.pragmas;
    if p.noinline || p.norace || p.nowritebarrier || p.systemstack || p.wrapper || p.linkname.is_some() {
        return None;
    }
    if pkg == "runtime" || pkg.starts_with("runtime/") || pkg == "reflect" {
        return None;
    }
    let body = fd.body.as_ref()?;
    // Parameters and results whose address is taken are locals too.
    let params = fd.recv.iter().chain(fd.sig.params.iter()).chain(fd.sig.results.iter());
    for f in params {
        for n in &f.names {
            if info.defs.get(&n.id).is_some_and(|&o| c.objs.get(o).escapes) {
                return None;
            }
        }
    }
    let mut s = Scan { c, info, nodes: 0, bad: false };
    visit::walk_stmts(&mut s, &body.stmts);
    (!s.bad && s.nodes <= BUDGET).then_some(s.nodes)
}

/// The functions of other packages than `target` whose bodies the
/// module of `target` should carry (see the module comment), given every
/// function declaration of the program by object (with its package index)
/// and the target's own bodies.
pub(crate) fn foreign_bodies<'a>(
    c: &Checked,
    decls: &HashMap<ObjId, (usize, &'a ast::FuncDecl)>,
    own: &[&'a ast::FuncDecl],
    target: usize,
) -> Vec<(ObjId, &'a ast::FuncDecl, usize)> {
    let mut calls = Calls { c, out: Vec::new() };
    for fd in own {
        if let Some(b) = &fd.body {
            visit::walk_stmts(&mut calls, &b.stmts);
        }
    }
    let mut frontier = std::mem::take(&mut calls.out);
    let mut seen: HashSet<ObjId> = HashSet::new();
    let mut out = Vec::new();
    for _ in 0..DEPTH {
        let mut next = Vec::new();
        for o in frontier {
            if !seen.insert(o) || out.len() >= MAX_BODIES {
                continue;
            }
            let Some(&(pi, fd)) = decls.get(&o) else { continue };
            if pi == target {
                continue;
            }
            let Some(size) = inlinable(c, fd, &c.packages[pi].path) else { continue };
            out.push((o, fd, size));
            let body = fd.body.as_ref().expect("inlinable has a body");
            visit::walk_stmts(&mut calls, &body.stmts);
            next.append(&mut calls.out);
        }
        frontier = next;
    }
    out
}
