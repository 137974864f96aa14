//! Type expressions: names, literals of composite types, function
//! signatures, interfaces (flattened method sets).

use num_traits::ToPrimitive;
use rgoc_syntax::{ast, Expr, ExprKind};

use crate::check::Checker;
use crate::types::{ids, ChanDir, Field, Signature, Type, TypeId};
use crate::Mode;

impl<'a> Checker<'a> {
    /// Evaluates a type expression; reports and returns INVALID if `e` is not a type.
    pub(crate) fn type_expr(&mut self, e: &Expr) -> TypeId {
        let t = self.type_expr_inner(e);
        if t != ids::INVALID {
            self.record(e.id, Mode::Type, t, None);
        }
        t
    }

    fn type_expr_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let x = self.expr(e);
                if x.is_invalid() {
                    return ids::INVALID;
                }
                if x.mode != Mode::Type {
                    self.error(e.pos, format!("{} is not a type", self.expr_string(e)));
                    return ids::INVALID;
                }
                if self.is_generic_type(x.typ) {
                    let msg = format!("cannot use generic type {} without instantiation", self.generic_type_string(x.typ));
                    self.error(e.pos, msg);
                    return ids::INVALID;
                }
                if let Some(o) = self.generic_alias_of(e) {
                    let name = self.objs.get(o).name.clone();
                    self.error(e.pos, format!("cannot use generic type {} without instantiation", name));
                    return ids::INVALID;
                }
                x.typ
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Synth(t) => TypeId(*t),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                if t == ids::INVALID {
                    return t;
                }
                self.types.pointer(t)
            }
            ExprKind::ArrayType { len, elem } => self.array_type(e, len, elem),
            ExprKind::SliceType { elem } => {
                let et = self.type_expr(elem);
                if et == ids::INVALID {
                    return et;
                }
                self.types.slice(et)
            }
            ExprKind::MapType { key, value } => {
                let kt = self.type_expr(key);
                let vt = self.type_expr(value);
                if kt == ids::INVALID || vt == ids::INVALID {
                    return ids::INVALID;
                }
                if matches!(self.types.get(kt), Type::Named(_) if self.types.underlying(kt) == ids::INVALID) {
                    // The key type is still being declared: check it once
                    // its declaration is complete.
                    self.pending_keys.push((kt, key.pos));
                } else if self.types.tparam_info(kt).is_some_and(|i| i.constraint == ids::INVALID) {
                    // A type parameter of the list being declared: its
                    // constraint is not known yet.
                } else if !self.types.comparable(kt) {
                    let why = if self.types.is_type_param(kt) { " (missing comparable constraint)" } else { "" };
                    self.error(key.pos, format!("invalid map key type {}{}", self.tstr(kt), why));
                    return ids::INVALID;
                }
                self.types.intern(Type::Map(kt, vt))
            }
            ExprKind::ChanType { dir, elem } => {
                let et = self.type_expr(elem);
                if et == ids::INVALID {
                    return et;
                }
                let d = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.types.intern(Type::Chan(d, et))
            }
            ExprKind::FuncType(ft) => self.func_type(ft, None),
            ExprKind::StructType { fields } => self.struct_type(fields),
            ExprKind::InterfaceType { elems } => self.interface_type(elems),
            ExprKind::Index { x: base, indices } => {
                let x = self.expr(base);
                if x.is_invalid() {
                    return ids::INVALID;
                }
                if x.mode != Mode::Type {
                    self.error(e.pos, format!("{} is not a type", self.expr_string(e)));
                    return ids::INVALID;
                }
                if let Some(o) = self.generic_alias_of(base) {
                    return self.alias_instance(e, o, indices);
                }
                if !self.is_generic_type(x.typ) {
                    self.error(e.pos, format!("{} is not a generic type", self.tstr(x.typ)));
                    return ids::INVALID;
                }
                self.generic_type_instance(e, x.typ, indices)
            }
            _ => {
                let x = self.expr(e);
                if !x.is_invalid() {
                    self.error(e.pos, format!("{} is not a type", self.expr_string(e)));
                }
                ids::INVALID
            }
        }
    }

    /// An array type `[N]T`: N a non-negative integer constant.
    fn array_type(&mut self, e: &Expr, len: &Option<Box<Expr>>, elem: &Expr) -> TypeId {
        let Some(len) = len else {
            self.error(
                e.pos,
                "invalid use of [...] array (outside a composite literal)",
            );
            return ids::INVALID;
        };
        let lx = self.value(len);
        let n = match (&lx.val, lx.is_invalid()) {
            (_, true) => return ids::INVALID,
            (Some(v), _)
                if self.types.is_integer(lx.typ) || self.types.is_untyped(lx.typ) =>
            {
                match v.as_int().and_then(|i| i.to_i64()) {
                    Some(n) if n >= 0 => n as u64,
                    Some(_) => {
                        self.error(
                            len.pos,
                            format!(
                                "invalid array length {} (untyped int constant)",
                                self.expr_string(len)
                            )
                            .replace(" (untyped int constant)", ""),
                        );
                        return ids::INVALID;
                    }
                    None => {
                        self.error(
                            len.pos,
                            format!(
                                "array length {} must be integer",
                                self.operand_string(len, &lx)
                            ),
                        );
                        return ids::INVALID;
                    }
                }
            }
            _ => {
                self.error(
                    len.pos,
                    format!(
                        "array length {} must be constant",
                        self.operand_string(len, &lx)
                    )
                    .replace("must be constant", "(value of type int) must be constant")
                    .split(" (value")
                    .next()
                    .map(|s| {
                        format!(
                            "{} must be constant",
                            s.trim_end_matches(" must be constant")
                        )
                    })
                    .unwrap_or_default(),
                );
                return ids::INVALID;
            }
        };
        let et = self.type_expr(elem);
        if et == ids::INVALID {
            return et;
        }
        self.types.intern(Type::Array(n, et))
    }

    /// A struct type (go/types' struct.go): fields in order, embedded fields named by their type.
    fn struct_type(&mut self, fields: &[ast::Field]) -> TypeId {
        let mut out: Vec<Field> = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for f in fields {
            let t = self.type_expr(&f.typ);
            let tag = f.tag.clone().unwrap_or_default();
            if f.embedded || f.names.is_empty() {
                let name = embedded_name(&f.typ).unwrap_or_default();
                if t != ids::INVALID {
                    let base = match self.types.get(t) {
                        Type::Pointer(p) => *p,
                        _ => t,
                    };
                    if matches!(self.types.get(t), Type::Pointer(_))
                        && (self.types.is_pointer(base) || self.types.is_interface(base))
                    {
                        self.error(
                            f.typ.pos,
                            "embedded field type cannot be a pointer to an interface",
                        );
                    }
                }
                if let Some(p) = seen.insert(name.clone(), f.pos) {
                    let _ = p;
                    self.error(f.pos, format!("{} redeclared", name));
                }
                let pkg = if is_exported(&name) {
                    String::new()
                } else {
                    self.pkg.clone()
                };
                out.push(Field {
                    name,
                    typ: t,
                    embedded: true,
                    tag,
                    pkg,
                });
            } else {
                for n in &f.names {
                    if n.name != "_" {
                        if let Some(_p) = seen.insert(n.name.clone(), n.pos) {
                            self.error(n.pos, format!("{} redeclared", n.name));
                        }
                    }
                    let pkg = if is_exported(&n.name) {
                        String::new()
                    } else {
                        self.pkg.clone()
                    };
                    out.push(Field {
                        name: n.name.clone(),
                        typ: t,
                        embedded: false,
                        tag: tag.clone(),
                        pkg,
                    });
                }
            }
        }
        if out.iter().any(|f| f.typ == ids::INVALID) {
            return ids::INVALID;
        }
        self.types.intern(Type::Struct(out))
    }


    /// The type of a function signature (receiver excluded).
    pub(crate) fn func_type(&mut self, ft: &ast::FuncType, _recv: Option<&ast::Field>) -> TypeId {
        let mut params = Vec::new();
        let mut variadic = false;
        for (i, f) in ft.params.iter().enumerate() {
            let mut t = self.type_expr(&f.typ);
            if f.variadic {
                if i + 1 != ft.params.len() || f.names.len() > 1 {
                    self.error(f.typ.pos, "can only use ... with final parameter in list");
                } else {
                    variadic = true;
                }
                if t != ids::INVALID {
                    t = self.types.slice(t);
                }
            }
            for _ in 0..f.names.len().max(1) {
                params.push(t);
            }
        }
        let mut results = Vec::new();
        for f in &ft.results {
            let t = self.type_expr(&f.typ);
            for _ in 0..f.names.len().max(1) {
                results.push(t);
            }
        }
        self.types.intern(Type::Func(Signature {
            params,
            results,
            variadic,
        }))
    }

    /// `var a, b T = x, y` (local or global): declares nothing itself, types
    /// the objects in `objs` (already created).
    pub(crate) fn var_spec(&mut self, spec: &ast::ValueSpec, objs: &[crate::ObjId]) {
        let t = spec.typ.as_ref().map(|t| self.type_expr(t));
        if spec.values.is_empty() {
            let t = t.unwrap_or(ids::INVALID);
            for &o in objs {
                self.objs.get_mut(o).typ = t;
            }
            return;
        }
        if spec.values.len() == 1 && objs.len() > 1 {
            // var a, b = f()  /  v, ok = m[k] etc.
            let rhs = &spec.values[0];
            let types = self.multi_value(rhs, objs.len());
            match types {
                Some(ts) => {
                    for (i, &o) in objs.iter().enumerate() {
                        let mut vt = ts[i];
                        if let Some(t) = t {
                            let x = crate::operand::Operand::value(vt);
                            if t != ids::INVALID
                                && vt != ids::INVALID
                                && self.assignable(&x, t).is_err()
                            {
                                self.error(
                                    rhs.pos,
                                    format!(
                                        "cannot use {} value as {} value in assignment",
                                        self.tstr(vt),
                                        self.tstr(t)
                                    ),
                                );
                            }
                            vt = t;
                        }
                        self.objs.get_mut(o).typ = vt;
                    }
                }
                None => {
                    for &o in objs {
                        self.objs.get_mut(o).typ = t.unwrap_or(ids::INVALID);
                    }
                }
            }
            return;
        }
        if spec.values.len() != objs.len() {
            // types2's arity: the first extra value or the first name
            // without one.
            let (l, r) = (objs.len(), spec.values.len());
            if l < r {
                self.error(
                    spec.values[l].pos,
                    format!("extra init expr {}", self.expr_string(&spec.values[l])),
                );
            } else {
                self.error(
                    spec.names[r].pos,
                    format!("missing init expr for {}", spec.names[r].name),
                );
            }
            for v in &spec.values {
                self.expr(v);
            }
            for &o in objs {
                self.objs.get_mut(o).typ = t.unwrap_or(ids::INVALID);
            }
            return;
        }
        for (i, &o) in objs.iter().enumerate() {
            let v = &spec.values[i];
            let mut x = self.expr_hint(v, t);
            x = if spec.values.len() == 1 {
                self.assign_value(v, x)
            } else {
                self.single_value(v, x)
            };
            let vt = match t {
                Some(t) => {
                    self.assignment(&mut x, v, t, "variable declaration");
                    t
                }
                None => {
                    if x.typ == ids::UNTYPED_NIL {
                        self.error(v.pos, "use of untyped nil in variable declaration");
                        ids::INVALID
                    } else {
                        self.default_untyped_in(&mut x, v, "variable declaration");
                        x.typ
                    }
                }
            };
            self.objs.get_mut(o).typ = vt;
        }
    }

    /// Checks an expression that must produce `n` values (a call with `n`
    /// results, or a comma-ok form when n == 2). Returns their types.
    pub(crate) fn multi_value(&mut self, e: &Expr, n: usize) -> Option<Vec<TypeId>> {
        let x = self.expr(e);
        if x.is_invalid() {
            return None;
        }
        if let Type::Tuple(ts) = self.types.get(x.typ).clone() {
            if ts.len() == n {
                return Some(ts);
            }
            let callee = match &crate::check::strip_paren(e).kind {
                ExprKind::Call { fun, .. } => self.expr_string(fun),
                _ => self.expr_string(e),
            };
            self.error(
                e.pos,
                format!(
                    "assignment mismatch: {} variables but {} returns {} value{}",
                    n,
                    callee,
                    ts.len(),
                    if ts.len() == 1 { "" } else { "s" }
                ),
            );
            return None;
        }
        if n == 2 {
            let inner = crate::check::strip_paren(e);
            let comma_ok = match &inner.kind {
                ExprKind::Index { .. } => x.mode == Mode::MapIndex,
                ExprKind::TypeAssert { .. } => true,
                ExprKind::Unary {
                    op: rgoc_syntax::UnOp::Recv,
                    ..
                } => true,
                _ => false,
            };
            if comma_ok {
                self.info.comma_ok.insert(inner.id);
                return Some(vec![x.typ, ids::UNTYPED_BOOL]);
            }
        }
        if matches!(x.mode, Mode::Type | Mode::NoValue | Mode::Builtin) {
            self.single_value(e, x);
            return None;
        }
        let what = if matches!(crate::check::strip_paren(e).kind, ExprKind::Call { .. }) {
            let callee = match &crate::check::strip_paren(e).kind {
                ExprKind::Call { fun, .. } => self.expr_string(fun),
                _ => self.expr_string(e),
            };
            format!(
                "assignment mismatch: {} variables but {} returns 1 value",
                n, callee
            )
        } else {
            format!("assignment mismatch: {} variables but 1 value", n)
        };
        self.error(e.pos, what);
        None
    }
}

fn embedded_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n.clone()),
        ExprKind::Star(x) | ExprKind::Paren(x) => embedded_name(x),
        ExprKind::Selector { sel, .. } => Some(sel.name.clone()),
        ExprKind::Index { x, .. } => embedded_name(x),
        _ => None,
    }
}

pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}
