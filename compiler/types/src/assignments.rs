//! Assignability and assignments (go/types' assignments.go and
//! operand.go's assignableTo): `x = y`, `x op= y`, `:=`, the left-hand
//! sides.


use rgoc_syntax::{ast, BinOp, Expr, ExprKind, Stmt};

use crate::check::{strip_paren, Checker};
use crate::objects::{ObjKind, Object};
use crate::operand::Operand;
use crate::types::{ids, Type, TypeId};
use crate::Mode;

impl<'a> Checker<'a> {
    /// Whether a value of type `v` (with operand x) is assignable to `t`.
    pub(crate) fn assignable(&mut self, x: &Operand, t: TypeId) -> Result<(), String> {
        let v = x.typ;
        if v == t || v == ids::INVALID || t == ids::INVALID {
            return Ok(());
        }
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if self.types.is_untyped(v) {
            return Ok(()); // handled by convert_untyped
        }
        // Identical underlying types and at least one is not a named type.
        if vu == tu
            && (!self.types.is_named(v) || !self.types.is_named(t))
            && !matches!(self.types.get(vu), Type::Basic(_))
        {
            return Ok(());
        }
        if let Type::Interface(_) = self.types.get(tu) {
            return self.implements(v, t);
        }
        // Channel direction.
        if let (Type::Chan(crate::types::ChanDir::Both, e1), Type::Chan(_, e2)) =
            (self.types.get(vu).clone(), self.types.get(tu).clone())
        {
            if e1 == e2 && (!self.types.is_named(v) || !self.types.is_named(t)) {
                return Ok(());
            }
        }
        Err(String::new())
    }

    /// Checks that `x` (from expression `e`) can be assigned to type `t`,
    /// converting untyped constants; reports gc's error otherwise.
    pub(crate) fn assignment(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        t: TypeId,
        context: &str,
    ) -> bool {
        if x.is_invalid() || t == ids::INVALID {
            return false;
        }
        if self.types.is_untyped(x.typ) {
            let before = x.clone();
            if !self.convert_untyped_in(x, e, t, Some(context)) {
                let what = if before.typ == ids::UNTYPED_NIL {
                    format!("cannot use nil as {} value in {}", self.tstr(t), context)
                } else {
                    format!(
                        "cannot use {} as {} value in {}",
                        self.operand_string(e, &before),
                        self.tstr(t),
                        context
                    )
                };
                self.error(e.pos, what);
                return false;
            }
            if x.typ == ids::INVALID {
                return false; // overflow or truncation, reported
            }
            return true;
        }
        match self.assignable(x, t) {
            Ok(()) => true,
            Err(why) => {
                let mut msg = format!(
                    "cannot use {} as {} value in {}",
                    self.operand_string(e, x),
                    self.tstr(t),
                    context
                );
                if !why.is_empty() {
                    msg.push_str(": ");
                    msg.push_str(&why);
                }
                self.error(e.pos, msg);
                false
            }
        }
    }

    /// `x op= y`, checked as `x = x op y`.
    pub(crate) fn assign_op(&mut self, s: &Stmt, lhs: &[Expr], bop: BinOp, rhs: &[Expr]) {
        if lhs.len() != 1 || rhs.len() != 1 {
            self.error(
                s.pos,
                format!(
                    "assignment operation {}= requires single-valued expressions",
                    bop.as_str()
                ),
            );
            return;
        }
        // x op= y is checked as x = x op y.
        let fake = Expr {
            id: rhs[0].id,
            pos: lhs[0].pos,
            kind: ExprKind::Binary {
                op: bop,
                op_pos: s.pos,
                x: Box::new(lhs[0].clone()),
                y: Box::new(rhs[0].clone()),
            },
        };
        let _ = fake;
        let l = self.expr(&lhs[0]);
        if l.is_invalid() {
            self.expr(&rhs[0]);
            return;
        }
        self.check_assignable_lhs(&lhs[0], &l);
        let r = self.binary_op_assign(s, bop, &lhs[0], &l, &rhs[0]);
        let _ = r;
    }

    pub(crate) fn assign(&mut self, s: &Stmt, lhs: &[Expr], rhs: &[Expr]) {
        let lts: Vec<Option<TypeId>> = lhs.iter().map(|l| self.lhs_expr(l)).collect();
        if lhs.len() == rhs.len() {
            for (i, r) in rhs.iter().enumerate() {
                let mut x = self.expr_hint(r, lts[i].filter(|t| *t != ids::INVALID));
                x = if rhs.len() == 1 {
                    self.assign_value(r, x)
                } else {
                    self.single_value(r, x)
                };
                match lts[i] {
                    Some(t) if t != ids::INVALID => {
                        self.assignment(&mut x, r, t, "assignment");
                    }
                    Some(_) => {}
                    None => {
                        // _ = x
                        if x.typ == ids::UNTYPED_NIL {
                            self.error(r.pos, "use of untyped nil in assignment");
                        } else {
                            self.default_untyped_in(&mut x, r, "assignment");
                        }
                    }
                }
            }
            return;
        }
        if rhs.len() == 1 {
            if let Some(ts) = self.multi_value(&rhs[0], lhs.len()) {
                for (i, lt) in lts.iter().enumerate() {
                    if let Some(t) = lt {
                        if *t == ids::INVALID {
                            continue;
                        }
                        let x = Operand::value(ts[i]);
                        if ts[i] != ids::UNTYPED_BOOL && self.assignable(&x, *t).is_err() {
                            self.error(
                                rhs[0].pos,
                                format!(
                                    "cannot use {} value as {} value in assignment",
                                    self.tstr(ts[i]),
                                    self.tstr(*t)
                                ),
                            );
                        }
                    }
                }
            }
            return;
        }
        self.error(
            rhs.first().map_or(s.pos, |r| r.pos),
            format!(
                "assignment mismatch: {} variable{} but {} value{}",
                lhs.len(),
                if lhs.len() == 1 { "" } else { "s" },
                rhs.len(),
                if rhs.len() == 1 { "" } else { "s" }
            ),
        );
        for r in rhs {
            self.expr(r);
        }
    }

    pub(crate) fn binary_op_assign(
        &mut self,
        s: &Stmt,
        op: rgoc_syntax::BinOp,
        le: &Expr,
        l: &Operand,
        re: &Expr,
    ) -> Operand {
        let _ = s;
        // Build a synthetic binary check using the already-checked lhs.
        let mut r = self.value(re);
        if r.is_invalid() {
            return r;
        }
        if op.is_shift() {
            if self.types.is_untyped(r.typ) {
                self.convert_untyped(&mut r, re, ids::UINT);
            }
            if !self.types.is_integer(r.typ) {
                self.error(
                    re.pos,
                    format!(
                        "invalid operation: shift count {} must be integer",
                        self.operand_string(re, &r)
                    ),
                );
            } else if !self.types.is_integer(l.typ) {
                self.error(
                    le.pos,
                    format!(
                        "invalid operation: shifted operand {} must be integer",
                        self.operand_string(le, l)
                    ),
                );
            }
            return Operand::value(l.typ);
        }
        if self.types.is_untyped(r.typ) {
            let before = r.clone();
            if !self.convert_untyped(&mut r, re, l.typ) {
                return self.errorf(
                    le.pos,
                    format!(
                        "invalid operation: {} {}= {} (mismatched types {} and {})",
                        self.expr_string(le),
                        op.as_str(),
                        self.expr_string(re),
                        self.tstr(l.typ),
                        self.tstr(before.typ)
                    ),
                );
            }
            if r.typ == ids::INVALID {
                return r;
            }
        }
        if r.typ != l.typ {
            return self.errorf(
                le.pos,
                format!(
                    "invalid operation: {} {}= {} (mismatched types {} and {})",
                    self.expr_string(le),
                    op.as_str(),
                    self.expr_string(re),
                    self.tstr(l.typ),
                    self.tstr(r.typ)
                ),
            );
        }
        let t = l.typ;
        let ok = match op {
            rgoc_syntax::BinOp::Add => self.types.is_numeric_or_string(t),
            rgoc_syntax::BinOp::Sub | rgoc_syntax::BinOp::Mul | rgoc_syntax::BinOp::Div => {
                self.types.is_numeric(t)
            }
            _ => self.types.is_integer(t),
        };
        if !ok {
            return self.errorf(
                le.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.operand_string(le, l)
                ),
            );
        }
        if matches!(op, rgoc_syntax::BinOp::Div | rgoc_syntax::BinOp::Rem)
            && self.types.is_integer(t)
        {
            if let Some(v) = &r.val {
                if v.is_zero() {
                    self.error(re.pos, "invalid operation: division by zero");
                }
            }
        }
        Operand::value(t)
    }

    /// Checks that an already-evaluated expression can be assigned to.
    pub(crate) fn check_assignable_lhs(&mut self, e: &Expr, x: &Operand) -> bool {
        match x.mode {
            Mode::Var | Mode::MapIndex => true,
            _ => {
                if x.is_invalid() {
                    return false;
                }
                // types2's lhsVar: the expression alone, not the operand.
                let inner = strip_paren(e);
                let field_in_map = matches!(&inner.kind, ExprKind::Selector { x, .. } if self.info.tv(x).is_some_and(|t| t.mode == Mode::MapIndex))
                    && self
                        .info
                        .selections
                        .get(&inner.id)
                        .is_some_and(|s| s.kind == crate::SelectionKind::FieldVal);
                let msg = if field_in_map {
                    format!(
                        "cannot assign to struct field {} in map",
                        self.expr_string(e)
                    )
                } else {
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        self.expr_string(e)
                    )
                };
                self.error(e.pos, msg);
                false
            }
        }
    }

    /// Evaluates an assignment's left-hand side without counting it as a use.
    pub(crate) fn lhs_expr(&mut self, e: &Expr) -> Option<TypeId> {
        let inner = strip_paren(e);
        if let ExprKind::Ident(n) = &inner.kind {
            if n == "_" {
                self.record(e.id, Mode::Var, ids::INVALID, None);
                return None;
            }
            if let Some((o, _, crossed)) = self.objs.lookup(self.scope, n) {
                let obj = self.objs.get(o).clone();
                if let ObjKind::Var { global, .. } = obj.kind {
                    if self.decls.contains_key(&o) {
                        self.obj_decl(o);
                    }
                    let obj = self.objs.get(o).clone();
                    self.info.uses.insert(inner.id, o);
                    if crossed && !global {
                        // Assigned in a closure: captured, still not a use.
                        self.objs.get_mut(o).escapes = true;
                    }
                    self.record_dep(o);
                    self.record(inner.id, Mode::Var, obj.typ, None);
                    if inner.id != e.id {
                        self.record(e.id, Mode::Var, obj.typ, None);
                    }
                    return Some(obj.typ);
                }
            }
        }
        let x = self.expr(e);
        if x.is_invalid() {
            return Some(ids::INVALID);
        }
        if !self.check_assignable_lhs(e, &x) {
            return Some(ids::INVALID);
        }
        Some(x.typ)
    }

    pub(crate) fn short_var_decl(&mut self, s: &Stmt, lhs: &[Expr], rhs: &[Expr]) {
        // Which names are new?
        let mut new_any = false;
        let mut targets: Vec<(Option<crate::ObjId>, bool)> = Vec::new(); // (obj, is_new)
        let mut seen = std::collections::HashSet::new();
        for l in lhs {
            let ExprKind::Ident(n) = &l.kind else {
                self.expr(l);
                self.error(
                    l.pos,
                    format!("non-name {} on left side of :=", self.expr_string(l)),
                );
                targets.push((None, false));
                continue;
            };
            if n != "_" && !seen.insert(n.clone()) {
                self.error(l.pos, format!("{} repeated on left side of :=", n));
                targets.push((None, false));
                continue;
            }
            if n == "_" {
                let o = self.objs.add(Object::new(
                    "_",
                    ObjKind::Var {
                        global: false,
                        param: false,
                    },
                    ids::INVALID,
                    l.pos,
                    &self.pkg,
                ));
                self.info.defs.insert(l.id, o);
                targets.push((Some(o), true));
                continue;
            }
            match self.objs.scope(self.scope).names.get(n).copied() {
                Some(o) if self.objs.get(o).is_var() => {
                    self.info.uses.insert(l.id, o);
                    targets.push((Some(o), false));
                }
                _ => {
                    new_any = true;
                    let o = self.objs.add(Object::new(
                        n,
                        ObjKind::Var {
                            global: false,
                            param: false,
                        },
                        ids::INVALID,
                        l.pos,
                        &self.pkg,
                    ));
                    self.locals.push(o);
                    targets.push((Some(o), true));
                }
            }
        }
        if !new_any && targets.iter().all(|t| t.0.is_some()) {
            self.error(
                crate::branches::define_op_pos(s.pos, lhs),
                "no new variables on left side of :=",
            );
        }
        // Types from the right-hand side.
        let mut types: Vec<TypeId> = vec![ids::INVALID; lhs.len()];
        if lhs.len() == rhs.len() {
            for (i, r) in rhs.iter().enumerate() {
                let (o, is_new) = targets[i];
                let hint = match (o, is_new) {
                    (Some(o), false) => Some(self.objs.get(o).typ),
                    _ => None,
                };
                let mut x = self.expr_hint(r, hint);
                x = if rhs.len() == 1 {
                    self.assign_value(r, x)
                } else {
                    self.single_value(r, x)
                };
                if x.is_invalid() {
                    continue;
                }
                if is_new {
                    if x.typ == ids::UNTYPED_NIL {
                        self.error(r.pos, "use of untyped nil in assignment");
                        continue;
                    }
                    self.default_untyped_in(&mut x, r, "assignment");
                    types[i] = x.typ;
                } else if let Some(t) = hint {
                    self.assignment(&mut x, r, t, "assignment");
                    types[i] = t;
                }
            }
        } else if rhs.len() == 1 {
            if let Some(ts) = self.multi_value(&rhs[0], lhs.len()) {
                for (i, t) in ts.into_iter().enumerate() {
                    let t = if t == ids::UNTYPED_BOOL { ids::BOOL } else { t };
                    let (o, is_new) = targets[i];
                    if let (Some(o), false) = (o, is_new) {
                        let ot = self.objs.get(o).typ;
                        let x = Operand::value(t);
                        if self.assignable(&x, ot).is_err() {
                            self.error(
                                rhs[0].pos,
                                format!(
                                    "cannot use {} value as {} value in assignment",
                                    self.tstr(t),
                                    self.tstr(ot)
                                ),
                            );
                        }
                        types[i] = ot;
                    } else {
                        types[i] = t;
                    }
                }
            }
        } else {
            self.error(
                rhs.first().map_or(s.pos, |r| r.pos),
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    lhs.len(),
                    if lhs.len() == 1 { "" } else { "s" },
                    rhs.len(),
                    if rhs.len() == 1 { "" } else { "s" }
                ),
            );
            for r in rhs {
                self.expr(r);
            }
        }
        // Declare the new variables after the right side is checked.
        for (i, l) in lhs.iter().enumerate() {
            let (Some(o), is_new) = targets[i] else {
                continue;
            };
            if is_new {
                self.objs.get_mut(o).typ = types[i];
                if let ExprKind::Ident(_) = &l.kind {
                    let ident = ast::Ident {
                        id: l.id,
                        pos: l.pos,
                        name: self.objs.get(o).name.clone(),
                    };
                    self.declare_local(&ident, o);
                }
            }
            let t = self.objs.get(o).typ;
            self.record(l.id, Mode::Var, t, None);
        }
    }
}
