//! Calls: function and method calls, conversions, builtins; composite literals.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use rgoc_syntax::{ast, Expr, ExprKind};

use crate::check::Checker;
use crate::constant::{self, Value};
use crate::expr::Operand;
use crate::objects::Builtin;
use crate::types::{ids, BasicKind, Signature, Type, TypeId};
use crate::Mode;

impl<'a> Checker<'a> {
    pub(crate) fn call(&mut self, e: &Expr, fun: &Expr, args: &[Expr], ellipsis: bool) -> Operand {
        let f = self.expr(fun);
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
        match sig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                typ: ids::EMPTY_TUPLE,
                val: None,
                builtin: None,
            },
            1 => Operand::value(sig.results[0]),
            _ => {
                let t = self.types.tuple(sig.results.clone());
                Operand::value(t)
            }
        }
    }

    /// Checks call arguments against a signature (including `f(g())` with a
    /// multi-value g, and variadic calls).
    fn arguments(
        &mut self,
        call: &Expr,
        fun: &Expr,
        sig: &Signature,
        args: &[Expr],
        ellipsis: bool,
    ) {
        // Evaluate arguments; a single multi-value call spreads.
        let mut ops: Vec<(Operand, &Expr)> = Vec::new();
        let mut spread = false;
        if args.len() == 1 && !ellipsis {
            let x = self.expr(&args[0]);
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
                let x = self.value(a);
                ops.push((x, a));
            }
        }
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
                let ctx = format!("argument to {}", fname);
                self.assignment(x, a, t, &ctx);
            }
        }
    }

    fn count_error(
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

    fn call_rparen(&self, _call: &Expr) -> Option<rgoc_syntax::Pos> {
        None
    }

    fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr], ellipsis: bool) -> Operand {
        if args.len() != 1 || ellipsis {
            let ts = self.tstr(t);
            if args.is_empty() {
                self.error(e.pos, format!("missing argument in conversion to {}", ts));
            } else {
                self.error(
                    args[args.len() - 1].pos,
                    format!("too many arguments in conversion to {}", ts),
                );
            }
            return Operand::invalid();
        }
        let mut x = self.value(&args[0]);
        if x.is_invalid() {
            return Operand::invalid();
        }
        let xe = &args[0];
        // Constant conversions.
        if let Some(v) = x.val.clone() {
            if let Some(k) = self.types.basic(t) {
                let xk = self.types.basic(x.typ).unwrap_or(BasicKind::Invalid);
                // string(rune constant)
                if k.is_string() && xk.is_integer() {
                    let i = v.as_int().unwrap_or_default();
                    let c = i.to_u32().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                    let mut buf = [0u8; 4];
                    let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
                    return Operand::constant(t, Value::String(s));
                }
                if (k.is_numeric() && xk.is_numeric())
                    || (k.is_string() && xk.is_string())
                    || (k.is_boolean() && xk.is_boolean())
                {
                    let v2 = if k.is_integer() && !xk.is_integer() && v.as_int().is_none() {
                        None
                    } else if k.is_float() || k.is_complex() || xk.is_untyped() || k.is_integer() {
                        constant::represent(&v, k)
                    } else {
                        constant::represent(&v, k)
                    };
                    return match v2 {
                        Some(nv) => {
                            self.update_expr_type(xe, if xk.is_untyped() { t } else { x.typ });
                            Operand::constant(t, nv)
                        }
                        None => {
                            if constant::truncates(&v, k) {
                                self.error(
                                    xe.pos,
                                    format!(
                                        "cannot convert {} to type {} (truncated)",
                                        self.operand_string(xe, &x),
                                        self.tstr(t)
                                    ),
                                );
                            } else {
                                self.error(
                                    xe.pos,
                                    format!(
                                        "cannot convert {} to type {} (overflows)",
                                        self.operand_string(xe, &x),
                                        self.tstr(t)
                                    )
                                    .replace(" (overflows)", "")
                                    .replace("cannot convert", "constant")
                                    .split(" to type")
                                    .next()
                                    .map(|_| {
                                        format!(
                                            "cannot convert {} to type {}",
                                            self.operand_string(xe, &x),
                                            self.tstr(t)
                                        )
                                    })
                                    .unwrap_or_default(),
                                );
                                if let Some(d) = self.diags.last_mut() {
                                    d.msg = format!(
                                        "constant {} overflows {}",
                                        v.describe(),
                                        self.types.type_string_in(t, &self.pkg)
                                    );
                                }
                            }
                            Operand::invalid()
                        }
                    };
                }
            }
        }
        if self.types.is_untyped(x.typ) {
            // Untyped non-convertible constant to non-basic, or nil.
            let before = x.clone();
            let nil_ok =
                x.typ == ids::UNTYPED_NIL && (self.types.has_nil(t) || self.types.is_interface(t));
            let target = if self.types.basic(t).is_some() || nil_ok {
                t
            } else {
                self.types.default_type(x.typ)
            };
            if !self.convert_untyped(&mut x, xe, target) || x.typ == ids::INVALID {
                if x.typ != ids::INVALID {
                    self.error(
                        xe.pos,
                        format!(
                            "cannot convert {} to type {}",
                            self.operand_string(xe, &before),
                            self.tstr(t)
                        ),
                    );
                }
                return Operand::invalid();
            }
        }
        if !self.convertible(x.typ, t) {
            self.error(
                xe.pos,
                format!(
                    "cannot convert {} to type {}",
                    self.operand_string(xe, &x),
                    self.tstr(t)
                ),
            );
            return Operand::invalid();
        }
        Operand::value(t)
    }

    /// Spec "Conversions" for non-constant values.
    pub(crate) fn convertible(&mut self, v: TypeId, t: TypeId) -> bool {
        let x = Operand::value(v);
        if self.assignable(&x, t).is_ok() {
            return true;
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) =
            (self.types.get(v).clone(), self.types.get(t).clone())
        {
            let (au, bu) = (self.types.underlying(a), self.types.underlying(b));
            if self.identical_ignore_tags(au, bu) {
                return true;
            }
        }
        let (vk, tk) = (self.types.basic(v), self.types.basic(t));
        if let (Some(a), Some(b)) = (vk, tk) {
            if (a.is_integer() || a.is_float()) && (b.is_integer() || b.is_float()) {
                return true;
            }
            if a.is_complex() && b.is_complex() {
                return true;
            }
            if a.is_integer() && b.is_string() {
                return true;
            }
            if (a == BasicKind::UnsafePointer && (b == BasicKind::Uintptr))
                || (b == BasicKind::UnsafePointer && a == BasicKind::Uintptr)
            {
                return true;
            }
        }
        if vk == Some(BasicKind::UnsafePointer) && matches!(self.types.get(tu), Type::Pointer(_))
            || tk == Some(BasicKind::UnsafePointer)
                && matches!(self.types.get(vu), Type::Pointer(_))
        {
            return true;
        }
        // string <-> []byte, []rune
        let is_bytes_or_runes = |tt: &crate::types::TypeTable, s: TypeId| match tt.under(s) {
            Type::Slice(e) => matches!(
                tt.under(*e),
                Type::Basic(BasicKind::Uint8) | Type::Basic(BasicKind::Int32)
            ),
            _ => false,
        };
        if tk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(&self.types, v) {
            return true;
        }
        if vk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(&self.types, t) {
            return true;
        }
        // slice to array or array pointer
        if let Type::Slice(e) = self.types.get(vu).clone() {
            match self.types.get(tu).clone() {
                Type::Array(_, e2) if e2 == e => return true,
                Type::Pointer(p) => {
                    if let Type::Array(_, e2) = self.types.under(p) {
                        if *e2 == e {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        match (self.types.get(a), self.types.get(b)) {
            (Type::Struct(fa), Type::Struct(fb)) => {
                fa.len() == fb.len()
                    && fa.iter().zip(fb).all(|(x, y)| {
                        x.name == y.name && x.embedded == y.embedded && x.typ == y.typ
                    })
            }
            _ => false,
        }
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], ellipsis: bool) -> Operand {
        let name = b.name();
        let nargs = args.len();
        let (min, max): (usize, usize) = match b {
            Builtin::Append => (1, usize::MAX),
            Builtin::Cap
            | Builtin::Len
            | Builtin::Clear
            | Builtin::Close
            | Builtin::Imag
            | Builtin::Real
            | Builtin::New
            | Builtin::Panic => (1, 1),
            Builtin::Complex | Builtin::Copy | Builtin::Delete => (2, 2),
            Builtin::Make => (1, 3),
            Builtin::Max | Builtin::Min => (1, usize::MAX),
            Builtin::Print | Builtin::Println => (0, usize::MAX),
            Builtin::Recover => (0, 0),
            Builtin::Sizeof
            | Builtin::Alignof
            | Builtin::Offsetof
            | Builtin::StringData
            | Builtin::SliceData => (1, 1),
            Builtin::Add | Builtin::Slice | Builtin::String => (2, 2),
        };
        if ellipsis && b != Builtin::Append {
            self.error(
                e.pos,
                format!(
                    "invalid operation: invalid use of ... with built-in {}",
                    name
                ),
            );
            for a in args {
                self.expr(a);
            }
            return Operand::invalid();
        }
        if nargs < min || nargs > max {
            let msg = if nargs < min {
                "not enough"
            } else {
                "too many"
            };
            self.error(
                e.pos,
                format!(
                    "{} arguments for {} (expected {}, found {})",
                    msg,
                    self.expr_string(e),
                    min,
                    nargs
                ),
            );
            for a in args {
                self.expr(a);
            }
            return Operand::invalid();
        }
        let novalue = Operand {
            mode: Mode::NoValue,
            typ: ids::EMPTY_TUPLE,
            val: None,
            builtin: None,
        };
        match b {
            Builtin::Print | Builtin::Println => {
                // print(f()) with a multi-value f prints every result.
                if args.len() == 1 {
                    let x = self.expr(&args[0]);
                    if let Type::Tuple(ts) = self.types.get(x.typ) {
                        if !ts.is_empty() {
                            return novalue;
                        }
                    }
                    let mut x = self.single_value(&args[0], x);
                    if !x.is_invalid() {
                        if x.typ == ids::UNTYPED_NIL {
                            self.error(
                                args[0].pos,
                                "use of untyped nil in argument to built-in print",
                            );
                        } else {
                            self.default_untyped(&mut x, &args[0]);
                        }
                    }
                    return novalue;
                }
                for a in args {
                    let mut x = self.value(a);
                    if x.is_invalid() {
                        continue;
                    }
                    if x.typ == ids::UNTYPED_NIL {
                        self.error(a.pos, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    self.default_untyped(&mut x, a);
                }
                novalue
            }
            Builtin::Panic => {
                let mut x = self.value(&args[0]);
                if !x.is_invalid() {
                    self.assignment(&mut x, &args[0], ids::EMPTY_INTERFACE, "argument to panic");
                }
                novalue
            }
            Builtin::Recover => Operand::value(ids::EMPTY_INTERFACE),
            Builtin::Sizeof | Builtin::Alignof => {
                let x = self.value(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                let mut x = x;
                if self.types.is_untyped(x.typ) {
                    self.default_untyped(&mut x, &args[0]);
                }
                let (size, align) = self.types.size_align(x.typ);
                Operand::constant(
                    ids::UINTPTR,
                    Value::int(if b == Builtin::Sizeof { size } else { align } as i64),
                )
            }
            Builtin::Offsetof => {
                let arg = crate::check::strip_paren(&args[0]);
                let x = self.expr(arg);
                if x.is_invalid() {
                    return x;
                }
                let sel = match &arg.kind {
                    ExprKind::Selector { x: base, .. } => self
                        .info
                        .selections
                        .get(&arg.id)
                        .cloned()
                        .map(|s| (s, self.info.type_of(base))),
                    _ => None,
                };
                let Some((s, bt)) = sel.filter(|(s, _)| s.kind == crate::SelectionKind::FieldVal)
                else {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a selector expression",
                            self.expr_string(&args[0])
                        ),
                    );
                    return Operand::invalid();
                };
                let mut t = bt;
                let mut off = 0u64;
                for (k, &i) in s.path.iter().enumerate() {
                    if k > 0 && self.types.is_pointer(t) {
                        self.error(
                            args[0].pos,
                            format!(
                                "invalid argument: field {} is embedded via a pointer",
                                self.expr_string(&args[0])
                            ),
                        );
                        return Operand::invalid();
                    }
                    if k == 0 && self.types.is_pointer(t) {
                        t = match self.types.under(t) {
                            Type::Pointer(e) => *e,
                            _ => t,
                        };
                    }
                    off += self.types.field_offset(t, i);
                    t = match self.types.under(t) {
                        Type::Struct(fs) => fs[i].typ,
                        _ => t,
                    };
                }
                Operand::constant(ids::UINTPTR, Value::int(off as i64))
            }
            Builtin::Add => {
                let p = self.value(&args[0]);
                let n = self.value(&args[1]);
                if p.is_invalid() || n.is_invalid() {
                    return Operand::invalid();
                }
                let mut n = n;
                if self.types.is_untyped(n.typ) {
                    self.default_untyped(&mut n, &args[1]);
                }
                Operand::value(ids::UNSAFE_POINTER)
            }
            Builtin::Slice | Builtin::String => {
                let p = self.value(&args[0]);
                let n = self.value(&args[1]);
                if p.is_invalid() || n.is_invalid() {
                    return Operand::invalid();
                }
                let mut n = n;
                if self.types.is_untyped(n.typ) {
                    self.default_untyped(&mut n, &args[1]);
                }
                if b == Builtin::String {
                    return Operand::value(ids::STRING);
                }
                let Type::Pointer(et) = self.types.under(p.typ).clone() else {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a pointer",
                            self.expr_string(&args[0])
                        ),
                    );
                    return Operand::invalid();
                };
                Operand::value(self.types.slice(et))
            }
            Builtin::StringData => {
                let x = self.value(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                Operand::value(self.types.pointer(ids::UINT8))
            }
            Builtin::SliceData => {
                let x = self.value(&args[0]);
                let Type::Slice(et) = self.types.under(x.typ).clone() else {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a slice",
                            self.expr_string(&args[0])
                        ),
                    );
                    return Operand::invalid();
                };
                Operand::value(self.types.pointer(et))
            }
            Builtin::Len | Builtin::Cap => {
                let x = self.value(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                let ut = self.types.underlying(x.typ);
                let ut = match self.types.get(ut) {
                    Type::Pointer(p) if matches!(self.types.under(*p), Type::Array(..)) => {
                        self.types.underlying(*p)
                    }
                    _ => ut,
                };
                let ok = match self.types.get(ut) {
                    Type::Basic(k) => k.is_string() && b == Builtin::Len,
                    Type::Array(..) | Type::Slice(_) | Type::Chan(..) => true,
                    Type::Map(..) => b == Builtin::Len,
                    _ => false,
                };
                if !ok {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} for built-in {}",
                            self.operand_string(&args[0], &x),
                            name
                        ),
                    );
                    return Operand::invalid();
                }
                if let Some(Value::String(s)) = &x.val {
                    return Operand::constant(ids::INT, Value::int(s.len() as i64));
                }
                if let Type::Array(n, _) = self.types.get(ut) {
                    if !self.has_call_or_recv(&args[0]) {
                        return Operand::constant(ids::INT, Value::int(*n as i64));
                    }
                }
                if self.types.is_untyped(x.typ) {
                    let mut x = x;
                    self.default_untyped(&mut x, &args[0]);
                }
                Operand::value(ids::INT)
            }
            Builtin::New => {
                let t = self.type_expr(&args[0]);
                if t == ids::INVALID {
                    return Operand::invalid();
                }
                Operand::value(self.types.pointer(t))
            }
            Builtin::Make => {
                let t = self.type_expr(&args[0]);
                if t == ids::INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid();
                }
                let (minn, maxn) = match self.types.under(t) {
                    Type::Slice(_) => (2, 3),
                    Type::Map(..) | Type::Chan(..) => (1, 2),
                    _ => {
                        self.error(args[0].pos, format!("invalid argument: cannot make {}; type must be slice, map, or channel", self.expr_string(&args[0])));
                        return Operand::invalid();
                    }
                };
                if nargs < minn || nargs > maxn {
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: {} expects {} or {} arguments; found {}",
                            self.expr_string(e),
                            minn,
                            maxn,
                            nargs
                        ),
                    );
                    return Operand::invalid();
                }
                let mut consts = vec![];
                for a in &args[1..] {
                    match self.size_arg(a) {
                        Some(v) => consts.push(v),
                        None => return Operand::invalid(),
                    }
                }
                if let [Some(l), Some(c)] = consts[..] {
                    if l > c {
                        self.error(
                            args[1].pos,
                            format!("invalid argument: length and capacity swapped"),
                        );
                        return Operand::invalid();
                    }
                }
                Operand::value(t)
            }
            Builtin::Append => {
                let mut s = self.value(&args[0]);
                if s.is_invalid() {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return s;
                }
                if s.typ == ids::UNTYPED_NIL {
                    self.error(
                        args[0].pos,
                        "first argument to append must be a typed slice; have untyped nil",
                    );
                    return Operand::invalid();
                }
                let Type::Slice(elem) = self.types.under(s.typ).clone() else {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a slice",
                            self.operand_string(&args[0], &s)
                        ),
                    );
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid();
                };
                let _ = &mut s;
                if ellipsis {
                    if nargs != 2 {
                        self.error(e.pos, "can only use ... with final argument in list");
                        return Operand::invalid();
                    }
                    let mut y = self.value(&args[1]);
                    if y.is_invalid() {
                        return Operand::invalid();
                    }
                    // append([]byte, string...)
                    if self.types.basic(elem) == Some(BasicKind::Uint8)
                        && self.types.is_string(y.typ)
                    {
                        self.default_untyped(&mut y, &args[1]);
                        return Operand::value(s.typ);
                    }
                    let st = self.types.slice(elem);
                    self.assignment(&mut y, &args[1], st, "append");
                    return Operand::value(s.typ);
                }
                for a in &args[1..] {
                    let mut y = self.value(a);
                    if !y.is_invalid() {
                        self.assignment(&mut y, a, elem, "argument to append");
                    }
                }
                Operand::value(s.typ)
            }
            Builtin::Copy => {
                let x = self.value(&args[0]);
                let mut y = self.value(&args[1]);
                if x.is_invalid() || y.is_invalid() {
                    return Operand::invalid();
                }
                let Type::Slice(de) = self.types.under(x.typ).clone() else {
                    self.error(
                        e.pos,
                        format!(
                            "invalid argument: copy expects slice arguments; found {} and {}",
                            self.operand_string(&args[0], &x),
                            self.operand_string(&args[1], &y)
                        ),
                    );
                    return Operand::invalid();
                };
                self.default_untyped(&mut y, &args[1]);
                let ok = match self.types.under(y.typ).clone() {
                    Type::Slice(se) => se == de,
                    Type::Basic(k) if k.is_string() => {
                        self.types.basic(de) == Some(BasicKind::Uint8)
                    }
                    _ => false,
                };
                if !ok {
                    self.error(e.pos, format!("invalid argument: arguments to copy {} and {} have different element types", self.operand_string(&args[0], &x), self.operand_string(&args[1], &y)));
                    return Operand::invalid();
                }
                Operand::value(ids::INT)
            }
            Builtin::Delete => {
                let m = self.value(&args[0]);
                let mut k = self.value(&args[1]);
                if m.is_invalid() || k.is_invalid() {
                    return Operand::invalid();
                }
                let Type::Map(kt, _) = self.types.under(m.typ).clone() else {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a map",
                            self.operand_string(&args[0], &m)
                        ),
                    );
                    return Operand::invalid();
                };
                self.assignment(&mut k, &args[1], kt, "argument to delete");
                novalue
            }
            Builtin::Clear => {
                let x = self.value(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                if !matches!(self.types.under(x.typ), Type::Map(..) | Type::Slice(_)) {
                    self.error(
                        args[0].pos,
                        format!(
                            "invalid argument: {} must be a map or slice",
                            self.operand_string(&args[0], &x)
                        )
                        .replace("must be a map or slice", "cannot clear"),
                    );
                    return Operand::invalid();
                }
                novalue
            }
            Builtin::Close => {
                let x = self.value(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                match self.types.under(x.typ) {
                    Type::Chan(crate::types::ChanDir::Recv, _) => {
                        self.error(
                            args[0].pos,
                            format!(
                                "invalid operation: cannot close receive-only channel {}",
                                self.operand_string(&args[0], &x)
                            ),
                        );
                        Operand::invalid()
                    }
                    Type::Chan(..) => novalue,
                    _ => {
                        self.error(
                            args[0].pos,
                            format!(
                                "invalid operation: cannot close non-channel {}",
                                self.operand_string(&args[0], &x)
                            ),
                        );
                        Operand::invalid()
                    }
                }
            }
            Builtin::Complex => {
                let mut x = self.value(&args[0]);
                let mut y = self.value(&args[1]);
                if x.is_invalid() || y.is_invalid() {
                    return Operand::invalid();
                }
                // Untyped operands convert toward each other, then to float.
                if self.types.is_untyped(x.typ) && !self.types.is_untyped(y.typ) {
                    let t = y.typ;
                    self.convert_untyped(&mut x, &args[0], t);
                } else if self.types.is_untyped(y.typ) && !self.types.is_untyped(x.typ) {
                    let t = x.typ;
                    self.convert_untyped(&mut y, &args[1], t);
                }
                if let (Some(a), Some(bv)) = (&x.val, &y.val) {
                    if self.types.is_untyped(x.typ) && self.types.is_untyped(y.typ) {
                        let (Some(re), Some(im)) = (a.as_rat(), bv.as_rat()) else {
                            self.error(e.pos, "invalid operation: complex arguments must be real");
                            return Operand::invalid();
                        };
                        return Operand::constant(ids::UNTYPED_COMPLEX, Value::Complex(re, im));
                    }
                }
                if self.types.is_untyped(x.typ) {
                    self.convert_untyped(&mut x, &args[0], ids::FLOAT64);
                    self.convert_untyped(&mut y, &args[1], ids::FLOAT64);
                }
                if x.typ != y.typ {
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: {} (mismatched types {} and {})",
                            self.expr_string(e),
                            self.tstr(x.typ),
                            self.tstr(y.typ)
                        ),
                    );
                    return Operand::invalid();
                }
                let rt = match self.types.basic(x.typ) {
                    Some(BasicKind::Float32) => ids::COMPLEX64,
                    Some(BasicKind::Float64) => ids::COMPLEX128,
                    _ => {
                        self.error(
                            args[0].pos,
                            format!(
                                "invalid argument: arguments have type {}, expected floating-point",
                                self.tstr(x.typ)
                            ),
                        );
                        return Operand::invalid();
                    }
                };
                if let (Some(a), Some(bv)) = (&x.val, &y.val) {
                    if let (Some(re), Some(im)) = (a.as_rat(), bv.as_rat()) {
                        return Operand::constant(rt, Value::Complex(re, im));
                    }
                }
                Operand::value(rt)
            }
            Builtin::Real | Builtin::Imag => {
                let mut x = self.value(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                if let Some(v) = &x.val {
                    if self.types.is_untyped(x.typ) {
                        let (re, im) = match v {
                            Value::Complex(a, b) => (a.clone(), b.clone()),
                            _ => match v.as_rat() {
                                Some(r) => {
                                    (r, num_rational::BigRational::from_integer(BigInt::from(0)))
                                }
                                None => return Operand::invalid(),
                            },
                        };
                        return Operand::constant(
                            ids::UNTYPED_FLOAT,
                            Value::Float(if b == Builtin::Real { re } else { im }),
                        );
                    }
                }
                if self.types.is_untyped(x.typ) {
                    self.convert_untyped(&mut x, &args[0], ids::COMPLEX128);
                }
                let rt = match self.types.basic(x.typ) {
                    Some(BasicKind::Complex64) => ids::FLOAT32,
                    Some(BasicKind::Complex128) => ids::FLOAT64,
                    _ => {
                        self.error(
                            args[0].pos,
                            format!(
                                "invalid argument: {} must be of complex type",
                                self.operand_string(&args[0], &x)
                            ),
                        );
                        return Operand::invalid();
                    }
                };
                if let Some(Value::Complex(re, im)) = &x.val {
                    return Operand::constant(
                        rt,
                        Value::Float(if b == Builtin::Real {
                            re.clone()
                        } else {
                            im.clone()
                        }),
                    );
                }
                Operand::value(rt)
            }
            Builtin::Min | Builtin::Max => {
                let mut ops: Vec<Operand> = Vec::new();
                for a in args {
                    let x = self.value(a);
                    if x.is_invalid() {
                        return Operand::invalid();
                    }
                    if !self.types.basic(x.typ).is_some_and(|k| k.is_ordered()) {
                        self.error(
                            a.pos,
                            format!(
                                "invalid argument: {} cannot be ordered",
                                self.operand_string(a, &x)
                            ),
                        );
                        return Operand::invalid();
                    }
                    ops.push(x);
                }
                // Find the common type: the first typed operand's, else untyped.
                let typed = ops
                    .iter()
                    .find(|o| !self.types.is_untyped(o.typ))
                    .map(|o| o.typ);
                let mut result_t = typed.unwrap_or(ops[0].typ);
                for (i, a) in args.iter().enumerate() {
                    let mut x = ops[i].clone();
                    if let Some(t) = typed {
                        if !self.assignment(&mut x, a, t, &format!("argument to built-in {}", name))
                        {
                            return Operand::invalid();
                        }
                        if x.typ != t {
                            self.error(a.pos, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", self.tstr(t), self.tstr(x.typ), self.expr_string(a)));
                            return Operand::invalid();
                        }
                    } else {
                        let rt = result_t;
                        self.convert_untyped(&mut x, a, rt);
                        if x.typ != result_t && self.types.is_untyped(x.typ) {
                            result_t = x.typ;
                        }
                    }
                    ops[i] = x;
                }
                if ops.iter().all(|o| o.val.is_some()) {
                    let mut best = ops[0].val.clone().expect("const");
                    for o in &ops[1..] {
                        let v = o.val.clone().expect("const");
                        let less =
                            constant::compare(rgoc_syntax::BinOp::Lt, &v, &best).unwrap_or(false);
                        if (b == Builtin::Min) == less {
                            best = v;
                        }
                    }
                    return Operand::constant(result_t, best);
                }
                Operand::value(result_t)
            }
        }
    }

    fn has_call_or_recv(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { fun, args, .. } => {
                // Conversions are not calls.
                let is_conv = self
                    .info
                    .types
                    .get(&fun.id)
                    .is_some_and(|t| t.mode == Mode::Type);
                !is_conv || args.iter().any(|a| self.has_call_or_recv(a))
            }
            ExprKind::Unary {
                op: rgoc_syntax::UnOp::Recv,
                ..
            } => true,
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => {
                self.has_call_or_recv(x)
            }
            ExprKind::Selector { x, .. } => self.has_call_or_recv(x),
            ExprKind::Index { x, indices } => {
                self.has_call_or_recv(x) || indices.iter().any(|i| self.has_call_or_recv(i))
            }
            ExprKind::Binary { x, y, .. } => self.has_call_or_recv(x) || self.has_call_or_recv(y),
            _ => false,
        }
    }

    /// A size argument of make: integer, non-negative if constant.
    fn size_arg(&mut self, a: &Expr) -> Option<Option<i64>> {
        let mut x = self.value(a);
        if x.is_invalid() {
            return None;
        }
        if self.types.is_untyped(x.typ) {
            if let Some(v) = &x.val {
                if v.as_int().is_none() {
                    self.error(
                        a.pos,
                        format!("{} truncated to int", self.expr_string(a))
                            .replace(" truncated to int", "")
                            + " (untyped float constant) truncated to int",
                    );
                    return None;
                }
            }
            self.convert_untyped(&mut x, a, ids::INT);
        }
        if !self.types.is_integer(x.typ) {
            self.error(
                a.pos,
                format!("cannot convert {} to type int", self.operand_string(a, &x)),
            );
            return None;
        }
        if let Some(v) = &x.val {
            let i = v.as_int().unwrap_or_default();
            if i.is_negative() {
                self.error(
                    a.pos,
                    format!(
                        "invalid argument: index {} (constant of type int) must not be negative",
                        self.expr_string(a)
                    ),
                );
                return None;
            }
            return Some(i.to_i64());
        }
        Some(None)
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
                    self.error(e.pos, "invalid composite literal type: missing type");
                    return Operand::invalid();
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
                    let mut seen = std::collections::HashSet::new();
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
                        let Some(fi) = fields.iter().position(|f| &f.name == name) else {
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
                        };
                        if !seen.insert(fi) {
                            self.error(
                                k.pos,
                                format!("duplicate field name {} in struct literal", name),
                            );
                        }
                        let ft = fields[fi].typ;
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
                self.error(
                    e.pos,
                    format!("invalid composite literal type {}", self.tstr(lit_t)),
                );
                return Operand::invalid();
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
    fn indexed_elts(&mut self, elts: &[ast::Element], et: TypeId, len: Option<u64>) -> u64 {
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
