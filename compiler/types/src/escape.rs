//! A small escape analysis: whether a function's variadic parameter can
//! outlive the call (gc's escape analysis does this and much more). When
//! it cannot, codegen packs the `...` arguments of a direct call into the
//! caller's frame instead of the heap (`cmp.Or(a, b, c)` allocates
//! nothing).
//!
//! The parameter does not escape when every use of it is one of: the
//! range expression of a `for range` statement, the argument of `len` or
//! `cap`, or the operand of an index expression that is neither addressed
//! (`&xs[i]`) nor the operand of a selector (a method with a pointer
//! receiver would take its address); and no use is inside a function
//! literal or a range-over-func body (both become closures). Anything else
//! — assigning it, slicing it, passing it on, returning it — counts as
//! escaping.

use std::collections::HashSet;

use rgoc_syntax::visit::{walk_expr, walk_stmt, walk_stmts, Visitor};
use rgoc_syntax::{ast, Expr, ExprKind, NodeId, Stmt, StmtKind, UnOp};

use crate::check::{strip_paren, Checker};
use crate::objects::{Builtin, ObjId, ObjKind};
use crate::Info;

struct Uses<'i> {
    info: &'i Info,
    objs: &'i crate::objects::Objects,
    param: ObjId,
    /// Uses in one of the harmless positions.
    allowed: HashSet<NodeId>,
    /// Inside a function literal.
    in_lit: usize,
    escapes: bool,
}

impl Uses<'_> {
    fn is_param(&self, e: &Expr) -> bool {
        let e = strip_paren(e);
        matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.param)
    }
    fn is_param_index(&self, e: &Expr) -> bool {
        matches!(&strip_paren(e).kind, ExprKind::Index { x, .. } if self.is_param(x))
    }
}

impl<'a> Visitor<'a> for Uses<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if let StmtKind::Range { x, .. } = &s.kind {
            if self.is_param(x) {
                self.allowed.insert(strip_paren(x).id);
            }
        }
        walk_stmt(self, s)
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::FuncLit { .. } => {
                self.in_lit += 1;
                walk_expr(self, e);
                self.in_lit -= 1;
                return;
            }
            ExprKind::Call { fun, args, .. } => {
                let f = strip_paren(fun);
                let builtin = self.info.uses.get(&f.id).map(|&o| &self.objs.get(o).kind);
                if matches!(builtin, Some(ObjKind::Builtin(Builtin::Len | Builtin::Cap))) && args.len() == 1 && self.is_param(&args[0]) {
                    self.allowed.insert(strip_paren(&args[0]).id);
                }
            }
            ExprKind::Unary { op: UnOp::Addr, x } if self.is_param_index(x) => self.escapes = true,
            ExprKind::Selector { x, .. } if self.is_param_index(x) => self.escapes = true,
            ExprKind::Index { x, .. } if self.is_param(x) => {
                self.allowed.insert(strip_paren(x).id);
            }
            ExprKind::Ident(_) if self.info.uses.get(&e.id) == Some(&self.param) => {
                if self.in_lit > 0 || !self.allowed.contains(&e.id) {
                    self.escapes = true;
                }
            }
            _ => {}
        }
        walk_expr(self, e)
    }
}

impl<'a> Checker<'a> {
    /// After checking the body of function `obj` (parameters declared by
    /// `ft`): records whether its variadic parameter stays in the call.
    pub(crate) fn note_variadic_escape(&mut self, obj: ObjId, ft: &ast::FuncType, body: &ast::Block) {
        let Some(last) = ft.params.last().filter(|f| f.variadic) else { return };
        let Some(name) = last.names.last() else {
            // An unnamed variadic parameter is never used.
            self.objs.get_mut(obj).noescape_variadic = true;
            return;
        };
        let Some(&param) = self.info.defs.get(&name.id) else { return };
        if self.info.range_rewrites.values().any(|s| s.pos >= body.pos && s.pos <= body.rbrace) {
            return; // range-over-func bodies are closures
        }
        let mut u = Uses { info: &self.info, objs: &self.objs, param, allowed: HashSet::new(), in_lit: 0, escapes: false };
        walk_stmts(&mut u, &body.stmts);
        let escapes = u.escapes;
        self.objs.get_mut(obj).noescape_variadic = !escapes;
    }
}
