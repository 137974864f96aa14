//! Type substitution and instances of generic named types (the type-table
//! half of go/types' subst.go and named.go). The checker's half —
//! verifying type arguments, instantiating functions and methods and
//! checking instance bodies — is in instantiate.rs.
//!
//! Invariants:
//! - an instance `List[int]` is created once per (origin, type arguments)
//!   and cached, so identical instances are the same `TypeId`;
//! - `List[T]` with `T` the origin's own type parameters is the origin;
//! - an instance's underlying type is the origin's with the type
//!   arguments substituted; when the origin is still being declared it is
//!   filled in by `expand_instances_of` once the origin is complete.

use std::collections::HashMap;

use crate::types::{ids, Field, Method, Signature, Term, Type, TypeId, TypeTable};

/// A substitution of type parameters by types.
pub type Subst = HashMap<TypeId, TypeId>;

/// How deep substitution may nest before it is taken for an infinite
/// expansion (`type T[P any] struct { f *T[[]P] }` as a value would be).
const MAX_DEPTH: usize = 64;

impl TypeTable {
    /// `t` with the type parameters in `m` replaced.
    pub fn subst(&mut self, t: TypeId, m: &Subst) -> TypeId {
        if m.is_empty() {
            return t;
        }
        self.subst_depth(t, m, 0)
    }

    fn subst_depth(&mut self, t: TypeId, m: &Subst, depth: usize) -> TypeId {
        if depth > MAX_DEPTH {
            return ids::INVALID;
        }
        let d = depth + 1;
        match self.get(t).clone() {
            Type::Basic(_) => t,
            Type::TypeParam(_) => m.get(&t).copied().unwrap_or(t),
            Type::Pointer(e) => {
                let e2 = self.subst_depth(e, m, d);
                if e2 == e { t } else { self.pointer(e2) }
            }
            Type::Slice(e) => {
                let e2 = self.subst_depth(e, m, d);
                if e2 == e { t } else { self.slice(e2) }
            }
            Type::Array(n, e) => {
                let e2 = self.subst_depth(e, m, d);
                if e2 == e { t } else { self.intern(Type::Array(n, e2)) }
            }
            Type::Chan(dir, e) => {
                let e2 = self.subst_depth(e, m, d);
                if e2 == e { t } else { self.intern(Type::Chan(dir, e2)) }
            }
            Type::Map(k, v) => {
                let (k2, v2) = (self.subst_depth(k, m, d), self.subst_depth(v, m, d));
                if (k2, v2) == (k, v) { t } else { self.intern(Type::Map(k2, v2)) }
            }
            Type::Tuple(es) => {
                let es2: Vec<TypeId> = es.iter().map(|&e| self.subst_depth(e, m, d)).collect();
                if es2 == es { t } else { self.intern(Type::Tuple(es2)) }
            }
            Type::Struct(fields) => {
                let fs2: Vec<Field> = fields
                    .iter()
                    .map(|f| Field { typ: self.subst_depth(f.typ, m, d), ..f.clone() })
                    .collect();
                if fs2 == fields { t } else { self.intern(Type::Struct(fs2)) }
            }
            Type::Func(sig) => {
                let sig2 = self.subst_sig(&sig, m, d);
                if sig2 == sig { t } else { self.intern(Type::Func(sig2)) }
            }
            Type::Interface(ms) => {
                let ms2 = self.subst_methods(&ms, m, d);
                if ms2 == ms { t } else { self.intern(Type::Interface(ms2)) }
            }
            Type::Constraint { methods, terms, comparable } => {
                let ms2 = self.subst_methods(&methods, m, d);
                let ts2 = terms.as_ref().map(|ts| {
                    ts.iter()
                        .map(|x| Term { tilde: x.tilde, typ: self.subst_depth(x.typ, m, d) })
                        .collect::<Vec<_>>()
                });
                if ms2 == methods && ts2 == terms {
                    t
                } else {
                    self.intern(Type::Constraint { methods: ms2, terms: ts2, comparable })
                }
            }
            Type::Named(i) => {
                let n = &self.named[i as usize];
                // A generic type itself stands for its instance with its
                // own type parameters (`List` inside `List[T]`'s methods).
                let (origin, targs) = match n.origin {
                    Some(o) => (o, n.targs.clone()),
                    None if !n.tparams.is_empty() => (t, n.tparams.clone()),
                    None => return t,
                };
                let targs2: Vec<TypeId> = targs.iter().map(|&a| self.subst_depth(a, m, d)).collect();
                if targs2 == targs {
                    t
                } else {
                    self.instantiate_named(origin, &targs2)
                }
            }
        }
    }

    fn subst_sig(&mut self, sig: &Signature, m: &Subst, d: usize) -> Signature {
        Signature {
            params: sig.params.iter().map(|&p| self.subst_depth(p, m, d)).collect(),
            results: sig.results.iter().map(|&r| self.subst_depth(r, m, d)).collect(),
            variadic: sig.variadic,
        }
    }

    fn subst_methods(&mut self, ms: &[Method], m: &Subst, d: usize) -> Vec<Method> {
        ms.iter().map(|x| Method { sig: self.subst_depth(x.sig, m, d), ..x.clone() }).collect()
    }

    /// The substitution of generic type `origin`'s type parameters by `targs`.
    pub fn subst_of(&self, origin: TypeId, targs: &[TypeId]) -> Subst {
        let tps = self.named_info(origin).map(|n| n.tparams.clone()).unwrap_or_default();
        tps.into_iter().zip(targs.iter().copied()).collect()
    }

    /// The instance `origin[targs]` (the caller has checked the count and
    /// the constraints).
    pub fn instantiate_named(&mut self, origin: TypeId, targs: &[TypeId]) -> TypeId {
        let Some(info) = self.named_info(origin) else { return ids::INVALID };
        if info.tparams.as_slice() == targs {
            return origin;
        }
        let key = (origin, targs.to_vec());
        if let Some(&t) = self.instances.get(&key) {
            return t;
        }
        let (name, pkg, obj) = (info.name.clone(), info.pkg.clone(), info.obj);
        let inst = self.new_named(&name, &pkg, obj);
        if let Some(n) = self.named_info_mut(inst) {
            n.origin = Some(origin);
            n.targs = targs.to_vec();
        }
        self.instances.insert(key, inst);
        self.fresh_instances.push(inst);
        self.expand(inst);
        inst
    }

    /// Fills in an instance's underlying type if its origin's is known.
    fn expand(&mut self, inst: TypeId) {
        let Some(n) = self.named_info(inst) else { return };
        let (Some(origin), targs) = (n.origin, n.targs.clone()) else { return };
        if n.underlying != ids::INVALID {
            return;
        }
        let ou = self.named_info(origin).map(|o| o.underlying).unwrap_or(ids::INVALID);
        if ou == ids::INVALID {
            return;
        }
        let m = self.subst_of(origin, &targs);
        let u = self.subst(ou, &m);
        let u = self.underlying(u);
        if let Some(n) = self.named_info_mut(inst) {
            n.underlying = u;
        }
    }

    /// Expands the instances created while `origin` was being declared.
    pub fn expand_instances_of(&mut self, origin: TypeId) {
        let insts: Vec<TypeId> = self
            .instances
            .iter()
            .filter(|((o, _), _)| *o == origin)
            .map(|(_, &t)| t)
            .collect();
        for t in insts {
            self.expand(t);
        }
    }

    /// Whether `t` mentions one of the type parameters `ps`.
    pub fn mentions_any(&self, t: TypeId, ps: &[TypeId]) -> bool {
        match self.get(t) {
            Type::Basic(_) => false,
            Type::TypeParam(_) => ps.contains(&t),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => self.mentions_any(*e, ps),
            Type::Map(k, v) => self.mentions_any(*k, ps) || self.mentions_any(*v, ps),
            Type::Tuple(es) => es.iter().any(|&e| self.mentions_any(e, ps)),
            Type::Struct(fs) => fs.iter().any(|f| self.mentions_any(f.typ, ps)),
            Type::Func(sig) => sig.params.iter().chain(&sig.results).any(|&p| self.mentions_any(p, ps)),
            Type::Interface(ms) => ms.iter().any(|m| self.mentions_any(m.sig, ps)),
            Type::Constraint { .. } => false,
            Type::Named(i) => {
                let n = &self.named[*i as usize];
                n.tparams.iter().chain(&n.targs).any(|&a| ps.contains(&a) || self.mentions_any(a, ps) && n.origin.is_some())
            }
        }
    }

    /// Whether `t` mentions no type parameter.
    pub fn is_concrete(&self, t: TypeId) -> bool {
        match self.get(t) {
            Type::Basic(_) => true,
            Type::TypeParam(_) => false,
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => self.is_concrete(*e),
            Type::Map(k, v) => self.is_concrete(*k) && self.is_concrete(*v),
            Type::Tuple(es) => es.iter().all(|&e| self.is_concrete(e)),
            Type::Struct(fs) => fs.iter().all(|f| self.is_concrete(f.typ)),
            Type::Func(sig) => sig.params.iter().chain(&sig.results).all(|&p| self.is_concrete(p)),
            Type::Interface(ms) => ms.iter().all(|m| self.is_concrete(m.sig)),
            Type::Constraint { .. } => false,
            Type::Named(i) => {
                let n = &self.named[*i as usize];
                n.tparams.is_empty() && n.targs.iter().all(|&a| self.is_concrete(a))
            }
        }
    }
}
