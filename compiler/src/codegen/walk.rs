//! AST walks codegen needs before generating a function, as visitors of
//! `rgoc_syntax::visit`: the expressions of a body (free variables of a
//! function literal), whether a body contains `defer`, whether evaluating an
//! expression may call or receive.

use rgoc_syntax::visit::{is_type_literal, walk_decl, walk_expr, walk_stmts, Visitor};
use rgoc_syntax::{ast, Expr, ExprKind, Stmt};

/// Calls `f` on every expression in `stmts` that may refer to a variable
/// (pre-order): not the insides of type literals or type positions, not
/// local const and type declarations. Function literal bodies are entered
/// only when `into_funclits`.
pub(crate) fn exprs_in_stmts(stmts: &[Stmt], into_funclits: bool, f: &mut dyn FnMut(&Expr)) {
    walk_stmts(&mut ValueExprs { into_funclits, f }, stmts);
}

struct ValueExprs<'f> {
    into_funclits: bool,
    f: &'f mut dyn FnMut(&Expr),
}

impl<'a> Visitor<'a> for ValueExprs<'_> {
    fn visit_expr(&mut self, e: &'a Expr) {
        (self.f)(e);
        // Types hold no variable references codegen cares about.
        if is_type_literal(e) || (!self.into_funclits && matches!(e.kind, ExprKind::FuncLit { .. })) {
            return;
        }
        walk_expr(self, e);
    }
    fn visit_type(&mut self, _: &'a Expr) {}
    fn visit_decl(&mut self, d: &'a ast::Decl) {
        if let ast::Decl::Var(_) = d {
            walk_decl(self, d);
        }
    }
}

/// Whether evaluating `e` may have effects: it contains a call (any call,
/// conversions included) or a receive, outside function literals and types.
pub(crate) fn has_call_or_recv_including_conversions(e: &Expr) -> bool {
    struct CallOrRecv(bool);
    impl<'a> Visitor<'a> for CallOrRecv {
        fn visit_expr(&mut self, e: &'a Expr) {
            if self.0 {
                return;
            }
            if matches!(
                e.kind,
                ExprKind::Call { .. } | ExprKind::Unary { op: rgoc_syntax::UnOp::Recv, .. }
            ) {
                self.0 = true;
                return;
            }
            if is_type_literal(e) || matches!(e.kind, ExprKind::FuncLit { .. }) {
                return;
            }
            walk_expr(self, e);
        }
        fn visit_type(&mut self, _: &'a Expr) {}
    }
    let mut v = CallOrRecv(false);
    v.visit_expr(e);
    v.0
}
