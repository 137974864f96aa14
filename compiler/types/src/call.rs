//! Calls (go/types' call.go): function and method calls, arguments
//! against a signature, selectors.


use rgoc_syntax::{ast, Expr, ExprKind};

use crate::check::Checker;
use crate::objects::{ObjId, ObjKind, ScopeId};
use crate::operand::Operand;
use crate::types::{ids, Signature, Type, TypeId};
use crate::{Mode, Selection, SelectionKind};

impl<'a> Checker<'a> {
    pub(crate) fn call(&mut self, e: &Expr, fun: &Expr, args: &[Expr], ellipsis: bool) -> Operand {
        if let Some(x) = self.generic_call(e, fun, args, ellipsis) {
            return x;
        }
        let f = self.expr(fun);
        // The selector generic_call checked was reused (or the call's
        // function does not contain it after all).
        self.reuse_operand = None;
        if f.is_invalid() {
            for a in args {
                self.expr(a);
            }
            return Operand::invalid();
        }
        match f.mode {
            Mode::Type => return self.conversion(e, f.typ, args, ellipsis),
            Mode::Builtin => return self.builtin(e, f.builtin.expect("builtin"), args, ellipsis),
            _ => {}
        }
        let Some(sig) = self.types.signature(f.typ).cloned() else {
            self.error(
                e.pos,
                format!(
                    "invalid operation: cannot call {}: {} is not a function",
                    self.operand_string(fun, &f),
                    self.tstr(f.typ)
                ),
            );
            for a in args {
                self.expr(a);
            }
            return Operand::invalid();
        };
        self.arguments(e, fun, &sig, args, ellipsis);
        self.call_result(&sig)
    }

    /// The operand a call of a function with signature `sig` produces.
    pub(crate) fn call_result(&mut self, sig: &Signature) -> Operand {
        match sig.results.len() {
            0 => Operand::novalue(),
            1 => Operand::value(sig.results[0]),
            _ => {
                let t = self.types.tuple(sig.results.clone());
                Operand::value(t)
            }
        }
    }

    /// Checks call arguments against a signature (including `f(g())` with a
    /// multi-value g, and variadic calls).
    pub(crate) fn arguments(
        &mut self,
        call: &Expr,
        fun: &Expr,
        sig: &Signature,
        args: &[Expr],
        ellipsis: bool,
    ) {
        let (ops, spread) = self.eval_args(args, ellipsis);
        self.check_args(call, fun, sig, ops, spread, args, ellipsis);
    }

    /// Evaluates call arguments; a single multi-value call spreads (the
    /// bool says so).
    pub(crate) fn eval_args<'e>(&mut self, args: &'e [Expr], ellipsis: bool) -> (Vec<(Operand, &'e Expr)>, bool) {
        let mut ops: Vec<(Operand, &Expr)> = Vec::new();
        let mut spread = false;
        if args.len() == 1 && !ellipsis {
            let x = if self.is_generic_func_name(&args[0]) { self.generic_operand(&args[0]) } else { self.expr(&args[0]) };
            if let Type::Tuple(ts) = self.types.get(x.typ).clone() {
                if !ts.is_empty() && x.mode != Mode::Type {
                    spread = true;
                    for t in ts {
                        ops.push((Operand::value(t), &args[0]));
                    }
                }
            }
            if !spread {
                let x = self.single_value(&args[0], x);
                ops.push((x, &args[0]));
            }
        } else {
            for a in args {
                let x = if self.is_generic_func_name(a) { self.generic_operand(a) } else { self.value(a) };
                ops.push((x, a));
            }
        }
        (ops, spread)
    }

    /// Whether argument `a` is a name (`F`, `pkg.F`) that may denote a
    /// generic function: such an argument may stand uninstantiated, its
    /// type arguments inferred from the parameter's type (go 1.21's
    /// reverse type inference: `slices.SortFunc(s, slices.Compare)`).
    pub(crate) fn is_generic_func_name(&self, a: &Expr) -> bool {
        match &crate::check::strip_paren(a).kind {
            ExprKind::Ident(_) => true,
            ExprKind::Selector { x, .. } => self.is_package_name(x),
            _ => false,
        }
    }

    /// The generic function an evaluated argument still denotes
    /// uninstantiated, if any.
    pub(crate) fn pending_generic_arg(&self, x: &Operand, a: &Expr) -> Option<ObjId> {
        let o = self.generic_func_of(a)?;
        (x.typ == self.objs.get(o).typ && x.mode != Mode::Type).then_some(o)
    }

    /// Instantiates the generic function `origin` named by argument `a` for
    /// parameter type `t` (of a call of `fname`; None: of an assignment):
    /// its type arguments are inferred by unifying its signature with `t`
    /// (then from its constraints).
    pub(crate) fn instantiate_generic_arg(&mut self, x: &mut Operand, a: &Expr, origin: ObjId, t: TypeId, fname: Option<&str>) {
        let tparams = self.objs.get(origin).tparams.clone();
        let gsig = self.objs.get(origin).typ;
        let name = self.expr_string(a);
        let mut b = crate::infer::Bindings::new(&tparams);
        let fits = self.types.signature(self.types.underlying(t)).is_some() && self.unify(&mut b, gsig, t);
        if !fits {
            let Some(fname) = fname else {
                *x = self.errorf(a.pos, format!("cannot use generic function {} without instantiation", name));
                return;
            };
            let gs = self.tstr(gsig);
            let gs = format!("func[{}]{}", self.tparam_list_string(&tparams), gs.strip_prefix("func").unwrap_or(&gs));
            let msg = format!("in call to {}, type {} of {} does not match {}", fname, gs, name, self.tstr(t));
            *x = self.errorf(a.pos, msg);
            return;
        }
        self.infer_from_constraints(&mut b);
        let resolved = self.resolve_bindings(&b);
        let mut targs = Vec::new();
        for (p, r) in tparams.iter().zip(resolved) {
            match r {
                Some(t) if self.types.is_concrete(t) => targs.push(t),
                _ => {
                    let msg = format!("in call to {}, cannot infer {}", name, self.tstr(*p));
                    *x = self.errorf(a.pos, msg);
                    return;
                }
            }
        }
        let pos = vec![a.pos; targs.len()];
        if !self.verify_targs(&tparams, &targs, &pos) {
            *x = Operand::invalid();
            return;
        }
        let (inst, sig_t) = self.func_instance(origin, &targs, a.pos);
        let inner = crate::check::strip_paren(a);
        self.record(inner.id, Mode::Value, sig_t, None);
        self.record(a.id, Mode::Value, sig_t, None);
        if let Some(i) = inst {
            self.info.instances.insert(inner.id, i);
            self.info.instances.insert(a.id, i);
        }
        *x = Operand::value(sig_t);
    }

    /// Checks evaluated arguments against a signature.
    #[allow(clippy::too_many_arguments)] // the call's parts, as go/types' arguments takes them
    pub(crate) fn check_args(
        &mut self,
        call: &Expr,
        fun: &Expr,
        sig: &Signature,
        mut ops: Vec<(Operand, &Expr)>,
        spread: bool,
        args: &[Expr],
        ellipsis: bool,
    ) {
        if ops.iter().any(|(o, _)| o.is_invalid()) {
            return;
        }
        let np = sig.params.len();
        let fname = self.expr_string(fun);
        if ellipsis {
            if !sig.variadic {
                self.error(
                    args.last().map(|a| a.pos).unwrap_or(call.pos),
                    format!("have (...) but function is not variadic: {}", fname).replace(
                        "have (...) but function is not variadic: ",
                        "cannot use ... in call to non-variadic ",
                    ),
                );
                return;
            }
            if ops.len() != np {
                self.count_error(call, fun, sig, &ops, args);
                return;
            }
            for (i, (x, a)) in ops.iter_mut().enumerate() {
                let t = sig.params[i];
                if let Some(o) = self.pending_generic_arg(x, a) {
                    self.instantiate_generic_arg(x, a, o, t, Some(&fname));
                    if x.is_invalid() {
                        continue;
                    }
                }
                self.assignment(x, a, t, "argument");
            }
            return;
        }
        let ok_count = if sig.variadic {
            ops.len() + 1 >= np
        } else {
            ops.len() == np
        };
        if !ok_count {
            self.count_error(call, fun, sig, &ops, args);
            return;
        }
        for (i, (x, a)) in ops.iter_mut().enumerate() {
            let t = if sig.variadic && i + 1 >= np {
                match self.types.get(sig.params[np - 1]) {
                    Type::Slice(e) => *e,
                    _ => ids::INVALID,
                }
            } else {
                sig.params[i]
            };
            if spread {
                let mut y = x.clone();
                if self.assignable(&y, t).is_err() {
                    self.error(
                        a.pos,
                        format!(
                            "cannot use {} (value of type {}) as {} value in argument to {}",
                            self.expr_string(a),
                            self.tstr(y.typ),
                            self.tstr(t),
                            fname
                        ),
                    );
                }
                let _ = &mut y;
            } else {
                if let Some(o) = self.pending_generic_arg(x, a) {
                    self.instantiate_generic_arg(x, a, o, t, Some(&fname));
                    if x.is_invalid() {
                        continue;
                    }
                }
                let ctx = format!("argument to {}", fname);
                self.assignment(x, a, t, &ctx);
            }
        }
    }

    pub(crate) fn count_error(
        &mut self,
        call: &Expr,
        fun: &Expr,
        sig: &Signature,
        ops: &[(Operand, &Expr)],
        args: &[Expr],
    ) {
        let have: Vec<String> = ops
            .iter()
            .map(|(o, _)| {
                if o.val.is_some() && self.types.is_untyped(o.typ) {
                    "number".to_string()
                } else {
                    self.tstr(o.typ)
                }
            })
            .collect();
        let have: Vec<String> = ops
            .iter()
            .zip(have)
            .map(|((o, _), h)| {
                if self.types.is_untyped(o.typ)
                    && o.typ != ids::UNTYPED_STRING
                    && o.typ != ids::UNTYPED_BOOL
                    && o.typ != ids::UNTYPED_NIL
                {
                    "number".into()
                } else if o.typ == ids::UNTYPED_STRING {
                    "string".into()
                } else if o.typ == ids::UNTYPED_BOOL {
                    "bool".into()
                } else if o.typ == ids::UNTYPED_NIL {
                    "nil".into()
                } else {
                    h
                }
            })
            .collect();
        let mut want = String::new();
        self.types.write_signature(
            &mut want,
            &Signature {
                params: sig.params.clone(),
                results: vec![],
                variadic: sig.variadic,
            },
            Some(&self.pkg.clone()),
        );
        let few = ops.len() < sig.params.len();
        let pos = if few {
            // gc points at the closing paren; we use the call's end approximation.
            args.last().map(|a| a.pos).unwrap_or(call.pos)
        } else {
            args.get(sig.params.len())
                .map(|a| a.pos)
                .unwrap_or(call.pos)
        };
        let pos = if few {
            self.call_rparen(call).unwrap_or(pos)
        } else {
            pos
        };
        self.error(
            pos,
            format!(
                "{} arguments in call to {}\n\thave ({})\n\twant {}",
                if few { "not enough" } else { "too many" },
                self.expr_string(fun),
                have.join(", "),
                want
            ),
        );
    }

    pub(crate) fn call_rparen(&self, _call: &Expr) -> Option<rgoc_syntax::Pos> {
        None
    }

    pub(crate) fn selector(&mut self, e: &Expr, xe: &Expr, sel: &ast::Ident) -> Operand {
        if let Some(x) = self.qualified_ident(e, xe, sel) {
            return x;
        }
        // A generic method may be named uninstantiated only as the
        // function of a call or index expression.
        let allow_generic = std::mem::take(&mut self.gen.allow_generic);
        let x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        if x.mode == Mode::Type {
            let r = self.method_expr(e, &x, sel);
            return self.generic_method_check(e, r, allow_generic);
        }
        let r = self.selector_value(e, xe, sel, x);
        self.generic_method_check(e, r, allow_generic)
    }

    /// A generic method selection not instantiated where it must be.
    fn generic_method_check(&mut self, e: &Expr, r: Operand, allow_generic: bool) -> Operand {
        if !allow_generic && !r.is_invalid() && self.generic_method_sel(e).is_some() {
            return self.errorf(e.pos, format!("cannot use generic function {} without instantiation", self.expr_string(e)));
        }
        r
    }

    /// `x.sel` on a value x.
    fn selector_value(&mut self, e: &Expr, xe: &Expr, sel: &ast::Ident, x: Operand) -> Operand {
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return x;
        }
        let r = crate::lookup::lookup_field_or_method(&self.types, &self.objs, x.typ, &sel.name);
        match r {
            crate::LookupResult::Field {
                typ,
                path,
                indirect,
            } => {
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::FieldVal,
                        obj: None,
                        path,
                        indirect,
                        typ,
                        iface_index: None,
                    },
                );
                let mode = if indirect || x.mode == Mode::Var {
                    Mode::Var
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    typ,
                    val: None,
                    builtin: None,
                }
            }
            crate::LookupResult::Method {
                obj,
                sig,
                path,
                indirect,
                iface_index,
            } => {
                let ptr_recv = iface_index.is_none() && self.objs.get(obj).ptr_recv;
                if ptr_recv && !indirect && !self.types.is_pointer(x.typ) {
                    if x.mode != Mode::Var {
                        return self.errorf(
                            sel.pos,
                            format!(
                                "cannot call pointer method {} on {}",
                                sel.name,
                                self.tstr(x.typ)
                            ),
                        );
                    }
                    self.mark_escape(xe);
                }
                let obj = if iface_index.is_some() {
                    None
                } else {
                    Some(obj)
                };
                if let Some(o) = obj {
                    self.info.uses.insert(sel.id, o);
                    self.record_dep(o); // initialisation order follows method bodies
                }
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        obj,
                        path,
                        indirect,
                        typ: sig,
                        iface_index,
                    },
                );
                Operand::value(sig)
            }
            crate::LookupResult::Ambiguous => {
                self.error(
                    sel.pos,
                    format!("ambiguous selector {}", self.expr_string(e)),
                );
                Operand::invalid()
            }
            crate::LookupResult::NotFound => {
                let what = if self.types.is_pointer(x.typ)
                    && matches!(
                        self.types.under(match self.types.under(x.typ) {
                            Type::Pointer(p) => *p,
                            _ => x.typ,
                        }),
                        Type::Pointer(_) | Type::Interface(_)
                    ) {
                    format!(
                        "{} undefined (type {} is pointer to interface, not interface)",
                        self.expr_string(e),
                        self.tstr(x.typ)
                    )
                } else {
                    format!(
                        "{} undefined (type {} has no field or method {})",
                        self.expr_string(e),
                        self.tstr(x.typ),
                        sel.name
                    )
                };
                self.error(sel.pos, what);
                Operand::invalid()
            }
        }
    }

    /// Whether `xe` is the name of an imported package (`pkg` of `pkg.Name`).
    pub(crate) fn is_package_name(&self, xe: &Expr) -> bool {
        let ExprKind::Ident(n) = &xe.kind else { return false };
        self.objs.lookup(self.scope, n).is_some_and(|(o, _, _)| matches!(self.objs.get(o).kind, ObjKind::PkgName(_)))
    }

    /// `pkg.Name`: an exported member of an imported package (None when
    /// `xe` does not name a package).
    fn qualified_ident(&mut self, e: &Expr, xe: &Expr, sel: &ast::Ident) -> Option<Operand> {
        let ExprKind::Ident(n) = &xe.kind else { return None };
        let (o, _, _) = self.objs.lookup(self.scope, n)?;
        let ObjKind::PkgName(ps) = self.objs.get(o).kind else { return None };
        Some(self.package_member(e, xe, n, o, ps, sel))
    }

    /// `n.sel` where `n` (object `o`) names the package of scope `ps`.
    fn package_member(&mut self, e: &Expr, xe: &Expr, n: &str, o: ObjId, ps: ScopeId, sel: &ast::Ident) -> Operand {
        self.objs.get_mut(o).used = true;
        self.info.uses.insert(xe.id, o);
        let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
        let found = self.objs.lookup(ps, &sel.name).filter(|(m, s, _)| {
            *s == ps && (exported || self.objs.get(*m).pkg == "unsafe")
        });
        let Some((m, _, _)) = found else {
            if !exported
                && self
                    .objs
                    .lookup(ps, &sel.name)
                    .is_some_and(|(_, s, _)| s == ps)
            {
                self.error(
                    sel.pos,
                    format!("name {} not exported by package {}", sel.name, n),
                );
            } else {
                self.error(sel.pos, format!("undefined: {}.{}", n, sel.name));
            }
            return Operand::invalid();
        };
        self.info.uses.insert(sel.id, m);
        self.info.uses.insert(e.id, m);
        let obj = self.objs.get(m).clone();
        return match obj.kind {
            ObjKind::TypeName => Operand {
                mode: Mode::Type,
                typ: obj.typ,
                val: None,
                builtin: None,
            },
            ObjKind::Builtin(b) => Operand {
                mode: Mode::Builtin,
                typ: ids::INVALID,
                val: None,
                builtin: Some(b),
            },
            ObjKind::Var { .. } => Operand {
                mode: Mode::Var,
                typ: obj.typ,
                val: None,
                builtin: None,
            },
            ObjKind::Const(v) => Operand::constant(obj.typ, v),
            ObjKind::Func => self.generic_func_value(e, m, &sel.name),
            _ => Operand::invalid(),
        };
    }

    /// A method expression `T.m`: a function with the receiver first.
    fn method_expr(&mut self, e: &Expr, x: &Operand, sel: &ast::Ident) -> Operand {
        let r =
            crate::lookup::lookup_field_or_method(&self.types, &self.objs, x.typ, &sel.name);
        match r {
            crate::LookupResult::Method {
                obj,
                sig: mt,
                path,
                indirect,
                iface_index,
            } => {
                let Some(msig) = self.types.signature(mt).cloned() else {
                    return Operand::invalid();
                };
                if iface_index.is_none()
                    && self.objs.get(obj).ptr_recv
                    && !indirect
                    && !self.types.is_pointer(x.typ)
                {
                    return self.errorf(
                        e.pos,
                        format!(
                            "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                            self.tstr(x.typ),
                            sel.name,
                            self.tstr(x.typ),
                            sel.name
                        ),
                    );
                }
                let mut params = vec![x.typ];
                params.extend(msig.params.iter().copied());
                let ft = self.types.intern(Type::Func(crate::types::Signature {
                    params,
                    results: msig.results.clone(),
                    variadic: msig.variadic,
                }));
                let obj = if iface_index.is_some() {
                    None
                } else {
                    Some(obj)
                };
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodExpr,
                        obj,
                        path,
                        indirect,
                        typ: ft,
                        iface_index,
                    },
                );
                if let Some(o) = obj {
                    self.info.uses.insert(sel.id, o);
                    self.record_dep(o); // initialisation order follows method bodies
                }
                Operand::value(ft)
            }
            _ => {
                self.error(
                    sel.pos,
                    format!(
                        "{}.{} undefined (type {} has no method {})",
                        self.tstr(x.typ),
                        sel.name,
                        self.tstr(x.typ),
                        sel.name
                    ),
                );
                Operand::invalid()
            }
        }
    }
}
