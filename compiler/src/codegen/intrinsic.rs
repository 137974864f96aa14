//! Calls the compiler expands inline, as gc does for the same functions:
//! math's hardware operations and bit reinterpretations, math/bits'
//! counting operations, crypto/internal/constanttime's boolToUint8. The Go definitions in stdlib stay (they are what
//! function values and other compilers use) and give the same results.

use inkwell::intrinsics::Intrinsic;
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum};
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
