//! Built-in functions (go/types' builtins.go): arity, then one function
//! per builtin.


use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use rgoc_syntax::visit::{walk_expr, Visitor};
use rgoc_syntax::{Expr, ExprKind};

use crate::check::Checker;
use crate::constant::{self, Value};
use crate::objects::Builtin;
use crate::operand::Operand;
use crate::types::{ids, BasicKind, Type};
use crate::Mode;

impl<'a> Checker<'a> {
    pub(crate) fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], ellipsis: bool) -> Operand {
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
            | Builtin::Panic
            | Builtin::RangePanic => (1, 1),
            Builtin::Complex | Builtin::Copy | Builtin::Delete => (2, 2),
            Builtin::Make => (1, 3),
            Builtin::Max | Builtin::Min => (1, usize::MAX),
            Builtin::Print | Builtin::Println => (0, usize::MAX),
            Builtin::Recover | Builtin::RangeDeferFrame => (0, 0),
            Builtin::RangeDefer => (2, 2),
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
        // A multi-value call as the only argument (append(f()), ...).
        if nargs == 1 && !ellipsis && crate::multibuiltin::takes_multi_value(b) && crate::multibuiltin::is_call(&args[0]) {
            let x = self.expr(&args[0]);
            if x.is_invalid() {
                return x;
            }
            if let Some(r) = self.builtin_multi_value(e, b, &args[0], &x) {
                return r;
            }
            // One value: the built-in checks it as usual, without checking
            // the call again.
            self.reuse_operand = Some((args[0].id, x));
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
                    "invalid operation: {} arguments for {} (expected {}, found {})",
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
        match b {
            Builtin::Print | Builtin::Println => self.builtin_print(name, args),
            Builtin::Panic => self.builtin_panic(args),
            Builtin::Recover => Operand::value(ids::EMPTY_INTERFACE),
            Builtin::RangePanic => {
                let mut x = self.value(&args[0]);
                self.assignment(&mut x, &args[0], ids::INT, "argument to #panicrange");
                Operand::novalue()
            }
            Builtin::RangeDeferFrame => Operand::value(ids::UINTPTR),
            Builtin::RangeDefer => {
                let mut x = self.value(&args[0]);
                self.assignment(&mut x, &args[0], ids::UINTPTR, "argument to #deferat");
                self.go_defer_call("defer", &args[1]);
                Operand::novalue()
            }
            Builtin::Sizeof | Builtin::Alignof => self.builtin_sizeof_alignof(b, args),
            Builtin::Offsetof => self.builtin_offsetof(args),
            Builtin::Add => self.builtin_unsafe_add(args),
            Builtin::Slice | Builtin::String => self.builtin_unsafe_slice_string(b, args),
            Builtin::StringData => self.builtin_string_data(args),
            Builtin::SliceData => self.builtin_slice_data(args),
            Builtin::Len | Builtin::Cap => self.builtin_len_cap(b, args),
            Builtin::New => self.builtin_new(args),
            Builtin::Make => self.builtin_make(e, args),
            Builtin::Append => self.builtin_append(e, args, ellipsis),
            Builtin::Copy => self.builtin_copy(e, args),
            Builtin::Delete => self.builtin_delete(args),
            Builtin::Clear => self.builtin_clear(args),
            Builtin::Close => self.builtin_close(args),
            Builtin::Complex => self.builtin_complex(e, args),
            Builtin::Real | Builtin::Imag => self.builtin_real_imag(b, args),
            Builtin::Min | Builtin::Max => self.builtin_min_max(b, args),
        }
    }

    /// print and println: operands of any type but untyped nil.
    fn builtin_print(&mut self, name: &str, args: &[Expr]) -> Operand {
        // print(f()) with a multi-value f prints every result.
        if args.len() == 1 {
            let x = self.expr(&args[0]);
            if let Type::Tuple(ts) = self.types.get(x.typ) {
                if !ts.is_empty() {
                    return Operand::novalue();
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
                    self.default_untyped_in(&mut x, &args[0], &format!("argument to built-in {}", name));
                }
            }
            return Operand::novalue();
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
            self.default_untyped_in(&mut x, a, &format!("argument to built-in {}", name));
        }
        Operand::novalue()
    }

    /// panic(v): v is assigned to interface{}.
    fn builtin_panic(&mut self, args: &[Expr]) -> Operand {
        let mut x = self.value(&args[0]);
        if !x.is_invalid() {
            self.assignment(&mut x, &args[0], ids::EMPTY_INTERFACE, "argument to panic");
        }
        Operand::novalue()
    }

    /// unsafe.Sizeof and unsafe.Alignof: uintptr constants.
    fn builtin_sizeof_alignof(&mut self, b: Builtin, args: &[Expr]) -> Operand {
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

    /// unsafe.Offsetof(x.f): the offset of a field not embedded through a pointer.
    fn builtin_offsetof(&mut self, args: &[Expr]) -> Operand {
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
            return self.errorf(
                args[0].pos,
                format!(
                    "invalid argument: {} is not a selector expression",
                    self.expr_string(&args[0])
                ),
            );
        };
        let mut t = bt;
        let mut off = 0u64;
        for (k, &i) in s.path.iter().enumerate() {
            if k > 0 && self.types.is_pointer(t) {
                return self.errorf(
                    args[0].pos,
                    format!(
                        "invalid argument: field {} is embedded via a pointer",
                        self.expr_string(&args[0])
                    ),
                );
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

    /// unsafe.Add(p, n).
    fn builtin_unsafe_add(&mut self, args: &[Expr]) -> Operand {
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

    /// unsafe.Slice(p, n) and unsafe.String(p, n).
    fn builtin_unsafe_slice_string(&mut self, b: Builtin, args: &[Expr]) -> Operand {
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
            return self.errorf(
                args[0].pos,
                format!(
                    "invalid argument: {} is not a pointer",
                    self.expr_string(&args[0])
                ),
            );
        };
        Operand::value(self.types.slice(et))
    }

    /// unsafe.StringData(s).
    fn builtin_string_data(&mut self, args: &[Expr]) -> Operand {
        let x = self.value(&args[0]);
        if x.is_invalid() {
            return x;
        }
        Operand::value(self.types.pointer(ids::UINT8))
    }

    /// unsafe.SliceData(s).
    fn builtin_slice_data(&mut self, args: &[Expr]) -> Operand {
        let x = self.value(&args[0]);
        let Type::Slice(et) = self.types.under(x.typ).clone() else {
            return self.errorf(
                args[0].pos,
                format!(
                    "invalid argument: {} is not a slice",
                    self.expr_string(&args[0])
                ),
            );
        };
        Operand::value(self.types.pointer(et))
    }

    /// len and cap: constant for constant strings, and for arrays when the argument has no call or receive.
    fn builtin_len_cap(&mut self, b: Builtin, args: &[Expr]) -> Operand {
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
        let fits = |ty: &crate::types::TypeTable, t: crate::types::TypeId| -> bool {
            let u = ty.underlying(t);
            let u = match ty.get(u) {
                Type::Pointer(p) if matches!(ty.under(*p), Type::Array(..)) => ty.underlying(*p),
                _ => u,
            };
            match ty.get(u) {
                Type::Basic(k) => k.is_string() && b == Builtin::Len,
                Type::Array(..) | Type::Slice(_) | Type::Chan(..) => true,
                Type::Map(..) => b == Builtin::Len,
                _ => false,
            }
        };
        // A type parameter: every type of its set must have a length
        // (go/types' underIs), core type or not.
        let ok = if self.types.is_type_param(x.typ) {
            self.types.all_in_set(x.typ, &fits)
        } else {
            fits(&self.types, x.typ)
        };
        if !ok {
            return self.errorf(
                args[0].pos,
                format!(
                    "invalid argument: {} for built-in {}",
                    self.operand_string(&args[0], &x),
                    b.name()
                ),
            );
        }
        if let Some(Value::String(s)) = &x.val {
            return Operand::constant(ids::INT, Value::int(s.len() as i64));
        }
        if let (Type::Array(n, _), false) = (self.types.get(ut), self.types.is_type_param(x.typ)) {
            if !self.has_call_or_recv_excluding_conversions(&args[0]) {
                return Operand::constant(ids::INT, Value::int(*n as i64));
            }
        }
        if self.types.is_untyped(x.typ) {
            let mut x = x;
            self.default_untyped(&mut x, &args[0]);
        }
        Operand::value(ids::INT)
    }

    /// new(T), or new(expr) (go 1.26): a variable of expr's type (the
    /// default type of an untyped constant) initialised to its value.
    fn builtin_new(&mut self, args: &[Expr]) -> Operand {
        let arg = &args[0];
        let x = self.expr(arg);
        if x.is_invalid() {
            return Operand::invalid();
        }
        let t = match x.mode {
            Mode::NoValue => {
                let msg = format!("{} used as value or type", self.operand_string(arg, &x));
                return self.errorf(arg.pos, msg);
            }
            Mode::Builtin => {
                let msg = format!("{} must be called", self.operand_string(arg, &x));
                return self.errorf(arg.pos, msg);
            }
            Mode::Type => {
                if self.is_generic_type(x.typ) || self.generic_alias_of(arg).is_some() {
                    let msg = format!("cannot use generic type {} without instantiation", self.expr_string(arg));
                    return self.errorf(arg.pos, msg);
                }
                x.typ
            }
            _ => {
                let mut x = self.single_value(arg, x);
                if x.is_invalid() {
                    return x;
                }
                if x.typ == ids::UNTYPED_NIL {
                    return self.errorf(arg.pos, "use of untyped nil in argument to new");
                }
                if self.types.is_untyped(x.typ) {
                    self.default_untyped_in(&mut x, arg, "argument to new");
                    if x.is_invalid() {
                        return x;
                    }
                }
                x.typ
            }
        };
        Operand::value(self.types.pointer(t))
    }

    /// make(T, size...): slices take a length and an optional capacity, maps and channels an optional size.
    fn builtin_make(&mut self, e: &Expr, args: &[Expr]) -> Operand {
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
                return self.errorf(args[0].pos, format!("invalid argument: cannot make {}; type must be slice, map, or channel", self.expr_string(&args[0])));
            }
        };
        if args.len() < minn || args.len() > maxn {
            return self.errorf(
                e.pos,
                format!(
                    "invalid operation: {} expects {} or {} arguments; found {}",
                    self.expr_string(e),
                    minn,
                    maxn,
                    args.len()
                ),
            );
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
                return self.errorf(
                    args[1].pos,
                    format!("invalid argument: length and capacity swapped"),
                );
            }
        }
        Operand::value(t)
    }

    /// append(s, x...), including append([]byte, string...).
    fn builtin_append(&mut self, e: &Expr, args: &[Expr], ellipsis: bool) -> Operand {
        let mut s = self.value(&args[0]);
        if s.is_invalid() {
            for a in &args[1..] {
                self.expr(a);
            }
            return s;
        }
        if s.typ == ids::UNTYPED_NIL {
            return self.errorf(
                args[0].pos,
                "first argument to append must be a typed slice; have untyped nil",
            );
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
            if args.len() != 2 {
                return self.errorf(e.pos, "can only use ... with final argument in list");
            }
            let mut y = self.value(&args[1]);
            if y.is_invalid() {
                return Operand::invalid();
            }
            // append([]byte, string...)
            let bytestring = |c: &Self, t: crate::types::TypeId| {
                c.types.all_in_set(t, &|ty, u| {
                    ty.is_string(u) || matches!(ty.under(u), Type::Slice(e) if ty.basic(*e) == Some(BasicKind::Uint8))
                }) && c.types.is_type_param(t)
            };
            if self.types.basic(elem) == Some(BasicKind::Uint8)
                && (self.types.is_string(y.typ) || bytestring(self, y.typ))
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

    /// copy(dst, src), including copy([]byte, string).
    fn builtin_copy(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        let x = self.value(&args[0]);
        let mut y = self.value(&args[1]);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        let Type::Slice(de) = self.types.under(x.typ).clone() else {
            return self.errorf(
                e.pos,
                format!(
                    "invalid argument: copy expects slice arguments; found {} and {}",
                    self.operand_string(&args[0], &x),
                    self.operand_string(&args[1], &y)
                ),
            );
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
            return self.errorf(e.pos, format!("invalid argument: arguments to copy {} and {} have different element types", self.operand_string(&args[0], &x), self.operand_string(&args[1], &y)));
        }
        Operand::value(ids::INT)
    }

    /// delete(m, k).
    fn builtin_delete(&mut self, args: &[Expr]) -> Operand {
        let m = self.value(&args[0]);
        let mut k = self.value(&args[1]);
        if m.is_invalid() || k.is_invalid() {
            return Operand::invalid();
        }
        let Type::Map(kt, _) = self.types.under(m.typ).clone() else {
            return self.errorf(
                args[0].pos,
                format!(
                    "invalid argument: {} is not a map",
                    self.operand_string(&args[0], &m)
                ),
            );
        };
        self.assignment(&mut k, &args[1], kt, "argument to delete");
        Operand::novalue()
    }

    /// clear(m) and clear(s).
    fn builtin_clear(&mut self, args: &[Expr]) -> Operand {
        let x = self.value(&args[0]);
        if x.is_invalid() {
            return x;
        }
        if !matches!(self.types.under(x.typ), Type::Map(..) | Type::Slice(_)) {
            return self.errorf(
                args[0].pos,
                format!(
                    "invalid argument: {} must be a map or slice",
                    self.operand_string(&args[0], &x)
                )
                .replace("must be a map or slice", "cannot clear"),
            );
        }
        Operand::novalue()
    }

    /// close(c) of a channel that is not receive-only.
    fn builtin_close(&mut self, args: &[Expr]) -> Operand {
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
            Type::Chan(..) => Operand::novalue(),
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

    /// complex(re, im): untyped arguments convert toward each other, then to float.
    fn builtin_complex(&mut self, e: &Expr, args: &[Expr]) -> Operand {
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
                    return self.errorf(e.pos, "invalid operation: complex arguments must be real");
                };
                return Operand::constant(ids::UNTYPED_COMPLEX, Value::Complex(re, im));
            }
        }
        if self.types.is_untyped(x.typ) {
            self.convert_untyped(&mut x, &args[0], ids::FLOAT64);
            self.convert_untyped(&mut y, &args[1], ids::FLOAT64);
        }
        if x.typ != y.typ {
            return self.errorf(
                e.pos,
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.expr_string(e),
                    self.tstr(x.typ),
                    self.tstr(y.typ)
                ),
            );
        }
        let rt = match self.types.basic(x.typ) {
            Some(BasicKind::Float32) => ids::COMPLEX64,
            Some(BasicKind::Float64) => ids::COMPLEX128,
            _ => {
                return self.errorf(
                    args[0].pos,
                    format!(
                        "invalid argument: arguments have type {}, expected floating-point",
                        self.tstr(x.typ)
                    ),
                );
            }
        };
        if let (Some(a), Some(bv)) = (&x.val, &y.val) {
            if let (Some(re), Some(im)) = (a.as_rat(), bv.as_rat()) {
                return Operand::constant(rt, Value::Complex(re, im));
            }
        }
        Operand::value(rt)
    }

    /// real(c) and imag(c).
    fn builtin_real_imag(&mut self, b: Builtin, args: &[Expr]) -> Operand {
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
                return self.errorf(
                    args[0].pos,
                    format!(
                        "invalid argument: {} must be of complex type",
                        self.operand_string(&args[0], &x)
                    ),
                );
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

    /// min and max: ordered operands of one type; constant when all are.
    fn builtin_min_max(&mut self, b: Builtin, args: &[Expr]) -> Operand {
        let mut ops: Vec<Operand> = Vec::new();
        for a in args {
            let x = self.value(a);
            if x.is_invalid() {
                return Operand::invalid();
            }
            if !self.types.is_ordered(x.typ) {
                return self.errorf(
                    a.pos,
                    format!(
                        "invalid argument: {} cannot be ordered",
                        self.operand_string(a, &x)
                    ),
                );
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
                if !self.assignment(&mut x, a, t, &format!("argument to built-in {}", b.name()))
                {
                    return Operand::invalid();
                }
                if x.typ != t {
                    return self.errorf(a.pos, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", self.tstr(t), self.tstr(x.typ), self.expr_string(a)));
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

    /// Whether `e` contains a call that is not a conversion (a conversion's
    /// operand still counts) or a receive, looking through parentheses,
    /// selectors, index expressions and operators only: the spec's
    /// condition for `len` and `cap` of an array not being constant.
    pub(crate) fn has_call_or_recv_excluding_conversions(&self, e: &Expr) -> bool {
        struct CallOrRecv<'i> {
            info: &'i crate::Info,
            found: bool,
        }
        impl<'a> Visitor<'a> for CallOrRecv<'_> {
            fn visit_expr(&mut self, e: &'a Expr) {
                if self.found {
                    return;
                }
                match &e.kind {
                    ExprKind::Call { fun, args, .. } => {
                        let is_conv = self.info.types.get(&fun.id).is_some_and(|t| t.mode == Mode::Type);
                        if !is_conv {
                            self.found = true;
                            return;
                        }
                        for a in args {
                            self.visit_expr(a);
                        }
                    }
                    ExprKind::Unary { op: rgoc_syntax::UnOp::Recv, .. } => self.found = true,
                    ExprKind::Paren(_)
                    | ExprKind::Star(_)
                    | ExprKind::Unary { .. }
                    | ExprKind::Selector { .. }
                    | ExprKind::Index { .. }
                    | ExprKind::Binary { .. } => walk_expr(self, e),
                    _ => {}
                }
            }
        }
        let mut v = CallOrRecv { info: &self.info, found: false };
        v.visit_expr(e);
        v.found
    }

    /// A size argument of make: integer, non-negative if constant.
    pub(crate) fn size_arg(&mut self, a: &Expr) -> Option<Option<i64>> {
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
}
