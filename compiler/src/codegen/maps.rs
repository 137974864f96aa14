//! Maps through the runtime's hash map (ABI v1): make, index (with and
//! without comma-ok), assignment slots, delete, clear.

use inkwell::values::{BasicValueEnum, PointerValue};
use rgoc_syntax::Pos;
use rgoc_types::{Type, TypeId};

use super::rt::R;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn map_key_type(&self, mt: TypeId) -> TypeId {
        match self.c.types.under(mt) {
            Type::Map(k, _) => *k,
            _ => rgoc_types::ids::INVALID,
        }
    }

    pub fn map_elem_type(&self, mt: TypeId) -> TypeId {
        match self.c.types.under(mt) {
            Type::Map(_, v) => *v,
            _ => rgoc_types::ids::INVALID,
        }
    }

    pub fn make_map(
        &mut self,
        mt: TypeId,
        hint: inkwell::values::IntValue<'ctx>,
        pos: Pos,
    ) -> BasicValueEnum<'ctx> {
        let d = self.type_desc(mt, pos).as_pointer_value();
        self.call_rt(
            "runtime.makemap",
            &[R::Ptr, R::I64],
            R::Ptr,
            &[d.into(), hint.into()],
        )
        .expect("makemap")
    }

    /// The element slot for key `k` (inserted if absent).
    pub fn map_assign_slot(
        &mut self,
        mt: TypeId,
        m: BasicValueEnum<'ctx>,
        k: BasicValueEnum<'ctx>,
        pos: Pos,
    ) -> PointerValue<'ctx> {
        let d = self.type_desc(mt, pos).as_pointer_value();
        let kt = self.map_key_type(mt);
        let kp = self.spill_typed(k, kt);
        self.call_rt(
            "runtime.mapassign",
            &[R::Ptr, R::Ptr, R::Ptr],
            R::Ptr,
            &[d.into(), m, kp.into()],
        )
        .expect("mapassign")
        .into_pointer_value()
    }

    /// `m[k]`: the element (zero if absent) and whether it was present.
    pub fn map_index(
        &mut self,
        mt: TypeId,
        m: BasicValueEnum<'ctx>,
        k: BasicValueEnum<'ctx>,
        pos: Pos,
    ) -> Option<(BasicValueEnum<'ctx>, inkwell::values::IntValue<'ctx>)> {
        let d = self.type_desc(mt, pos).as_pointer_value();
        let kt = self.map_key_type(mt);
        let kp = self.spill_typed(k, kt);
        let p = self
            .call_rt(
                "runtime.mapaccess",
                &[R::Ptr, R::Ptr, R::Ptr],
                R::Ptr,
                &[d.into(), m, kp.into()],
            )?
            .into_pointer_value();
        let vt = self.map_elem_type(mt);
        let zero = self.zero_val(vt, pos)?;
        let found = self.builder.build_is_not_null(p, "found").expect("notnull");
        let v = self.guarded(found, zero, &mut |g| g.load(vt, p, pos))?;
        Some((v, found))
    }

    pub fn map_delete(
        &mut self,
        mt: TypeId,
        m: BasicValueEnum<'ctx>,
        k: BasicValueEnum<'ctx>,
        pos: Pos,
    ) {
        let d = self.type_desc(mt, pos).as_pointer_value();
        let kt = self.map_key_type(mt);
        let kp = self.spill_typed(k, kt);
        self.call_rt(
            "runtime.mapdelete",
            &[R::Ptr, R::Ptr, R::Ptr],
            R::Void,
            &[d.into(), m, kp.into()],
        );
    }

    pub fn map_clear(&mut self, mt: TypeId, m: BasicValueEnum<'ctx>, pos: Pos) {
        let d = self.type_desc(mt, pos).as_pointer_value();
        self.call_rt(
            "runtime.mapclear",
            &[R::Ptr, R::Ptr],
            R::Void,
            &[d.into(), m],
        );
    }
}
