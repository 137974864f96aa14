//! Escape analysis of address-taken local variables and `&T{...}`
//! objects over one package's function bodies (issue 16): which of them
//! may stay in their function's stack frame instead of the heap.
//!
//! The checker marks a variable `escapes` when its address is taken (`&v`,
//! a pointer-method call on it, slicing it as an array) or a closure
//! captures it. This analysis is gc's (cmd/compile/internal/escape), cut
//! down: each function body becomes a graph of flows between locations,
//! its local variables (parameters and results included) and the heap.
//! An edge `dst <- src (derefs)` says that `src`'s value, dereferenced
//! `derefs` times (-1: its address), is stored into `dst`. Expressions are
//! walked with a "hole", the place their value goes: `&x` into hole `k`
//! is `x` into `k` with one dereference less, `*p` and `p.f` through a
//! pointer one more; stores through pointers, into globals, into heap
//! objects (composite literals behind `&`, slices, maps, closures,
//! interface boxes), channel sends, results, `go` and arguments of calls
//! the analysis does not know all go to the heap. Values whose type holds
//! no pointers flow nowhere.
//!
//! A candidate (an address-taken local declared in the body, or the object
//! of a `&T{...}` there, an allocation site treated as a variable declared
//! where the literal is; not in a closure, at most 64 KiB) stays in the
//! frame unless:
//! - walking the graph backwards from the heap reaches it with derefs -1
//!   (its address is stored in the heap); boxed variables (non-candidates
//!   and candidates found escaping) count as heap: what flows into them
//!   flows into the heap, so the walk is repeated until nothing changes;
//! - its address is stored in another local that outlives it: one declared
//!   at a smaller loop depth (the variable is one alloca for every
//!   iteration, Go gives each iteration its own), or any local (itself
//!   included) when it is a 3-clause loop variable (each iteration's copy
//!   is made from the previous one), or any other local when the function
//!   has `goto`.
//!
//! Calls of functions and methods of this package (static, not generic,
//! with a body, not `go`/`defer`) use the callee's summary: for each
//! parameter, the fewest dereferences at which its value reaches the heap
//! (none: it does not leak), read off the same backward walk. Summaries
//! are a least fixpoint over the package (recursion included: parameters
//! start as not leaking and leak more as the callers are re-walked).
//! Results of calls and values loaded from the heap are heap values: a
//! function returning its parameter leaks it.
//!
//! Whatever the walk does not recognise goes to the heap. Functions with
//! `defer` or a range-over-func loop leak everything; everything a closure
//! references is captured by reference into the heap.
//!
//! Why a stack address may then be used this way: such a pointer is only
//! ever held in the frames (registers, stack slots, frame variables) of
//! the function and of the callees it is passed to, never in heap objects
//! or globals, so copying a stack (which adjusts every word of the moved
//! stack pointing into it) moves it correctly, and the collector (which
//! scans stacks conservatively and ignores addresses outside the heap
//! arena) never sees it in a heap object. Codegen must box exactly the
//! variables this analysis does not return: a box the analysis did not
//! expect could receive a pointer into the frame.

use std::collections::{HashMap, HashSet};

use rgoc_syntax::ast::{self, AssignOp, Block, Decl, Expr, ExprKind, Stmt, StmtKind, UnOp};
use rgoc_types::{ids, BasicKind, Builtin, Checked, Info, Mode, ObjId, ObjKind, SelectionKind, Type, TypeId};

/// Largest frame variable (gc's limit for implicit stack variables).
pub(crate) const MAX_STACK_VAR: u64 = 64 << 10;

/// Dereference counts above this are all "some dereference".
const MAX_DEREFS: i32 = 4;

/// Allocation sites `&T{...}` are locations too, named by an ObjId with
/// this bit set over the literal's NodeId (unique in the program; no
/// checker object has an id this large).
const ALLOC_SITE: u32 = 1 << 31;

/// The location of the object `&T{...}` allocates, for literal node `id`.
pub(crate) fn alloc_site(id: rgoc_syntax::NodeId) -> ObjId {
    ObjId(ALLOC_SITE | id.0)
}

/// Whether `o` is an allocation site rather than a variable.
pub(crate) fn is_alloc_site(o: ObjId) -> bool {
    o.0 & ALLOC_SITE != 0
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Loc {
    Discard,
    Heap,
    Var(ObjId),
}

/// Where a value goes: `loc`, after `derefs` dereferences of it.
#[derive(Clone, Copy, Debug)]
struct Hole {
    loc: Loc,
    derefs: i32,
}

const DISCARD: Hole = Hole { loc: Loc::Discard, derefs: 0 };
const HEAP: Hole = Hole { loc: Loc::Heap, derefs: 0 };

impl Hole {
    fn deref(self) -> Hole {
        Hole { derefs: (self.derefs + 1).min(MAX_DEREFS), ..self }
    }
    fn addr(self) -> Hole {
        Hole { derefs: self.derefs - 1, ..self }
    }
}

struct FnInfo<'a> {
    fd: &'a ast::FuncDecl,
    /// Receiver (for methods) then parameters, in order; None for
    /// unnamed or `_` parameters.
    params: Vec<Option<ObjId>>,
    /// Their types.
    param_types: Vec<TypeId>,
    variadic: bool,
}

/// The analysis result: address-taken local variables that need no heap
/// box. `big(t)`: values of type `t` are too large for a frame.
pub(crate) fn stack_vars(
    c: &Checked,
    info: &Info,
    files: &[ast::File],
    big: &mut dyn FnMut(TypeId) -> bool,
) -> HashSet<ObjId> {
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
            let Type::Func(sig) = c.types.under(obj.typ) else { continue };
            let mut params = Vec::new();
            let mut param_types = Vec::new();
            for fl in fd.recv.iter() {
                let t = info.type_of(&fl.typ);
                if fl.names.is_empty() {
                    params.push(None);
                    param_types.push(t);
                }
                for n in &fl.names {
                    params.push(info.defs.get(&n.id).copied());
                    param_types.push(t);
                }
            }
            let recvs = params.len();
            for fl in &fd.sig.params {
                for _ in 0..fl.names.len().max(1) {
                    let i = param_types.len() - recvs;
                    param_types.push(sig.params.get(i).copied().unwrap_or(ids::INVALID));
                }
                if fl.names.is_empty() {
                    params.push(None);
                }
                for n in &fl.names {
                    params.push(info.defs.get(&n.id).copied());
                }
            }
            fns.insert(o, FnInfo { fd, params, param_types, variadic: sig.variadic });
        }
    }
    // Big variables, by type (the callback is the codegen's layout).
    let mut bigs: HashMap<TypeId, bool> = HashMap::new();
    let mut is_big = |t: TypeId| *bigs.entry(t).or_insert_with(|| big(t));
    // Parameter summaries, grown to a fixpoint.
    let mut leaks: HashMap<ObjId, i32> = HashMap::new();
    let mut order: Vec<&ObjId> = fns.keys().collect();
    order.sort();
    loop {
        let mut changed = false;
        for o in &order {
            let fi = &fns[o];
            let r = analyze(c, info, &fns, &leaks, fi, &mut is_big);
            for (p, d) in r.leaks {
                let e = leaks.entry(p).or_insert(i32::MAX);
                if d < *e {
                    *e = d;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = HashSet::new();
    for o in &order {
        out.extend(analyze(c, info, &fns, &leaks, &fns[o], &mut is_big).stack);
    }
    out
}

struct Result {
    /// Parameters that leak, with the fewest dereferences.
    leaks: Vec<(ObjId, i32)>,
    stack: Vec<ObjId>,
}

fn analyze(
    c: &Checked,
    info: &Info,
    fns: &HashMap<ObjId, FnInfo>,
    leaks: &HashMap<ObjId, i32>,
    fi: &FnInfo,
    big: &mut dyn FnMut(TypeId) -> bool,
) -> Result {
    let mut w = Walk {
        c,
        info,
        fns,
        leaks,
        big,
        depth: 0,
        loop_depth: 0,
        in_for_init: false,
        abort: false,
        has_goto: false,
        edges: Vec::new(),
        locals: HashMap::new(),
        candidates: HashSet::new(),
        looped: HashSet::new(),
    };
    let params: Vec<ObjId> = fi.params.iter().flatten().copied().collect();
    for &p in &params {
        w.locals.insert(p, 0);
        // An address-taken parameter may stay in the frame like a local
        // (reflect.ValueOf's `(*emptyInterface)(unsafe.Pointer(&i))`).
        let obj = c.objs.get(p);
        if obj.escapes && !(w.big)(obj.typ) {
            w.candidates.insert(p);
        }
    }
    for fl in &fi.fd.sig.results {
        for n in &fl.names {
            if let Some(&r) = info.defs.get(&n.id) {
                // Named results are returned: they flow to the heap.
                w.locals.insert(r, 0);
                w.edges.push((Loc::Heap, r, 0));
            }
        }
    }
    if let Some(b) = &fi.fd.body {
        w.block(b);
    }
    if w.abort {
        return Result { leaks: params.iter().map(|&p| (p, 0)).collect(), stack: Vec::new() };
    }
    w.solve(&params)
}

struct Walk<'w, 'a> {
    c: &'w Checked,
    info: &'w Info,
    fns: &'w HashMap<ObjId, FnInfo<'a>>,
    leaks: &'w HashMap<ObjId, i32>,
    big: &'w mut dyn FnMut(TypeId) -> bool,
    /// Nesting depth of function literals.
    depth: usize,
    loop_depth: u32,
    /// Walking the init statement of a 3-clause loop.
    in_for_init: bool,
    abort: bool,
    has_goto: bool,
    /// dst <- src (derefs).
    edges: Vec<(Loc, ObjId, i32)>,
    /// Local variables declared in the body (and the parameters and
    /// results), with their loop depth.
    locals: HashMap<ObjId, u32>,
    candidates: HashSet<ObjId>,
    /// 3-clause loop variables.
    looped: HashSet<ObjId>,
}

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        _ => e,
    }
}

impl<'w, 'a> Walk<'w, 'a> {
    // ---- solving ----

    /// Minimum dereferences from `root` to every location that flows into
    /// it (gc's walkOne): a location whose address flows (derefs < 0)
    /// passes on its value, not its address (`root = &l; l = x`).
    fn walk_from(adj: &HashMap<Loc, Vec<(ObjId, i32)>>, root: Loc) -> HashMap<ObjId, i32> {
        let mut dist: HashMap<ObjId, i32> = HashMap::new();
        let mut todo: Vec<(Loc, i32)> = vec![(root, 0)];
        while let Some((l, d)) = todo.pop() {
            if let Loc::Var(v) = l {
                if dist.get(&v).is_some_and(|&old| old < d) {
                    continue;
                }
            }
            let base = d.max(0);
            for &(src, ed) in adj.get(&l).map(Vec::as_slice).unwrap_or(&[]) {
                let nd = (base + ed).min(MAX_DEREFS);
                if dist.get(&src).is_none_or(|&old| nd < old) {
                    dist.insert(src, nd);
                    todo.push((Loc::Var(src), nd));
                }
            }
        }
        dist
    }

    fn solve(&mut self, params: &[ObjId]) -> Result {
        let mut adj: HashMap<Loc, Vec<(ObjId, i32)>> = HashMap::new();
        let mut seen: HashSet<ObjId> = HashSet::new();
        for &(dst, src, d) in &self.edges {
            adj.entry(dst).or_default().push((src, d));
            seen.insert(src);
            if let Loc::Var(v) = dst {
                seen.insert(v);
            }
        }
        // Boxed variables are heap memory: what flows into them flows into
        // the heap.
        let mut boxed: HashSet<ObjId> = seen
            .iter()
            .copied()
            .filter(|&v| (is_alloc_site(v) || self.c.objs.get(v).escapes) && !self.candidates.contains(&v))
            .collect();
        let roots: Vec<ObjId> = {
            let mut r: Vec<ObjId> =
                adj.keys().filter_map(|l| if let Loc::Var(v) = l { Some(*v) } else { None }).collect();
            r.sort();
            r
        };
        loop {
            let mut a = adj.clone();
            for &b in &boxed {
                a.entry(Loc::Heap).or_default().push((b, 0));
            }
            let from_heap = Self::walk_from(&a, Loc::Heap);
            let mut newly: Vec<ObjId> = Vec::new();
            for (&v, &d) in &from_heap {
                if d < 0 && self.candidates.contains(&v) && !boxed.contains(&v) {
                    newly.push(v);
                }
            }
            if newly.is_empty() && !self.candidates.is_empty() {
                for &r in &roots {
                    let rd = self.locals.get(&r).copied().unwrap_or(0);
                    for (&v, &d) in &Self::walk_from(&a, Loc::Var(r)) {
                        // A 3-clause loop variable's next iteration is a copy
                        // of it: even its own address in it is the previous
                        // iteration's.
                        let itself = v == r && !self.looped.contains(&v);
                        if d >= 0 || itself || !self.candidates.contains(&v) || boxed.contains(&v) {
                            continue;
                        }
                        let vd = self.locals.get(&v).copied().unwrap_or(0);
                        if self.has_goto || self.looped.contains(&v) || vd > rd {
                            newly.push(v);
                        }
                    }
                }
            }
            if newly.is_empty() {
                let leaks = params
                    .iter()
                    .filter_map(|p| from_heap.get(p).map(|&d| (*p, d.max(0))))
                    .collect();
                let mut stack: Vec<ObjId> =
                    self.candidates.iter().copied().filter(|v| !boxed.contains(v)).collect();
                stack.sort();
                return Result { leaks, stack };
            }
            boxed.extend(newly);
        }
    }

    // ---- types ----

    fn under_t(&self, t: TypeId) -> &'w Type {
        self.c.types.under(t)
    }

    fn under(&self, e: &Expr) -> &'w Type {
        self.under_t(self.info.type_of(strip(e)))
    }

    /// Whether values of type `t` may hold a pointer (unknown: yes).
    fn has_pointers(&self, t: TypeId) -> bool {
        if t == ids::INVALID {
            return true;
        }
        match self.under_t(t) {
            Type::Basic(k) => *k == BasicKind::UnsafePointer || k.is_string() || *k == BasicKind::Invalid,
            Type::Array(n, e) => *n > 0 && self.has_pointers(*e),
            Type::Struct(fs) => fs.iter().any(|f| self.has_pointers(f.typ)),
            _ => true,
        }
    }

    fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under_t(t), Type::Interface(_) | Type::TypeParam(_) | Type::Constraint { .. })
    }

    /// The hole for a value of expression `src` stored into a place of
    /// type `dst`: an implicit conversion to an interface boxes it on the
    /// heap.
    fn conv(&self, k: Hole, dst: TypeId, src: &Expr) -> Hole {
        if self.is_iface(dst) && !self.is_iface(self.info.type_of(strip(src))) {
            HEAP
        } else {
            k
        }
    }

    // ---- locations ----

    fn declare(&mut self, o: ObjId) {
        let obj = self.c.objs.get(o);
        if !matches!(obj.kind, ObjKind::Var { global: false, .. }) {
            return;
        }
        self.locals.insert(o, self.loop_depth);
        if self.in_for_init {
            self.looped.insert(o);
        }
        if self.depth == 0 && obj.escapes && !(self.big)(obj.typ) {
            self.candidates.insert(o);
        }
    }

    /// The local variable named by identifier node `id`, declaring it when
    /// this is its definition.
    fn local(&mut self, id: rgoc_syntax::NodeId) -> Option<ObjId> {
        if let Some(&o) = self.info.defs.get(&id) {
            self.declare(o);
        }
        let o = self.info.obj_of(id)?;
        match self.c.objs.get(o).kind {
            ObjKind::Var { global: false, .. } => Some(o),
            _ => None,
        }
    }

    /// The value of local `v` flows into `k`.
    fn flow(&mut self, k: Hole, v: ObjId) {
        if self.depth > 0 {
            // Captured by reference (or a closure's own variable, which
            // codegen boxes): the variable lives in the heap.
            self.edges.push((Loc::Heap, v, -1));
            return;
        }
        if k.loc != Loc::Discard {
            self.edges.push((k.loc, v, k.derefs));
        }
    }

    // ---- expressions ----

    fn exprs(&mut self, es: &[Expr], k: Hole) {
        for e in es {
            self.expr(e, k);
        }
    }

    fn expr(&mut self, e: &Expr, k: Hole) {
        let k = if k.loc != Loc::Discard && !self.has_pointers(self.info.type_of(e)) { DISCARD } else { k };
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(v) = self.local(e.id) {
                    self.flow(k, v);
                }
            }
            ExprKind::BasicLit { .. } => {}
            ExprKind::CompositeLit { elts, .. } => {
                let t = self.info.type_of(e);
                // A promoted field (a key with a path) may be of any type.
                let promoted = elts.iter().any(|el| el.key.as_ref().is_some_and(|key| self.info.selections.contains_key(&key.id)));
                let (keys, vals) = match self.under_t(t) {
                    Type::Struct(fs) => {
                        (DISCARD, if promoted || fs.iter().any(|f| self.is_iface(f.typ)) { HEAP } else { k })
                    }
                    Type::Array(_, et) => (DISCARD, if self.is_iface(*et) { HEAP } else { k }),
                    _ => (HEAP, HEAP),
                };
                let is_struct = matches!(self.under_t(t), Type::Struct(_));
                for el in elts {
                    if let Some(key) = &el.key {
                        if !is_struct {
                            self.expr(key, keys);
                        }
                    }
                    self.expr(&el.value, vals);
                }
            }
            ExprKind::FuncLit { body, .. } => {
                self.depth += 1;
                self.block(body);
                self.depth -= 1;
            }
            ExprKind::Paren(x) => self.expr(x, k),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                None => {} // a qualified identifier pkg.Name
                Some(sel) => match sel.kind {
                    SelectionKind::FieldVal => {
                        if sel.indirect {
                            self.expr(x, k.deref());
                        } else {
                            self.expr(x, k);
                        }
                    }
                    // A method value binds its receiver in a heap closure.
                    SelectionKind::MethodVal => self.recv(x, sel.obj, !sel.path.is_empty(), HEAP),
                    SelectionKind::MethodExpr => {}
                },
            },
            ExprKind::Index { x, indices } => {
                if self.info.instances.contains_key(&e.id) {
                    return;
                }
                self.exprs(indices, DISCARD);
                match self.under(x) {
                    Type::Array(..) => self.expr(x, k),
                    Type::Pointer(_) | Type::Slice(_) | Type::Map(..) => self.expr(x, k.deref()),
                    Type::Basic(_) => self.expr(x, DISCARD),
                    _ => self.expr(x, HEAP),
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b, DISCARD);
                }
                match self.under(x) {
                    Type::Array(..) => self.addr(x, k),
                    _ => self.expr(x, k),
                }
            }
            ExprKind::TypeAssert { x, .. } => self.expr(x, k),
            ExprKind::Call { .. } => self.call(e, k, false),
            ExprKind::Star(x) => {
                if self.info.tv(e).is_some_and(|tv| tv.mode == Mode::Type) {
                    return;
                }
                self.expr(x, k.deref())
            }
            ExprKind::Unary { op, x } => match op {
                UnOp::Addr => self.addr(x, k),
                _ => self.expr(x, DISCARD),
            },
            // Comparisons and arithmetic make no pointers; a string
            // concatenation may return an operand.
            ExprKind::Binary { x, y, .. } => {
                self.expr(x, k);
                self.expr(y, k);
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

    /// The address of the variable (or part of it) denoted by `e` flows
    /// into `k`.
    fn addr(&mut self, e: &Expr, k: Hole) {
        let e = strip(e);
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(v) = self.local(e.id) {
                    self.flow(k.addr(), v);
                }
            }
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                None => {}
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    if sel.indirect {
                        self.expr(x, k);
                    } else {
                        self.addr(x, k);
                    }
                }
                _ => self.expr(e, HEAP),
            },
            ExprKind::Index { x, indices } => {
                self.exprs(indices, DISCARD);
                match self.under(x) {
                    Type::Array(..) => self.addr(x, k),
                    Type::Pointer(_) | Type::Slice(_) => self.expr(x, k),
                    _ => self.expr(x, HEAP),
                }
            }
            ExprKind::Star(x) => self.expr(x, k),
            // `&T{...}`: an object that may stay in the frame like a
            // variable declared here (not in a closure: what a closure
            // references is in the heap).
            ExprKind::CompositeLit { .. } if self.depth == 0 => {
                let a = alloc_site(e.id);
                self.locals.insert(a, self.loop_depth);
                if !(self.big)(self.info.type_of(e)) {
                    self.candidates.insert(a);
                }
                self.expr(e, Hole { loc: Loc::Var(a), derefs: 0 });
                self.flow(k.addr(), a);
            }
            // Anything else: a heap object.
            _ => self.expr(e, HEAP),
        }
    }

    /// The receiver `x` of method `m` is passed to it, into `k`
    /// (`promoted`: through embedded fields).
    fn recv(&mut self, x: &Expr, m: Option<ObjId>, promoted: bool, k: Hole) {
        let k = if promoted { HEAP } else { k };
        let ptr_recv = m.is_some_and(|m| self.c.objs.get(m).ptr_recv);
        let x_ptr = matches!(self.under(x), Type::Pointer(_));
        match (ptr_recv, x_ptr) {
            (true, false) => self.addr(x, k),
            (false, true) => self.expr(x, k.deref()),
            _ => self.expr(x, k),
        }
    }

    fn call(&mut self, e: &Expr, k: Hole, go_defer: bool) {
        let ExprKind::Call { fun, args, ellipsis } = &e.kind else {
            self.expr(e, HEAP);
            return;
        };
        let f = strip(fun);
        // Conversions.
        if self.info.tv(f).is_some_and(|tv| tv.mode == Mode::Type) {
            let to = self.info.type_of(e);
            for a in args {
                let from = self.info.type_of(strip(a));
                let h = if go_defer || (self.is_iface(to) && !self.is_iface(from)) {
                    HEAP
                } else if matches!(self.under_t(to), Type::Basic(b) if b.is_string())
                    && matches!(self.under_t(from), Type::Slice(_))
                {
                    DISCARD // a copy
                } else if !self.has_pointers(to) {
                    // A pointer turned into an integer (uintptr) is lost
                    // to the analysis.
                    HEAP
                } else {
                    k
                };
                self.expr(a, h);
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
                self.exprs(args, HEAP);
                return;
            }
            match b {
                Builtin::Len
                | Builtin::Cap
                | Builtin::Clear
                | Builtin::Close
                | Builtin::Delete
                | Builtin::Print
                | Builtin::Println
                | Builtin::Real
                | Builtin::Imag
                | Builtin::Complex
                | Builtin::Make
                | Builtin::Sizeof
                | Builtin::Alignof
                | Builtin::Offsetof => self.exprs(args, DISCARD),
                // new(expr): the value is stored in a heap object.
                Builtin::New => self.exprs(args, HEAP),
                Builtin::Copy => {
                    // The source's elements are stored in the destination's
                    // array, wherever that is.
                    for (i, a) in args.iter().enumerate() {
                        self.expr(a, if i == 0 { DISCARD } else { HEAP.deref() });
                    }
                }
                Builtin::Append => {
                    // The result may be the first argument; the elements go
                    // to its array or a new heap one.
                    for (i, a) in args.iter().enumerate() {
                        let h = match i {
                            0 => k,
                            1 if *ellipsis => HEAP.deref(),
                            _ => HEAP,
                        };
                        self.expr(a, h);
                    }
                }
                Builtin::Min
                | Builtin::Max
                | Builtin::Add
                | Builtin::Slice
                | Builtin::String
                | Builtin::StringData
                | Builtin::SliceData => self.exprs(args, k),
                _ => self.exprs(args, HEAP),
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
            ExprKind::Selector { x, sel } => {
                if let Some(s) = self.info.selections.get(&f.id) {
                    if s.kind == SelectionKind::MethodVal {
                        let promoted = !s.path.is_empty();
                        if s.iface_index.is_none() && !self.info.instances.contains_key(&f.id) {
                            callee = s.obj.and_then(|m| self.fns.get(&m));
                        }
                        method_recv = Some((x, s.obj, promoted));
                    }
                } else if let Some(&o) = self.info.uses.get(&f.id).or_else(|| self.info.uses.get(&sel.id)) {
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
        let param_hole = |w: &Self, i: usize, a: Option<&Expr>| -> Hole {
            let Some(fi) = callee else { return HEAP };
            if fi.variadic && i + 1 >= fi.params.len() {
                return HEAP;
            }
            let k = match fi.params.get(i) {
                Some(Some(p)) => match w.leaks.get(p) {
                    Some(&d) => Hole { loc: Loc::Heap, derefs: d },
                    None => DISCARD,
                },
                Some(None) => DISCARD,
                None => HEAP,
            };
            match (a, fi.param_types.get(i)) {
                (Some(a), Some(&t)) => w.conv(k, t, a),
                (Some(_), None) => HEAP,
                (None, _) => k,
            }
        };
        let first_arg = match method_recv {
            Some((x, m, promoted)) => {
                // A method call: the receiver is parameter 0 when the
                // callee is known.
                let h = if callee.is_some() { param_hole(self, 0, None) } else { HEAP };
                self.recv(x, m, promoted, h);
                1
            }
            None => {
                if callee.is_none() {
                    self.expr(fun, HEAP);
                }
                0
            }
        };
        let nparams = callee.map_or(0, |fi| fi.params.len());
        // `f(g())` with g returning several values: the arity differs and
        // everything goes to the heap.
        let arity_ok = callee.is_some_and(|fi| args.len() + first_arg == nparams || (fi.variadic && !*ellipsis));
        for (i, a) in args.iter().enumerate() {
            let h = if arity_ok { param_hole(self, i + first_arg, Some(a)) } else { HEAP };
            self.expr(a, h);
        }
    }

    // ---- statements ----

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

    /// The hole for a store into `e`.
    fn target(&mut self, e: &Expr) -> Hole {
        let e = strip(e);
        match &e.kind {
            ExprKind::Ident(_) => match self.local(e.id) {
                Some(v) if self.depth == 0 => Hole { loc: Loc::Var(v), derefs: 0 },
                Some(v) => {
                    self.flow(DISCARD, v);
                    HEAP
                }
                // `_` discards; a global is the heap.
                None if self.info.obj_of(e.id).is_none() => DISCARD,
                None => HEAP,
            },
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                None => HEAP,
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    if sel.indirect {
                        self.expr(x, DISCARD);
                        HEAP
                    } else {
                        self.target(x)
                    }
                }
                Some(_) => {
                    self.expr(e, HEAP);
                    HEAP
                }
            },
            ExprKind::Index { x, indices } => match self.under(x) {
                Type::Array(..) => {
                    self.exprs(indices, DISCARD);
                    self.target(x)
                }
                Type::Map(..) => {
                    self.exprs(indices, HEAP);
                    self.expr(x, DISCARD);
                    HEAP
                }
                _ => {
                    self.exprs(indices, DISCARD);
                    self.expr(x, DISCARD);
                    HEAP
                }
            },
            ExprKind::Star(x) => {
                self.expr(x, DISCARD);
                HEAP
            }
            _ => {
                self.expr(e, HEAP);
                HEAP
            }
        }
    }

    /// `lhs = rhs` (or `:=`, `var`): values into their places.
    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let holes: Vec<Hole> = lhs.iter().map(|l| self.target(l)).collect();
        if lhs.len() == rhs.len() {
            for ((l, r), h) in lhs.iter().zip(rhs).zip(holes) {
                let h = self.conv(h, self.info.type_of(strip(l)), r);
                self.expr(r, h);
            }
        } else {
            // `a, b = f()`, `v, ok = m[k]`, `<-ch`, `x.(T)`: the first
            // place gets the value (call results are heap values).
            let h = if lhs.iter().any(|l| self.is_iface(self.info.type_of(strip(l)))) {
                HEAP
            } else {
                holes.first().copied().unwrap_or(HEAP)
            };
            self.exprs(rhs, h);
        }
    }

    fn var_decl(&mut self, names: &[ast::Ident], values: &[Expr]) {
        let holes: Vec<(Hole, TypeId)> = names
            .iter()
            .map(|n| match self.local(n.id) {
                Some(v) if self.depth == 0 => (Hole { loc: Loc::Var(v), derefs: 0 }, self.c.objs.get(v).typ),
                Some(v) => {
                    self.flow(DISCARD, v);
                    (HEAP, ids::INVALID)
                }
                None => (DISCARD, ids::INVALID),
            })
            .collect();
        if names.len() == values.len() {
            for ((h, t), v) in holes.into_iter().zip(values) {
                let h = if t == ids::INVALID { h } else { self.conv(h, t, v) };
                self.expr(v, h);
            }
        } else {
            let h = if holes.iter().any(|&(_, t)| t != ids::INVALID && self.is_iface(t)) {
                HEAP
            } else {
                holes.first().map_or(HEAP, |&(h, _)| h)
            };
            self.exprs(values, h);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Decl(d) => match d {
                Decl::Var(specs) => {
                    for sp in specs {
                        self.var_decl(&sp.names, &sp.values);
                    }
                }
                Decl::Const(_) | Decl::Type(_) => {}
                Decl::Func(_) => self.abort = true,
            },
            StmtKind::Empty | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Fallthrough => {}
            StmtKind::Goto(_) => self.has_goto = true,
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => self.expr(e, DISCARD),
            StmtKind::Send { ch, value } => {
                self.expr(ch, DISCARD);
                self.expr(value, HEAP);
            }
            StmtKind::IncDec { x, .. } => {
                self.target(x);
            }
            StmtKind::Assign { lhs, rhs, op } => match op {
                AssignOp::Assign | AssignOp::Define => self.assign(lhs, rhs),
                AssignOp::Op(_) => {
                    // `s += t`: the result may be either operand.
                    for l in lhs {
                        let h = self.target(l);
                        self.expr(l, h);
                        self.exprs(rhs, h);
                    }
                }
            },
            StmtKind::Go(e) => self.call(e, HEAP, true),
            StmtKind::Defer(e) => {
                self.abort = true;
                self.call(e, HEAP, true);
            }
            StmtKind::Return(xs) => self.exprs(xs, HEAP),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond, DISCARD);
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
                    self.expr(t, DISCARD);
                }
                for cl in body {
                    self.exprs(&cl.exprs, DISCARD);
                    self.stmts(&cl.body);
                }
            }
            StmtKind::TypeSwitch { init, x, body, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                // The clauses' variables are not followed: the value goes
                // to the heap.
                self.expr(x, HEAP);
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
                self.loop_depth += 1;
                if let Some(i) = init {
                    self.in_for_init = true;
                    self.stmt(i);
                    self.in_for_init = false;
                }
                if let Some(c) = cond {
                    self.expr(c, DISCARD);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Range { key, value, define, x, body } => {
                if matches!(self.under(x), Type::Func(_)) || self.info.range_rewrites.contains_key(&x.id) {
                    self.abort = true;
                }
                self.loop_depth += 1;
                let place = |w: &mut Self, v: &Option<Expr>| -> Hole {
                    let Some(v) = v else { return DISCARD };
                    let h = if *define {
                        match w.local(v.id) {
                            Some(o) if w.depth == 0 => Hole { loc: Loc::Var(o), derefs: 0 },
                            Some(o) => {
                                w.flow(DISCARD, o);
                                HEAP
                            }
                            None => DISCARD,
                        }
                    } else {
                        w.target(v)
                    };
                    // An element stored in an interface is boxed.
                    if w.is_iface(w.info.type_of(strip(v))) { HEAP } else { h }
                };
                let kh = place(self, key);
                let vh = place(self, value);
                // Map keys and the values of arrays, slices and maps are
                // elements of x: part of an array value, else behind a
                // pointer. Indices, runes and channel values (heap values)
                // carry nothing of x.
                let (kh, vh) = match self.under(x) {
                    Type::Array(..) => (DISCARD, vh),
                    Type::Pointer(_) | Type::Slice(_) => (DISCARD, vh.deref()),
                    Type::Map(..) => (kh.deref(), vh.deref()),
                    _ => (DISCARD, DISCARD),
                };
                self.loop_depth -= 1;
                self.expr(x, kh);
                if vh.loc != Loc::Discard {
                    self.expr(x, vh);
                }
                self.loop_depth += 1;
                self.block(body);
                self.loop_depth -= 1;
            }
        }
    }
}
