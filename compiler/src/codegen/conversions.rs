//! Conversions: implicit ones (assignability: untyped constants, values
//! to interfaces; `expr_to`, `convert_value`) and `T(x)` (`conversion`:
//! numeric, string, slice, pointer and interface conversions).

use inkwell::values::BasicValueEnum;
use inkwell::IntPredicate;
use rgoc_syntax::{Expr, Pos};
use rgoc_types::{ids, BasicKind, Type, TypeId};

use super::rt::R;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Evaluates `e` and converts it to type `t` (assignability conversions:
    /// untyped constants, values to interfaces).
    pub fn expr_to(&mut self, e: &Expr, t: TypeId) -> Option<BasicValueEnum<'ctx>> {
        let et = self.info.type_of(e);
        if let Some(tv) = self.info.tv(e) {
            if let Some(v) = &tv.val {
                if self.c.types.basic(t).is_some() {
                    let v = v.clone();
                    return self.constant(&v, t, e.pos);
                }
            }
        }
        if et == ids::UNTYPED_NIL {
            let ty = self.llvm_type(t, e.pos)?;
            return Some(ty.const_zero());
        }
        let v = self.expr(e)?;
        Some(self.convert_value(v, et, t, e.pos))
    }

    /// Implicit conversion of a value of type `from` to `to` (identical
    /// representation, or boxing into an interface).
    pub fn convert_value(
        &mut self,
        v: BasicValueEnum<'ctx>,
        from: TypeId,
        to: TypeId,
        pos: Pos,
    ) -> BasicValueEnum<'ctx> {
        if from == to || to == ids::INVALID {
            return v;
        }
        if self.c.types.is_interface(to) && from != ids::UNTYPED_NIL {
            if let Some(r) = self.to_iface(v, from, to, pos) {
                return r;
            }
        }
        v
    }

    pub(crate) fn conversion(&mut self, e: &Expr, x: &Expr, t: TypeId) -> Option<BasicValueEnum<'ctx>> {
        let xt = self.info.type_of(x);
        if xt == ids::UNTYPED_NIL {
            return Some(self.llvm_type(t, e.pos)?.const_zero());
        }
        let v = self.expr(x)?;
        let (fk, tk) = (self.c.types.basic(xt), self.c.types.basic(t));
        let tty = self.llvm_type(t, e.pos)?;
        match (fk, tk) {
            (Some(a), Some(b)) if a.is_integer() && b.is_integer() => {
                let iv = v.into_int_value();
                let tw = tty.into_int_type();
                let (fw, w) = (iv.get_type().get_bit_width(), tw.get_bit_width());
                Some(if fw == w {
                    iv.into()
                } else if fw > w {
                    self.builder.build_int_truncate(iv, tw, "").expect("trunc").into()
                } else if a.is_unsigned() {
                    self.builder.build_int_z_extend(iv, tw, "").expect("zext").into()
                } else {
                    self.builder.build_int_s_extend(iv, tw, "").expect("sext").into()
                })
            }
            (Some(a), Some(b)) if a.is_integer() && b.is_float() => {
                let (ft, iv, bld) = (tty.into_float_type(), v.into_int_value(), &self.builder);
                Some(if a.is_unsigned() {
                    bld.build_unsigned_int_to_float(iv, ft, "").expect("uitofp").into()
                } else {
                    bld.build_signed_int_to_float(iv, ft, "").expect("sitofp").into()
                })
            }
            (Some(a), Some(b)) if a.is_float() && b.is_integer() => {
                // Not fptosi/fptoui: poison out of range (fpconv.rs).
                Some(self.float_to_int(v.into_float_value(), b, tty.into_int_type()).into())
            }
            (Some(a), Some(b)) if a.is_float() && b.is_float() => {
                let ft = tty.into_float_type();
                Some(self.builder.build_float_cast(v.into_float_value(), ft, "").expect("fpcast").into())
            }
            (Some(a), Some(b)) if a.is_integer() && b.is_string() => {
                let iv = self.to_i64(v.into_int_value(), xt);
                self.call_rt("runtime.intstring", &[R::I64], R::Str, &[iv.into()])
            }
            (Some(a), Some(b))
                if a == b
                    || (a.is_string() && b.is_string())
                    || (a.is_boolean() && b.is_boolean()) =>
            {
                Some(v)
            }
            (Some(a), Some(b)) if a.is_complex() && b.is_complex() => {
                let (re, im) = self.complex_parts(v);
                let ft = if b == BasicKind::Complex64 {
                    self.ctx.f32_type()
                } else {
                    self.ctx.f64_type()
                };
                let re = self.builder.build_float_cast(re, ft, "").expect("fpcast");
                let im = self.builder.build_float_cast(im, ft, "").expect("fpcast");
                Some(self.make_complex(re, im, t, e.pos))
            }
            (Some(a), Some(BasicKind::UnsafePointer)) if a.is_integer() => Some(
                self.builder
                    .build_int_to_ptr(v.into_int_value(), self.ptr_type(), "")
                    .expect("inttoptr")
                    .into(),
            ),
            (Some(BasicKind::UnsafePointer), Some(b)) if b.is_integer() => Some(
                self.builder
                    .build_ptr_to_int(v.into_pointer_value(), tty.into_int_type(), "")
                    .expect("ptrtoint")
                    .into(),
            ),
            (Some(a), None) if a.is_string() && matches!(self.c.types.under(t), Type::Slice(_)) => {
                let (p, n) = self.string_parts(v);
                let et = self.slice_elem(t);
                let f = if self.c.types.basic(et) == Some(BasicKind::Int32) {
                    "runtime.stringtoslicerune"
                } else {
                    "runtime.stringtoslicebyte"
                };
                let out = self.alloca(self.slice_type().into(), "conv");
                self.call_rt(
                    f,
                    &[R::Ptr, R::Ptr, R::I64],
                    R::Void,
                    &[out.into(), p.into(), n.into()],
                );
                Some(
                    self.builder
                        .build_load(self.slice_type(), out, "")
                        .expect("load"),
                )
            }
            (None, Some(b))
                if b.is_string() && matches!(self.c.types.under(xt), Type::Slice(_)) =>
            {
                let (p, n, _) = self.slice_parts(v);
                let et = self.slice_elem(xt);
                let f = if self.c.types.basic(et) == Some(BasicKind::Int32) {
                    "runtime.slicerunetostring"
                } else {
                    "runtime.slicebytetostring"
                };
                self.call_rt(f, &[R::Ptr, R::I64], R::Str, &[p.into(), n.into()])
            }
            _ => {
                if self.c.types.underlying(xt) == self.c.types.underlying(t) {
                    return Some(v);
                }
                // Channel direction changes, struct tags: same representation.
                if matches!(
                    (self.c.types.under(xt), self.c.types.under(t)),
                    (Type::Chan(..), Type::Chan(..)) | (Type::Struct(_), Type::Struct(_))
                ) {
                    return Some(v);
                }
                let ptrish = |g: &Self, x: TypeId| {
                    matches!(g.c.types.under(x), Type::Pointer(_))
                        || g.c.types.basic(x) == Some(BasicKind::UnsafePointer)
                };
                if ptrish(self, xt) && ptrish(self, t) {
                    return Some(v);
                }
                if self.c.types.is_interface(t) {
                    return Some(self.convert_value(v, xt, t, e.pos));
                }
                // []T -> *[N]T and []T -> [N]T (Go 1.17, 1.20): len >= N.
                if let Type::Slice(_) = self.c.types.under(xt) {
                    let (arr, is_ptr) = match self.c.types.under(t).clone() {
                        Type::Pointer(a) => (a, true),
                        _ => (t, false),
                    };
                    if let Type::Array(n, _) = self.c.types.under(arr).clone() {
                        let (p, l, _) = self.slice_parts(v);
                        let short = self
                            .builder
                            .build_int_compare(IntPredicate::ULT, l, self.i64c(n), "")
                            .expect("cmp");
                        self.panic_if(
                            short,
                            "runtime.panicSlice",
                            &[self.i64c(8).into(), self.i64c(n).into(), l.into()],
                        );
                        if is_ptr {
                            // A nil slice converts to a nil pointer (n == 0).
                            return Some(p.into());
                        }
                        return self.load(arr, p, e.pos);
                    }
                }
                self.unsupported(
                    e.pos,
                    &format!(
                        "conversion from {} to {}",
                        self.c.types.type_string(xt),
                        self.c.types.type_string(t)
                    ),
                );
                None
            }
        }
    }
}
