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
        let kp = self.spill(k);
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
        let kp = self.spill(k);
        let p = self
            .call_rt(
                "runtime.mapaccess",
                &[R::Ptr, R::Ptr, R::Ptr],
                R::Ptr,
                &[d.into(), m, kp.into()],
            )?
            .into_pointer_value();
        let vt = self.map_elem_type(mt);
        let vty = self.llvm_type(vt, pos)?;
        let found = self.builder.build_is_not_null(p, "found").expect("notnull");
        let cur = self.builder.get_insert_block().expect("block");
        let load_b = self.new_block("map.found");
        let end = self.new_block("map.end");
        self.builder
            .build_conditional_branch(found, load_b, end)
            .expect("br");
        self.builder.position_at_end(load_b);
        let v = self.builder.build_load(vty, p, "").expect("load");
        let load_end = self.builder.get_insert_block().expect("block");
        self.builder.build_unconditional_branch(end).expect("br");
        self.builder.position_at_end(end);
        let phi = self.builder.build_phi(vty, "").expect("phi");
        phi.add_incoming(&[(&vty.const_zero(), cur), (&v, load_end)]);
        Some((phi.as_basic_value(), found))
    }

    pub fn map_delete(
        &mut self,
        mt: TypeId,
        m: BasicValueEnum<'ctx>,
        k: BasicValueEnum<'ctx>,
        pos: Pos,
    ) {
        let d = self.type_desc(mt, pos).as_pointer_value();
        let kp = self.spill(k);
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
