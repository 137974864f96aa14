//! AST walks codegen needs before generating a function: the free
//! variables of a function literal, whether a body contains `defer` or
//! calls `recover`.

use rgoc_syntax::{ast, Expr, ExprKind, Stmt, StmtKind};

/// Calls `f` on every expression in `stmts` (pre-order). Function literal
/// bodies are entered only when `into_funclits`.
pub(crate) fn exprs_in_stmts(stmts: &[Stmt], into_funclits: bool, f: &mut dyn FnMut(&Expr)) {
    for s in stmts {
        stmt_exprs(s, into_funclits, f);
    }
}

/// Calls `f` on every statement in `stmts`, recursively (not inside
/// function literals).
pub(crate) fn stmts_in(stmts: &[Stmt], f: &mut dyn FnMut(&Stmt)) {
    for s in stmts {
        f(s);
        match &s.kind {
            StmtKind::Labeled { stmt, .. } => stmts_in(std::slice::from_ref(stmt), f),
            StmtKind::Block(b) => stmts_in(&b.stmts, f),
            StmtKind::If {
                init, then, els, ..
            } => {
                if let Some(i) = init {
                    stmts_in(std::slice::from_ref(i), f);
                }
                stmts_in(&then.stmts, f);
                if let Some(e) = els {
                    stmts_in(std::slice::from_ref(e), f);
                }
            }
            StmtKind::Switch { init, body, .. } | StmtKind::TypeSwitch { init, body, .. } => {
                if let Some(i) = init {
                    stmts_in(std::slice::from_ref(i), f);
                }
                for cc in body {
                    stmts_in(&cc.body, f);
                }
            }
            StmtKind::Select { body } => {
                for cc in body {
                    if let Some(c) = &cc.comm {
                        stmts_in(std::slice::from_ref(c), f);
                    }
                    stmts_in(&cc.body, f);
                }
            }
            StmtKind::For {
                init, post, body, ..
            } => {
                if let Some(i) = init {
                    stmts_in(std::slice::from_ref(i), f);
                }
                if let Some(p) = post {
                    stmts_in(std::slice::from_ref(p), f);
                }
                stmts_in(&body.stmts, f);
            }
            StmtKind::Range { body, .. } => stmts_in(&body.stmts, f),
            _ => {}
        }
    }
}

fn decl_exprs(d: &ast::Decl, into: bool, f: &mut dyn FnMut(&Expr)) {
    if let ast::Decl::Var(specs) = d {
        for s in specs {
            for v in &s.values {
                expr(v, into, f);
            }
        }
    }
}

fn stmt_exprs(s: &Stmt, into: bool, f: &mut dyn FnMut(&Expr)) {
    let opt = |s: &Option<Box<Stmt>>, f: &mut dyn FnMut(&Expr)| {
        if let Some(s) = s {
            stmt_exprs(s, into, f);
        }
    };
    match &s.kind {
        StmtKind::Decl(d) => decl_exprs(d, into, f),
        StmtKind::Empty
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Goto(_)
        | StmtKind::Fallthrough => {}
        StmtKind::Labeled { stmt, .. } => stmt_exprs(stmt, into, f),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => expr(e, into, f),
        StmtKind::Send { ch, value } => {
            expr(ch, into, f);
            expr(value, into, f);
        }
        StmtKind::IncDec { x, .. } => expr(x, into, f),
        StmtKind::Assign { lhs, rhs, .. } => {
            for e in lhs.iter().chain(rhs) {
                expr(e, into, f);
            }
        }
        StmtKind::Return(es) => {
            for e in es {
                expr(e, into, f);
            }
        }
        StmtKind::Block(b) => exprs_in_stmts(&b.stmts, into, f),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            opt(init, f);
            expr(cond, into, f);
            exprs_in_stmts(&then.stmts, into, f);
            opt(els, f);
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => {
            opt(init, f);
            if let Some(t) = tag {
                expr(t, into, f);
            }
            for cc in body {
                for e in &cc.exprs {
                    expr(e, into, f);
                }
                exprs_in_stmts(&cc.body, into, f);
            }
        }
        StmtKind::TypeSwitch { init, x, body, .. } => {
            opt(init, f);
            expr(x, into, f);
            for cc in body {
                exprs_in_stmts(&cc.body, into, f);
            }
        }
        StmtKind::Select { body } => {
            for cc in body {
                if let Some(c) = &cc.comm {
                    stmt_exprs(c, into, f);
                }
                exprs_in_stmts(&cc.body, into, f);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            opt(init, f);
            if let Some(c) = cond {
                expr(c, into, f);
            }
            opt(post, f);
            exprs_in_stmts(&body.stmts, into, f);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                expr(e, into, f);
            }
            expr(x, into, f);
            exprs_in_stmts(&body.stmts, into, f);
        }
    }
}

fn expr(e: &Expr, into: bool, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::Bad | ExprKind::Synth(_) => {}
        ExprKind::CompositeLit { elts, .. } => {
            for el in elts {
                if let Some(k) = &el.key {
                    expr(k, into, f);
                }
                expr(&el.value, into, f);
            }
        }
        ExprKind::FuncLit { body, .. } => {
            if into {
                exprs_in_stmts(&body.stmts, into, f);
            }
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => expr(x, into, f),
        ExprKind::Selector { x, .. } => expr(x, into, f),
        ExprKind::TypeAssert { x, .. } => expr(x, into, f),
        ExprKind::Index { x, indices } => {
            expr(x, into, f);
            for i in indices {
                expr(i, into, f);
            }
        }
        ExprKind::Slice { x, lo, hi, max } => {
            expr(x, into, f);
            for i in [lo, hi, max].into_iter().flatten() {
                expr(i, into, f);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            expr(fun, into, f);
            for a in args {
                expr(a, into, f);
            }
        }
        ExprKind::Binary { x, y, .. } => {
            expr(x, into, f);
            expr(y, into, f);
        }
        // Types hold no variable references codegen cares about.
        ExprKind::ArrayType { .. }
        | ExprKind::SliceType { .. }
        | ExprKind::StructType { .. }
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType { .. }
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => {}
    }
}

/// Whether the statements (outside function literals) contain `defer`.
pub(crate) fn has_defer(stmts: &[Stmt]) -> bool {
    let mut found = false;
    stmts_in(stmts, &mut |s| {
        if matches!(s.kind, StmtKind::Defer(_)) {
            found = true;
        }
    });
    found
}
