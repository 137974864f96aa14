//! Write barriers (runtime/src/mbarrier.rs; ARCHITECTURE.md, codegen
//! section): every store of a pointerful value into memory that may be
//! in the heap or in a global tests `runtime.writeBarrier` first.
//!
//! - one pointer word (pointer, map, chan, func, unsafe.Pointer):
//!   `if flag { runtime.gcWriteBarrier(slot, val) } else { *slot = val }`;
//! - other values in registers (string, slice, interface, small arrays and
//!   structs): `if flag { spill; runtime.wbCopy(dst, spill, size) } else
//!   { store }`;
//! - memory copies and clears: `if flag { runtime.wbCopy(dst, src, n) }
//!   else { memmove }`, `if flag { runtime.wbClear(dst, n) } else {
//!   memset }`.
//!
//! wbCopy and wbClear are wbMove and wbZero followed by the copy or clear
//! (mbarrier.rs): with the store on both arms, nothing has to stay live
//! across the call, so the fast path needs no callee-saved registers.
//!
//! Elided (decided on the LLVM value of the destination): stores into an
//! alloca of the current function (directly or through GEPs), and stores
//! into an object that `runtime.newobject`/`mallocgc` returned earlier in
//! the current basic block with no call that may reach a safe point in
//! between, when the store cannot make that object point to a heap object
//! (zeroing, or an LLVM constant: null, globals, constant strings), and —
//! with `ELIDE_ALL_FRESH_STORES` — any value stored into such a fresh
//! object. That is sound for our collector, which scans every goroutine
//! stack in the pause that starts marking: during marking no stack is
//! unscanned, so any pointer the mutator holds was reachable when marking
//! began (and stays protected by the deletion barrier on heap and global
//! stores) or was allocated black since; a fresh object starts with no
//! old values to shade. (gc, which scans stacks one by one while the
//! program runs, keeps these barriers.)
//!
//! The flag test is one load, a compare and a branch weighted towards the
//! fast path; the barrier entry points are declared `cold`.

use inkwell::basic_block::BasicBlock;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{
    BasicValue, BasicValueEnum, CallSiteValue, InstructionOpcode, InstructionValue, IntValue,
    Operand, PointerValue,
};
use inkwell::IntPredicate;
use rgoc_syntax::Pos;
use rgoc_types::{BasicKind, Type, TypeId};

use super::rt::R;
use super::Gen;

/// Elide barriers for every store into a fresh object: sound because the
/// collector scans all stacks in its first pause (see the module comment);
/// must become false if stacks are ever scanned while the program runs.
const ELIDE_ALL_FRESH_STORES: bool = true;

/// Where a destination address points, as far as codegen can tell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dest {
    /// An alloca of the function being generated.
    Stack,
    /// An object allocated in the current block with no possible safe
    /// point since.
    Fresh,
    /// Anything else: heap, global, another frame.
    Other,
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Whether values of type `t` contain pointers the collector traces.
    pub fn has_pointers(&mut self, t: TypeId) -> bool {
        if let Some(&b) = self.ptr_cache.get(&t) {
            return b;
        }
        // Recursive types recurse through pointers, slices, maps...: the
        // provisional answer is never consulted for them.
        self.ptr_cache.insert(t, false);
        let r = match self.c.types.under(t).clone() {
            Type::Pointer(_)
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Func(_)
            | Type::Slice(_)
            | Type::Interface(_) => true,
            Type::Basic(k) => k == BasicKind::UnsafePointer || k.is_string(),
            Type::Array(n, e) => {
                n > 0 && self.size_of(e, Pos::default()) > 0 && self.has_pointers(e)
            }
            Type::Struct(fs) => fs.iter().any(|f| self.has_pointers(f.typ)),
            _ => false,
        };
        self.ptr_cache.insert(t, r);
        r
    }

    /// Whether values of type `t` are one pointer word.
    fn is_pointer_word(&self, t: TypeId) -> bool {
        match self.c.types.under(t) {
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => true,
            Type::Basic(k) => *k == BasicKind::UnsafePointer,
            _ => false,
        }
    }

    /// The instruction an address is derived from through GEPs.
    fn addr_base(p: PointerValue<'ctx>) -> Option<InstructionValue<'ctx>> {
        let mut i = p.as_instruction()?;
        while i.get_opcode() == InstructionOpcode::GetElementPtr {
            match i.get_operand(0)? {
                Operand::Value(BasicValueEnum::PointerValue(q)) => i = q.as_instruction()?,
                _ => return None,
            }
        }
        Some(i)
    }

    fn callee_name(i: InstructionValue<'ctx>) -> Option<String> {
        let cs = CallSiteValue::try_from(i).ok()?;
        let f = cs.get_called_fn_value()?;
        Some(f.get_name().to_string_lossy().into_owned())
    }

    /// Whether a call instruction cannot reach a safe point: LLVM
    /// intrinsics and the barrier entry points.
    fn harmless_call(i: InstructionValue<'ctx>) -> bool {
        Self::callee_name(i).is_some_and(|n| {
            n.starts_with("llvm.")
                || n == "runtime.gcWriteBarrier"
                || n == "runtime.wbCopy"
                || n == "runtime.wbClear"
        })
    }

    fn dest_kind(&mut self, p: PointerValue<'ctx>) -> Dest {
        let Some(base) = Self::addr_base(p) else {
            return Dest::Other;
        };
        match base.get_opcode() {
            InstructionOpcode::Alloca => Dest::Stack,
            InstructionOpcode::Call if self.fresh_since(base) => Dest::Fresh,
            _ => Dest::Other,
        }
    }

    /// Whether `call` allocated a new object in the current block and no
    /// instruction after it may reach a safe point. The scan resumes where
    /// the previous query on the same allocation stopped (stores into one
    /// literal's elements would be quadratic otherwise).
    fn fresh_since(&mut self, call: InstructionValue<'ctx>) -> bool {
        if !Self::callee_name(call)
            .is_some_and(|n| n == "runtime.newobject" || n == "runtime.mallocgc")
        {
            return false;
        }
        if call.get_parent() != self.builder.get_insert_block() {
            return false;
        }
        let mut cur = match self.fresh_scan {
            Some((c, _, false)) if c == call => return false,
            Some((c, last, true)) if c == call => last,
            _ => call,
        };
        while let Some(i) = cur.get_next_instruction() {
            if i.get_opcode() == InstructionOpcode::Call && !Self::harmless_call(i) {
                self.fresh_scan = Some((call, i, false));
                return false;
            }
            cur = i;
        }
        self.fresh_scan = Some((call, cur, true));
        true
    }

    /// Whether storing `val` (None: zeroing) of type `t` at `p` needs the
    /// barrier.
    pub fn needs_wb(
        &mut self,
        p: PointerValue<'ctx>,
        t: TypeId,
        val: Option<BasicValueEnum<'ctx>>,
    ) -> bool {
        self.has_pointers(t) && self.needs_wb_dest(p, val)
    }

    /// The destination half of `needs_wb`, for values known to hold
    /// pointers.
    fn needs_wb_dest(&mut self, p: PointerValue<'ctx>, val: Option<BasicValueEnum<'ctx>>) -> bool {
        match self.dest_kind(p) {
            Dest::Stack => false,
            Dest::Fresh => val.is_some_and(|v| !ELIDE_ALL_FRESH_STORES && !v.is_const()),
            Dest::Other => true,
        }
    }

    /// `runtime.writeBarrier != 0`, and a branch to `slow` (cold) or `fast`.
    fn wb_branch(&mut self, slow: BasicBlock<'ctx>, fast: BasicBlock<'ctx>) {
        let i32t = self.ctx.i32_type();
        let g = match self.module.get_global("runtime.writeBarrier") {
            Some(g) => g,
            None => {
                let g = self.module.add_global(i32t, None, "runtime.writeBarrier");
                g.set_linkage(inkwell::module::Linkage::External);
                g
            }
        };
        let f = self
            .builder
            .build_load(i32t, g.as_pointer_value(), "wb")
            .expect("load")
            .into_int_value();
        let on = self
            .builder
            .build_int_compare(IntPredicate::NE, f, i32t.const_zero(), "")
            .expect("cmp");
        let br = self
            .builder
            .build_conditional_branch(on, slow, fast)
            .expect("br");
        self.mark_unlikely(br);
    }

    /// `if flag { slow } else { fast }`, then continues after both.
    fn wb_split(&mut self, slow: &mut dyn FnMut(&mut Self), fast: &mut dyn FnMut(&mut Self)) {
        let s = self.new_block("wb.slow");
        let f = self.new_block("wb.fast");
        let done = self.new_block("wb.done");
        self.wb_branch(s, f);
        self.builder.position_at_end(s);
        slow(self);
        self.builder.build_unconditional_branch(done).expect("br");
        self.builder.position_at_end(f);
        fast(self);
        self.builder.build_unconditional_branch(done).expect("br");
        self.builder.position_at_end(done);
        // The fresh-object scan must not resume across the new blocks.
        self.fresh_scan = None;
    }

    /// Copies `n` bytes from `src` to `dst` (memmove); with `wb`, while
    /// barriers are on the copy is `runtime.wbCopy` (wbMove, then the
    /// copy: nothing stays live across the call on the fast path).
    pub fn copy_mem(
        &mut self,
        dst: PointerValue<'ctx>,
        src: PointerValue<'ctx>,
        n: IntValue<'ctx>,
        align: u32,
        wb: bool,
    ) {
        let mut fast = |g: &mut Self| {
            g.builder
                .build_memmove(dst, align, src, align, n)
                .expect("memmove");
        };
        if !wb {
            return fast(self);
        }
        self.wb_split(
            &mut |g| {
                g.call_rt(
                    "runtime.wbCopy",
                    &[R::Ptr, R::Ptr, R::I64],
                    R::Void,
                    &[dst.into(), src.into(), n.into()],
                );
            },
            &mut fast,
        );
    }

    /// Clears `n` bytes at `dst` (memset); with `wb`, through
    /// `runtime.wbClear` (wbZero, then the clear) while barriers are on.
    pub fn clear_mem(&mut self, dst: PointerValue<'ctx>, n: IntValue<'ctx>, align: u32, wb: bool) {
        let mut fast = |g: &mut Self| {
            g.builder
                .build_memset(dst, align, g.ctx.i8_type().const_zero(), n)
                .expect("memset");
        };
        if !wb {
            return fast(self);
        }
        self.wb_split(
            &mut |g| {
                g.call_rt(
                    "runtime.wbClear",
                    &[R::Ptr, R::I64],
                    R::Void,
                    &[dst.into(), n.into()],
                );
            },
            &mut fast,
        );
    }

    /// Spills `v` on a barrier slow path into the running thread's scratch
    /// buffer `rgo_wb_scratch` (mbarrier.rs, BIG bytes of TLS), for
    /// `runtime.wbCopy`. Not a stack slot: one written only on the slow
    /// path would hold stale words on the fast path, which the collector's
    /// conservative stack scan would take for roots. The address comes from
    /// a side-effecting asm in the slow path itself, so it is never reused
    /// after a call (the goroutine may move to another thread).
    fn wb_spill(&mut self, v: BasicValueEnum<'ctx>) -> PointerValue<'ctx> {
        let pt = self.ptr_type();
        let ft = pt.fn_type(&[], false);
        let asm = self.ctx.create_inline_asm(
            ft,
            "movq %fs:0, $0\n\tleaq rgo_wb_scratch@TPOFF($0), $0".to_string(),
            "=r".to_string(),
            true,
            false,
            None,
            false,
        );
        let buf = self
            .builder
            .build_indirect_call(ft, asm, &[], "wb.scratch")
            .expect("asm")
            .try_as_basic_value()
            .basic()
            .expect("asm result")
            .into_pointer_value();
        self.builder.build_store(buf, v).expect("store");
        buf
    }

    /// Stores register value `v` of type `t` (not big) at `p`, with the
    /// barrier when needed.
    pub fn store_small(&mut self, p: PointerValue<'ctx>, v: BasicValueEnum<'ctx>, t: TypeId) {
        if !self.needs_wb(p, t, Some(v)) {
            self.builder.build_store(p, v).expect("store");
            return;
        }
        if self.is_pointer_word(t) && v.is_pointer_value() {
            self.store_pointer_wb(p, v.into_pointer_value());
            return;
        }
        self.store_aggregate_wb(p, v);
    }

    /// `*p = v` for one pointer word: `runtime.gcWriteBarrier(p, v)` (which
    /// stores) while barriers are on.
    fn store_pointer_wb(&mut self, p: PointerValue<'ctx>, v: PointerValue<'ctx>) {
        self.wb_split(
            &mut |g| {
                g.call_rt(
                    "runtime.gcWriteBarrier",
                    &[R::Ptr, R::Ptr],
                    R::Void,
                    &[p.into(), v.into()],
                );
            },
            &mut |g| {
                g.builder.build_store(p, v).expect("store");
            },
        );
    }

    /// A multi-word register value: while barriers are on, spilled and
    /// copied by `runtime.wbCopy`.
    fn store_aggregate_wb(&mut self, p: PointerValue<'ctx>, v: BasicValueEnum<'ctx>) {
        let size = self.td.get_abi_size(&v.get_type());
        self.wb_split(
            &mut |g| {
                let tmp = if size <= super::mem::BIG {
                    g.wb_spill(v)
                } else {
                    // Not reached (larger values live in memory): a
                    // frame slot then.
                    let t = g.alloca(v.get_type(), "wb.tmp");
                    g.builder.build_store(t, v).expect("store");
                    t
                };
                let n = g.i64c(size);
                g.call_rt(
                    "runtime.wbCopy",
                    &[R::Ptr, R::Ptr, R::I64],
                    R::Void,
                    &[p.into(), tmp.into(), n.into()],
                );
            },
            &mut |g| {
                g.builder.build_store(p, v).expect("store");
            },
        );
    }

    /// Whether an LLVM type holds a pointer (for compiler-built objects
    /// without a Go type, such as closure contexts).
    fn llvm_has_ptr(ty: BasicTypeEnum<'ctx>) -> bool {
        match ty {
            BasicTypeEnum::PointerType(_) => true,
            BasicTypeEnum::StructType(s) => s.get_field_types().into_iter().any(Self::llvm_has_ptr),
            BasicTypeEnum::ArrayType(a) => a.len() > 0 && Self::llvm_has_ptr(a.get_element_type()),
            _ => false,
        }
    }

    /// Stores `v` at `p` deciding by its LLVM type (closure contexts).
    pub fn store_raw(&mut self, p: PointerValue<'ctx>, v: BasicValueEnum<'ctx>) {
        if !Self::llvm_has_ptr(v.get_type()) || !self.needs_wb_dest(p, Some(v)) {
            self.builder.build_store(p, v).expect("store");
        } else if v.is_pointer_value() {
            self.store_pointer_wb(p, v.into_pointer_value());
        } else {
            self.store_aggregate_wb(p, v);
        }
    }
}
