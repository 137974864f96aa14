//! Calls the compiler expands inline, as gc does for the same functions:
//! math's hardware operations and bit reinterpretations, math/bits'
//! counting operations, crypto/internal/constanttime's boolToUint8, and
//! the runtime's word atomics (`runtime.atomicCas32` & co, which
//! sync/atomic binds: LLVM atomic instructions, sequentially consistent
//! as runtime/src/atomic.rs's; the pointer stores keep their calls, which
//! run the write barrier). The Go definitions in stdlib stay (they are what
//! function values and other compilers use) and give the same results.

use inkwell::intrinsics::Intrinsic;
use inkwell::values::{BasicMetadataValueEnum, BasicValue, BasicValueEnum};
use rgoc_syntax::Expr;
use rgoc_types::{ObjKind, TypeId};

use super::mem::strip;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// The inline expansion of a call of `fun`, when it is one of the
    /// intrinsic functions; None otherwise (the call is made normally).
    pub fn intrinsic_call(&mut self, fun: &Expr, args: &[Expr]) -> Option<BasicValueEnum<'ctx>> {
        let f = strip(fun);
        if self.info.selections.contains_key(&f.id) {
            return None;
        }
        let o = self.info.obj_of(f.id)?;
        let obj = self.c.objs.get(o);
        if obj.kind == ObjKind::Func {
            // A body-less function bound to one of the runtime's word atomics.
            let sym = self.funcs.get(&o).filter(|fv| fv.count_basic_blocks() == 0).map(|fv| fv.get_name().to_string_lossy().into_owned());
            if let Some(op) = sym.as_deref().and_then(|s| s.strip_prefix("runtime.atomic")) {
                if let Some(v) = self.atomic_op(op, args) {
                    return v;
                }
            }
        }
        if obj.kind != ObjKind::Func || !matches!(obj.pkg.as_str(), "math" | "math/bits" | "crypto/internal/constanttime") {
            return None;
        }
        let (pkg, name) = (obj.pkg.clone(), obj.name.clone());
        let f64t = self.ctx.f64_type();
        let f32t = self.ctx.f32_type();
        let i64t = self.ctx.i64_type();
        let i32t = self.ctx.i32_type();
        let llvm = |g: &mut Self, name: &str, ty: inkwell::types::BasicTypeEnum<'ctx>, vals: &[BasicValueEnum<'ctx>], extra: Option<BasicValueEnum<'ctx>>| -> Option<BasicValueEnum<'ctx>> {
            let decl = Intrinsic::find(name)?.get_declaration(&g.module, &[ty])?;
            let mut a: Vec<BasicMetadataValueEnum> = vals.iter().map(|v| (*v).into()).collect();
            if let Some(x) = extra {
                a.push(x.into());
            }
            g.builder.build_call(decl, &a, "").expect("call").try_as_basic_value().basic()
        };
        let arg = |g: &mut Self, i: usize, t: TypeId| g.expr_to(&args[i], t);
        use rgoc_types::ids;
        match (pkg.as_str(), name.as_str()) {
            // gc intrinsifies it (its Go body panics): 1 for true, 0 for
            // false, without a branch.
            ("crypto/internal/constanttime", "boolToUint8") => {
                let b = arg(self, 0, ids::BOOL)?.into_int_value();
                Some(self.builder.build_int_z_extend(b, self.ctx.i8_type(), "").expect("zext").into())
            }
            ("math", "Sqrt" | "Abs" | "Floor" | "Ceil" | "Trunc") => {
                let x = arg(self, 0, ids::FLOAT64)?;
                let n = match name.as_str() {
                    "Sqrt" => "llvm.sqrt",
                    "Abs" => "llvm.fabs",
                    "Floor" => "llvm.floor",
                    "Ceil" => "llvm.ceil",
                    _ => "llvm.trunc",
                };
                llvm(self, n, f64t.into(), &[x], None)
            }
            ("math", "Copysign") => {
                let (x, y) = (arg(self, 0, ids::FLOAT64)?, arg(self, 1, ids::FLOAT64)?);
                llvm(self, "llvm.copysign", f64t.into(), &[x, y], None)
            }
            ("math", "FMA") => {
                let (x, y, z) = (arg(self, 0, ids::FLOAT64)?, arg(self, 1, ids::FLOAT64)?, arg(self, 2, ids::FLOAT64)?);
                llvm(self, "llvm.fma", f64t.into(), &[x, y, z], None)
            }
            ("math", "Float64bits") => {
                let x = arg(self, 0, ids::FLOAT64)?;
                Some(self.builder.build_bit_cast(x, i64t, "").expect("bitcast"))
            }
            ("math", "Float64frombits") => {
                let x = arg(self, 0, ids::UINT64)?;
                Some(self.builder.build_bit_cast(x, f64t, "").expect("bitcast"))
            }
            ("math", "Float32bits") => {
                let x = arg(self, 0, ids::FLOAT32)?;
                Some(self.builder.build_bit_cast(x, i32t, "").expect("bitcast"))
            }
            ("math", "Float32frombits") => {
                let x = arg(self, 0, ids::UINT32)?;
                Some(self.builder.build_bit_cast(x, f32t, "").expect("bitcast"))
            }
            ("math/bits", "LeadingZeros64" | "TrailingZeros64" | "OnesCount64" | "LeadingZeros32" | "TrailingZeros32" | "OnesCount32") => {
                let wide = name.ends_with("64");
                let (t, ty) = if wide { (ids::UINT64, i64t) } else { (ids::UINT32, i32t) };
                let x = arg(self, 0, t)?;
                let zero_poison = self.ctx.bool_type().const_zero().into();
                let r = if name.starts_with("Leading") {
                    llvm(self, "llvm.ctlz", ty.into(), &[x], Some(zero_poison))?
                } else if name.starts_with("Trailing") {
                    llvm(self, "llvm.cttz", ty.into(), &[x], Some(zero_poison))?
                } else {
                    llvm(self, "llvm.ctpop", ty.into(), &[x], None)?
                };
                // The Go results are int.
                if wide {
                    Some(r)
                } else {
                    Some(self.builder.build_int_z_extend(r.into_int_value(), i64t, "").expect("zext").into())
                }
            }
            _ => None,
        }
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// `runtime.atomic<op>` inline: Some(result) when `op` is one of the
    /// word operations (Load, Store, Xadd, Xchg, Cas, And, Or on 32 or 64
    /// bits, Loadp), None when it is not (the call is made).
    fn atomic_op(&mut self, op: &str, args: &[Expr]) -> Option<Option<BasicValueEnum<'ctx>>> {
        use inkwell::{AtomicOrdering::SequentiallyConsistent as SC, AtomicRMWBinOp};
        use rgoc_types::ids;
        let (kind, bits) = if let Some(k) = op.strip_suffix("32") {
            (k, 32)
        } else if let Some(k) = op.strip_suffix("64") {
            (k, 64)
        } else if op == "Loadp" {
            ("Loadp", 64)
        } else {
            return None;
        };
        if !matches!(kind, "Load" | "Store" | "Xadd" | "Xchg" | "Cas" | "And" | "Or" | "Loadp") {
            return None;
        }
        let it = if bits == 32 { self.ctx.i32_type() } else { self.ctx.i64_type() };
        let wt = if bits == 32 { ids::UINT32 } else { ids::UINT64 };
        let align = bits / 8;
        let p = self.expr(&args[0]);
        let Some(p) = p else { return Some(None) };
        let p = p.into_pointer_value();
        let val = |g: &mut Self, i: usize| g.expr_to(&args[i], wt).map(|v| v.into_int_value());
        let b = &self.builder;
        Some(match kind {
            "Load" | "Loadp" => {
                let ty: inkwell::types::BasicTypeEnum = if kind == "Loadp" { self.ctx.ptr_type(Default::default()).into() } else { it.into() };
                let v = b.build_load(ty, p, "").expect("load");
                let inst = v.as_instruction_value().expect("load instruction");
                inst.set_atomic_ordering(SC).expect("atomic load");
                inst.set_alignment(align).expect("alignment");
                Some(v)
            }
            "Store" => {
                let Some(v) = val(self, 1) else { return Some(None) };
                let inst = self.builder.build_store(p, v).expect("store");
                inst.set_atomic_ordering(SC).expect("atomic store");
                inst.set_alignment(align).expect("alignment");
                // A call with no results: any value serves.
                Some(self.ctx.i8_type().const_zero().into())
            }
            "Cas" => {
                let (Some(old), Some(new)) = (val(self, 1), val(self, 2)) else { return Some(None) };
                let r = self.builder.build_cmpxchg(p, old, new, SC, SC).expect("cmpxchg");
                self.builder.build_extract_value(r, 1, "").ok()
            }
            _ => {
                let Some(v) = val(self, 1) else { return Some(None) };
                let opk = match kind {
                    "Xadd" => AtomicRMWBinOp::Add,
                    "Xchg" => AtomicRMWBinOp::Xchg,
                    "And" => AtomicRMWBinOp::And,
                    _ => AtomicRMWBinOp::Or,
                };
                let old = self.builder.build_atomicrmw(opk, p, v, SC).expect("atomicrmw");
                if kind == "Xadd" {
                    // The runtime's Xadd returns the new value.
                    Some(self.builder.build_int_add(old, v, "").expect("add").into())
                } else {
                    Some(old.into())
                }
            }
        })
    }
}
