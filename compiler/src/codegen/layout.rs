//! Go types to LLVM types (the data layout of ABI v0, see ARCHITECTURE.md).

use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::AddressSpace;
use rgoc_syntax::Pos;
use rgoc_types::{BasicKind, Signature, Type, TypeId};

use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn ptr_type(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::default())
    }

    pub fn string_type(&self) -> inkwell::types::StructType<'ctx> {
        self.ctx
            .struct_type(&[self.ptr_type().into(), self.ctx.i64_type().into()], false)
    }

    pub fn slice_type(&self) -> inkwell::types::StructType<'ctx> {
        let i64t = self.ctx.i64_type();
        self.ctx
            .struct_type(&[self.ptr_type().into(), i64t.into(), i64t.into()], false)
    }

    pub fn iface_type(&self) -> inkwell::types::StructType<'ctx> {
        self.ctx
            .struct_type(&[self.ptr_type().into(), self.ptr_type().into()], false)
    }

    /// The LLVM type of values of Go type `t`; None (and a diagnostic) for
    /// types codegen does not handle yet.
    pub fn llvm_type(&mut self, t: TypeId, pos: Pos) -> Option<BasicTypeEnum<'ctx>> {
        let ty = self.c.types.under(t).clone();
        Some(match ty {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::UntypedBool => self.ctx.bool_type().into(),
                BasicKind::Int8 | BasicKind::Uint8 => self.ctx.i8_type().into(),
                BasicKind::Int16 | BasicKind::Uint16 => self.ctx.i16_type().into(),
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::UntypedRune => {
                    self.ctx.i32_type().into()
                }
                BasicKind::Int
                | BasicKind::Int64
                | BasicKind::Uint
                | BasicKind::Uint64
                | BasicKind::Uintptr
                | BasicKind::UntypedInt => self.ctx.i64_type().into(),
                BasicKind::Float32 => self.ctx.f32_type().into(),
                BasicKind::Float64 | BasicKind::UntypedFloat => self.ctx.f64_type().into(),
                BasicKind::Complex64 => self
                    .ctx
                    .struct_type(
                        &[self.ctx.f32_type().into(), self.ctx.f32_type().into()],
                        false,
                    )
                    .into(),
                BasicKind::Complex128 | BasicKind::UntypedComplex => self
                    .ctx
                    .struct_type(
                        &[self.ctx.f64_type().into(), self.ctx.f64_type().into()],
                        false,
                    )
                    .into(),
                BasicKind::String | BasicKind::UntypedString => self.string_type().into(),
                BasicKind::UnsafePointer | BasicKind::UntypedNil => self.ptr_type().into(),
                BasicKind::Invalid => {
                    self.unsupported(pos, "invalid type in code generation");
                    return None;
                }
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
                self.ptr_type().into()
            }
            Type::Slice(_) => self.slice_type().into(),
            Type::Interface(_) => self.iface_type().into(),
            Type::Array(n, e) => {
                let et = self.llvm_type(e, pos)?;
                et.array_type(n as u32).into()
            }
            Type::Struct(fields) => {
                let mut fts = Vec::new();
                for f in fields {
                    fts.push(self.llvm_type(f.typ, pos)?);
                }
                self.ctx.struct_type(&fts, false).into()
            }
            Type::Tuple(elems) => {
                let mut fts = Vec::new();
                for e in elems {
                    fts.push(self.val_type(e, pos)?);
                }
                self.ctx.struct_type(&fts, false).into()
            }
            Type::Named(_) => {
                self.unsupported(pos, "recursive type");
                return None;
            }
            Type::TypeParam(_) | Type::Constraint { .. } => {
                // Instances are compiled with concrete types only.
                self.unsupported(pos, &format!("type parameter {} in compiled code", self.c.types.type_string(t)));
                return None;
            }
        })
    }

    /// The LLVM function type of a Go signature, with an optional receiver.
    pub fn fn_type(
        &mut self,
        sig: &Signature,
        recv: Option<TypeId>,
        pos: Pos,
    ) -> Option<FunctionType<'ctx>> {
        let mut params: Vec<BasicMetadataTypeEnum> = Vec::new();
        if let Some(r) = recv {
            params.push(self.val_type(r, pos)?.into());
        }
        for &p in &sig.params {
            params.push(self.val_type(p, pos)?.into());
        }
        Some(match sig.results.len() {
            0 => self.ctx.void_type().fn_type(&params, false),
            1 => self.val_type(sig.results[0], pos)?.fn_type(&params, false),
            _ => {
                let mut rs = Vec::new();
                for &r in &sig.results {
                    rs.push(self.val_type(r, pos)?);
                }
                self.ctx.struct_type(&rs, false).fn_type(&params, false)
            }
        })
    }

    pub fn size_of(&mut self, t: TypeId, pos: Pos) -> u64 {
        match self.llvm_type(t, pos) {
            Some(ty) => self.td.get_abi_size(&ty),
            None => 0,
        }
    }
}
