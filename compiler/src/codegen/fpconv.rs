//! Float-to-integer conversions with gc's amd64 results.
//!
//! LLVM's `fptosi`/`fptoui` are poison when the truncated value does not fit
//! the target type (out of range, infinite, NaN), and LLVM folds that poison
//! into anything once it sees a constant. The spec leaves the value
//! implementation-defined; gc on amd64 (`ssagen/ssa.go`, `AMD64.rules`,
//! converthash off, its default) computes:
//!
//! - int8, int16, int32, uint8, uint16: CVTTSS2SL/CVTTSD2SL (32-bit
//!   truncating conversion; out of range and NaN give 0x80000000), then
//!   truncation to the target width;
//! - uint32, int64, int: CVTTSS2SQ/CVTTSD2SQ (64-bit; out of range and NaN
//!   give 0x8000000000000000), then truncation;
//! - uint64, uint, uintptr: `x < 2^63 ? cvtt64(x) : cvtt64(x - 2^63) |
//!   1<<63` (NaN takes the second arm).
//!
//! gc folds constants only when they are in range, so its results are the
//! same whether or not the value is known at compile time. The x86
//! truncating-conversion intrinsics are exactly those instructions, and
//! LLVM's constant folder folds them only for in-range values (it leaves
//! the call otherwise), so the same holds here.

use inkwell::intrinsics::Intrinsic;
use inkwell::types::IntType;
use inkwell::values::{FloatValue, IntValue};
use inkwell::FloatPredicate;
use rgoc_types::BasicKind;

use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// `T(x)` for a float `x` and an integer type `T` of kind `to` (LLVM
    /// type `it`), with gc's amd64 result for every input.
    pub fn float_to_int(&mut self, x: FloatValue<'ctx>, to: BasicKind, it: IntType<'ctx>) -> IntValue<'ctx> {
        use BasicKind::*;
        let r = match to {
            Int8 | Int16 | Int32 | Uint8 | Uint16 => self.cvtt(x, false),
            Uint64 | Uint | Uintptr => {
                let ft = x.get_type();
                let cutoff = ft.const_float(9223372036854775808.0);
                let lt = self
                    .builder
                    .build_float_compare(FloatPredicate::OLT, x, cutoff, "")
                    .expect("fcmp");
                let low = self.cvtt(x, true);
                let d = self.builder.build_float_sub(x, cutoff, "").expect("fsub");
                let high = self.cvtt(d, true);
                let sign = self.ctx.i64_type().const_int(1 << 63, false);
                let high = self.builder.build_or(high, sign, "").expect("or");
                self.builder
                    .build_select(lt, low, high, "")
                    .expect("select")
                    .into_int_value()
            }
            _ => self.cvtt(x, true),
        };
        if r.get_type().get_bit_width() > it.get_bit_width() {
            self.builder.build_int_truncate(r, it, "").expect("trunc")
        } else {
            r
        }
    }

    /// CVTTSS2SI/CVTTSD2SI: `x` truncated to i64 (`wide`) or i32; out of
    /// range and NaN give the minimum integer.
    fn cvtt(&mut self, x: FloatValue<'ctx>, wide: bool) -> IntValue<'ctx> {
        let ft = x.get_type();
        let single = ft == self.ctx.f32_type();
        let (name, lanes) = match (single, wide) {
            (true, false) => ("llvm.x86.sse.cvttss2si", 4),
            (true, true) => ("llvm.x86.sse.cvttss2si64", 4),
            (false, false) => ("llvm.x86.sse2.cvttsd2si", 2),
            (false, true) => ("llvm.x86.sse2.cvttsd2si64", 2),
        };
        let decl = Intrinsic::find(name)
            .and_then(|i| i.get_declaration(&self.module, &[]))
            .expect("x86 cvtt intrinsic");
        let vt = ft.vec_type(lanes);
        let zero = self.ctx.i32_type().const_zero();
        let v = self
            .builder
            .build_insert_element(vt.const_zero(), x, zero, "")
            .expect("insertelement");
        self.builder
            .build_call(decl, &[v.into()], "")
            .expect("call")
            .try_as_basic_value()
            .basic()
            .expect("cvtt result")
            .into_int_value()
    }
}
