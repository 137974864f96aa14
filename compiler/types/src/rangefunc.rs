//! Range over functions (Go 1.23; gc's cmd/compile/internal/rangefunc):
//! `for k, v := range f { body }` with `f` a `func(yield func(K, V) bool)`
//! is checked — and compiled — as the call
//!
//! ```text
//! {
//!     [var #next int; var #r0 R0 ...]          // outermost loop of a function
//!     #stateN := 1                            // ready
//!     f(func(#p0 K, #p1 V) bool {
//!         if #stateN != 1 { #panicrange(#stateN) }
//!         #stateN = 0                         // running
//!         k, v := #p0, #p1
//!         body                                // branches rewritten, below
//!         #stateN = 1
//!         return true
//!     })
//!     #stateN = 3                             // exhausted
//!     dispatch on #next                       // return, break/continue L
//! }
//! ```
//!
//! Inside the body, `continue` becomes `#stateN = 1; return true`,
//! `break` becomes `#stateN = 2; return false`, and a `return` or a jump to
//! a label outside the body stores its results / a code in `#next` and
//! returns false; after the call the dispatch performs it (or, in a nested
//! loop's body, passes it on outwards). The rewritten statements are
//! recorded for codegen (`Info::range_rewrites` by the range expression,
//! `Info::branch_rewrites` by the position of the replaced statement), so
//! codegen compiles plain closures and calls. A yield called in a state
//! other than ready panics as gc's runtime does (`#panicrange`).
//! A `goto` to a label outside the body is a jump like `break L`: the
//! dispatch after the call (of the loop whose body declares the label, or
//! the function's) performs the `goto`. `defer` in a body belongs to the
//! function that holds the loop: its outermost loop takes the function's
//! defer-frame token (`#dfr := #deferframe()`) and the body's `defer f(x)`
//! becomes `#deferat(#dfr, f(x))`, which evaluates the call's operands as
//! `defer` does and records the call on that frame
//! (runtime.deferrangefunc / deferprocat, runtime/src/defer.rs).

use std::collections::HashSet;

use rgoc_syntax::{ast, AssignOp, BinOp, Block, Expr, ExprKind, LitKind, NodeId, Pos, Stmt, StmtKind};

use crate::check::Checker;
use crate::types::{ids, TypeId};

/// One range-over-func loop whose body is being checked.
struct Frame {
    /// Its state variable (`#stateN`).
    state: String,
    /// Its own label, if labeled.
    label: Option<String>,
    /// Labels declared inside its body (jumps to them stay as they are).
    inner_labels: HashSet<String>,
    /// Jumps out of the body: (code stored in `#next`, label, kind).
    jumps: Vec<(i64, String, Jump)>,
    /// `return`s left the body: with values (code -1), bare (-2).
    returns: bool,
    bare_returns: bool,
}

/// A jump to a label outside a loop body.
#[derive(Clone, Copy, PartialEq)]
enum Jump {
    Break,
    Continue,
    Goto,
}

/// The range-over-func loops of the function being checked.
#[derive(Default)]
pub(crate) struct RangeFuncs {
    frames: Vec<Frame>,
    /// The enclosing function's results (set by its outermost loop).
    results: Vec<TypeId>,
    /// The outermost loop's body defers: `#dfr` holds the token.
    defers: bool,
    /// Counter for `#stateN` names and jump codes.
    count: i64,
    /// Set for the yield literal whose body is checked next: its labels
    /// are checked with the whole function's (branches.rs).
    pub yield_lit: Option<NodeId>,
    /// The yield literal's body is being entered: skip its label check.
    pub skip_labels: bool,
    /// The label of the statement being checked (for a labeled loop).
    pub label: Option<String>,
    /// The position given to rewritten expressions and declarations:
    /// codegen tells a closure's own variables from captured ones by
    /// position, so a loop's variables are at the `for`, and the yield
    /// literal and its parameters one column after it.
    pos: Pos,
}

/// Code in `#next` for a `return` with values, and for a bare `return`.
const RETURN_VALUES: i64 = -1;
const RETURN_BARE: i64 = -2;

/// Node ids of rewritten code, above any the parser hands out.
const FIRST_SYNTH_ID: u32 = 3_000_000_000;

impl<'a> Checker<'a> {
    fn synth_id(&mut self) -> NodeId {
        if self.gen.synth_ids < FIRST_SYNTH_ID {
            self.gen.synth_ids = FIRST_SYNTH_ID;
        }
        self.gen.synth_ids += 1;
        NodeId(self.gen.synth_ids)
    }
    fn rf_mk(&mut self, kind: ExprKind) -> Expr {
        Expr { id: self.synth_id(), pos: self.rangefunc.pos, kind }
    }
    fn rf_name(&mut self, n: &str) -> Expr {
        self.rf_mk(ExprKind::Ident(n.to_string()))
    }
    fn rf_int(&mut self, v: i64) -> Expr {
        let lit = self.rf_mk(ExprKind::BasicLit { kind: LitKind::Int, raw: v.unsigned_abs().to_string() });
        if v < 0 {
            return self.rf_mk(ExprKind::Unary { op: rgoc_syntax::UnOp::Neg, x: Box::new(lit) });
        }
        lit
    }
    fn rf_binop(&mut self, op: BinOp, x: Expr, y: Expr) -> Expr {
        self.rf_mk(ExprKind::Binary { op, op_pos: Pos::default(), x: Box::new(x), y: Box::new(y) })
    }
    fn rf_ident(&mut self, n: &str) -> ast::Ident {
        ast::Ident { id: self.synth_id(), pos: self.rangefunc.pos, name: n.to_string() }
    }
    fn rf_st(kind: StmtKind) -> Stmt {
        Stmt { pos: Pos::default(), kind }
    }
    fn rf_set(&mut self, var: &str, v: i64) -> Stmt {
        let (l, r) = (self.rf_name(var), self.rf_int(v));
        Self::rf_st(StmtKind::Assign { lhs: vec![l], op: AssignOp::Assign, rhs: vec![r] })
    }
    fn rf_ret_bool(&mut self, b: bool) -> Stmt {
        let v = self.rf_name(if b { "true" } else { "false" });
        Self::rf_st(StmtKind::Return(vec![v]))
    }
    fn rf_block(stmts: Vec<Stmt>) -> Stmt {
        Self::rf_st(StmtKind::Block(Block { pos: Pos::default(), stmts, rbrace: Pos::default() }))
    }
    fn rf_if_eq(&mut self, var: &str, v: i64, then: Vec<Stmt>) -> Stmt {
        let (l, r) = (self.rf_name(var), self.rf_int(v));
        let cond = self.rf_binop(BinOp::Eq, l, r);
        Self::rf_st(StmtKind::If { init: None, cond, then: Block { pos: Pos::default(), stmts: then, rbrace: Pos::default() }, els: None })
    }
    fn rf_var_decl(&mut self, name: &str, t: TypeId) -> Stmt {
        let n = self.rf_ident(name);
        let typ = self.rf_mk(ExprKind::Synth(t.0));
        Self::rf_st(StmtKind::Decl(ast::Decl::Var(vec![ast::ValueSpec {
            pos: Pos::default(),
            names: vec![n],
            typ: Some(typ),
            values: vec![],
            iota: 0,
        }])))
    }

    /// `for key, value := range xe { body }` over function `x`: checks the
    /// rewritten loop and records it for codegen.
    #[allow(clippy::too_many_arguments)] // the parts of the range statement
    pub(crate) fn range_func(
        &mut self,
        s: &Stmt,
        label: Option<&str>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        xe: &Expr,
        ft: TypeId,
        body: &Block,
    ) {
        // func(yield func(K, V) bool), as go/types' rangeKeyVal checks it.
        let Some(sig) = self.types.signature(ft).cloned() else { return };
        let ysig = self.types.signature(sig.params.first().copied().unwrap_or(ids::INVALID)).cloned();
        let cause = if sig.params.len() != 1 {
            Some("wrong argument count")
        } else if !sig.results.is_empty() {
            Some("unexpected results")
        } else {
            match &ysig {
                None => Some("argument is not func"),
                Some(y) if y.params.len() > 2 => Some("yield func has too many parameters"),
                Some(y) if y.results.len() == 1 && y.results[0] != ids::BOOL && self.types.is_boolean(y.results[0]) => {
                    Some("yield func returns user-defined boolean, not bool")
                }
                Some(y) if y.results != [ids::BOOL] => Some("yield func does not return bool"),
                _ => None,
            }
        };
        if let Some(cause) = cause {
            let x = crate::operand::Operand::value(ft);
            self.error(
                xe.pos,
                format!("cannot range over {}: func must be func(yield func(...) bool): {}", self.operand_string(xe, &x), cause),
            );
            return;
        }
        let ysig = ysig.expect("yield signature");
        if ysig.variadic {
            self.error(xe.pos, format!("yield func of type {} cannot be variadic", self.tstr(sig.params[0])));
            return;
        }
        let nvars = key.is_some() as usize + value.is_some() as usize;
        if nvars > ysig.params.len() {
            let extra = if value.is_some() && ysig.params.len() == 1 { value } else { key };
            self.error(
                extra.map(|e| e.pos).unwrap_or(s.pos),
                format!("range over {} permits only {} iteration variable{}", self.expr_string(xe), ysig.params.len(), if ysig.params.len() == 1 { "" } else { "s" }),
            );
            return;
        }
        let outermost = self.rangefunc.frames.is_empty();
        let saved_pos = self.rangefunc.pos;
        let lit_pos = Pos { col: s.pos.col + 1, ..s.pos };
        self.rangefunc.pos = s.pos;
        let mut out: Vec<Stmt> = Vec::new();
        if outermost {
            self.rangefunc.results = self.fctx.last().map(|f| f.sig.results.clone()).unwrap_or_default();
            out.push(self.rf_var_decl("#next", ids::INT));
            for (i, t) in self.rangefunc.results.clone().into_iter().enumerate() {
                out.push(self.rf_var_decl(&format!("#r{}", i), t));
            }
            self.rangefunc.defers = rgoc_syntax::visit::has_defer(&body.stmts);
            if self.rangefunc.defers {
                let l = self.rf_name("#dfr");
                let f = self.rf_name("#deferframe");
                let call = self.rf_mk(ExprKind::Call { fun: Box::new(f), args: vec![], ellipsis: false });
                out.push(Self::rf_st(StmtKind::Assign { lhs: vec![l], op: AssignOp::Define, rhs: vec![call] }));
            }
        }
        self.rangefunc.count += 1;
        let state = format!("#state{}", self.rangefunc.count);
        {
            let (l, r) = (self.rf_name(&state), self.rf_int(1));
            out.push(Self::rf_st(StmtKind::Assign { lhs: vec![l], op: AssignOp::Define, rhs: vec![r] }));
        }
        // The yield function.
        self.rangefunc.pos = lit_pos;
        let mut params = Vec::new();
        let mut pnames = Vec::new();
        for (i, &pt) in ysig.params.iter().enumerate() {
            let n = format!("#p{}", i);
            let id = self.rf_ident(&n);
            let typ = self.rf_mk(ExprKind::Synth(pt.0));
            params.push(ast::Field { pos: Pos::default(), names: vec![id], typ, tag: None, embedded: false, variadic: false });
            pnames.push(n);
        }
        let bool_t = self.rf_mk(ExprKind::Synth(ids::BOOL.0));
        let ysig_ast = ast::FuncType {
            pos: Pos::default(),
            params,
            results: vec![ast::Field { pos: Pos::default(), names: vec![], typ: bool_t, tag: None, embedded: false, variadic: false }],
        };
        let mut ybody = Vec::new();
        {
            let (l, r) = (self.rf_name(&state), self.rf_int(1));
            let cond = self.rf_binop(BinOp::Ne, l, r);
            let (f, a) = (self.rf_name("#panicrange"), self.rf_name(&state));
            let call = self.rf_mk(ExprKind::Call { fun: Box::new(f), args: vec![a], ellipsis: false });
            ybody.push(Self::rf_st(StmtKind::If {
                init: None,
                cond,
                then: Block { pos: Pos::default(), stmts: vec![Self::rf_st(StmtKind::Expr(call))], rbrace: Pos::default() },
                els: None,
            }));
        }
        ybody.push(self.rf_set(&state, 0));
        let vars: Vec<&Expr> = key.into_iter().chain(value).collect();
        if !vars.is_empty() {
            let lhs: Vec<Expr> = vars.iter().map(|e| (*e).clone()).collect();
            let rhs: Vec<Expr> = (0..lhs.len()).map(|i| self.rf_name(&pnames[i])).collect();
            let op = if define { AssignOp::Define } else { AssignOp::Assign };
            ybody.push(Stmt { pos: s.pos, kind: StmtKind::Assign { lhs, op, rhs } });
        }
        ybody.push(Stmt { pos: body.pos, kind: StmtKind::Block(body.clone()) });
        ybody.push(self.rf_set(&state, 1));
        ybody.push(self.rf_ret_bool(true));
        let lit = self.rf_mk(ExprKind::FuncLit {
            sig: ysig_ast,
            body: Block { pos: body.pos, stmts: ybody, rbrace: body.rbrace },
        });
        self.rangefunc.pos = s.pos;
        let call = Expr { id: self.synth_id(), pos: xe.pos, kind: ExprKind::Call { fun: Box::new(xe.clone()), args: vec![lit.clone()], ellipsis: false } };
        let call_stmt = Stmt { pos: s.pos, kind: StmtKind::Expr(call) };
        // Check what precedes the call, then the call with this loop's
        // frame pushed (the body's branches consult it).
        self.open_scope(false);
        for st in &out {
            self.stmt(st);
        }
        let mut inner_labels = HashSet::new();
        collect_labels(&body.stmts, &mut inner_labels);
        self.rangefunc.frames.push(Frame {
            state: state.clone(),
            label: label.map(str::to_string),
            inner_labels,
            jumps: Vec::new(),
            returns: false,
            bare_returns: false,
        });
        self.rangefunc.yield_lit = Some(lit.id);
        self.stmt(&call_stmt);
        let frame = self.rangefunc.frames.pop().expect("frame");
        out.push(call_stmt);
        // After the call: exhausted, then what the body asked for.
        let mut after = vec![self.rf_set(&state, 3)];
        after.extend(self.dispatch(&frame));
        for st in &after {
            self.stmt(st);
        }
        self.close_scope();
        out.extend(after);
        self.rangefunc.pos = saved_pos;
        let mut rw = Self::rf_block(out);
        rw.pos = s.pos;
        self.info.range_rewrites.insert(xe.id, rw);
    }

    /// The statements after a loop's call that carry out a jump or return
    /// its body asked for in `#next`.
    fn dispatch(&mut self, f: &Frame) -> Vec<Stmt> {
        let mut out = Vec::new();
        for (code, l, kind) in f.jumps.clone() {
            let mut then = vec![];
            match self.rangefunc.frames.last_mut() {
                Some(o) if o.label.as_deref() == Some(l.as_str()) && kind != Jump::Goto => {
                    let st = o.state.clone();
                    let cont = kind == Jump::Continue;
                    then.push(self.rf_set("#next", 0));
                    then.push(self.rf_set(&st, if cont { 1 } else { 2 }));
                    then.push(self.rf_ret_bool(cont));
                }
                Some(o) if !o.inner_labels.contains(&l) => {
                    o.jumps.push((code, l.clone(), kind));
                    let st = o.state.clone();
                    then.push(self.rf_set(&st, 2));
                    then.push(self.rf_ret_bool(false));
                }
                _ => {
                    // The label is in this function or in the enclosing
                    // loop's body: jump there.
                    then.push(self.rf_set("#next", 0));
                    let id = self.rf_ident(&l);
                    then.push(Self::rf_st(match kind {
                        Jump::Break => StmtKind::Break(Some(id)),
                        Jump::Continue => StmtKind::Continue(Some(id)),
                        Jump::Goto => StmtKind::Goto(id),
                    }));
                }
            }
            out.push(self.rf_if_eq("#next", code, then));
        }
        if f.returns || f.bare_returns {
            match self.rangefunc.frames.last_mut() {
                Some(o) => {
                    o.returns |= f.returns;
                    o.bare_returns |= f.bare_returns;
                    let st = o.state.clone();
                    let (l, r) = (self.rf_name("#next"), self.rf_int(0));
                    let cond = self.rf_binop(BinOp::Ne, l, r);
                    let then = vec![self.rf_set(&st, 2), self.rf_ret_bool(false)];
                    out.push(Self::rf_st(StmtKind::If { init: None, cond, then: Block { pos: Pos::default(), stmts: then, rbrace: Pos::default() }, els: None }));
                }
                None => {
                    let n = self.rangefunc.results.len();
                    let vals: Vec<Expr> = (0..n).map(|i| self.rf_name(&format!("#r{}", i))).collect();
                    if f.returns {
                        let ret = Self::rf_st(StmtKind::Return(vals));
                        out.push(self.rf_if_eq("#next", RETURN_VALUES, vec![ret]));
                    }
                    if f.bare_returns {
                        let bare = Self::rf_st(StmtKind::Return(vec![]));
                        out.push(self.rf_if_eq("#next", RETURN_BARE, vec![bare]));
                    }
                }
            }
        }
        out
    }

    /// Inside a range-over-func body: the replacement of branch or return
    /// statement `s`, checked and recorded, or false when `s` stays as it
    /// is (it does not leave the body).
    pub(crate) fn rangefunc_branch(&mut self, s: &Stmt) -> bool {
        if self.rangefunc.frames.is_empty() || s.pos == Pos::default() {
            return false;
        }
        let top = self.rangefunc.frames.last().expect("frame");
        let state = top.state.clone();
        let in_loop = self.ctx.iter().any(|c| matches!(c, crate::stmt::Ctx::Loop));
        let in_breakable = !self.ctx.is_empty();
        let rw: Vec<Stmt> = match &s.kind {
            StmtKind::Break(None) if !in_breakable => vec![self.rf_set(&state, 2), self.rf_ret_bool(false)],
            StmtKind::Continue(None) if !in_loop => vec![self.rf_set(&state, 1), self.rf_ret_bool(true)],
            StmtKind::Break(Some(l)) | StmtKind::Continue(Some(l)) => {
                let cont = matches!(s.kind, StmtKind::Continue(_));
                if top.inner_labels.contains(&l.name) {
                    return false;
                }
                if top.label.as_deref() == Some(l.name.as_str()) {
                    vec![self.rf_set(&state, if cont { 1 } else { 2 }), self.rf_ret_bool(cont)]
                } else {
                    self.rangefunc.count += 1;
                    let code = self.rangefunc.count;
                    let top = self.rangefunc.frames.last_mut().expect("frame");
                    top.jumps.push((code, l.name.clone(), if cont { Jump::Continue } else { Jump::Break }));
                    vec![self.rf_set("#next", code), self.rf_set(&state, 2), self.rf_ret_bool(false)]
                }
            }
            StmtKind::Return(results) => {
                let mut v = Vec::new();
                let code = if results.is_empty() && !self.rangefunc.results.is_empty() { RETURN_BARE } else { RETURN_VALUES };
                if !results.is_empty() {
                    let n = self.rangefunc.results.len();
                    let lhs: Vec<Expr> = (0..n).map(|i| self.rf_name(&format!("#r{}", i))).collect();
                    v.push(Stmt { pos: s.pos, kind: StmtKind::Assign { lhs, op: AssignOp::Assign, rhs: results.clone() } });
                }
                v.push(self.rf_set("#next", code));
                v.push(self.rf_set(&state, 2));
                v.push(self.rf_ret_bool(false));
                let top = self.rangefunc.frames.last_mut().expect("frame");
                if code == RETURN_BARE {
                    top.bare_returns = true;
                } else {
                    top.returns = true;
                }
                v
            }
            StmtKind::Goto(l) if !top.inner_labels.contains(&l.name) => {
                self.rangefunc.count += 1;
                let code = self.rangefunc.count;
                let top = self.rangefunc.frames.last_mut().expect("frame");
                top.jumps.push((code, l.name.clone(), Jump::Goto));
                vec![self.rf_set("#next", code), self.rf_set(&state, 2), self.rf_ret_bool(false)]
            }
            StmtKind::Defer(call) => {
                let (f, token) = (self.rf_name("#deferat"), self.rf_name("#dfr"));
                let c = Expr { id: self.synth_id(), pos: s.pos, kind: ExprKind::Call { fun: Box::new(f), args: vec![token, call.clone()], ellipsis: false } };
                vec![Stmt { pos: s.pos, kind: StmtKind::Expr(c) }]
            }
            _ => return false,
        };
        let b = Self::rf_block(rw);
        self.stmt(&b);
        self.info.branch_rewrites.insert(s.pos, b);
        true
    }

    /// Whether the function literal `e` is a loop body's yield function.
    pub(crate) fn take_yield_lit(&mut self, e: &Expr) -> bool {
        if self.rangefunc.yield_lit == Some(e.id) {
            self.rangefunc.yield_lit = None;
            return true;
        }
        false
    }
}

/// The labels declared by statements in `stmts` (not inside function
/// literals, which have their own).
fn collect_labels(stmts: &[Stmt], out: &mut HashSet<String>) {
    for s in stmts {
        match &s.kind {
            StmtKind::Labeled { label, stmt } => {
                out.insert(label.name.clone());
                collect_labels(std::slice::from_ref(stmt), out);
            }
            StmtKind::Block(b) => collect_labels(&b.stmts, out),
            StmtKind::If { then, els, .. } => {
                collect_labels(&then.stmts, out);
                if let Some(e) = els {
                    collect_labels(std::slice::from_ref(e), out);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => collect_labels(&body.stmts, out),
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                for c in body {
                    collect_labels(&c.body, out);
                }
            }
            StmtKind::Select { body } => {
                for c in body {
                    collect_labels(&c.body, out);
                }
            }
            _ => {}
        }
    }
}
