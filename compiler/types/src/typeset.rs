//! Interfaces as type sets (go/types' typeset.go and interface.go):
//! methods, unions of `T`/`~T` terms, `comparable`; the intersection of
//! embedded elements; whether a type argument satisfies a constraint.
//!
//! An interface whose type set is only "every type with these methods" is
//! `Type::Interface` (it may be a value's type); one with type terms or
//! `comparable` is `Type::Constraint` and may only constrain type
//! parameters.

use rgoc_syntax::{ast, Pos};

use crate::check::Checker;
use crate::types::{ids, Method, Term, Type, TypeId};
use crate::typexpr::is_exported;

/// The intersection of two type sets' terms (None: every type).
fn intersect(types: &crate::types::TypeTable, a: Option<Vec<Term>>, b: Option<Vec<Term>>) -> Option<Vec<Term>> {
    let (a, b) = match (a, b) {
        (None, x) | (x, None) => return x,
        (Some(a), Some(b)) => (a, b),
    };
    let mut out: Vec<Term> = Vec::new();
    for x in &a {
        for y in &b {
            let t = match (x.tilde, y.tilde) {
                (true, true) if types.underlying(x.typ) == types.underlying(y.typ) => Some(*x),
                (true, false) if types.underlying(y.typ) == types.underlying(x.typ) => Some(*y),
                (false, true) if types.underlying(x.typ) == types.underlying(y.typ) => Some(*x),
                (false, false) if x.typ == y.typ => Some(*x),
                _ => None,
            };
            if let Some(t) = t {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
    }
    Some(out)
}

impl<'a> Checker<'a> {
    /// An interface type literal: its methods (own and embedded) and its
    /// type set's terms.
    pub(crate) fn interface_type(&mut self, elems: &[ast::InterfaceElem]) -> TypeId {
        let mut methods: Vec<Method> = Vec::new();
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        for el in elems {
            match el {
                ast::InterfaceElem::Method { name, sig } => {
                    let st = self.func_type(sig, None);
                    if methods.iter().any(|m| m.name == name.name) {
                        self.error(name.pos, format!("duplicate method {}", name.name));
                        continue;
                    }
                    let pkg = if is_exported(&name.name) { String::new() } else { self.pkg.clone() };
                    methods.push(Method { name: name.name.clone(), sig: st, pkg });
                }
                ast::InterfaceElem::Union { pos, terms: ts } => {
                    if ts.len() == 1 && !ts[0].tilde {
                        // An embedded interface or a single type term.
                        let t = self.type_expr(&ts[0].typ);
                        if t == ids::INVALID {
                            continue;
                        }
                        match self.types.under(t).clone() {
                            Type::Interface(ms) => {
                                self.merge_methods(&mut methods, ms, *pos);
                                continue;
                            }
                            Type::Constraint { methods: ms, terms: et, comparable: c } => {
                                self.merge_methods(&mut methods, ms, *pos);
                                terms = intersect(&self.types, terms, et);
                                comparable |= c;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    let set = self.union_terms(ts);
                    terms = intersect(&self.types, terms, set);
                }
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        if terms.is_none() && !comparable {
            self.types.intern(Type::Interface(methods))
        } else {
            self.types.intern(Type::Constraint { methods, terms, comparable })
        }
    }

    fn merge_methods(&mut self, methods: &mut Vec<Method>, add: Vec<Method>, pos: Pos) {
        for m in add {
            if let Some(prev) = methods.iter().find(|x| x.name == m.name) {
                if prev.sig != m.sig {
                    self.error(pos, format!("duplicate method {}", m.name));
                }
                continue;
            }
            methods.push(m);
        }
    }

    /// The terms of a union `A | ~B | C` (None when one of them is an
    /// interface with every type in its set, like `any`).
    fn union_terms(&mut self, ts: &[ast::UnionTerm]) -> Option<Vec<Term>> {
        let mut out: Vec<Term> = Vec::new();
        let mut all = false;
        for term in ts {
            let t = self.type_expr(&term.typ);
            if t == ids::INVALID {
                continue;
            }
            if self.types.is_type_param(t) {
                self.error(term.typ.pos, "term cannot be a type parameter");
                continue;
            }
            match self.types.under(t).clone() {
                Type::Interface(ms) => {
                    if ms.is_empty() {
                        all = true;
                    } else {
                        self.error(
                            term.typ.pos,
                            format!("cannot use {} in union ({} contains methods)", self.tstr(t), self.tstr(t)),
                        );
                    }
                }
                Type::Constraint { methods, terms, comparable } => {
                    if comparable {
                        self.error(term.typ.pos, "cannot use comparable in union");
                    } else if !methods.is_empty() {
                        self.error(
                            term.typ.pos,
                            format!("cannot use {} in union ({} contains methods)", self.tstr(t), self.tstr(t)),
                        );
                    } else {
                        match terms {
                            None => all = true,
                            Some(more) => {
                                for x in more {
                                    if !out.contains(&x) {
                                        out.push(x);
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {
                    if term.tilde && self.types.underlying(t) != t {
                        let u = self.types.underlying(t);
                        self.error(
                            term.typ.pos,
                            format!("invalid use of ~ (underlying type of {} is {})", self.tstr(t), self.tstr(u)),
                        );
                        continue;
                    }
                    let x = Term { tilde: term.tilde, typ: t };
                    if !out.contains(&x) {
                        out.push(x);
                    }
                }
            }
        }
        if all {
            None
        } else {
            Some(out)
        }
    }

    /// The methods of a constraint (an interface or a `Constraint`).
    pub(crate) fn constraint_methods(&self, c: TypeId) -> Vec<Method> {
        match self.types.under(c) {
            Type::Interface(ms) => ms.clone(),
            Type::Constraint { methods, .. } => methods.clone(),
            _ => Vec::new(),
        }
    }

    /// Whether type argument `a` satisfies constraint `c` (spec "Satisfying
    /// a type constraint"); Err holds gc's reason.
    pub(crate) fn satisfies(&mut self, a: TypeId, c: TypeId) -> Result<(), String> {
        if a == ids::INVALID || c == ids::INVALID {
            return Ok(());
        }
        let (terms, comparable) = match self.types.under(c).clone() {
            Type::Constraint { terms, comparable, .. } => (terms, comparable),
            Type::Interface(_) => (None, false),
            _ => return Ok(()),
        };
        let (astr, cstr) = (self.tstr(a), self.tstr(c));
        // Methods: `a`'s method set (a type parameter: its constraint's).
        let methods = self.constraint_methods(c);
        if !methods.is_empty() {
            let iface = self.types.intern(Type::Interface(methods));
            let ok = if let Some(tp) = self.types.tparam_info(a) {
                let have = self.constraint_methods(tp.constraint);
                let have_iface = self.types.intern(Type::Interface(have));
                self.implements(have_iface, iface)
            } else {
                self.implements(a, iface)
            };
            if let Err(msg) = ok {
                let why = msg.split_once(" (").map(|(_, r)| format!(" ({}", r)).unwrap_or_default();
                return Err(format!("{} does not satisfy {}{}", astr, cstr, why));
            }
        }
        if comparable && !self.types.comparable(a) && !self.types.is_interface(a) {
            return Err(format!("{} does not satisfy comparable", astr));
        }
        let Some(ts) = terms else { return Ok(()) };
        let in_set = |s: &Self, x: TypeId| {
            ts.iter().any(|t| if t.tilde { s.types.underlying(x) == s.types.underlying(t.typ) } else { x == t.typ })
        };
        if self.types.is_type_param(a) {
            // Every type of `a`'s type set must be in `c`'s.
            let ok = match self.types.tparam_terms(a) {
                Some(ats) => ats.iter().all(|x| {
                    ts.iter().any(|t| {
                        if t.tilde {
                            self.types.underlying(x.typ) == self.types.underlying(t.typ)
                        } else {
                            !x.tilde && x.typ == t.typ
                        }
                    })
                }),
                None => false,
            };
            if !ok {
                return Err(format!("{} does not satisfy {}", astr, cstr));
            }
            return Ok(());
        }
        if in_set(self, a) {
            return Ok(());
        }
        let list = ts
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.tstr(t.typ)))
            .collect::<Vec<_>>()
            .join(" | ");
        if ts.iter().any(|t| !t.tilde && self.types.underlying(a) == self.types.underlying(t.typ)) {
            let t = ts.iter().find(|t| self.types.underlying(a) == self.types.underlying(t.typ)).expect("term");
            return Err(format!(
                "{} does not satisfy {} (possibly missing ~ for {} in {})",
                astr,
                cstr,
                self.tstr(t.typ),
                cstr
            ));
        }
        Err(format!("{} does not satisfy {} ({} missing in {})", astr, cstr, astr, list))
    }
}
