//! Declarations of the runtime entry points generated code calls (ABI v0:
//! see ARCHITECTURE.md and runtime/src).

use inkwell::module::Linkage;
use inkwell::types::{BasicMetadataTypeEnum, BasicType};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FunctionValue};

use super::Gen;

/// Argument/result shapes of runtime functions.
#[derive(Clone, Copy)]
pub enum R {
    Void,
    I8,
    I64,
    F32,
    F64,
    Ptr,
    Str,
    I32,
    /// Two i64 words (rax:rdx).
    I64Pair,
    /// An interface value {ptr, ptr}.
    Iface,
    /// Two doubles (xmm0:xmm1).
    F64Pair,
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    fn r_type(&self, r: R) -> Option<inkwell::types::BasicTypeEnum<'ctx>> {
        Some(match r {
            R::Void => return None,
            R::I8 => self.ctx.i8_type().into(),
            R::I64 => self.ctx.i64_type().into(),
            R::F32 => self.ctx.f32_type().into(),
            R::F64 => self.ctx.f64_type().into(),
            R::Ptr => self.ptr_type().into(),
            R::Str => self.string_type().into(),
            R::I32 => self.ctx.i32_type().into(),
            R::I64Pair => self
                .ctx
                .struct_type(
                    &[self.ctx.i64_type().into(), self.ctx.i64_type().into()],
                    false,
                )
                .into(),
            R::Iface => self.iface_type().into(),
            R::F64Pair => self
                .ctx
                .struct_type(
                    &[self.ctx.f64_type().into(), self.ctx.f64_type().into()],
                    false,
                )
                .into(),
        })
    }

    /// Gets or declares runtime function `name` with the given shape.
    pub fn rt(&mut self, name: &str, args: &[R], ret: R) -> FunctionValue<'ctx> {
        if let Some(f) = self.module.get_function(name) {
            return f;
        }
        let params: Vec<BasicMetadataTypeEnum> = args
            .iter()
            .filter_map(|a| self.r_type(*a))
            .map(|t| t.into())
            .collect();
        let ft = match self.r_type(ret) {
            Some(t) => t.fn_type(&params, false),
            None => self.ctx.void_type().fn_type(&params, false),
        };
        let f = self.module.add_function(name, ft, Some(Linkage::External));
        if matches!(
            name,
            "runtime.gopanic"
                | "runtime.panicIndex"
                | "runtime.panicIndexU"
                | "runtime.panicSlice"
                | "runtime.panicSliceU"
                | "runtime.panicdivide"
                | "runtime.panicrangestate"
                | "runtime.panicshift"
                | "runtime.panicmem"
                | "runtime.panicnilcheck"
                | "runtime.throw"
                | "runtime.panicdottype"
        ) {
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("noreturn");
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                self.ctx.create_enum_attribute(kind, 0),
            );
            // One call per source position, as gc: merged panic calls
            // would have no line for tracebacks (debuginfo.rs).
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("nomerge");
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                self.ctx.create_enum_attribute(kind, 0),
            );
        }
        if matches!(name, "runtime.gcWriteBarrier" | "runtime.wbCopy" | "runtime.wbClear") {
            // Only called while the collector marks: keep them off the
            // hot path's layout.
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("cold");
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                self.ctx.create_enum_attribute(kind, 0),
            );
        }
        f
    }

    /// Calls a runtime function; returns its value if it has one.
    pub fn call_rt(
        &mut self,
        name: &str,
        args_shape: &[R],
        ret: R,
        args: &[BasicValueEnum<'ctx>],
    ) -> Option<BasicValueEnum<'ctx>> {
        let f = self.rt(name, args_shape, ret);
        let a: Vec<BasicMetadataValueEnum> = args.iter().map(|v| (*v).into()).collect();
        let cs = self.builder.build_call(f, &a, "").expect("build call");
        match cs.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => Some(v),
            _ => None,
        }
    }
}
