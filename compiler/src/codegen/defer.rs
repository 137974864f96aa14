//! `defer` and `recover` (the runtime side is runtime/src/defer.rs): a
//! function with defers gets a jump-buffer frame set up on entry
//! (`runtime.setjmp`; a recovered panic returns through it with the result
//! slots it holds); each `defer f(args)` evaluates the call's operands into
//! a closure (`call_closure`) that `runtime.deferproc` records.

use inkwell::attributes::AttributeLoc;
use inkwell::values::BasicValueEnum;
use inkwell::IntPredicate;
use rgoc_syntax::Expr;

use super::rt::R;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Sets up the function's defer frame; `end` is its closing brace,
    /// where a recovered panic returns (gc runs deferreturn there).
    pub fn setup_defer_frame(&mut self, end: rgoc_syntax::Pos) {
        let results = self.fs().results.clone();
        let i64t = self.ctx.i64_type();
        let fty = i64t.array_type(8 + results.len() as u32);
        let frame = self.alloca(fty.into(), "defer.frame");
        // The result slots escape through the frame so that values stored
        // before a panic are read back after recovery.
        for (i, r) in results.iter().enumerate() {
            let p = unsafe {
                self.builder
                    .build_gep(i64t, frame, &[i64t.const_int(8 + i as u64, false)], "")
                    .expect("gep")
            };
            self.builder.build_store(p, *r).expect("store");
        }
        self.fsm().defer_frame = Some(frame);
        let sj = self.rt("runtime.setjmp", &[R::Ptr], R::I32);
        let rt = inkwell::attributes::Attribute::get_named_enum_kind_id("returns_twice");
        sj.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(rt, 0),
        );
        let cs = self
            .builder
            .build_call(sj, &[frame.into()], "")
            .expect("call");
        cs.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(rt, 0),
        );
        let r = cs
            .try_as_basic_value()
            .basic()
            .expect("setjmp value")
            .into_int_value();
        let recovered = self.new_block("defer.recovered");
        let body = self.new_block("body");
        let z = self.ctx.i32_type().const_zero();
        let c = self
            .builder
            .build_int_compare(IntPredicate::NE, r, z, "")
            .expect("cmp");
        self.builder
            .build_conditional_branch(c, recovered, body)
            .expect("br");
        self.builder.position_at_end(recovered);
        let here = self.builder.get_current_debug_location();
        self.dbg_at(end);
        self.gen_return_from_slots();
        if let Some(l) = here {
            self.builder.set_current_debug_location(l);
        }
        self.builder.position_at_end(body);
    }

    /// `defer f(args)`: the callee and arguments are evaluated now into a
    /// closure whose thunk makes the call later.
    pub fn defer_stmt(&mut self, call: &Expr) {
        let Some(frame) = self.fs().defer_frame else {
            self.unsupported(call.pos, "defer outside a function frame");
            return;
        };
        let Some(obj) = self.call_closure(call, "defer") else {
            return;
        };
        self.call_rt(
            "runtime.deferproc",
            &[R::Ptr, R::Ptr],
            R::Void,
            &[frame.into(), obj.into()],
        );
    }

    /// `#deferframe()` (range-over-func rewrite, compiler/types/src/rangefunc.rs):
    /// the token of this function's defer frame for `defer_at`.
    pub fn defer_frame_token(&mut self, pos: rgoc_syntax::Pos) -> Option<BasicValueEnum<'ctx>> {
        let Some(frame) = self.fs().defer_frame else {
            self.unsupported(pos, "range-over-func loop with defer outside a function frame");
            return None;
        };
        self.call_rt("runtime.deferrangefunc", &[R::Ptr], R::I64, &[frame.into()])
    }

    /// `#deferat(token, call)`: `defer call` in a range-over-func loop
    /// body, recorded on the frame of the function holding the loop.
    pub fn defer_at(&mut self, token: BasicValueEnum<'ctx>, call: &Expr) {
        let Some(obj) = self.call_closure(call, "defer") else {
            return;
        };
        self.call_rt(
            "runtime.deferprocat",
            &[R::I64, R::Ptr],
            R::Void,
            &[token.into(), obj.into()],
        );
    }

    /// `recover()`.
    pub fn recover(&mut self) -> Option<BasicValueEnum<'ctx>> {
        let fa = inkwell::intrinsics::Intrinsic::find("llvm.frameaddress").expect("frameaddress");
        let decl = fa
            .get_declaration(&self.module, &[self.ptr_type().into()])
            .expect("decl");
        let fp = self
            .builder
            .build_call(decl, &[self.ctx.i32_type().const_zero().into()], "fp")
            .expect("call")
            .try_as_basic_value()
            .basic()?;
        // recover identifies its caller by frame: the caller must keep its
        // own frame (no inlining into other functions, else a helper's
        // recover acts as the deferred call's; no tail call: the runtime
        // checks frame pointers).
        let f = self.fs().func;
        let noinline = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
        f.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(noinline, 0),
        );
        let gr = self.rt("runtime.gorecover", &[R::Ptr], R::Iface);
        let cs = self.builder.build_call(gr, &[fp.into()], "").expect("call");
        cs.set_tail_call_kind(inkwell::values::LLVMTailCallKind::LLVMTailCallKindNoTail);
        cs.try_as_basic_value().basic()
    }
}
