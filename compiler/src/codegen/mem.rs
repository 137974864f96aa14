//! Places and composite values: addresses of variables, fields, elements
//! and dereferences; loads and stores; composite literals; slices.
//!
//! Invariants:
//! - `addr` is only called on expressions the checker found addressable
//!   (mode Var) or on map index expressions (which yield the slot that
//!   `runtime.mapassign` returns);
//! - values of aggregate Go types are LLVM first-class aggregates in
//!   registers; aggregates are zeroed with memset and copied with memcpy
//!   when they are large.

use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use rgoc_syntax::{Expr, ExprKind, Pos};
use rgoc_types::{Mode, SelectionKind, Type, TypeId};

use super::rt::R;
use super::Gen;

/// Literals with at least this many elements, all constants, copy them
/// from a constant global (`const_elements`).
const CONST_ARRAY_MIN: usize = 8;

/// Aggregates larger than this are zeroed and copied through memory.
pub(crate) const BIG: u64 = 64;

pub(crate) fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        _ => e,
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn i64c(&self, v: u64) -> IntValue<'ctx> {
        self.ctx.i64_type().const_int(v, false)
    }

    /// Stores the zero value of `t` at `p`.
    pub fn zero_store(&mut self, p: PointerValue<'ctx>, t: TypeId, pos: Pos) {
        let Some(ty) = self.llvm_type(t, pos) else {
            return;
        };
        let size = self.td.get_abi_size(&ty);
        let wb = self.needs_wb(p, t, None);
        // An aggregate store of a long array is expanded element by
        // element by LLVM (even a zero-sized `[1e9][0]*int`): clear memory.
        if size > BIG || wb || has_long_array(ty) {
            let align = self.td.get_abi_alignment(&ty);
            self.clear_mem(p, self.i64c(size), align, wb);
        } else {
            self.builder.build_store(p, ty.const_zero()).expect("store");
        }
    }

    /// Whether values of type `t` are "big": arrays and structs larger than
    /// BIG bytes are never LLVM first-class values (LLVM expands those
    /// element by element). A big value is a pointer to a private copy: a
    /// temporary, or a heap copy where it must outlive the frame.
    pub fn is_big(&mut self, t: TypeId) -> bool {
        matches!(self.c.types.under(t), Type::Array(..) | Type::Struct(_))
            && self.size_of(t, Pos::default()) > BIG
    }

    /// The LLVM type of a value of type `t` in registers, parameters and
    /// results: a pointer for big types, else the memory type.
    pub fn val_type(&mut self, t: TypeId, pos: Pos) -> Option<inkwell::types::BasicTypeEnum<'ctx>> {
        if self.is_big(t) {
            return Some(self.ptr_type().into());
        }
        self.llvm_type(t, pos)
    }

    /// Loads the value of type `t` at `p` (a private copy for big types).
    pub fn load(
        &mut self,
        t: TypeId,
        p: PointerValue<'ctx>,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let ty = self.llvm_type(t, pos)?;
        if self.is_big(t) {
            let tmp = self.alloca(ty, "big");
            let size = self.td.get_abi_size(&ty);
            // The type's own alignment: a big array of bytes may sit at
            // any offset of a struct.
            let align = self.td.get_abi_alignment(&ty);
            self.builder
                .build_memcpy(tmp, align, p, align, self.i64c(size))
                .expect("memcpy");
            return Some(tmp.into());
        }
        Some(self.builder.build_load(ty, p, "").expect("load"))
    }

    /// Stores value `v` of type `t` at `p` (with the write barrier when
    /// `p` may be in the heap or a global: wb.rs).
    pub fn store_val(&mut self, p: PointerValue<'ctx>, v: BasicValueEnum<'ctx>, t: TypeId) {
        if self.is_big(t) {
            let size = self.size_of(t, Pos::default());
            let align = self.align_of(t);
            let wb = self.needs_wb(p, t, Some(v));
            self.copy_mem(p, v.into_pointer_value(), self.i64c(size), align, wb);
        } else {
            self.store_small(p, v, t);
        }
    }

    /// The alignment of values of type `t` in memory (what loads, stores
    /// and memcpy/memmove/memset of them may claim).
    pub fn align_of(&mut self, t: TypeId) -> u32 {
        match self.llvm_type(t, Pos::default()) {
            Some(ty) => self.td.get_abi_alignment(&ty),
            None => 1,
        }
    }

    /// The zero value of type `t`.
    pub fn zero_val(&mut self, t: TypeId, pos: Pos) -> Option<BasicValueEnum<'ctx>> {
        let ty = self.llvm_type(t, pos)?;
        if self.is_big(t) {
            let tmp = self.alloca(ty, "zero");
            self.zero_store(tmp, t, pos);
            return Some(tmp.into());
        }
        Some(ty.const_zero())
    }

    /// A heap copy of value `v` of type `t` when it is big (for values that
    /// outlive the current evaluation: results, closure captures).
    pub fn persist(
        &mut self,
        v: BasicValueEnum<'ctx>,
        t: TypeId,
        pos: Pos,
    ) -> BasicValueEnum<'ctx> {
        if !self.is_big(t) {
            return v;
        }
        let p = self.new_object(t, pos);
        self.store_val(p, v, t);
        p.into()
    }

    /// A temporary in the entry block holding `v`.
    pub fn spill(&mut self, v: BasicValueEnum<'ctx>) -> PointerValue<'ctx> {
        let p = self.alloca(v.get_type(), "tmp");
        self.builder.build_store(p, v).expect("store");
        p
    }

    /// The address of a value of type `t` (big values already are one).
    pub fn spill_typed(&mut self, v: BasicValueEnum<'ctx>, t: TypeId) -> PointerValue<'ctx> {
        if self.is_big(t) {
            return v.into_pointer_value();
        }
        self.spill(v)
    }

    /// Whether the checker found `e` addressable.
    pub fn addressable(&self, e: &Expr) -> bool {
        self.info.tv(e).is_some_and(|tv| tv.mode == Mode::Var)
    }

    /// The address of `e`'s value: its own address when addressable, else a
    /// temporary copy.
    pub fn addr_or_temp(&mut self, e: &Expr) -> Option<PointerValue<'ctx>> {
        if self.addressable(e) {
            return self.addr(e);
        }
        let v = self.expr(e)?;
        let t = self.info.type_of(e);
        Some(self.spill_typed(v, t))
    }

    /// The address of an addressable expression (or a map element slot).
    pub fn addr(&mut self, e: &Expr) -> Option<PointerValue<'ctx>> {
        match &e.kind {
            ExprKind::Paren(x) => self.addr(x),
            ExprKind::Ident(_) => {
                let o = self.info.obj_of(e.id)?;
                self.var_ptr(o, e.pos)
            }
            ExprKind::Star(x) => {
                let p = self.expr(x)?.into_pointer_value();
                self.nil_check(p);
                Some(p)
            }
            ExprKind::Selector { .. } if !self.info.selections.contains_key(&e.id) => {
                // pkg.V
                let o = self.info.obj_of(e.id)?;
                self.var_ptr(o, e.pos)
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.info.selections.get(&e.id).cloned();
                match sel {
                    Some(sel) if sel.kind == SelectionKind::FieldVal => {
                        let xt = self.info.type_of(x);
                        let (p, t) = self.selector_base(x, xt)?;
                        Some(self.field_path(p, t, &sel.path, e.pos)?.0)
                    }
                    _ => {
                        self.unsupported(e.pos, "address of this selector");
                        None
                    }
                }
            }
            ExprKind::Index { x, indices } => {
                let xt = self.info.type_of(x);
                match self.c.types.under(xt).clone() {
                    Type::Array(n, et) => {
                        let p = self.addr_or_temp(x)?;
                        let i = self.index_int(&indices[0])?;
                        self.bounds_check(i, self.i64c(n), self.unsigned_index(&indices[0]));
                        self.elem_ptr(p, et, i, e.pos)
                    }
                    Type::Pointer(at) => {
                        let Type::Array(n, et) = self.c.types.under(at).clone() else {
                            return None;
                        };
                        let p = self.expr(x)?.into_pointer_value();
                        self.nil_check(p);
                        let i = self.index_int(&indices[0])?;
                        self.bounds_check(i, self.i64c(n), self.unsigned_index(&indices[0]));
                        self.elem_ptr(p, et, i, e.pos)
                    }
                    Type::Slice(et) => {
                        let s = self.expr(x)?.into_struct_value();
                        let i = self.index_int(&indices[0])?;
                        let ptr = self
                            .builder
                            .build_extract_value(s, 0, "")
                            .expect("extract")
                            .into_pointer_value();
                        let len = self
                            .builder
                            .build_extract_value(s, 1, "")
                            .expect("extract")
                            .into_int_value();
                        self.bounds_check(i, len, self.unsigned_index(&indices[0]));
                        self.elem_ptr(ptr, et, i, e.pos)
                    }
                    Type::Map(..) => {
                        let m = self.expr(x)?;
                        let kt = self.map_key_type(xt);
                        let k = self.expr_to(&indices[0], kt)?;
                        Some(self.map_assign_slot(xt, m, k, e.pos))
                    }
                    _ => {
                        self.unsupported(e.pos, "address of this index expression");
                        None
                    }
                }
            }
            ExprKind::CompositeLit { .. } => {
                let t = self.info.type_of(e);
                let v = self.expr(e)?;
                // In the frame when escape analysis says the object does
                // not outlive it (escape.rs: allocation sites).
                let p = if self.stack_vars.contains(&super::escape::alloc_site(e.id)) {
                    let ty = self.llvm_type(t, e.pos)?;
                    self.alloca(ty, "lit.obj")
                } else {
                    self.new_object(t, e.pos)
                };
                self.store_val(p, v, t);
                Some(p)
            }
            _ => {
                self.unsupported(e.pos, "address of this kind of expression");
                None
            }
        }
    }

    pub fn elem_ptr(
        &mut self,
        base: PointerValue<'ctx>,
        et: TypeId,
        i: IntValue<'ctx>,
        pos: Pos,
    ) -> Option<PointerValue<'ctx>> {
        let ety = self.llvm_type(et, pos)?;
        Some(unsafe {
            self.builder
                .build_gep(ety, base, &[i], "elem")
                .expect("gep")
        })
    }

    /// The pointer a selector path starts from and the type it points to.
    pub fn selector_base(&mut self, x: &Expr, xt: TypeId) -> Option<(PointerValue<'ctx>, TypeId)> {
        if let Type::Pointer(et) = self.c.types.under(xt).clone() {
            let p = self.expr(x)?.into_pointer_value();
            self.nil_check(p);
            return Some((p, et));
        }
        Some((self.addr_or_temp(x)?, xt))
    }

    /// Follows struct field indices from `p` (pointing to a `t`),
    /// dereferencing embedded pointers between steps. Returns the final
    /// field's address and type.
    pub fn field_path(
        &mut self,
        mut p: PointerValue<'ctx>,
        mut t: TypeId,
        path: &[usize],
        pos: Pos,
    ) -> Option<(PointerValue<'ctx>, TypeId)> {
        for (k, &i) in path.iter().enumerate() {
            if k > 0 {
                if let Type::Pointer(et) = self.c.types.under(t).clone() {
                    p = self
                        .builder
                        .build_load(self.ptr_type(), p, "")
                        .expect("load")
                        .into_pointer_value();
                    self.nil_check(p);
                    t = et;
                }
            }
            let Type::Struct(fields) = self.c.types.under(t).clone() else {
                self.unsupported(pos, "field of a non-struct");
                return None;
            };
            let sty = self.llvm_type(t, pos)?.into_struct_type();
            p = self
                .builder
                .build_struct_gep(sty, p, i as u32, "field")
                .expect("gep");
            t = fields[i].typ;
        }
        Some((p, t))
    }

    /// `x.f` as a value.
    pub fn field_value(
        &mut self,
        e: &Expr,
        x: &Expr,
        path: &[usize],
    ) -> Option<BasicValueEnum<'ctx>> {
        let xt = self.info.type_of(x);
        let through_ptr = self.c.types.is_pointer(xt) || self.path_has_pointer(xt, path);
        if !through_ptr && !self.addressable(x) && !self.is_big(xt) {
            // A field of a value: extract it.
            let mut v = self.expr(x)?;
            for &i in path {
                v = self
                    .builder
                    .build_extract_value(v.into_struct_value(), i as u32, "")
                    .expect("extract");
            }
            return Some(v);
        }
        let (p, t) = self.selector_base(x, xt)?;
        let (fp, ft) = self.field_path(p, t, path, e.pos)?;
        self.load(ft, fp, e.pos)
    }

    fn path_has_pointer(&self, mut t: TypeId, path: &[usize]) -> bool {
        for (k, &i) in path.iter().enumerate() {
            if k > 0 && self.c.types.is_pointer(t) {
                return true;
            }
            let Type::Struct(fields) = self.c.types.under(t) else {
                return false;
            };
            t = fields[i].typ;
        }
        false
    }

    /// `x[i]` as a value (not strings, not maps).
    pub fn index_value(&mut self, e: &Expr, x: &Expr, idx: &Expr) -> Option<BasicValueEnum<'ctx>> {
        let t = self.info.type_of(e);
        let p = self.addr(&Expr {
            id: e.id,
            pos: e.pos,
            kind: ExprKind::Index {
                x: Box::new(x.clone()),
                indices: vec![idx.clone()],
            },
        })?;
        self.load(t, p, e.pos)
    }

    /// Panics (nil dereference, reported as gc's faulting nil checks are,
    /// with a SIGSEGV line) if `p` is nil. Explicit rather than a fault:
    /// LLVM deletes loads whose value is unused (`_ = p.x`) and treats a
    /// load from null as undefined behaviour.
    pub fn nil_check(&mut self, p: PointerValue<'ctx>) {
        let bad = self.builder.build_is_null(p, "isnil").expect("isnull");
        self.panic_if(bad, "runtime.panicnilcheck", &[]);
    }

    /// Panics with an index error unless 0 <= i < len (unsigned compare).
    /// An index of unsigned type (`unsigned_index`) is reported unsigned
    /// (gc's panicIndexU: `[18446744073709551615]`, not `[-1]`).
    pub fn bounds_check(&mut self, i: IntValue<'ctx>, len: IntValue<'ctx>, unsigned: bool) {
        let bad = self
            .builder
            .build_int_compare(IntPredicate::UGE, i, len, "")
            .expect("cmp");
        let f = if unsigned { "runtime.panicIndexU" } else { "runtime.panicIndex" };
        self.panic_if(bad, f, &[i.into(), len.into()]);
    }

    /// Whether index expression `idx` has an unsigned type.
    pub fn unsigned_index(&self, idx: &Expr) -> bool {
        self.c.types.is_unsigned(self.info.type_of(idx))
    }

    /// gc's slice bounds check: panics with boundsError `code` unless a <= b
    /// (`a` reported unsigned when its expression has an unsigned type).
    fn slice_check(&mut self, a: IntValue<'ctx>, b: IntValue<'ctx>, code: u64, a_expr: Option<&Expr>) {
        let bad = self.builder.build_int_compare(IntPredicate::UGT, a, b, "").expect("cmp");
        let f = if a_expr.is_some_and(|x| self.unsigned_index(x)) { "runtime.panicSliceU" } else { "runtime.panicSlice" };
        self.panic_if(bad, f, &[self.i64c(code).into(), a.into(), b.into()]);
    }

    /// Builds a slice value.
    pub fn make_slice(&mut self, p: PointerValue<'ctx>, len: IntValue<'ctx>, cap: IntValue<'ctx>) -> BasicValueEnum<'ctx> {
        let st = self.slice_type();
        self.aggregate(st, &[p.into(), len.into(), cap.into()])
    }

    /// An LLVM struct value of type `ty` made of `vals`.
    pub fn aggregate(&mut self, ty: inkwell::types::StructType<'ctx>, vals: &[BasicValueEnum<'ctx>]) -> BasicValueEnum<'ctx> {
        let mut agg = ty.get_undef();
        for (i, v) in vals.iter().enumerate() {
            agg = self.builder.build_insert_value(agg, *v, i as u32, "").expect("insert").into_struct_value();
        }
        agg.into()
    }

    pub fn slice_parts(&mut self, s: BasicValueEnum<'ctx>) -> (PointerValue<'ctx>, IntValue<'ctx>, IntValue<'ctx>) {
        let f = self.unpack(s, 3);
        (f[0].into_pointer_value(), f[1].into_int_value(), f[2].into_int_value())
    }

    /// The first `n` fields of an LLVM struct value.
    pub fn unpack(&mut self, v: BasicValueEnum<'ctx>, n: u32) -> Vec<BasicValueEnum<'ctx>> {
        let sv = v.into_struct_value();
        (0..n).map(|i| self.builder.build_extract_value(sv, i, "").expect("extract")).collect()
    }

    /// `x[lo:hi:max]` on arrays, pointers to arrays, slices and strings.
    pub fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> Option<BasicValueEnum<'ctx>> {
        let xt = self.info.type_of(x);
        let is_string = self.c.types.is_string(xt);
        let is_slice = matches!(self.c.types.under(xt), Type::Slice(_));
        let (base, len, cap, et) = match self.c.types.under(xt).clone() {
            _ if is_string => {
                let s = self.expr(x)?;
                let (p, n) = self.string_parts(s);
                (p, n, n, rgoc_types::ids::UINT8)
            }
            Type::Slice(et) => {
                let s = self.expr(x)?;
                let (p, l, c) = self.slice_parts(s);
                (p, l, c, et)
            }
            Type::Array(n, et) => {
                let p = self.addr(x)?;
                (p, self.i64c(n), self.i64c(n), et)
            }
            Type::Pointer(at) => {
                let Type::Array(n, et) = self.c.types.under(at).clone() else {
                    return None;
                };
                let p = self.expr(x)?.into_pointer_value();
                self.nil_check(p);
                (p, self.i64c(n), self.i64c(n), et)
            }
            _ => {
                self.unsupported(e.pos, "slice of this type");
                return None;
            }
        };
        let lo_v = match lo {
            Some(l) => self.index_int(l)?,
            None => self.i64c(0),
        };
        let hi_v = match hi {
            Some(h) => Some(self.index_int(h)?),
            None => None,
        };
        let max_v = match max {
            Some(m) => Some(self.index_int(m)?),
            None => None,
        };
        // gc's checks, outermost first: max <= cap, hi <= max, lo <= hi.
        let (hi_v, max_v) = match max_v {
            Some(m) => {
                self.slice_check(m, cap, if is_slice { 5 } else { 4 }, max);
                let h = hi_v.expect("3-index slice has hi");
                self.slice_check(h, m, 6, hi);
                self.slice_check(lo_v, h, 7, lo);
                (h, m)
            }
            None => {
                let h = match hi_v {
                    Some(h) => {
                        let (bound, code) = if is_string || !is_slice {
                            (len, 1)
                        } else {
                            (cap, 2)
                        };
                        self.slice_check(h, bound, code, hi);
                        h
                    }
                    None => len,
                };
                self.slice_check(lo_v, h, 3, lo);
                (h, cap)
            }
        };
        let newlen = self.builder.build_int_sub(hi_v, lo_v, "").expect("sub");
        let newcap = self.builder.build_int_sub(max_v, lo_v, "").expect("sub");
        // Avoid pointing past the end when the result is empty in capacity.
        let p = self.elem_ptr(base, et, lo_v, e.pos)?;
        let zero_cap = self
            .builder
            .build_int_compare(IntPredicate::EQ, newcap, self.i64c(0), "")
            .expect("cmp");
        let p = self
            .builder
            .build_select(zero_cap, base, p, "")
            .expect("select")
            .into_pointer_value();
        if is_string {
            return Some(self.make_string(p, newlen));
        }
        Some(self.make_slice(p, newlen, newcap))
    }

    /// A composite literal's value.
    pub fn composite_lit(
        &mut self,
        e: &Expr,
        elts: &[rgoc_syntax::ast::Element],
    ) -> Option<BasicValueEnum<'ctx>> {
        let t = self.info.type_of(e);
        if let Type::Pointer(inner) = self.c.types.under(t).clone() {
            // An elided `&T{...}` inside another literal.
            let v = self.composite_of(e, inner, elts)?;
            let p = self.new_object(inner, e.pos);
            self.store_val(p, v, inner);
            return Some(p.into());
        }
        self.composite_of(e, t, elts)
    }

    /// Where a composite literal of type `t` is built: a frame slot, or a
    /// heap object when `t` is larger than gc lets an implicit stack
    /// variable be (64 KiB), so that `*p = T{...}` of a 1 MiB struct does
    /// not need a 1 MiB frame (fixedbugs issue18636 limits the stack to
    /// 64 KiB).
    fn literal_slot(&mut self, ty: inkwell::types::BasicTypeEnum<'ctx>, t: TypeId, pos: rgoc_syntax::Pos) -> PointerValue<'ctx> {
        if self.size_of(t, pos) > super::escape::MAX_STACK_VAR {
            self.new_object(t, pos)
        } else {
            self.alloca(ty, "lit")
        }
    }

    /// The zeroed temporary of a struct literal of type `t` (LLVM type
    /// `ty`), holding the constant fields `vals` gathered so far.
    fn literal_temporary(
        &mut self,
        ty: inkwell::types::BasicTypeEnum<'ctx>,
        t: TypeId,
        fields: &[rgoc_types::Field],
        vals: Vec<(usize, BasicValueEnum<'ctx>)>,
        pos: rgoc_syntax::Pos,
    ) -> PointerValue<'ctx> {
        let p = self.literal_slot(ty, t, pos);
        self.zero_store(p, t, pos);
        for (j, c) in vals {
            let fp = self.builder.build_struct_gep(ty.into_struct_type(), p, j as u32, "").expect("gep");
            self.store_val(fp, c, fields[j].typ);
        }
        p
    }

    fn composite_of(
        &mut self,
        e: &Expr,
        t: TypeId,
        elts: &[rgoc_syntax::ast::Element],
    ) -> Option<BasicValueEnum<'ctx>> {
        match self.c.types.under(t).clone() {
            Type::Struct(fields) => {
                let ty = self.llvm_type(t, e.pos)?;
                let sty = ty.into_struct_type();
                // Constant fields make a constant value (a store of it into
                // a fresh object needs no write barrier), without a
                // temporary: thousands of dead ones (unicode's tables) made
                // LLVM's SROA quadratic. They wait in `vals` until a field
                // that is not constant needs the temporary.
                let mut vals: Vec<(usize, BasicValueEnum)> = Vec::with_capacity(elts.len());
                let mut tmp = None;
                for (k, el) in elts.iter().enumerate() {
                    if let Some(path) = el.key.as_ref().and_then(|key| self.info.selections.get(&key.id)).map(|s| s.path.clone()) {
                        // A promoted field (go 1.27): stored through its
                        // embedded structs.
                        let p = match tmp {
                            Some(p) => p,
                            None => self.literal_temporary(ty, t, &fields, std::mem::take(&mut vals), e.pos),
                        };
                        tmp = Some(p);
                        let (fp, ft) = self.field_path(p, t, &path, e.pos)?;
                        let v = self.expr_to(&el.value, ft)?;
                        self.store_val(fp, v, ft);
                        continue;
                    }
                    let i = match &el.key {
                        Some(key) => match &strip(key).kind {
                            ExprKind::Ident(n) => fields.iter().position(|f| &f.name == n)?,
                            _ => return None,
                        },
                        None => k,
                    };
                    let v = self.expr_to(&el.value, fields[i].typ)?;
                    if fields[i].name == "_" {
                        // Evaluated, not stored: a blank field stays zero.
                        continue;
                    }
                    if tmp.is_none() && (!v.is_const() || self.is_big(fields[i].typ) || self.is_big(t)) {
                        tmp = Some(self.literal_temporary(ty, t, &fields, std::mem::take(&mut vals), e.pos));
                    }
                    match tmp {
                        Some(p) => {
                            let fp = self.builder.build_struct_gep(sty, p, i as u32, "").expect("gep");
                            self.store_val(fp, v, fields[i].typ);
                        }
                        None => vals.push((i, v)),
                    }
                }
                let Some(tmp) = tmp else {
                    if self.is_big(t) {
                        // No fields given: a zeroed temporary.
                        let p = self.literal_slot(ty, t, e.pos);
                        self.zero_store(p, t, e.pos);
                        return Some(p.into());
                    }
                    let mut consts: Vec<BasicValueEnum> = (0..fields.len())
                        .map(|i| sty.get_field_type_at_index(i as u32).map(|ft| ft.const_zero()))
                        .collect::<Option<_>>()?;
                    for (i, v) in vals {
                        consts[i] = v;
                    }
                    return Some(sty.const_named_struct(&consts).into());
                };
                if self.is_big(t) {
                    return Some(tmp.into());
                }
                Some(self.builder.build_load(ty, tmp, "").expect("load"))
            }
            Type::Array(n, et) => {
                let ty = self.llvm_type(t, e.pos)?;
                let tmp = self.literal_slot(ty, t, e.pos);
                self.zero_store(tmp, t, e.pos);
                self.store_elements(tmp, et, elts, e.pos)?;
                let _ = n;
                if self.is_big(t) {
                    return Some(tmp.into());
                }
                Some(self.builder.build_load(ty, tmp, "").expect("load"))
            }
            Type::Slice(et) => {
                let n = self.literal_len(elts);
                let p = self.alloc_array(et, self.i64c(n), e.pos);
                self.store_elements(p, et, elts, e.pos)?;
                let nv = self.i64c(n);
                Some(self.make_slice(p, nv, nv))
            }
            Type::Map(kt, vt) => {
                let mt = t;
                let m = self.make_map(mt, self.i64c(elts.len() as u64), e.pos);
                for el in elts {
                    let key = el.key.as_ref()?;
                    let k = self.expr_to(key, kt)?;
                    let v = self.expr_to(&el.value, vt)?;
                    let slot = self.map_assign_slot(mt, m, k, e.pos);
                    self.store_val(slot, v, vt);
                }
                Some(m)
            }
            _ => {
                self.unsupported(e.pos, "composite literal of this type");
                None
            }
        }
    }

    /// Zeroed heap memory for `n` elements of type `et`.
    pub fn alloc_array(&mut self, et: TypeId, n: IntValue<'ctx>, pos: Pos) -> PointerValue<'ctx> {
        let size = self.size_of(et, pos);
        let bytes = self
            .builder
            .build_int_mul(n, self.i64c(size), "")
            .expect("mul");
        let d = self.type_desc(et, pos).as_pointer_value();
        self.call_rt(
            "runtime.mallocgc",
            &[R::I64, R::Ptr, R::I8],
            R::Ptr,
            &[
                bytes.into(),
                d.into(),
                self.ctx.i8_type().const_int(1, false).into(),
            ],
        )
        .expect("mallocgc")
        .into_pointer_value()
    }

    fn literal_len(&self, elts: &[rgoc_syntax::ast::Element]) -> u64 {
        let (mut i, mut max) = (0u64, 0u64);
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(v) = self.info.tv(k).and_then(|tv| tv.val.as_ref()) {
                    i = v.as_int().and_then(|x| u64::try_from(&x).ok()).unwrap_or(i);
                }
            }
            i += 1;
            max = max.max(i);
        }
        max
    }

    fn store_elements(
        &mut self,
        base: PointerValue<'ctx>,
        et: TypeId,
        elts: &[rgoc_syntax::ast::Element],
        pos: Pos,
    ) -> Option<()> {
        let mut i = 0u64;
        // Constant elements wait in `vals` (a constant occupies no
        // register); the first other one stores them all and every
        // element after it is stored as it comes.
        let mut vals = Vec::with_capacity(elts.len());
        let mut all_const = !self.is_big(et);
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(v) = self.info.tv(k).and_then(|tv| tv.val.as_ref()) {
                    i = v.as_int().and_then(|x| u64::try_from(&x).ok()).unwrap_or(i);
                }
            }
            let v = self.expr_to(&el.value, et)?;
            if all_const && !v.is_const() {
                all_const = false;
                for (j, c) in std::mem::take(&mut vals) {
                    let p = self.elem_ptr(base, et, self.i64c(j), pos)?;
                    self.store_val(p, c, et);
                }
            }
            if all_const {
                vals.push((i, v));
            } else {
                let p = self.elem_ptr(base, et, self.i64c(i), pos)?;
                self.store_val(p, v, et);
            }
            i += 1;
        }
        if all_const && vals.len() >= CONST_ARRAY_MIN {
            if let Some(g) = self.const_elements(et, &vals, pos) {
                // `base` is a fresh heap object or a temporary, and the
                // constants point only to static data: no write barrier.
                let ty = g.get_value_type();
                let size = self.td.get_abi_size(&ty);
                let align = self.td.get_abi_alignment(&ty);
                self.copy_mem(base, g.as_pointer_value(), self.i64c(size), align, false);
                return Some(());
            }
        }
        for (i, v) in vals {
            let p = self.elem_ptr(base, et, self.i64c(i), pos)?;
            self.store_val(p, v, et);
        }
        Some(())
    }

    /// A private constant global holding elements `vals` (index, constant)
    /// of type `et`, zeros between them, up to the last index: a literal
    /// of many constants is one copy from it instead of a store per
    /// element (unicode's tables made LLVM spend seconds on the stores of
    /// their package initialiser).
    fn const_elements(
        &mut self,
        et: TypeId,
        vals: &[(u64, BasicValueEnum<'ctx>)],
        pos: Pos,
    ) -> Option<inkwell::values::GlobalValue<'ctx>> {
        use inkwell::types::BasicTypeEnum as T;
        let ety = self.llvm_type(et, pos)?;
        let n = vals.iter().map(|(i, _)| i + 1).max()? as usize;
        let mut elems = vec![ety.const_zero(); n];
        for &(i, v) in vals {
            if v.get_type() != ety {
                return None;
            }
            elems[i as usize] = v;
        }
        let arr = match ety {
            T::IntType(t) => t.const_array(&elems.iter().map(|v| v.into_int_value()).collect::<Vec<_>>()),
            T::FloatType(t) => t.const_array(&elems.iter().map(|v| v.into_float_value()).collect::<Vec<_>>()),
            T::PointerType(t) => t.const_array(&elems.iter().map(|v| v.into_pointer_value()).collect::<Vec<_>>()),
            T::StructType(t) => t.const_array(&elems.iter().map(|v| v.into_struct_value()).collect::<Vec<_>>()),
            T::ArrayType(t) => t.const_array(&elems.iter().map(|v| v.into_array_value()).collect::<Vec<_>>()),
            _ => return None,
        };
        let g = self.module.add_global(arr.get_type(), None, "go:lit");
        g.set_initializer(&arr);
        g.set_constant(true);
        g.set_linkage(inkwell::module::Linkage::Private);
        g.set_unnamed_addr(true);
        Some(g)
    }

    /// Copies a value of type `t` from `src` to `dst` (memmove for big ones).
    pub fn copy_value(
        &mut self,
        dst: PointerValue<'ctx>,
        src: PointerValue<'ctx>,
        t: TypeId,
        pos: Pos,
    ) {
        let Some(ty) = self.llvm_type(t, pos) else {
            return;
        };
        let size = self.td.get_abi_size(&ty);
        if size > BIG {
            let wb = self.needs_wb(dst, t, Some(src.into()));
            let align = self.td.get_abi_alignment(&ty);
            self.copy_mem(dst, src, self.i64c(size), align, wb);
        } else {
            let v = self.builder.build_load(ty, src, "").expect("load");
            self.store_small(dst, v, t);
        }
    }

    /// `len(x)` and `cap(x)` for non-constant operands.
    pub fn len_cap(&mut self, e: &Expr, x: &Expr, cap: bool) -> Option<BasicValueEnum<'ctx>> {
        let xt = self.info.type_of(x);
        match self.c.types.under(xt).clone() {
            Type::Basic(_) => {
                let v = self.expr(x)?;
                let (_, n) = self.string_parts(v);
                Some(n.into())
            }
            Type::Slice(_) => {
                let v = self.expr(x)?;
                let (_, l, c) = self.slice_parts(v);
                Some(if cap { c } else { l }.into())
            }
            Type::Array(n, _) => {
                // Operands with calls or receives are evaluated (constant otherwise).
                self.expr(x)?;
                Some(self.i64c(n).into())
            }
            Type::Pointer(at) => {
                let Type::Array(n, _) = self.c.types.under(at).clone() else {
                    return None;
                };
                self.expr(x)?;
                Some(self.i64c(n).into())
            }
            Type::Map(..) => {
                let m = self.expr(x)?.into_pointer_value();
                Some(self.nil_or_load_i64(m).into())
            }
            _ => {
                self.unsupported(e.pos, "len/cap of this type");
                None
            }
        }
    }

    /// 0 for a null pointer, else the i64 it points to.
    pub fn nil_or_load_i64(&mut self, p: PointerValue<'ctx>) -> IntValue<'ctx> {
        let i64t = self.ctx.i64_type();
        let not_nil = self.builder.build_is_not_null(p, "").expect("notnull");
        let v = self.guarded(not_nil, i64t.const_zero().into(), &mut |g| Some(g.builder.build_load(i64t, p, "").expect("load")));
        v.expect("len load").into_int_value()
    }

    /// `cond ? then() : otherwise`, where `then`'s code runs only when
    /// `cond` holds (a load through a pointer that may be null, a runtime
    /// call); `otherwise` must be available in the current block.
    pub fn guarded(
        &mut self,
        cond: IntValue<'ctx>,
        otherwise: BasicValueEnum<'ctx>,
        then: &mut dyn FnMut(&mut Self) -> Option<BasicValueEnum<'ctx>>,
    ) -> Option<BasicValueEnum<'ctx>> {
        let cur = self.builder.get_insert_block().expect("block");
        let yes = self.new_block("guard.then");
        let end = self.new_block("guard.end");
        self.builder.build_conditional_branch(cond, yes, end).expect("br");
        self.builder.position_at_end(yes);
        let v = then(self)?;
        let yes_end = self.builder.get_insert_block().expect("block");
        self.builder.build_unconditional_branch(end).expect("br");
        self.builder.position_at_end(end);
        let phi = self.builder.build_phi(otherwise.get_type(), "").expect("phi");
        phi.add_incoming(&[(&otherwise, cur), (&v, yes_end)]);
        Some(phi.as_basic_value())
    }

    /// `make([]T, len, cap)`.
    pub fn make_slice_builtin(
        &mut self,
        e: &Expr,
        t: TypeId,
        args: &[Expr],
    ) -> Option<BasicValueEnum<'ctx>> {
        let Type::Slice(et) = self.c.types.under(t).clone() else {
            return None;
        };
        let len = self.make_arg(&args[1], "len")?;
        let cap = match args.get(2) {
            Some(c) => self.make_arg(c, "cap")?,
            None => len,
        };
        let d = self.type_desc(et, e.pos).as_pointer_value();
        let p = self
            .call_rt(
                "runtime.makeslice",
                &[R::Ptr, R::I64, R::I64],
                R::Ptr,
                &[d.into(), len.into(), cap.into()],
            )?
            .into_pointer_value();
        Some(self.make_slice(p, len, cap))
    }

    fn make_arg(&mut self, e: &Expr, _what: &str) -> Option<IntValue<'ctx>> {
        self.index_int(e)
    }

    /// `append(s, xs...)` / `append(s, x, y)`.
    pub fn append(
        &mut self,
        e: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> Option<BasicValueEnum<'ctx>> {
        let st = self.info.type_of(e);
        let Type::Slice(et) = self.c.types.under(st).clone() else {
            return None;
        };
        let s = self.expr_to(&args[0], st)?;
        // The appended elements: a slice (xs...) or values.
        let (src_p, n, vals): (Option<PointerValue>, IntValue, Vec<BasicValueEnum>) = if ellipsis {
            let at = self.info.type_of(&args[1]);
            let v = self.expr(&args[1])?;
            if self.c.types.is_string(at) {
                let (sp, sn) = self.string_parts(v);
                (Some(sp), sn, vec![])
            } else {
                let (sp, sn, _) = self.slice_parts(v);
                (Some(sp), sn, vec![])
            }
        } else {
            let mut vals = Vec::new();
            for a in &args[1..] {
                vals.push(self.expr_to(a, et)?);
            }
            (None, self.i64c(vals.len() as u64), vals)
        };
        self.append_values(e, et, s, src_p, n, vals)
    }

    /// append's work once its operands are evaluated: slice `s` (of
    /// element type `et`) and either `n` elements at `src_p` or the values
    /// `vals` (converted to `et`).
    pub fn append_values(
        &mut self,
        e: &Expr,
        et: TypeId,
        s: BasicValueEnum<'ctx>,
        src_p: Option<PointerValue<'ctx>>,
        n: IntValue<'ctx>,
        vals: Vec<BasicValueEnum<'ctx>>,
    ) -> Option<BasicValueEnum<'ctx>> {
        let (p, l, c) = self.slice_parts(s);
        let newlen = self.builder.build_int_add(l, n, "").expect("add");
        let need = self
            .builder
            .build_int_compare(IntPredicate::UGT, newlen, c, "")
            .expect("cmp");
        let cur = self.builder.get_insert_block().expect("block");
        let grow = self.new_block("append.grow");
        let done = self.new_block("append.done");
        self.builder
            .build_conditional_branch(need, grow, done)
            .expect("br");
        self.builder.position_at_end(grow);
        let d = self.type_desc(et, e.pos).as_pointer_value();
        let out = self.alloca(self.slice_type().into(), "grown");
        self.call_rt(
            "runtime.growslice",
            &[R::Ptr, R::Ptr, R::I64, R::I64, R::I64, R::Ptr],
            R::Void,
            &[
                out.into(),
                p.into(),
                newlen.into(),
                c.into(),
                n.into(),
                d.into(),
            ],
        );
        let grown = self
            .builder
            .build_load(self.slice_type(), out, "")
            .expect("load");
        let (gp, _, gc) = self.slice_parts(grown);
        let grow_end = self.builder.get_insert_block().expect("block");
        self.builder.build_unconditional_branch(done).expect("br");
        self.builder.position_at_end(done);
        let pt = self.ptr_type();
        let php = self.builder.build_phi(pt, "").expect("phi");
        php.add_incoming(&[(&p, cur), (&gp, grow_end)]);
        let phc = self
            .builder
            .build_phi(self.ctx.i64_type(), "")
            .expect("phi");
        phc.add_incoming(&[(&c, cur), (&gc, grow_end)]);
        let np = php.as_basic_value().into_pointer_value();
        let nc = phc.as_basic_value().into_int_value();
        let dst = self.elem_ptr(np, et, l, e.pos)?;
        match src_p {
            Some(sp) => {
                let size = self.size_of(et, e.pos);
                let bytes = self
                    .builder
                    .build_int_mul(n, self.i64c(size), "")
                    .expect("mul");
                let wb = self.needs_wb(dst, et, Some(sp.into()));
                self.copy_mem(dst, sp, bytes, 1, wb);
            }
            None => {
                for (i, v) in vals.into_iter().enumerate() {
                    let q = self.elem_ptr(dst, et, self.i64c(i as u64), e.pos)?;
                    self.store_val(q, v, et);
                }
            }
        }
        Some(self.make_slice(np, newlen, nc))
    }

    /// `copy(dst, src)`.
    pub fn copy_builtin(&mut self, args: &[Expr]) -> Option<BasicValueEnum<'ctx>> {
        let dt = self.info.type_of(&args[0]);
        let Type::Slice(et) = self.c.types.under(dt).clone() else {
            return None;
        };
        let d = self.expr(&args[0])?;
        let s = self.expr(&args[1])?;
        self.copy_values(et, d, s, self.info.type_of(&args[1]), args[0].pos)
    }

    /// copy's work once its operands are evaluated: `d` a slice of `et`,
    /// `s` a slice or string of type `st`.
    pub fn copy_values(
        &mut self,
        et: TypeId,
        d: BasicValueEnum<'ctx>,
        s: BasicValueEnum<'ctx>,
        st: TypeId,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let (dp, dl, _) = self.slice_parts(d);
        let (sp, sl) = if self.c.types.is_string(st) {
            self.string_parts(s)
        } else {
            let (p, l, _) = self.slice_parts(s);
            (p, l)
        };
        let size = self.size_of(et, pos);
        if self.has_pointers(et) {
            // The runtime runs the barrier before copying (typedslicecopy).
            let d = self.type_desc(et, pos).as_pointer_value();
            return self.call_rt(
                "runtime.typedslicecopy",
                &[R::Ptr, R::Ptr, R::I64, R::Ptr, R::I64],
                R::I64,
                &[d.into(), dp.into(), dl.into(), sp.into(), sl.into()],
            );
        }
        self.call_rt(
            "runtime.slicecopy",
            &[R::Ptr, R::I64, R::Ptr, R::I64, R::I64],
            R::I64,
            &[
                dp.into(),
                dl.into(),
                sp.into(),
                sl.into(),
                self.i64c(size).into(),
            ],
        )
    }
}

/// Whether the LLVM type holds an array of more than 64 elements.
fn has_long_array(ty: inkwell::types::BasicTypeEnum) -> bool {
    use inkwell::types::BasicTypeEnum as B;
    match ty {
        B::ArrayType(a) => a.len() > 64 || has_long_array(a.get_element_type()),
        B::StructType(st) => st.get_field_types().into_iter().any(has_long_array),
        _ => false,
    }
}
