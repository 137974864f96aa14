//! Literals (go/types' literals.go): basic literals, composite literals.


use num_traits::Zero;
use rgoc_syntax::{ast, Expr, ExprKind, LitKind};

use crate::check::Checker;
use crate::constant::{self, Value};
use crate::operand::Operand;
use crate::types::{ids, Type, TypeId};
use crate::Mode;

impl<'a> Checker<'a> {
    pub(crate) fn basic_lit(&mut self, e: &Expr, kind: LitKind, raw: &str) -> Operand {
        match kind {
            LitKind::Int => match constant::parse_int_lit(raw) {
                Some(i) => Operand::constant(ids::UNTYPED_INT, Value::Int(i)),
                None => {
                    self.error(e.pos, format!("invalid integer literal {}", raw));
                    Operand::invalid()
                }
            },
            LitKind::Float => match constant::parse_float_value(raw) {
                Some(v) => Operand::constant(ids::UNTYPED_FLOAT, v),
                None => {
                    self.error(e.pos, format!("malformed constant: {}", raw));
                    Operand::invalid()
                }
            },
            LitKind::Imag => {
                let body = &raw[..raw.len() - 1];
                let im = if body.contains(['.', 'e', 'E', 'p', 'P'])
                    || (body.starts_with("0x") || body.starts_with("0X"))
                        && body.contains(['p', 'P'])
                {
                    constant::parse_float_lit(body)
                } else {
                    // Legacy: 0123i is decimal.
                    let dec: String = body.chars().filter(|&c| c != '_').collect();
                    if dec.starts_with("0x") || dec.starts_with("0b") || dec.starts_with("0o") {
                        constant::parse_int_lit(&dec).map(num_rational::BigRational::from_integer)
                    } else {
                        constant::parse_float_lit(&dec)
                    }
                };
                match im {
                    Some(f) => Operand::constant(
                        ids::UNTYPED_COMPLEX,
                        Value::Complex(num_rational::BigRational::zero(), f),
                    ),
                    None => {
                        self.error(e.pos, format!("invalid imaginary literal {}", raw));
                        Operand::invalid()
                    }
                }
            }
            LitKind::Char => match rgoc_syntax::literal::unquote_char(raw) {
                Ok(c) => Operand::constant(ids::UNTYPED_RUNE, Value::int(c as i64)),
                Err(m) => {
                    self.error(e.pos, m);
                    Operand::invalid()
                }
            },
            LitKind::String => match rgoc_syntax::literal::unquote_string(raw) {
                Ok(s) => Operand::constant(ids::UNTYPED_STRING, Value::String(s)),
                Err(m) => {
                    self.error(e.pos, m);
                    Operand::invalid()
                }
            },
        }
    }

    pub(crate) fn composite_lit(
        &mut self,
        e: &Expr,
        typ: Option<&Expr>,
        elts: &[ast::Element],
        hint: Option<TypeId>,
    ) -> Operand {
        let t = match typ {
            Some(te) => {
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    // [...]T{...}: the length comes from the elements.
                    let et = self.type_expr(elem);
                    let n = self.indexed_elts(elts, et, None);
                    let at = self.types.intern(Type::Array(n, et));
                    self.record(te.id, Mode::Type, at, None);
                    return Operand::value(at);
                }
                self.type_expr(te)
            }
            None => match hint {
                Some(h) => h,
                None => {
                    return self.errorf(e.pos, "invalid composite literal type: missing type");
                }
            },
        };
        if t == ids::INVALID {
            for el in elts {
                if let Some(k) = &el.key {
                    if !matches!(k.kind, ExprKind::Ident(_)) {
                        self.expr(k);
                    }
                }
                self.expr(&el.value);
            }
            return Operand::invalid();
        }
        // An elided &T in a literal of pointers: hint *T gives T{...}.
        let (lit_t, is_ptr) = match (typ, self.types.under(t)) {
            (None, Type::Pointer(b)) => (*b, true),
            _ => (t, false),
        };
        match self.types.under(lit_t).clone() {
            Type::Struct(fields) => {
                if elts.is_empty() {
                } else if elts[0].key.is_some() {
                    // Paths of the fields given, with their names: a field
                    // promoted through embedded structs may be given too
                    // (go 1.27), not together with its enclosing field.
                    let mut seen: Vec<(Vec<usize>, String)> = Vec::new();
                    for el in elts {
                        let Some(k) = &el.key else {
                            self.error(
                                el.value.pos,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        };
                        let ExprKind::Ident(name) = &k.kind else {
                            self.error(
                                k.pos,
                                format!(
                                    "invalid field name {} in struct literal",
                                    self.expr_string(k)
                                ),
                            );
                            continue;
                        };
                        let (path, ft) = match fields.iter().position(|f| &f.name == name) {
                            Some(fi) => (vec![fi], fields[fi].typ),
                            None => match crate::lookup::lookup_field_or_method(&self.types, &self.objs, lit_t, name) {
                                crate::LookupResult::Field { typ, path, indirect } => {
                                    if indirect {
                                        self.error(k.pos, format!("invalid implicit pointer indirection to reach {}", name));
                                        self.expr(&el.value);
                                        continue;
                                    }
                                    // Codegen stores through the path.
                                    self.info.selections.insert(
                                        k.id,
                                        crate::Selection {
                                            kind: crate::SelectionKind::FieldVal,
                                            obj: None,
                                            path: path.clone(),
                                            indirect: false,
                                            typ,
                                            iface_index: None,
                                        },
                                    );
                                    (path, typ)
                                }
                                _ => {
                                    self.error(
                                        k.pos,
                                        format!(
                                            "unknown field {} in struct literal of type {}",
                                            name,
                                            self.tstr(lit_t)
                                        ),
                                    );
                                    self.expr(&el.value);
                                    continue;
                                }
                            },
                        };
                        for (q, qn) in &seen {
                            let msg = if *q == path {
                                format!("duplicate field name {} in struct literal", name)
                            } else if path.starts_with(q) {
                                format!("cannot specify promoted field {} and enclosing embedded field {}", name, qn)
                            } else if q.starts_with(&path) {
                                format!("cannot specify embedded field {} and enclosed promoted field {}", name, qn)
                            } else {
                                continue;
                            };
                            self.error(k.pos, msg);
                            break;
                        }
                        seen.push((path, name.clone()));
                        let mut x = self.expr_hint(&el.value, Some(ft));
                        x = self.single_value(&el.value, x);
                        self.assignment(&mut x, &el.value, ft, "struct literal");
                    }
                } else {
                    for (i, el) in elts.iter().enumerate() {
                        if let Some(k) = &el.key {
                            self.error(
                                k.pos,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            self.error(
                                el.value.pos,
                                format!(
                                    "too many values in struct literal of type {}",
                                    self.tstr(lit_t)
                                ),
                            );
                            break;
                        };
                        let ft = f.typ;
                        let mut x = self.expr_hint(&el.value, Some(ft));
                        x = self.single_value(&el.value, x);
                        self.assignment(&mut x, &el.value, ft, "struct literal");
                    }
                    if elts.len() < fields.len() && !elts.is_empty() {
                        self.error(
                            e.pos_end_hint(),
                            format!(
                                "too few values in struct literal of type {}",
                                self.tstr(lit_t)
                            ),
                        );
                    }
                }
            }
            Type::Array(n, et) => {
                self.indexed_elts(elts, et, Some(n));
            }
            Type::Slice(et) => {
                self.indexed_elts(elts, et, None);
            }
            Type::Map(kt, vt) => {
                let mut keys: Vec<Value> = Vec::new();
                for el in elts {
                    let Some(k) = &el.key else {
                        self.error(el.value.pos, "missing key in map literal");
                        continue;
                    };
                    let mut kx = self.expr_hint(k, Some(kt));
                    kx = self.single_value(k, kx);
                    if self.assignment(&mut kx, k, kt, "map literal") {
                        if let Some(v) = &kx.val {
                            if !self.types.is_interface(kt) {
                                if keys.contains(v) {
                                    self.error(
                                        k.pos,
                                        format!(
                                            "duplicate key {} in map literal",
                                            self.expr_string(k)
                                        ),
                                    );
                                }
                                keys.push(v.clone());
                            }
                        }
                    }
                    let mut vx = self.expr_hint(&el.value, Some(vt));
                    vx = self.single_value(&el.value, vx);
                    self.assignment(&mut vx, &el.value, vt, "map literal");
                }
            }
            _ => {
                return self.errorf(
                    e.pos,
                    format!("invalid composite literal type {}", self.tstr(lit_t)),
                );
            }
        }
        if is_ptr {
            // Record the elided type for codegen: the literal builds lit_t
            // and takes its address.
            return Operand::value(t);
        }
        Operand::value(lit_t)
    }

    /// Elements of an array/slice literal; returns the length.
    pub(crate) fn indexed_elts(&mut self, elts: &[ast::Element], et: TypeId, len: Option<u64>) -> u64 {
        let mut idx: u64 = 0;
        let mut max: u64 = 0;
        let mut seen = std::collections::HashSet::new();
        for el in elts {
            if let Some(k) = &el.key {
                match self.index_value(k, None) {
                    Some(Some(i)) => idx = i as u64,
                    Some(None) => {
                        self.error(
                            k.pos,
                            format!("index {} must be integer constant", self.expr_string(k)),
                        );
                    }
                    None => {}
                }
            }
            if let Some(n) = len {
                if idx >= n {
                    self.error(
                        el.value.pos,
                        format!("index {} out of bounds [0:{}]", idx, n)
                            .replace("index", "array index"),
                    );
                }
            }
            if !seen.insert(idx) {
                self.error(
                    el.key.as_ref().map(|k| k.pos).unwrap_or(el.value.pos),
                    format!("duplicate index {} in array or slice literal", idx),
                );
            }
            let mut x = self.expr_hint(&el.value, Some(et));
            x = self.single_value(&el.value, x);
            self.assignment(&mut x, &el.value, et, "array or slice literal");
            idx += 1;
            max = max.max(idx);
        }
        max
    }
}

trait EndPos {
    fn pos_end_hint(&self) -> rgoc_syntax::Pos;
}

impl EndPos for Expr {
    fn pos_end_hint(&self) -> rgoc_syntax::Pos {
        match &self.kind {
            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
            _ => self.pos,
        }
    }
}
