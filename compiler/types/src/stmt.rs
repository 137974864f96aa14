//! Statements (go/types' stmt.go): function bodies, control flow,
//! switches, type switches, range loops, returns.


use rgoc_syntax::{ast, AssignOp, Expr, ExprKind, Stmt, StmtKind};

use crate::check::{strip_paren, Checker, FuncCtx};
use crate::objects::{ObjKind, Object};
use crate::operand::Operand;
use crate::types::{ids, Signature, Type, TypeId};
use crate::Mode;

/// What `break`/`continue` may refer to at a point in a function.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Loop,
    Switch,
    Select,
}

impl<'a> Checker<'a> {
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
        // A range-over-func body's labels are checked with its function's.
        let skip_labels = std::mem::take(&mut self.rangefunc.skip_labels);
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
        if !skip_labels {
            self.labels(body);
        }
        if !sig.results.is_empty() && !self.is_terminating_list(&body.stmts) {
            self.error(body.rbrace, "missing return");
        }
        self.fctx.pop();
        self.close_scope();
        // Unused variables of this function (literals report their own).
        let locals = std::mem::replace(&mut self.locals, saved_locals);
        for o in locals {
            let obj = self.objs.get(o);
            if !obj.used && obj.name != "_" && !obj.name.starts_with('#') && matches!(obj.kind, ObjKind::Var { param: false, .. })
            {
                let (pos, name) = (obj.pos, obj.name.clone());
                self.error(pos, format!("declared and not used: {}", name));
            }
        }
        self.scope = saved_scope;
    }

    fn recv_type(&mut self, r: &ast::Field) -> TypeId {
        if crate::resolver::has_type_args(&r.typ) {
            return self.generic_recv_type(&r.typ);
        }
        self.type_expr(&r.typ)
    }

    /// A statement list outside switch clauses: `fallthrough` is misplaced.
    pub(crate) fn stmt_list(&mut self, stmts: &[Stmt]) {
        self.stmt_seq(stmts);
    }

    fn stmt_seq(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &ast::Block) {
        self.open_scope(false);
        self.stmt_list(&b.stmts);
        self.close_scope();
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled { label, stmt } => {
                self.rangefunc.label = Some(label.name.clone());
                self.stmt(stmt);
                self.rangefunc.label = None;
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => self.send_stmt(s, ch, value),
            StmtKind::IncDec { x, inc } => self.inc_dec_stmt(x, *inc),
            StmtKind::Assign { lhs, op, rhs } => match op {
                AssignOp::Define => self.short_var_decl(s, lhs, rhs),
                AssignOp::Assign => self.assign(s, lhs, rhs),
                AssignOp::Op(bop) => self.assign_op(s, lhs, *bop, rhs),
            },
            StmtKind::Defer(_) | StmtKind::Return(_) | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_)
                if self.rangefunc_branch(s) => {}
            StmtKind::Go(e) | StmtKind::Defer(e) => self.go_defer_stmt(s, e),
            StmtKind::Return(results) => self.return_stmt(s, results),
            // Branch statements are checked per function body (branches.rs).
            StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Goto(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope(false);
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                let mut c = self.value(cond);
                if !c.is_invalid() {
                    if !self.types.is_boolean(c.typ) {
                        self.error(cond.pos, format!("non-boolean condition in if statement"));
                    } else {
                        self.default_untyped(&mut c, cond);
                    }
                }
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.close_scope();
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.open_scope(false);
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                if let Some(c) = cond {
                    let mut x = self.value(c);
                    if !x.is_invalid() {
                        if !self.types.is_boolean(x.typ) {
                            self.error(c.pos, format!("non-boolean condition in for statement"));
                        } else {
                            self.default_untyped(&mut x, c);
                        }
                    }
                }
                if let Some(p) = post {
                    if let StmtKind::Assign {
                        op: AssignOp::Define,
                        ..
                    } = p.kind
                    {
                        self.error(p.pos, "cannot declare in post statement of for loop");
                    } else {
                        self.simple_stmt(p);
                    }
                }
                self.ctx.push(Ctx::Loop);
                self.block(body);
                self.ctx.pop();
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::Switch {
                init, tag, body, ..
            } => self.switch_stmt(init.as_deref(), tag.as_ref(), body),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => self.type_switch(s, init.as_deref(), bind.as_ref(), x, body),
            StmtKind::Select { body } => self.select_stmt(body),
        }
    }

    /// An expression statement: only calls and receives may stand alone.
    fn expr_stmt(&mut self, e: &Expr) {
        let x = self.expr(e);
        if x.is_invalid() {
            return;
        }
        let inner = strip_paren(e);
        let is_call = matches!(inner.kind, ExprKind::Call { .. });
        let is_recv = matches!(
            inner.kind,
            ExprKind::Unary {
                op: rgoc_syntax::UnOp::Recv,
                ..
            }
        );
        if is_call {
            if let ExprKind::Call { fun, .. } = &inner.kind {
                let fm = self.info.tv(fun).map(|t| t.mode);
                if fm == Some(Mode::Type) {
                    self.error(
                        e.pos,
                        format!(
                            "{} (value of type {}) is not used",
                            self.expr_string(e),
                            self.tstr(x.typ)
                        ),
                    );
                    return;
                }
                if fm == Some(Mode::Builtin) {
                    if let ExprKind::Ident(n) = &strip_paren(fun).kind {
                        if !matches!(
                            n.as_str(),
                            "panic"
                                | "print"
                                | "println"
                                | "copy"
                                | "recover"
                                | "close"
                                | "delete"
                                | "clear"
                                | "#panicrange"
                                | "#deferat"
                        ) {
                            self.error(
                                e.pos,
                                format!(
                                    "{} (value of type {}) is not used",
                                    self.expr_string(e),
                                    self.tstr(x.typ)
                                ),
                            );
                        }
                    }
                }
            }
            return;
        }
        if is_recv {
            return;
        }
        let what = match x.mode {
            Mode::Const => format!(
                "{} (untyped {} constant) is not used",
                self.expr_string(e),
                ""
            ),
            _ => String::new(),
        };
        let _ = what;
        self.error(e.pos, format!("{} is not used", self.operand_string(e, &x)));
    }

    /// A send statement `ch <- value`.
    fn send_stmt(&mut self, s: &Stmt, ch: &Expr, value: &Expr) {
        let c = self.value(ch);
        let mut v = self.value(value);
        if c.is_invalid() || v.is_invalid() {
            return;
        }
        match self.types.under(c.typ).clone() {
            Type::Chan(dir, elem) => {
                if dir == crate::types::ChanDir::Recv {
                    self.error(
                        s.pos,
                        format!(
                            "invalid operation: cannot send to receive-only channel {}",
                            self.operand_string(ch, &c)
                        ),
                    );
                    return;
                }
                self.assignment(&mut v, value, elem, "send");
            }
            _ => self.error(
                s.pos,
                format!(
                    "invalid operation: cannot send to non-channel {}",
                    self.operand_string(ch, &c)
                ),
            ),
        }
    }

    /// `x++` and `x--`.
    fn inc_dec_stmt(&mut self, x: &Expr, inc: bool) {
        let o = self.expr(x);
        if o.is_invalid() {
            return;
        }
        if !self.types.is_numeric(o.typ) {
            let op = if inc { "++" } else { "--" };
            self.error(
                x.pos,
                format!(
                    "invalid operation: {}{} (non-numeric type {})",
                    self.expr_string(x),
                    op,
                    self.tstr(o.typ)
                ),
            );
            return;
        }
        self.check_assignable_lhs(x, &o);
    }

    /// `go f(x)` and `defer f(x)`: a call, not a conversion nor a builtin whose result would be discarded.
    fn go_defer_stmt(&mut self, s: &Stmt, e: &Expr) {
        let what = if matches!(s.kind, StmtKind::Go(_)) {
            "go"
        } else {
            "defer"
        };
        self.go_defer_call(what, e);
    }

    /// The call of a `go` or `defer` statement (`what`).
    pub(crate) fn go_defer_call(&mut self, what: &str, e: &Expr) {
        let inner = strip_paren(e);
        if !matches!(inner.kind, ExprKind::Call { .. }) {
            self.expr(e);
            self.error(
                e.pos,
                format!("expression in {} must be function call", what),
            );
            return;
        }
        let x = self.expr(e);
        if let ExprKind::Call { fun, .. } = &inner.kind {
            if self.info.tv(fun).map(|t| t.mode) == Some(Mode::Type) {
                self.error(
                    e.pos,
                    format!("{} requires function call, not conversion", what),
                );
                return;
            }
            if let Some(Mode::Builtin) = self.info.tv(fun).map(|t| t.mode) {
                if let ExprKind::Ident(n) = &strip_paren(fun).kind {
                    if matches!(
                        n.as_str(),
                        "append"
                            | "cap"
                            | "complex"
                            | "imag"
                            | "len"
                            | "make"
                            | "new"
                            | "real"
                            | "min"
                            | "max"
                    ) {
                        self.error(
                            e.pos,
                            format!("{} discards result of {}", what, self.expr_string(e)),
                        );
                    }
                }
            }
        }
        let _ = x;
    }

    /// A select statement: each case a send or a receive.
    fn select_stmt(&mut self, body: &[ast::CommClause]) {
        for cc in body {
            self.open_scope(false);
            if let Some(c) = &cc.comm {
                let ok = match &c.kind {
                    StmtKind::Send { .. } => true,
                    StmtKind::Expr(e) => matches!(
                        strip_paren(e).kind,
                        ExprKind::Unary {
                            op: rgoc_syntax::UnOp::Recv,
                            ..
                        }
                    ),
                    StmtKind::Assign { rhs, .. } => {
                        rhs.len() == 1
                            && matches!(
                                strip_paren(&rhs[0]).kind,
                                ExprKind::Unary {
                                    op: rgoc_syntax::UnOp::Recv,
                                    ..
                                }
                            )
                    }
                    _ => false,
                };
                if !ok {
                    self.error(c.pos, "select case must be receive, send or assign recv");
                }
                self.stmt(c);
            }
            self.ctx.push(Ctx::Select);
            self.stmt_list(&cc.body);
            self.ctx.pop();
            self.close_scope();
        }
    }

    fn simple_stmt(&mut self, s: &Stmt) {
        self.stmt(s);
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(f) = self.fctx.last() else { return };
        let want = f.sig.results.clone();
        let named = f.named_results;
        if results.is_empty() {
            if !want.is_empty() && !named {
                self.error(
                    s.pos,
                    format!(
                        "not enough return values\n\thave ()\n\twant ({})",
                        want.iter()
                            .map(|t| self.tstr(*t))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            return;
        }
        // As types2's initVars for a return statement.
        let (l, r) = (want.len(), results.len());
        let is_call = r == 1 && matches!(strip_paren(&results[0]).kind, ExprKind::Call { .. });
        if r != l || is_call {
            let have: Vec<String>;
            let pos;
            if r != 1 {
                let xs: Vec<Operand> = results.iter().map(|e| self.value(e)).collect();
                if xs.iter().any(|x| x.is_invalid()) {
                    return;
                }
                have = xs
                    .iter()
                    .map(|x| self.ret_have(x.typ, x.val.is_some()))
                    .collect();
                pos = if r > l {
                    results[l].pos
                } else {
                    results[r - 1].pos
                };
            } else {
                let e = &results[0];
                let x = self.expr_hint(e, want.first().copied());
                let x = if matches!(self.types.get(x.typ), Type::Tuple(v) if !v.is_empty())
                    && !matches!(x.mode, Mode::Type | Mode::NoValue | Mode::Builtin)
                {
                    x
                } else {
                    self.single_value(e, x)
                };
                if x.is_invalid() {
                    return;
                }
                let ts = match self.types.get(x.typ).clone() {
                    Type::Tuple(ts) => ts,
                    _ => vec![x.typ],
                };
                if ts.len() == l {
                    if !matches!(self.types.get(x.typ), Type::Tuple(_)) {
                        let mut x = x;
                        self.assignment(&mut x, e, want[0], "return statement");
                        return;
                    }
                    // Each result of the call, described as types2 does.
                    for (i, (t, w)) in ts.iter().zip(&want).enumerate() {
                        let y = Operand::value(*t);
                        if let Err(why) = self.assignable(&y, *w) {
                            let dummy = Expr {
                                id: e.id,
                                pos: e.pos,
                                kind: ExprKind::Ident(nth(i + 1, "function result")),
                            };
                            let mut msg = format!(
                                "cannot use {} as {} value in return statement",
                                self.operand_string(&dummy, &y),
                                self.tstr(*w)
                            );
                            if !why.is_empty() {
                                msg.push_str(": ");
                                msg.push_str(&why);
                            }
                            self.error(e.pos, msg);
                        }
                    }
                    return;
                }
                have = ts
                    .iter()
                    .map(|t| self.ret_have(*t, x.val.is_some()))
                    .collect();
                pos = e.pos;
            }
            let msg = if r > l || have.len() > l {
                "too many return values"
            } else {
                "not enough return values"
            };
            let want: Vec<String> = want.iter().map(|t| self.tstr(*t)).collect();
            self.error(
                pos,
                format!(
                    "{}\n\thave ({})\n\twant ({})",
                    msg,
                    have.join(", "),
                    want.join(", ")
                ),
            );
            return;
        }
        for (i, r) in results.iter().enumerate() {
            let mut x = self.expr_hint(r, Some(want[i]));
            x = self.single_value(r, x);
            self.assignment(&mut x, r, want[i], "return statement");
        }
    }

    /// types2's typesSummary entry: untyped constants as `number`,
    /// `string`, `bool`.
    fn ret_have(&self, t: TypeId, is_const: bool) -> String {
        if self.types.is_untyped(t) && is_const {
            match self.types.basic(t) {
                Some(k) if k.is_numeric() => "number".into(),
                Some(k) if k.is_string() => "string".into(),
                Some(k) if k.is_boolean() => "bool".into(),
                _ => self.tstr(t),
            }
        } else {
            self.tstr(t)
        }
    }

    fn switch_stmt(&mut self, init: Option<&Stmt>, tag: Option<&Expr>, body: &[ast::CaseClause]) {
        self.open_scope(false);
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let mut tag_op = match tag {
            Some(t) => {
                let mut x = self.value(t);
                if !x.is_invalid() {
                    self.default_untyped(&mut x, t);
                    if x.typ == ids::UNTYPED_NIL {
                        self.error(t.pos, "use of untyped nil in switch expression");
                        x = Operand::invalid();
                    } else if !self.types.comparable(x.typ)
                        && !self.types.has_nil(x.typ)
                        && !x.is_invalid()
                    {
                        self.error(
                            t.pos,
                            format!("cannot switch on {}", self.operand_string(t, &x)),
                        );
                        x = Operand::invalid();
                    }
                }
                Some(x)
            }
            None => None,
        };
        let mut defaults = 0;
        let mut seen: Vec<(crate::Value, TypeId, rgoc_syntax::Pos)> = Vec::new();
        for cc in body {
            if cc.default {
                defaults += 1;
                if defaults > 1 {
                    self.error(cc.pos, "multiple defaults in switch");
                }
            }
            for e in &cc.exprs {
                match &mut tag_op {
                    Some(t) => {
                        if t.is_invalid() {
                            self.expr(e);
                            continue;
                        }
                        let mut x = self.value(e);
                        if x.is_invalid() {
                            continue;
                        }
                        let tt = t.typ;
                        // case x compares tag == x
                        if self.types.is_untyped(x.typ) {
                            let before = x.clone();
                            if !self.convert_untyped(&mut x, e, tt) {
                                let msg = if before.val.is_some() && self.types.basic(tt).is_some()
                                {
                                    format!(
                                        "cannot convert {} to type {}",
                                        self.operand_string(e, &before),
                                        self.tstr(tt)
                                    )
                                } else {
                                    format!("invalid case {} in switch on {} (mismatched types {} and {})", self.expr_string(e), self.expr_string(tag.expect("tag")), self.tstr(before.typ), self.tstr(tt))
                                };
                                self.error(e.pos, msg);
                                continue;
                            }
                        } else if x.typ != tt
                            && self.assignable(&x, tt).is_err()
                            && self.assignable(&Operand::value(tt), x.typ).is_err()
                        {
                            self.error(
                                e.pos,
                                format!(
                                    "invalid case {} in switch on {} (mismatched types {} and {})",
                                    self.expr_string(e),
                                    self.expr_string(tag.expect("tag")),
                                    self.tstr(x.typ),
                                    self.tstr(tt)
                                ),
                            );
                            continue;
                        }
                        // types2 looks for duplicate integer, float and
                        // string constants (goVal), not booleans.
                        if let Some(v) = x.val.as_ref().filter(|v| {
                            matches!(
                                v,
                                crate::Value::Int(_)
                                    | crate::Value::Float(_)
                                    | crate::Value::String(_)
                            )
                        }) {
                            if let Some((_, _, p)) =
                                seen.iter().find(|(sv, st, _)| sv == v && *st == x.typ)
                            {
                                self.error(e.pos, format!("duplicate case {} in expression switch\n\t{}: previous case", self.operand_string(e, &x), self.pos_str(*p)));
                            } else {
                                seen.push((v.clone(), x.typ, e.pos));
                            }
                        }
                    }
                    None => {
                        let mut x = self.value(e);
                        if x.is_invalid() {
                            continue;
                        }
                        // An interface operand compares with true (it may hold a bool).
                        let iface_ok = self.types.is_interface(x.typ)
                            && self.assignable(&Operand::value(ids::BOOL), x.typ).is_ok();
                        if !self.types.is_boolean(x.typ) && !iface_ok {
                            self.error(
                                e.pos,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    self.expr_string(e),
                                    self.tstr(x.typ)
                                ),
                            );
                            continue;
                        }
                        self.default_untyped(&mut x, e);
                    }
                }
            }
            self.open_scope(false);
            self.ctx.push(Ctx::Switch);
            self.stmt_list_clause(&cc.body);
            self.ctx.pop();
            self.close_scope();
        }
        self.close_scope();
    }

    fn stmt_list_clause(&mut self, stmts: &[Stmt]) {
        self.stmt_seq(stmts);
    }

    fn type_switch(
        &mut self,
        s: &Stmt,
        init: Option<&Stmt>,
        bind: Option<&ast::Ident>,
        xe: &Expr,
        body: &[ast::CaseClause],
    ) {
        self.open_scope(false);
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let x = self.value(xe);
        if x.is_invalid() {
            self.close_scope();
            return;
        }
        if !self.types.is_interface(x.typ) {
            self.error(
                xe.pos,
                format!("{} is not an interface", self.operand_string(xe, &x)),
            );
            self.close_scope();
            return;
        }
        let mut bind_objs = Vec::new();
        let mut defaults = 0;
        // Case types seen so far (None: nil), for duplicates.
        let mut seen: Vec<(Option<TypeId>, rgoc_syntax::Pos)> = Vec::new();
        for cc in body {
            if cc.default {
                defaults += 1;
                if defaults > 1 {
                    self.error(cc.pos, "multiple defaults in switch");
                }
            }
            let mut single: Option<TypeId> = None;
            for e in &cc.exprs {
                if let ExprKind::Ident(n) = &e.kind {
                    if n == "nil" {
                        if self
                            .objs
                            .lookup(self.scope, "nil")
                            .is_some_and(|(o, _, _)| matches!(self.objs.get(o).kind, ObjKind::Nil))
                        {
                            self.record(e.id, Mode::Value, ids::UNTYPED_NIL, None);
                            single = if cc.exprs.len() == 1 {
                                Some(x.typ)
                            } else {
                                None
                            };
                            if let Some((_, p)) = seen.iter().find(|(t, _)| t.is_none()) {
                                self.error(
                                    e.pos,
                                    format!(
                                        "duplicate case nil in type switch\n\t{}: previous case",
                                        self.pos_str(*p)
                                    ),
                                );
                            } else {
                                seen.push((None, e.pos));
                            }
                            continue;
                        }
                    }
                }
                let t = self.type_expr(e);
                if t == ids::INVALID {
                    continue;
                }
                if cc.exprs.len() == 1 {
                    single = Some(t);
                }
                if let Some((_, p)) = seen.iter().find(|(st, _)| *st == Some(t)) {
                    self.error(
                        e.pos,
                        format!(
                            "duplicate case {} in type switch\n\t{}: previous case",
                            self.tstr(t),
                            self.pos_str(*p)
                        ),
                    );
                    continue;
                }
                seen.push((Some(t), e.pos));
                if !self.types.is_interface(t) && self.types.is_concrete(t) && self.types.is_concrete(x.typ) {
                    if let Err(why) = self.implements(t, x.typ) {
                        self.error(
                            e.pos,
                            format!(
                                "impossible type switch case: {} cannot have dynamic type {} ({})",
                                self.operand_string(xe, &x),
                                self.tstr(t),
                                why.split(" (")
                                    .nth(1)
                                    .map(|s| s.trim_end_matches(')'))
                                    .unwrap_or("")
                            ),
                        );
                    }
                }
                if cc.exprs.len() == 1 {
                    single = Some(t);
                }
            }
            self.open_scope(false);
            if let Some(b) = bind {
                let t = single.unwrap_or(x.typ);
                let o = self.objs.add(Object::new(
                    &b.name,
                    ObjKind::Var {
                        global: false,
                        param: false,
                    },
                    t,
                    b.pos,
                    &self.pkg,
                ));
                self.info.implicits.insert(cc.pos, o);
                if b.name != "_" {
                    self.objs.insert(self.scope, &b.name, o);
                }
                bind_objs.push(o);
            }
            self.ctx.push(Ctx::Switch);
            self.stmt_list_clause(&cc.body);
            self.ctx.pop();
            self.close_scope();
        }
        if let Some(b) = bind {
            if b.name == "_" {
                self.error(b.pos, "no new variable on left side of :=");
            } else if !bind_objs.iter().any(|&o| self.objs.get(o).used) {
                self.error(b.pos, format!("{} declared and not used", b.name)); // types2 words a type switch binding so
            }
            // The binding itself is recorded for codegen via implicits.
            for o in bind_objs {
                self.objs.get_mut(o).used = true;
            }
        }
        let _ = s;
        self.close_scope();
    }

    fn range_stmt(
        &mut self,
        s: &Stmt,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        xe: &Expr,
        body: &ast::Block,
    ) {
        self.open_scope(false);
        let mut x = self.value(xe);
        let (kt, vt): (TypeId, Option<TypeId>) = if x.is_invalid() {
            (ids::INVALID, Some(ids::INVALID))
        } else {
            let ut = self.types.underlying(x.typ);
            match self.types.get(ut).clone() {
                Type::Basic(k) if k.is_string() => {
                    self.default_untyped(&mut x, xe);
                    (ids::INT, Some(ids::INT32))
                }
                Type::Basic(k) if k.is_integer() => {
                    if value.is_some() {
                        self.error(
                            value.map(|v| v.pos).unwrap_or(s.pos),
                            format!(
                                "range over {} permits only one iteration variable",
                                self.operand_string(xe, &x)
                            ),
                        );
                    }
                    if self.types.is_untyped(x.typ) {
                        // The key's type decides; default int.
                        let kt = match (key, define) {
                            (Some(k), false) => {
                                let t = self.info.tv(k).map(|t| t.typ);
                                t.unwrap_or(ids::INT)
                            }
                            _ => ids::INT,
                        };
                        let _ = kt;
                        self.default_untyped(&mut x, xe);
                    }
                    (x.typ, None)
                }
                Type::Array(_, e) => (ids::INT, Some(e)),
                Type::Pointer(p) if matches!(self.types.under(p), Type::Array(..)) => {
                    let Type::Array(_, e) = self.types.under(p).clone() else {
                        unreachable!()
                    };
                    (ids::INT, Some(e))
                }
                Type::Slice(e) => (ids::INT, Some(e)),
                Type::Map(k, v) => (k, Some(v)),
                Type::Chan(d, e) => {
                    if value.is_some() {
                        self.error(
                            value.map(|v| v.pos).unwrap_or(s.pos),
                            format!(
                                "range over {} permits only one iteration variable",
                                self.operand_string(xe, &x)
                            ),
                        );
                    }
                    if d == crate::types::ChanDir::Send {
                        self.error(
                            xe.pos,
                            format!(
                                "invalid operation: range {} receive from send-only channel",
                                self.expr_string(xe)
                            ),
                        );
                    }
                    (e, None)
                }
                Type::Func(_) => {
                    let label = self.rangefunc.label.take();
                    self.range_func(s, label.as_deref(), key, value, define, xe, x.typ, body);
                    self.close_scope();
                    return;
                }
                _ => {
                    self.error(
                        xe.pos,
                        format!("cannot range over {}", self.operand_string(xe, &x)),
                    );
                    (ids::INVALID, Some(ids::INVALID))
                }
            }
        };
        let vars: Vec<(Option<&Expr>, TypeId)> =
            vec![(key, kt), (value, vt.unwrap_or(ids::INVALID))];
        if define {
            let mut new_objs = Vec::new();
            for (e, t) in &vars {
                let Some(e) = e else { continue };
                let ExprKind::Ident(n) = &e.kind else {
                    self.error(
                        e.pos,
                        format!("non-name {} on left side of :=", self.expr_string(e)),
                    );
                    continue;
                };
                let o = self.objs.add(Object::new(
                    n,
                    ObjKind::Var {
                        global: false,
                        param: false,
                    },
                    *t,
                    e.pos,
                    &self.pkg,
                ));
                self.locals.push(o);
                self.record(e.id, Mode::Var, *t, None);
                new_objs.push((
                    ast::Ident {
                        id: e.id,
                        pos: e.pos,
                        name: n.clone(),
                    },
                    o,
                ));
            }
            for (id, o) in new_objs {
                self.declare_local(&id, o);
            }
        } else {
            for (e, t) in &vars {
                let Some(e) = e else { continue };
                if let Some(lt) = self.lhs_expr(e) {
                    if lt != ids::INVALID && *t != ids::INVALID {
                        let x = Operand::value(*t);
                        if self.assignable(&x, lt).is_err() {
                            self.error(
                                e.pos,
                                format!(
                                    "cannot use {} (value of type {}) as {} value in range clause",
                                    self.expr_string(e),
                                    self.tstr(*t),
                                    self.tstr(lt)
                                )
                                .replace(
                                    &format!("{} (value", self.expr_string(e)),
                                    &format!("{} (value", self.expr_string(e)),
                                ),
                            );
                        }
                    }
                }
            }
        }
        self.ctx.push(Ctx::Loop);
        self.block(body);
        self.ctx.pop();
        self.close_scope();
    }
}

/// `2nd function result`: types2's nth.
fn nth(n: usize, what: &str) -> String {
    let ext = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{}{} {}", n, ext, what)
}
