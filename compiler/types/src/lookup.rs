//! Field and method lookup through embedded fields (breadth first, by
//! depth, as the spec's selector rules say), method sets, and interface
//! satisfaction.

use std::collections::HashSet;

use crate::check::Checker;
use crate::objects::{ObjId, Objects};
use crate::types::{Type, TypeId, TypeTable};

#[derive(Clone, Debug)]
pub enum LookupResult {
    Field {
        typ: TypeId,
        path: Vec<usize>,
        indirect: bool,
    },
    /// `obj` is the method's object for concrete types; for interface
    /// methods it is a synthesised object too (see `iface_index`).
    Method {
        obj: ObjId,
        sig: TypeId,
        path: Vec<usize>,
        indirect: bool,
        iface_index: Option<usize>,
    },
    Ambiguous,
    NotFound,
}

struct Entry {
    typ: TypeId,
    path: Vec<usize>,
    indirect: bool,
}

/// Looks up `name` in type `t` (a value's type, possibly a pointer).
pub fn lookup_field_or_method(
    types: &TypeTable,
    objs: &Objects,
    t: TypeId,
    name: &str,
) -> LookupResult {
    let (base, indirect) = match types.get(t) {
        Type::Pointer(e) => (*e, true),
        Type::Named(_) => match types.under(t) {
            // A named pointer type has no methods, but its fields are reachable.
            Type::Pointer(e) => {
                let r = lookup_field_or_method(types, objs, *e, name);
                return match r {
                    LookupResult::Field { typ, path, .. } => LookupResult::Field {
                        typ,
                        path,
                        indirect: true,
                    },
                    _ => LookupResult::NotFound,
                };
            }
            _ => (t, false),
        },
        _ => (t, false),
    };
    if indirect {
        if let Type::Pointer(_) = types.under(base) {
            return LookupResult::NotFound;
        }
        if let Type::Interface(_) = types.under(base) {
            return LookupResult::NotFound;
        }
    }
    let mut current = vec![Entry {
        typ: base,
        path: vec![],
        indirect,
    }];
    let mut seen: HashSet<TypeId> = HashSet::new();
    while !current.is_empty() {
        let mut found: Vec<LookupResult> = Vec::new();
        let mut next = Vec::new();
        for e in &current {
            if let Some(tp) = types.tparam_info(e.typ) {
                // A type parameter has the methods of its constraint (and
                // no fields, whatever its core type).
                let ms = match types.under(tp.constraint) {
                    Type::Interface(ms) => ms.clone(),
                    Type::Constraint { methods, .. } => methods.clone(),
                    _ => Vec::new(),
                };
                if let Some(i) = ms.iter().position(|m| m.name == name) {
                    found.push(LookupResult::Method {
                        obj: iface_method_obj(objs, types, e.typ, i),
                        sig: ms[i].sig,
                        path: e.path.clone(),
                        indirect: e.indirect,
                        iface_index: Some(i),
                    });
                }
                continue;
            }
            if let Some(n) = types.named_info(e.typ) {
                if !seen.insert(e.typ) {
                    continue;
                }
                for &m in &n.methods {
                    if objs.get(m).name == name {
                        found.push(LookupResult::Method {
                            obj: m,
                            sig: objs.get(m).typ,
                            path: e.path.clone(),
                            indirect: e.indirect,
                            iface_index: None,
                        });
                    }
                }
            }
            match types.under(e.typ) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        let mut path = e.path.clone();
                        path.push(i);
                        if f.name == name {
                            found.push(LookupResult::Field {
                                typ: f.typ,
                                path: path.clone(),
                                indirect: e.indirect,
                            });
                        }
                        if f.embedded {
                            let (ft, ptr) = match types.get(f.typ) {
                                Type::Pointer(p) => (*p, true),
                                _ => (f.typ, false),
                            };
                            next.push(Entry {
                                typ: ft,
                                path,
                                indirect: e.indirect || ptr,
                            });
                        }
                    }
                }
                Type::Interface(methods) => {
                    if let Some(i) = methods.iter().position(|m| m.name == name) {
                        let obj = iface_method_obj(objs, types, e.typ, i);
                        found.push(LookupResult::Method {
                            obj,
                            sig: methods[i].sig,
                            path: e.path.clone(),
                            indirect: e.indirect,
                            iface_index: Some(i),
                        });
                    }
                }
                _ => {}
            }
        }
        match found.len() {
            0 => {}
            1 => return found.pop().expect("one"),
            _ => return LookupResult::Ambiguous,
        }
        current = next;
    }
    LookupResult::NotFound
}

/// Interface methods are represented by objects created on demand by the
/// checker (`Checker::iface_method`); lookup without a mutable object table
/// uses a sentinel that the checker replaces.
fn iface_method_obj(_objs: &Objects, _types: &TypeTable, _t: TypeId, _i: usize) -> ObjId {
    ObjId(u32::MAX)
}

/// Whether the method set of `t` contains a method `name` with signature `sig`.
pub fn method_set_contains(
    types: &TypeTable,
    objs: &Objects,
    t: TypeId,
    name: &str,
    sig: TypeId,
) -> bool {
    match lookup_field_or_method(types, objs, t, name) {
        LookupResult::Method {
            obj,
            indirect,
            iface_index,
            ..
        } => {
            if iface_index.is_some() {
                return match types.under(types.underlying(match types.get(t) {
                    Type::Pointer(p) => *p,
                    _ => t,
                })) {
                    Type::Interface(ms) => ms.iter().any(|m| m.name == name && m.sig == sig),
                    _ => true,
                };
            }
            let o = objs.get(obj);
            o.tparams.is_empty() && o.typ == sig && (!o.ptr_recv || indirect || types.is_pointer(t))
        }
        _ => false,
    }
}

impl<'a> Checker<'a> {
    /// Whether type `v` implements interface `t`; Err holds gc's reason.
    pub(crate) fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let Type::Interface(methods) = self.types.under(t).clone() else {
            return Err(String::new());
        };
        let vs = self.tstr(v);
        let ts = self.tstr(t);
        if let Type::Interface(vm) = self.types.under(v).clone() {
            for m in &methods {
                match vm.iter().find(|x| x.name == m.name) {
                    None => return Err(format!("{} does not implement {} (missing method {})", vs, ts, m.name)),
                    Some(x) if x.sig != m.sig => {
                        return Err(format!("{} does not implement {} (wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}", vs, ts, m.name, m.name, self.sig_str(x.sig), m.name, self.sig_str(m.sig)))
                    }
                    _ => {}
                }
            }
            return Ok(());
        }
        for m in &methods {
            match lookup_field_or_method(&self.types, &self.objs, v, &m.name) {
                LookupResult::Method {
                    obj,
                    indirect,
                    iface_index: None,
                    ..
                } => {
                    let o = self.objs.get(obj).clone();
                    if !o.tparams.is_empty() {
                        // A generic method is not in the method set that
                        // satisfies interfaces.
                        return Err(format!("{} does not implement {} (wrong type for method {})\n\t\thave {}{}{}\n\t\twant {}{}", vs, ts, m.name, m.name, self.tparam_list_str(&o.tparams), self.sig_str(o.typ), m.name, self.sig_str(m.sig)));
                    }
                    if o.typ != m.sig {
                        return Err(format!("{} does not implement {} (wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}", vs, ts, m.name, m.name, self.sig_str(o.typ), m.name, self.sig_str(m.sig)));
                    }
                    if o.ptr_recv && !indirect && !self.types.is_pointer(v) {
                        return Err(format!(
                            "{} does not implement {} (method {} has pointer receiver)",
                            vs, ts, m.name
                        ));
                    }
                }
                LookupResult::Method {
                    iface_index: Some(_),
                    ..
                } => {}
                LookupResult::Field { .. } => {
                    return Err(format!(
                        "{} does not implement {} (missing method {})",
                        vs, ts, m.name
                    ));
                }
                _ => {
                    return Err(format!(
                        "{} does not implement {} (missing method {})",
                        vs, ts, m.name
                    ))
                }
            }
        }
        Ok(())
    }

    /// A type parameter list as go/types writes it: `[P any]`, `[K
    /// comparable, V any]`, `[P, Q any]`.
    pub(crate) fn tparam_list_str(&self, tps: &[TypeId]) -> String {
        let mut groups: Vec<(Vec<String>, TypeId)> = Vec::new();
        for &p in tps {
            let c = self.types.tparam_info(p).map(|i| i.constraint).unwrap_or(crate::types::ids::INVALID);
            let name = self.tstr(p);
            match groups.last_mut() {
                Some((names, gc)) if *gc == c => names.push(name),
                _ => groups.push((vec![name], c)),
            }
        }
        let parts: Vec<String> = groups
            .into_iter()
            .map(|(names, c)| {
                let cs = if c == crate::types::ids::EMPTY_INTERFACE { "any".to_string() } else { self.tstr(c) };
                format!("{} {}", names.join(", "), cs)
            })
            .collect();
        format!("[{}]", parts.join(", "))
    }

    fn sig_str(&self, sig: TypeId) -> String {
        let mut s = String::new();
        if let Some(sg) = self.types.signature(sig) {
            self.types.write_signature(&mut s, sg, Some(&self.pkg));
        }
        s
    }
}
