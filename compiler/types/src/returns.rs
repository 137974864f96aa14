//! Terminating statements (go/types' return.go; spec "Terminating
//! statements"), for "missing return".


use rgoc_syntax::visit::{walk_stmt, walk_stmts, Visitor};
use rgoc_syntax::{Expr, ExprKind, Stmt, StmtKind};

use crate::check::{strip_paren, Checker};
use crate::Mode;

impl<'a> Checker<'a> {
    pub(crate) fn is_terminating_list(&self, stmts: &[Stmt]) -> bool {
        // Trailing empty statements don't count.
        let mut i = stmts.len();
        while i > 0 && matches!(stmts[i - 1].kind, StmtKind::Empty) {
            i -= 1;
        }
        i > 0 && self.is_terminating(&stmts[i - 1], None)
    }

    pub(crate) fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { fun, .. } = &strip_paren(e).kind {
                    if let ExprKind::Ident(n) = &strip_paren(fun).kind {
                        if n == "panic" && self.info.tv(fun).map(|t| t.mode) == Some(Mode::Builtin)
                        {
                            return true;
                        }
                    }
                }
                false
            }
            StmtKind::Labeled { label, stmt } => self.is_terminating(stmt, Some(&label.name)),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If { then, els, .. } => els.as_ref().is_some_and(|e| {
                self.is_terminating_list(&then.stmts) && self.is_terminating(e, None)
            }),
            StmtKind::For { cond, body, .. } => {
                cond.is_none() && !has_break(&body.stmts, label, true)
            }
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                body.iter().any(|c| c.default)
                    && body.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.is_terminating_list(&c.body)
                                || c.body
                                    .last()
                                    .is_some_and(|l| matches!(l.kind, StmtKind::Fallthrough)))
                    })
            }
            StmtKind::Select { body } => body
                .iter()
                .all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body)),
            _ => false,
        }
    }
}

/// Whether `stmts` contain a break that targets the enclosing statement
/// (unlabelled at top level, or labelled with `label`).
pub(crate) fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    let mut v = BreakSearch { label, top, found: false };
    walk_stmts(&mut v, stmts);
    v.found
}

/// Looks for `break` (while `top`: not inside a nested loop, switch or
/// select) and `break label`; expressions hold no breaks of this function.
struct BreakSearch<'l> {
    label: Option<&'l str>,
    top: bool,
    found: bool,
}

impl<'a> Visitor<'a> for BreakSearch<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if self.found {
            return;
        }
        match &s.kind {
            StmtKind::Break(None) => self.found = self.top,
            StmtKind::Break(Some(l)) => self.found = Some(l.name.as_str()) == self.label,
            StmtKind::For { .. }
            | StmtKind::Range { .. }
            | StmtKind::Switch { .. }
            | StmtKind::TypeSwitch { .. }
            | StmtKind::Select { .. } => {
                let top = std::mem::replace(&mut self.top, false);
                walk_stmt(self, s);
                self.top = top;
            }
            _ => walk_stmt(self, s),
        }
    }
    fn visit_expr(&mut self, _: &'a Expr) {}
}
