//! A conservative escape analysis over one package's function bodies
//! (issue 16): which address-taken local variables may stay in their
//! function's stack frame instead of getting a heap box.
//!
//! The checker marks a variable `escapes` when its address is taken (`&v`,
//! a pointer-method call on it, slicing it as an array) or a closure
//! captures it. A variable keeps its box unless every place its address
//! is taken passes that address straight to a parameter that does not
//! escape (a direct, static call of a non-generic function or method of
//! this package with a body, not `go` or `defer`), or only copies out of
//! it (`string(a[:n])`, `copy`, `len`). A parameter does not escape when
//! its value is only dereferenced (loads and stores through it), compared,
//! measured, or itself passed to such a parameter; every other use (stored
//! anywhere, returned, converted, captured, sent, put in an interface or a
//! composite literal, called through a func value, appended to ...) makes
//! it escape. Parameter summaries are a fixpoint over the package
//! (recursion included: parameters start as not escaping and only ever
//! become escaping, so the result is the greatest consistent assignment).
//!
//! Whatever the walk does not recognise counts as escaping. Functions with
//! `defer` or a range-over-func loop, closures (anything referenced inside
//! a function literal) and generic code are left alone.
//!
//! Why a stack address may then be used this way: such a pointer is only
//! ever held in the frames of the callees it is passed to (registers and
//! stack slots), never in heap objects or globals, so copying a stack
//! (which adjusts every word of the moved stack pointing into it) moves it
//! correctly, and the collector (which ignores addresses outside the heap
//! arena) never sees it in a heap object.

use std::collections::{HashMap, HashSet};

use rgoc_syntax::ast::{self, Block, Decl, Expr, ExprKind, Stmt, StmtKind, UnOp};
use rgoc_types::{Builtin, Checked, Info, Mode, ObjId, ObjKind, SelectionKind, Type};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The value may be kept beyond the expression: stored, returned, ...
    Escape,
    /// The value is only looked through or compared; it is not kept.
    Safe,
}

struct FnInfo<'a> {
    fd: &'a ast::FuncDecl,
    /// Receiver (for methods) then parameters, in order; None for
    /// unnamed or `_` parameters.
    params: Vec<Option<ObjId>>,
    variadic: bool,
}

/// The analysis result: local variables that need no heap box.
pub(crate) fn stack_vars(c: &Checked, info: &Info, files: &[ast::File]) -> HashSet<ObjId> {
    let mut fns: HashMap<ObjId, FnInfo> = HashMap::new();
    for f in files {
        for d in &f.decls {
            let Decl::Func(fd) = d else { continue };
            if fd.body.is_none() || !fd.type_params.is_empty() {
                continue;
            }
            let Some(&o) = info.defs.get(&fd.name.id) else { continue };
            let obj = c.objs.get(o);
            if !obj.tparams.is_empty() || obj.inst.is_some() {
                continue;
            }
            if let Some(b) = obj.recv_base {
                if c.types.named_info(b).is_some_and(|n| !n.tparams.is_empty()) {
                    continue;
                }
            }
            let mut params = Vec::new();
            let fields = fd.recv.iter().chain(fd.sig.params.iter());
            for fl in fields {
                if fl.names.is_empty() {
                    params.push(None);
                }
                for n in &fl.names {
                    params.push(info.defs.get(&n.id).copied());
                }
            }
            let variadic = match c.types.under(obj.typ) {
                Type::Func(sig) => sig.variadic,
                _ => true,
            };
            fns.insert(o, FnInfo { fd, params, variadic });
        }
    }
    // Parameter summaries: escaping parameters, grown to a fixpoint.
    let mut escaping: HashSet<ObjId> = HashSet::new();
    loop {
        let mut changed = false;
        let mut next = escaping.clone();
        for fi in fns.values() {
            let mut w = Walk::new(c, info, &fns, &escaping, fi);
            w.run(fi.fd);
            for p in fi.params.iter().flatten() {
                if (w.abort || w.param_escapes.contains(p)) && next.insert(*p) {
                    changed = true;
                }
            }
        }
        escaping = next;
        if !changed {
            break;
        }
    }
    let mut out = HashSet::new();
    for fi in fns.values() {
        let mut w = Walk::new(c, info, &fns, &escaping, fi);
        w.run(fi.fd);
        if w.abort {
            continue;
        }
        for v in &w.declared {
            if !w.unsafe_vars.contains(v) {
                out.insert(*v);
            }
        }
    }
    out
}

struct Walk<'w, 'a> {
    c: &'w Checked,
    info: &'w Info,
    fns: &'w HashMap<ObjId, FnInfo<'a>>,
    escaping: &'w HashSet<ObjId>,
    params: HashSet<ObjId>,
    /// Nesting depth of function literals.
    depth: usize,
    abort: bool,
    param_escapes: HashSet<ObjId>,
    /// Address-taken local variables declared in the body.
    declared: HashSet<ObjId>,
    unsafe_vars: HashSet<ObjId>,
}

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        _ => e,
    }
}

impl<'w, 'a> Walk<'w, 'a> {
    fn new(
        c: &'w Checked,
        info: &'w Info,
        fns: &'w HashMap<ObjId, FnInfo<'a>>,
        escaping: &'w HashSet<ObjId>,
        fi: &FnInfo,
    ) -> Self {
        let mut params = HashSet::new();
        let mut param_escapes = HashSet::new();
        for p in fi.params.iter().flatten() {
            params.insert(*p);
            if c.objs.get(*p).escapes {
                // Its address is taken or a closure captures it.
                param_escapes.insert(*p);
            }
        }
        Walk {
            c,
            info,
            fns,
            escaping,
            params,
            depth: 0,
            abort: false,
            param_escapes,
            declared: HashSet::new(),
            unsafe_vars: HashSet::new(),
        }
    }

    fn run(&mut self, fd: &ast::FuncDecl) {
        if let Some(b) = &fd.body {
            self.block(b);
        }
    }

    fn under(&self, e: &Expr) -> &'w Type {
        let t = self.info.type_of(strip(e));
        self.c.types.under(t)
    }

    /// A use of the object named by identifier node `id`.
    fn ident(&mut self, id: rgoc_syntax::NodeId, ctx: Ctx) {
        let o = match self.info.uses.get(&id).or_else(|| self.info.defs.get(&id)) {
            Some(&o) => o,
            None => return,
        };
        let obj = self.c.objs.get(o);
        let ObjKind::Var { global, param } = obj.kind else { return };
        if global {
            return;
        }
        if self.params.contains(&o) {
            if ctx == Ctx::Escape || self.depth > 0 {
                self.param_escapes.insert(o);
            }
            return;
        }
        if param || !obj.escapes {
            return;
        }
        if self.info.defs.get(&id) == Some(&o) {
            self.declared.insert(o);
        }
        if self.depth > 0 {
            self.unsafe_vars.insert(o);
        }
    }

    /// The address of the variable (or part of it) denoted by `e` is used
    /// in `ctx`.
    fn addr(&mut self, e: &Expr, ctx: Ctx) {
        let e = strip(e);
        match &e.kind {
            ExprKind::Ident(_) => {
                self.ident(e.id, Ctx::Safe);
                if ctx == Ctx::Escape {
                    if let Some(&o) = self.info.uses.get(&e.id) {
                        if self.params.contains(&o) {
                            self.param_escapes.insert(o);
                        } else {
                            self.unsafe_vars.insert(o);
                        }
                    }
                }
            }
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    if sel.indirect {
                        self.expr(x, ctx);
                    } else {
                        self.addr(x, ctx);
                    }
                }
                _ => self.expr(e, Ctx::Escape),
            },
            ExprKind::Index { x, indices } => {
                for i in indices {
                    self.expr(i, Ctx::Escape);
                }
                match self.under(x) {
                    Type::Array(..) => self.addr(x, ctx),
                    _ => self.expr(x, ctx),
                }
            }
            ExprKind::Star(x) => self.expr(x, ctx),
            _ => self.expr(e, Ctx::Escape),
        }
    }

    fn exprs(&mut self, es: &[Expr], ctx: Ctx) {
        for e in es {
            self.expr(e, ctx);
        }
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        match &e.kind {
            ExprKind::Ident(_) => self.ident(e.id, ctx),
            ExprKind::BasicLit { .. } => {}
            ExprKind::CompositeLit { elts, .. } => {
                for el in elts {
                    if let Some(k) = &el.key {
                        self.expr(k, Ctx::Escape);
                    }
                    self.expr(&el.value, Ctx::Escape);
                }
            }
            ExprKind::FuncLit { body, .. } => {
                self.depth += 1;
                self.block(body);
                self.depth -= 1;
            }
            ExprKind::Paren(x) => self.expr(x, ctx),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                None => {} // a qualified identifier pkg.Name
                Some(sel) => match sel.kind {
                    SelectionKind::FieldVal => {
                        if sel.indirect {
                            self.expr(x, Ctx::Safe);
                        } else {
                            self.expr(x, ctx);
                        }
                    }
                    SelectionKind::MethodVal => {
                        // A method value binds its receiver.
                        self.recv(x, sel.obj, !sel.path.is_empty(), Ctx::Escape);
                    }
                    SelectionKind::MethodExpr => {}
                },
            },
            ExprKind::Index { x, indices } => {
                if self.info.instances.contains_key(&e.id) {
                    return;
                }
                self.exprs(indices, Ctx::Escape);
                match self.under(x) {
                    Type::Array(..) => self.expr(x, ctx),
                    _ => self.expr(x, Ctx::Safe),
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b, Ctx::Escape);
                }
                match self.under(x) {
                    Type::Array(..) => self.addr(x, ctx),
                    _ => self.expr(x, ctx),
                }
            }
            ExprKind::TypeAssert { x, .. } => self.expr(x, Ctx::Escape),
            ExprKind::Call { .. } => self.call(e, false),
            ExprKind::Star(x) => {
                if self.info.tv(e).is_some_and(|tv| tv.mode == Mode::Type) {
                    return;
                }
                self.expr(x, Ctx::Safe)
            }
            ExprKind::Unary { op, x } => match op {
                UnOp::Addr => self.addr(x, ctx),
                _ => self.expr(x, Ctx::Safe),
            },
            ExprKind::Binary { x, y, .. } => {
                self.expr(x, Ctx::Safe);
                self.expr(y, Ctx::Safe);
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::Bad => {}
            ExprKind::Synth(_) => self.abort = true,
        }
    }

    /// The receiver `x` of method `m` is passed to it in `ctx`
    /// (`promoted`: through embedded fields).
    fn recv(&mut self, x: &Expr, m: Option<ObjId>, promoted: bool, ctx: Ctx) {
        let ctx = if promoted { Ctx::Escape } else { ctx };
        let ptr_recv = m.is_some_and(|m| self.c.objs.get(m).ptr_recv);
        let x_ptr = matches!(self.under(x), Type::Pointer(_));
        match (ptr_recv, x_ptr) {
            (true, false) => self.addr(x, ctx),
            (true, true) => self.expr(x, ctx),
            (false, true) => self.expr(x, if promoted { Ctx::Escape } else { Ctx::Safe }),
            (false, false) => self.expr(x, Ctx::Safe),
        }
    }

    fn call(&mut self, e: &Expr, go_defer: bool) {
        let ExprKind::Call { fun, args, ellipsis } = &e.kind else {
            self.expr(e, Ctx::Escape);
            return;
        };
        let f = strip(fun);
        // Conversions.
        if self.info.tv(f).is_some_and(|tv| tv.mode == Mode::Type) {
            let to_string = matches!(self.c.types.under(self.info.type_of(e)), Type::Basic(_));
            for a in args {
                let from_slice = matches!(self.under(a), Type::Slice(_));
                self.expr(a, if to_string && from_slice && !go_defer { Ctx::Safe } else { Ctx::Escape });
            }
            return;
        }
        // Builtins.
        let builtin = match &f.kind {
            ExprKind::Ident(_) => self.info.uses.get(&f.id),
            ExprKind::Selector { sel, .. } => self.info.uses.get(&sel.id),
            _ => None,
        }
        .and_then(|&o| match self.c.objs.get(o).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        });
        if let Some(b) = builtin {
            if go_defer {
                self.exprs(args, Ctx::Escape);
                return;
            }
            match b {
                Builtin::Len | Builtin::Cap | Builtin::Copy | Builtin::Clear | Builtin::Close => {
                    self.exprs(args, Ctx::Safe)
                }
                Builtin::Append => {
                    for (i, a) in args.iter().enumerate() {
                        let ctx = if i == 1 && *ellipsis { Ctx::Safe } else { Ctx::Escape };
                        self.expr(a, ctx);
                    }
                }
                _ => self.exprs(args, Ctx::Escape),
            }
            return;
        }
        // A static call of a function or method of this package.
        let mut callee: Option<&FnInfo> = None;
        let mut method_recv: Option<(&Expr, Option<ObjId>, bool)> = None;
        match &f.kind {
            ExprKind::Ident(_) if !self.info.instances.contains_key(&f.id) => {
                if let Some(&o) = self.info.uses.get(&f.id) {
                    if matches!(self.c.objs.get(o).kind, ObjKind::Func) {
                        callee = self.fns.get(&o);
                    }
                }
            }
            ExprKind::Selector { x, .. } => {
                if let Some(sel) = self.info.selections.get(&f.id) {
                    if sel.kind == SelectionKind::MethodVal {
                        let promoted = !sel.path.is_empty();
                        if sel.iface_index.is_none() && !self.info.instances.contains_key(&f.id) {
                            callee = sel.obj.and_then(|m| self.fns.get(&m));
                        }
                        method_recv = Some((x, sel.obj, promoted));
                    }
                } else if let Some(&o) = self.info.uses.get(&f.id).or_else(|| match &f.kind {
                    ExprKind::Selector { sel, .. } => self.info.uses.get(&sel.id),
                    _ => None,
                }) {
                    if matches!(self.c.objs.get(o).kind, ObjKind::Func) {
                        callee = self.fns.get(&o);
                    }
                }
            }
            _ => {}
        }
        if go_defer {
            callee = None;
        }
        let param_ctx = |w: &Self, i: usize| -> Ctx {
            let Some(fi) = callee else { return Ctx::Escape };
            if fi.variadic && i + 1 >= fi.params.len() {
                return Ctx::Escape;
            }
            match fi.params.get(i) {
                Some(Some(p)) if !w.escaping.contains(p) => Ctx::Safe,
                Some(None) => Ctx::Safe,
                _ => Ctx::Escape,
            }
        };
        let first_arg = match method_recv {
            Some((x, m, promoted)) => {
                // A method call: the receiver is parameter 0 when the
                // callee is known.
                let ctx = if callee.is_some() { param_ctx(self, 0) } else { Ctx::Escape };
                self.recv(x, m, promoted, ctx);
                1
            }
            None => {
                if callee.is_none() {
                    self.expr(fun, Ctx::Escape);
                }
                0
            }
        };
        let nparams = callee.map_or(0, |fi| fi.params.len());
        // `f(g())` with g returning several values: the arity differs and
        // everything escapes.
        let arity_ok = callee.is_some_and(|fi| args.len() + first_arg == nparams || (fi.variadic && !*ellipsis));
        for (i, a) in args.iter().enumerate() {
            let ctx = if arity_ok { param_ctx(self, i + first_arg) } else { Ctx::Escape };
            self.expr(a, ctx);
        }
    }

    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    /// `e` is assigned to.
    fn target(&mut self, e: &Expr) {
        let e = strip(e);
        match &e.kind {
            ExprKind::Ident(_) => self.ident(e.id, Ctx::Safe),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                None => {}
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    if sel.indirect {
                        self.expr(x, Ctx::Safe);
                    } else {
                        self.target(x);
                    }
                }
                Some(_) => self.expr(e, Ctx::Escape),
            },
            ExprKind::Index { x, indices } => {
                self.exprs(indices, Ctx::Escape);
                match self.under(x) {
                    Type::Array(..) => self.target(x),
                    _ => self.expr(x, Ctx::Safe),
                }
            }
            ExprKind::Star(x) => self.expr(x, Ctx::Safe),
            _ => self.expr(e, Ctx::Escape),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Decl(d) => match d {
                Decl::Var(specs) => {
                    for sp in specs {
                        for n in &sp.names {
                            self.ident(n.id, Ctx::Safe);
                        }
                        self.exprs(&sp.values, Ctx::Escape);
                    }
                }
                Decl::Const(_) | Decl::Type(_) => {}
                Decl::Func(_) => self.abort = true,
            },
            StmtKind::Empty
            | StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Goto(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => self.expr(e, Ctx::Safe),
            StmtKind::Send { ch, value } => {
                self.expr(ch, Ctx::Safe);
                self.expr(value, Ctx::Escape);
            }
            StmtKind::IncDec { x, .. } => self.target(x),
            StmtKind::Assign { lhs, rhs, .. } => {
                for l in lhs {
                    self.target(l);
                }
                self.exprs(rhs, Ctx::Escape);
            }
            StmtKind::Go(e) => self.call(e, true),
            StmtKind::Defer(e) => {
                self.abort = true;
                self.call(e, true);
            }
            StmtKind::Return(xs) => self.exprs(xs, Ctx::Escape),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond, Ctx::Safe);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, body, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t, Ctx::Safe);
                }
                for cl in body {
                    self.exprs(&cl.exprs, Ctx::Safe);
                    self.stmts(&cl.body);
                }
            }
            StmtKind::TypeSwitch { init, x, body, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(x, Ctx::Escape);
                for cl in body {
                    self.stmts(&cl.body);
                }
            }
            StmtKind::Select { body } => {
                for cl in body {
                    if let Some(c) = &cl.comm {
                        self.stmt(c);
                    }
                    self.stmts(&cl.body);
                }
            }
            StmtKind::For { init, cond, post, body } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c, Ctx::Safe);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
            }
            StmtKind::Range { key, value, define, x, body } => {
                if matches!(self.under(x), Type::Func(_)) || self.info.range_rewrites.contains_key(&x.id) {
                    self.abort = true;
                }
                for k in [key, value].into_iter().flatten() {
                    if *define {
                        self.ident(k.id, Ctx::Safe);
                    } else {
                        self.target(k);
                    }
                }
                self.expr(x, Ctx::Safe);
                self.block(body);
            }
        }
    }
}
