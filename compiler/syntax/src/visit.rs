//! The one walk over the AST (go/ast's Visitor and Walk, syn's `visit`).
//!
//! A `Visitor` is called on each statement, expression and local
//! declaration; the `walk_*` functions visit a node's children in source
//! order. The default methods descend into everything, so a visitor
//! overrides the methods for the nodes it cares about and either calls the
//! matching `walk_*` (descend) or does not (prune). Expressions in a type
//! position (a declaration's or field's type, a composite literal's type, an
//! asserted type, a type switch case) go through `visit_type`, which by
//! default is `visit_expr`; a walk that looks for values can drop them there.
//!
//! Every walk of the AST in the checker and codegen is a `Visitor`: codegen's
//! free variables of a function literal and `has_defer`, the checker's
//! break search for terminating statements, and the two call-or-receive
//! predicates.

use crate::ast::*;

pub trait Visitor<'a>: Sized {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        walk_stmt(self, s)
    }
    fn visit_expr(&mut self, e: &'a Expr) {
        walk_expr(self, e)
    }
    /// A var, const or type declaration inside a function body.
    fn visit_decl(&mut self, d: &'a Decl) {
        walk_decl(self, d)
    }
    /// An expression in a type position.
    fn visit_type(&mut self, t: &'a Expr) {
        self.visit_expr(t)
    }
}

pub fn walk_stmts<'a, V: Visitor<'a>>(v: &mut V, stmts: &'a [Stmt]) {
    for s in stmts {
        v.visit_stmt(s);
    }
}

fn walk_opt_stmt<'a, V: Visitor<'a>>(v: &mut V, s: &'a Option<Box<Stmt>>) {
    if let Some(s) = s {
        v.visit_stmt(s);
    }
}

fn walk_opt_expr<'a, V: Visitor<'a>>(v: &mut V, e: &'a Option<Expr>) {
    if let Some(e) = e {
        v.visit_expr(e);
    }
}

fn walk_opt_boxed<'a, V: Visitor<'a>>(v: &mut V, e: &'a Option<Box<Expr>>) {
    if let Some(e) = e {
        v.visit_expr(e);
    }
}

/// A statement's children, in source order (a 3-clause loop: init, cond,
/// post, body).
pub fn walk_stmt<'a, V: Visitor<'a>>(v: &mut V, s: &'a Stmt) {
    match &s.kind {
        StmtKind::Decl(d) => v.visit_decl(d),
        StmtKind::Empty
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Goto(_)
        | StmtKind::Fallthrough => {}
        StmtKind::Labeled { stmt, .. } => v.visit_stmt(stmt),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => v.visit_expr(e),
        StmtKind::Send { ch, value } => {
            v.visit_expr(ch);
            v.visit_expr(value);
        }
        StmtKind::IncDec { x, .. } => v.visit_expr(x),
        StmtKind::Assign { lhs, rhs, .. } => {
            for e in lhs.iter().chain(rhs) {
                v.visit_expr(e);
            }
        }
        StmtKind::Return(es) => {
            for e in es {
                v.visit_expr(e);
            }
        }
        StmtKind::Block(b) => walk_stmts(v, &b.stmts),
        StmtKind::If { init, cond, then, els } => {
            walk_opt_stmt(v, init);
            v.visit_expr(cond);
            walk_stmts(v, &then.stmts);
            walk_opt_stmt(v, els);
        }
        StmtKind::Switch { init, tag, body, .. } => {
            walk_opt_stmt(v, init);
            walk_opt_expr(v, tag);
            for cc in body {
                for e in &cc.exprs {
                    v.visit_expr(e);
                }
                walk_stmts(v, &cc.body);
            }
        }
        StmtKind::TypeSwitch { init, x, body, .. } => {
            walk_opt_stmt(v, init);
            v.visit_expr(x);
            for cc in body {
                for t in &cc.exprs {
                    v.visit_type(t);
                }
                walk_stmts(v, &cc.body);
            }
        }
        StmtKind::Select { body } => {
            for cc in body {
                if let Some(c) = &cc.comm {
                    v.visit_stmt(c);
                }
                walk_stmts(v, &cc.body);
            }
        }
        StmtKind::For { init, cond, post, body } => {
            walk_opt_stmt(v, init);
            walk_opt_expr(v, cond);
            walk_opt_stmt(v, post);
            walk_stmts(v, &body.stmts);
        }
        StmtKind::Range { key, value, x, body, .. } => {
            walk_opt_expr(v, key);
            walk_opt_expr(v, value);
            v.visit_expr(x);
            walk_stmts(v, &body.stmts);
        }
    }
}

/// A local declaration's types and values.
pub fn walk_decl<'a, V: Visitor<'a>>(v: &mut V, d: &'a Decl) {
    match d {
        Decl::Var(specs) | Decl::Const(specs) => {
            for s in specs {
                if let Some(t) = &s.typ {
                    v.visit_type(t);
                }
                for e in &s.values {
                    v.visit_expr(e);
                }
            }
        }
        Decl::Type(specs) => {
            for s in specs {
                for f in &s.type_params {
                    v.visit_type(&f.typ);
                }
                v.visit_type(&s.typ);
            }
        }
        Decl::Func(fd) => {
            if let Some(r) = &fd.recv {
                v.visit_type(&r.typ);
            }
            walk_func_type(v, &fd.sig);
            if let Some(b) = &fd.body {
                walk_stmts(v, &b.stmts);
            }
        }
    }
}

/// The parameter and result types of a signature.
pub fn walk_func_type<'a, V: Visitor<'a>>(v: &mut V, ft: &'a FuncType) {
    for f in ft.params.iter().chain(&ft.results) {
        v.visit_type(&f.typ);
    }
}

/// An expression's children, in source order.
pub fn walk_expr<'a, V: Visitor<'a>>(v: &mut V, e: &'a Expr) {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::Bad | ExprKind::Synth(_) => {}
        ExprKind::CompositeLit { typ, elts, .. } => {
            if let Some(t) = typ {
                v.visit_type(t);
            }
            for el in elts {
                if let Some(k) = &el.key {
                    v.visit_expr(k);
                }
                v.visit_expr(&el.value);
            }
        }
        ExprKind::FuncLit { sig, body } => {
            walk_func_type(v, sig);
            walk_stmts(v, &body.stmts);
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => v.visit_expr(x),
        ExprKind::Selector { x, .. } => v.visit_expr(x),
        ExprKind::TypeAssert { x, typ } => {
            v.visit_expr(x);
            if let Some(t) = typ {
                v.visit_type(t);
            }
        }
        ExprKind::Index { x, indices } => {
            v.visit_expr(x);
            for i in indices {
                v.visit_expr(i);
            }
        }
        ExprKind::Slice { x, lo, hi, max } => {
            v.visit_expr(x);
            walk_opt_boxed(v, lo);
            walk_opt_boxed(v, hi);
            walk_opt_boxed(v, max);
        }
        ExprKind::Call { fun, args, .. } => {
            v.visit_expr(fun);
            for a in args {
                v.visit_expr(a);
            }
        }
        ExprKind::Binary { x, y, .. } => {
            v.visit_expr(x);
            v.visit_expr(y);
        }
        ExprKind::ArrayType { len, elem } => {
            walk_opt_boxed(v, len);
            v.visit_type(elem);
        }
        ExprKind::SliceType { elem } => v.visit_type(elem),
        ExprKind::StructType { fields } => {
            for f in fields {
                v.visit_type(&f.typ);
            }
        }
        ExprKind::FuncType(ft) => walk_func_type(v, ft),
        ExprKind::InterfaceType { elems } => {
            for el in elems {
                match el {
                    InterfaceElem::Method { sig, .. } => walk_func_type(v, sig),
                    InterfaceElem::Union { terms, .. } => {
                        for t in terms {
                            v.visit_type(&t.typ);
                        }
                    }
                }
            }
        }
        ExprKind::MapType { key, value } => {
            v.visit_type(key);
            v.visit_type(value);
        }
        ExprKind::ChanType { elem, .. } => v.visit_type(elem),
    }
}

/// Whether the statements (outside function literals) contain `defer`.
pub fn has_defer(stmts: &[Stmt]) -> bool {
    struct HasDefer(bool);
    impl<'a> Visitor<'a> for HasDefer {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            if matches!(s.kind, StmtKind::Defer(_)) {
                self.0 = true;
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut v = HasDefer(false);
    walk_stmts(&mut v, stmts);
    v.0
}

/// Whether the expression is a type literal (`[N]T`, `[]T`, `struct{...}`,
/// `func(...)`, `interface{...}`, `map[K]V`, `chan T`).
pub fn is_type_literal(e: &Expr) -> bool {
    use ExprKind::*;
    matches!(e.kind, ArrayType { .. } | SliceType { .. } | StructType { .. } | FuncType(_))
        || matches!(e.kind, InterfaceType { .. } | MapType { .. } | ChanType { .. })
}
