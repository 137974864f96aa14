//! Type inference for calls of generic functions (go/types' infer.go and
//! unify.go): function argument type inference by unifying parameter
//! types with argument types, defaults for untyped constant arguments,
//! then constraint type inference from core types.

use std::collections::HashMap;

use crate::check::Checker;
use crate::types::{ids, BasicKind, Type, TypeId};

/// Type parameters being inferred and what they are bound to so far.
pub(crate) struct Bindings {
    pub tparams: Vec<TypeId>,
    pub bound: HashMap<TypeId, TypeId>,
}

impl Bindings {
    pub fn new(tparams: &[TypeId]) -> Bindings {
        Bindings { tparams: tparams.to_vec(), bound: HashMap::new() }
    }
    fn is_param(&self, t: TypeId) -> bool {
        self.tparams.contains(&t)
    }
}

/// How deep unification may recurse (recursive types).
const MAX_UNIFY_DEPTH: usize = 32;

impl<'a> Checker<'a> {
    /// Unifies `x` (which may mention the type parameters being inferred)
    /// with `y`: binds type parameters so that the two become identical,
    /// ignoring the difference between a defined type and its underlying
    /// type literal and channel directions (inexact unification, as for
    /// assignments). False when they cannot match.
    pub(crate) fn unify(&mut self, b: &mut Bindings, x: TypeId, y: TypeId) -> bool {
        self.unify_depth(b, x, y, 0)
    }

    fn unify_depth(&mut self, b: &mut Bindings, x: TypeId, y: TypeId, depth: usize) -> bool {
        if x == y && !self.types.mentions_any(x, &b.tparams) {
            return true;
        }
        if depth > MAX_UNIFY_DEPTH || x == ids::INVALID || y == ids::INVALID {
            return x == ids::INVALID || y == ids::INVALID;
        }
        let d = depth + 1;
        for (p, other) in [(x, y), (y, x)] {
            if b.is_param(p) {
                return match b.bound.get(&p).copied() {
                    Some(bt) => {
                        if bt == other {
                            return true;
                        }
                        // A defined type wins over its underlying literal.
                        let ok = self.unify_depth(b, bt, other, d);
                        if ok && !self.types.is_named(bt) && self.types.is_named(other) && !b.is_param(other) {
                            b.bound.insert(p, other);
                        }
                        ok
                    }
                    None => {
                        // A recursive call binds a parameter to itself.
                        b.bound.insert(p, other);
                        true
                    }
                };
            }
        }
        // A type parameter of the enclosing function unifies with a type
        // literal through its core type.
        for (p, other) in [(x, y), (y, x)] {
            if self.types.is_type_param(p) && !self.types.is_type_param(other) && !self.types.is_named(other) {
                let core = self.types.core_type(p);
                return core != ids::INVALID && self.unify_depth(b, core, other, d);
            }
        }
        let (xt, yt) = (self.types.get(x).clone(), self.types.get(y).clone());
        match (&xt, &yt) {
            (Type::Named(_), Type::Named(_)) => {
                let (xn, yn) = (self.types.named_info(x).cloned(), self.types.named_info(y).cloned());
                let (Some(xn), Some(yn)) = (xn, yn) else { return false };
                let xo = xn.origin.unwrap_or(x);
                let yo = yn.origin.unwrap_or(y);
                if xo != yo {
                    return false;
                }
                let xa = if xn.origin.is_some() { xn.targs } else { xn.tparams };
                let ya = if yn.origin.is_some() { yn.targs } else { yn.tparams };
                xa.len() == ya.len() && xa.iter().zip(&ya).all(|(&p, &q)| self.unify_depth(b, p, q, d))
            }
            (Type::Named(_), _) | (_, Type::Named(_)) => {
                if matches!(xt, Type::Basic(_)) || matches!(yt, Type::Basic(_)) || matches!(xt, Type::TypeParam(_)) || matches!(yt, Type::TypeParam(_)) {
                    return false;
                }
                let (ux, uy) = (self.types.underlying(x), self.types.underlying(y));
                if matches!(self.types.get(ux), Type::Interface(_)) || matches!(self.types.get(uy), Type::Interface(_)) {
                    return false;
                }
                self.unify_depth(b, ux, uy, d)
            }
            (Type::Pointer(p), Type::Pointer(q)) | (Type::Slice(p), Type::Slice(q)) => self.unify_depth(b, *p, *q, d),
            (Type::Array(n, p), Type::Array(m, q)) => n == m && self.unify_depth(b, *p, *q, d),
            (Type::Chan(_, p), Type::Chan(_, q)) => self.unify_depth(b, *p, *q, d),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => self.unify_depth(b, *k1, *k2, d) && self.unify_depth(b, *v1, *v2, d),
            (Type::Tuple(p), Type::Tuple(q)) => p.len() == q.len() && p.iter().zip(q).all(|(&s, &t)| self.unify_depth(b, s, t, d)),
            (Type::Func(s), Type::Func(t)) => {
                s.variadic == t.variadic
                    && s.params.len() == t.params.len()
                    && s.results.len() == t.results.len()
                    && s.params.iter().zip(&t.params).all(|(&p, &q)| self.unify_depth(b, p, q, d))
                    && s.results.iter().zip(&t.results).all(|(&p, &q)| self.unify_depth(b, p, q, d))
            }
            (Type::Struct(f), Type::Struct(g)) => {
                f.len() == g.len()
                    && f.iter().zip(g).all(|(p, q)| {
                        p.name == q.name && p.embedded == q.embedded && p.tag == q.tag && self.unify_depth(b, p.typ, q.typ, d)
                    })
            }
            (Type::Interface(m), Type::Interface(n)) => {
                m.len() == n.len() && m.iter().zip(n).all(|(p, q)| p.name == q.name && self.unify_depth(b, p.sig, q.sig, d))
            }
            _ => false,
        }
    }

    /// The bindings with every bound type's own type parameters replaced
    /// (`S` bound to `[]E` and `E` to `int` give `S` = `[]int`).
    pub(crate) fn resolve_bindings(&mut self, b: &Bindings) -> Vec<Option<TypeId>> {
        let mut m: crate::subst::Subst = b.bound.clone();
        for _ in 0..b.tparams.len() + 1 {
            let keys: Vec<TypeId> = m.keys().copied().collect();
            let mut changed = false;
            for k in keys {
                let v = m[&k];
                let v2 = self.types.subst(v, &m);
                if v2 != v {
                    m.insert(k, v2);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        b.tparams.iter().map(|p| m.get(p).copied()).collect()
    }

    /// Constraint type inference: a type parameter whose constraint has a
    /// core type (`S ~[]E`) is unified with it; an unbound one whose
    /// constraint is a single exact type term gets that type. Repeats
    /// while something new is learned.
    pub(crate) fn infer_from_constraints(&mut self, b: &mut Bindings) {
        for _ in 0..b.tparams.len() + 1 {
            let before = b.bound.len();
            let mut changed = false;
            for p in b.tparams.clone() {
                let Some(tp) = self.types.tparam_info(p) else { continue };
                let c = tp.constraint;
                let Type::Constraint { terms: Some(ts), .. } = self.types.under(c).clone() else { continue };
                if ts.len() != 1 {
                    continue;
                }
                let term = ts[0];
                match b.bound.get(&p).copied() {
                    Some(bt) => {
                        let target = if term.tilde { self.types.underlying(bt) } else { bt };
                        let old: Vec<(TypeId, TypeId)> = b.bound.iter().map(|(k, v)| (*k, *v)).collect();
                        self.unify(b, term.typ, target);
                        if old.len() != b.bound.len() || old.iter().any(|(k, v)| b.bound.get(k) != Some(v)) {
                            changed = true;
                        }
                    }
                    None if !term.tilde => {
                        b.bound.insert(p, term.typ);
                        changed = true;
                    }
                    None => {}
                }
            }
            if !changed && b.bound.len() == before {
                break;
            }
        }
    }

    /// Binds type parameters still unbound from untyped constant arguments
    /// passed for parameters of exactly that type: the default type of the
    /// "largest" kind among them (int < rune < float < complex).
    pub(crate) fn infer_untyped(&mut self, b: &mut Bindings, untyped: &[(TypeId, TypeId)]) {
        fn rank(k: BasicKind) -> u8 {
            match k {
                BasicKind::UntypedInt => 1,
                BasicKind::UntypedRune => 2,
                BasicKind::UntypedFloat => 3,
                BasicKind::UntypedComplex => 4,
                _ => 0,
            }
        }
        for p in b.tparams.clone() {
            if b.bound.contains_key(&p) {
                continue;
            }
            let mut best: Option<TypeId> = None;
            for &(param, at) in untyped {
                if param != p || at == ids::UNTYPED_NIL {
                    continue;
                }
                let better = match (best, self.types.basic(at)) {
                    (None, _) => true,
                    (Some(bt), Some(k)) => self.types.basic(bt).is_some_and(|bk| rank(k) > rank(bk)),
                    _ => false,
                };
                if better {
                    best = Some(at);
                }
            }
            if let Some(at) = best {
                let d = self.types.default_type(at);
                b.bound.insert(p, d);
            }
        }
    }
}

impl<'a> Checker<'a> {
    /// The generic function that `e` (an identifier or `pkg.F`, already
    /// checked) denotes, if any.
    pub(crate) fn generic_func_of(&self, e: &rgoc_syntax::Expr) -> Option<crate::ObjId> {
        let e = crate::check::strip_paren(e);
        let o = *self.info.uses.get(&e.id)?;
        let obj = self.objs.get(o);
        (matches!(obj.kind, crate::ObjKind::Func) && !obj.tparams.is_empty()).then_some(o)
    }

    /// A call of a generic function, `F(args)` or `F[T1](args)`: infers the
    /// missing type arguments from the arguments, instantiates and checks
    /// the call. None when `fun` is not a generic function.
    pub(crate) fn generic_call(
        &mut self,
        e: &rgoc_syntax::Expr,
        fun: &rgoc_syntax::Expr,
        args: &[rgoc_syntax::Expr],
        ellipsis: bool,
    ) -> Option<crate::operand::Operand> {
        use rgoc_syntax::ExprKind;
        let fe = crate::check::strip_paren(fun);
        let (base, indices) = match &fe.kind {
            ExprKind::Index { x, indices } => (&**x, Some(indices)),
            _ => (fe, None),
        };
        // `x.M(...)`, `x.M[T](...)`: a method may be generic. The selector
        // is checked once here; when it is not a generic method, the call
        // checks it again through `reuse_operand`.
        if let ExprKind::Selector { x: sx, .. } = &crate::check::strip_paren(base).kind {
            if !self.is_package_name(sx) {
                let f = self.generic_operand(base);
                if !f.is_invalid() {
                    if let Some(sel) = self.generic_method_sel(base) {
                        return Some(self.generic_method_call(e, fun, fe, base, indices, &sel, args, ellipsis));
                    }
                }
                self.reuse_operand = Some((base.id, f));
                return None;
            }
        }
        let simple = match &crate::check::strip_paren(base).kind {
            ExprKind::Ident(_) => true,
            ExprKind::Selector { x, .. } => matches!(crate::check::strip_paren(x).kind, ExprKind::Ident(_)),
            _ => false,
        };
        if !simple {
            return None;
        }
        let f = self.generic_operand(base);
        if f.is_invalid() {
            return None;
        }
        let origin = self.generic_func_of(base)?;
        let tparams = self.objs.get(origin).tparams.clone();
        let explicit = match indices {
            Some(ix) => match self.type_args(ix) {
                Some(t) => t,
                None => {
                    self.eval_args(args, ellipsis);
                    return Some(crate::operand::Operand::invalid());
                }
            },
            None => Vec::new(),
        };
        let fname = self.expr_string(base);
        if explicit.len() > tparams.len() {
            self.error(
                indices.and_then(|ix| ix.get(tparams.len())).map(|x| x.pos).unwrap_or(e.pos),
                format!("got {} type arguments but want {}", explicit.len(), tparams.len()),
            );
            let _ = fname;
            self.eval_args(args, ellipsis);
            return Some(crate::operand::Operand::invalid());
        }
        let (ops, spread) = self.eval_args(args, ellipsis);
        if ops.iter().any(|(o, _)| o.is_invalid()) {
            return Some(crate::operand::Operand::invalid());
        }
        let gsig = self.types.signature(f.typ).cloned()?;
        let targs = if explicit.len() == tparams.len() {
            explicit
        } else {
            match self.infer_call(e, &fname, &tparams, &explicit, &gsig, &ops, ellipsis) {
                Some(t) => t,
                None => return Some(crate::operand::Operand::invalid()),
            }
        };
        let mut pos: Vec<rgoc_syntax::Pos> = indices.map(|ix| ix.iter().map(|x| x.pos).collect()).unwrap_or_default();
        while pos.len() < targs.len() {
            pos.push(call_lparen(fun));
        }
        if !self.verify_targs(&tparams, &targs, &pos) {
            return Some(crate::operand::Operand::invalid());
        }
        let (inst, sig_t) = self.func_instance(origin, &targs, e.pos);
        self.record(fe.id, crate::Mode::Value, sig_t, None);
        self.record(fun.id, crate::Mode::Value, sig_t, None);
        if let Some(i) = inst {
            self.info.instances.insert(fe.id, i);
            self.info.instances.insert(fun.id, i);
        }
        let sig = self.types.signature(sig_t).cloned()?;
        self.check_args(e, fun, &sig, ops, spread, args, ellipsis);
        Some(self.call_result(&sig))
    }

    /// Infers the type arguments of a call from its evaluated arguments.
    #[allow(clippy::too_many_arguments)] // the parts of the call being inferred
    pub(crate) fn infer_call(
        &mut self,
        e: &rgoc_syntax::Expr,
        fname: &str,
        tparams: &[TypeId],
        explicit: &[TypeId],
        gsig: &crate::types::Signature,
        ops: &[(crate::operand::Operand, &rgoc_syntax::Expr)],
        ellipsis: bool,
    ) -> Option<Vec<TypeId>> {
        let mut b = Bindings::new(tparams);
        for (p, t) in tparams.iter().zip(explicit) {
            b.bound.insert(*p, *t);
        }
        // Parameter types per argument (a variadic tail repeats its element).
        let np = gsig.params.len();
        let param_of = |i: usize, c: &Self| -> TypeId {
            if gsig.variadic && !ellipsis && i + 1 >= np {
                match c.types.get(gsig.params[np - 1]) {
                    Type::Slice(el) => *el,
                    _ => ids::INVALID,
                }
            } else {
                gsig.params.get(i).copied().unwrap_or(ids::INVALID)
            }
        };
        let mut untyped = Vec::new();
        for (i, (x, a)) in ops.iter().enumerate() {
            let p = param_of(i, self);
            if p == ids::INVALID || self.types.is_concrete(p) {
                continue;
            }
            // A generic function argument is instantiated for its
            // parameter's type once the call's own type arguments are
            // known (check_args).
            if self.pending_generic_arg(x, a).is_some() {
                continue;
            }
            if self.types.is_untyped(x.typ) {
                untyped.push((p, x.typ));
                continue;
            }
            if !self.unify(&mut b, p, x.typ) {
                let resolved = self.resolve_bindings(&b);
                let m: crate::subst::Subst =
                    tparams.iter().zip(&resolved).filter_map(|(t, r)| r.map(|r| (*t, r))).collect();
                let pt = self.types.subst(p, &m);
                self.error(
                    a.pos,
                    format!(
                        "type {} of {} does not match {}",
                        self.tstr(x.typ),
                        self.expr_string(a),
                        if self.types.is_concrete(pt) {
                            format!("inferred type {} for {}", self.tstr(pt), self.tstr(p))
                        } else {
                            self.tstr(pt)
                        }
                    ),
                );
                return None;
            }
        }
        self.infer_from_constraints(&mut b);
        self.infer_untyped(&mut b, &untyped);
        self.infer_from_constraints(&mut b);
        let resolved = self.resolve_bindings(&b);
        let mut out = Vec::new();
        for (p, r) in tparams.iter().zip(resolved) {
            match r {
                Some(t) => out.push(t),
                _ => {
                    let decl = self.types.tparam_info(*p).and_then(|i| i.obj).map(|o| self.objs.get(o).pos);
                    let at = decl.map(|d| format!(" (declared at {})", self.pos_str(d))).unwrap_or_default();
                    self.error(call_lparen(e_fun(e)), format!("in call to {}, cannot infer {}{}", fname, self.tstr(*p), at));
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// The function part of call expression `e`.
fn e_fun(e: &rgoc_syntax::Expr) -> &rgoc_syntax::Expr {
    match &e.kind {
        rgoc_syntax::ExprKind::Call { fun, .. } => fun,
        _ => e,
    }
}

/// Where the `(` of a call of `fun` is (gc reports inference errors
/// there): just after a name or `pkg.Name`.
pub(crate) fn call_lparen(fun: &rgoc_syntax::Expr) -> rgoc_syntax::Pos {
    use rgoc_syntax::ExprKind;
    let f = crate::check::strip_paren(fun);
    match &f.kind {
        ExprKind::Ident(n) if f.pos == fun.pos => rgoc_syntax::Pos { col: f.pos.col + n.chars().count() as u32, ..f.pos },
        ExprKind::Selector { sel, .. } if f.pos == fun.pos => {
            rgoc_syntax::Pos { col: sel.pos.col + sel.name.chars().count() as u32, ..sel.pos }
        }
        _ => fun.pos,
    }
}
