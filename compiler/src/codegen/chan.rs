//! Goroutines, channels and select (runtime/src/sched.rs, chan.rs; ABI in
//! ARCHITECTURE.md "Channels and goroutines").
//!
//! - `go f(x)`: the call's operands are evaluated into a closure `void(ctx)`
//!   (the same thunk `defer` uses) and passed to `runtime.newproc`;
//! - a channel value is a pointer to the runtime's hchan (null = nil);
//!   `len`/`cap` load its first/second word;
//! - sends pass a pointer to a spilled copy of the value, receives a
//!   pointer to an entry-block temporary the runtime fills (the value, or
//!   zero when the channel is closed);
//! - `select` builds an array of {chan, elemptr, dir} for its non-default
//!   cases in source order (channel and send operands evaluated in that
//!   order), calls `runtime.selectgo` and switches on the chosen index; a
//!   receive case's assignment runs afterwards with the received value
//!   preset for its `<-c` node.

use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use rgoc_syntax::{ast, AssignOp, Expr, ExprKind, Pos, Stmt, StmtKind, UnOp};
use rgoc_types::{ids, Type, TypeId};

use super::func::Preset;
use super::mem::strip;
use super::rt::R;
use super::Gen;

const CASE_SEND: u64 = 1;
const CASE_RECV: u64 = 2;

/// A select case once its operands are evaluated.
struct SelCase<'s, 'ctx> {
    dir: u64,
    /// The receive expression (`<-c`) of a receive case, stripped.
    recv: Option<&'s Expr>,
    elem_t: TypeId,
    buf: Option<PointerValue<'ctx>>,
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn chan_elem(&self, t: TypeId) -> TypeId {
        match self.c.types.under(t) {
            Type::Chan(_, e) => *e,
            _ => ids::INVALID,
        }
    }

    /// `go call`.
    pub fn go_stmt(&mut self, call: &Expr) {
        let Some(obj) = self.call_closure(call, "go") else {
            return;
        };
        self.call_rt("runtime.newproc", &[R::Ptr], R::Void, &[obj.into()]);
    }

    /// `ch <- v`.
    pub fn send_stmt(&mut self, ch: &Expr, value: &Expr) {
        let ct = self.info.type_of(ch);
        let et = self.chan_elem(ct);
        let Some(c) = self.expr(ch) else { return };
        let Some(v) = self.expr_to(value, et) else {
            return;
        };
        let p = self.spill_typed(v, et);
        self.call_rt(
            "runtime.chansend1",
            &[R::Ptr, R::Ptr],
            R::Void,
            &[c, p.into()],
        );
    }

    /// `<-x`, and `v, ok := <-x` when `comma_ok` (a {value, bool} pair).
    pub fn recv_expr(
        &mut self,
        x: &Expr,
        comma_ok: bool,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let ct = self.info.type_of(x);
        let et = self.chan_elem(ct);
        let c = self.expr(x)?;
        let ty = self.llvm_type(et, pos)?;
        let tmp = self.alloca(ty, "recv");
        if comma_ok {
            let ok = self
                .call_rt(
                    "runtime.chanrecv2",
                    &[R::Ptr, R::Ptr],
                    R::I8,
                    &[c, tmp.into()],
                )?
                .into_int_value();
            let ok = self
                .builder
                .build_int_truncate(ok, self.ctx.bool_type(), "")
                .expect("trunc");
            let v = self.load(et, tmp, pos)?;
            return Some(self.pair(v, ok.into()));
        }
        self.call_rt(
            "runtime.chanrecv1",
            &[R::Ptr, R::Ptr],
            R::Void,
            &[c, tmp.into()],
        );
        self.load(et, tmp, pos)
    }

    /// `make(chan T[, n])`.
    pub fn make_chan(
        &mut self,
        t: TypeId,
        size: Option<&Expr>,
        pos: Pos,
    ) -> Option<BasicValueEnum<'ctx>> {
        let n = match size {
            Some(s) => self.index_int(s)?,
            None => self.i64c(0),
        };
        let d = self.type_desc(t, pos).as_pointer_value();
        self.call_rt(
            "runtime.makechan",
            &[R::Ptr, R::I64],
            R::Ptr,
            &[d.into(), n.into()],
        )
    }

    /// `close(ch)`.
    pub fn close_chan(&mut self, ch: &Expr) {
        let Some(c) = self.expr(ch) else { return };
        self.call_rt("runtime.closechan", &[R::Ptr], R::Void, &[c]);
    }

    /// `len(ch)` / `cap(ch)`: word 0 / word 1 of the hchan, 0 for nil.
    pub fn chan_len_cap(&mut self, ch: &Expr, cap: bool) -> Option<BasicValueEnum<'ctx>> {
        let c = self.expr(ch)?.into_pointer_value();
        let p = if cap {
            let i64t = self.ctx.i64_type();
            // A nil channel stays nil-based: the load is guarded below.
            let is_nil = self.builder.build_is_null(c, "").expect("isnull");
            let q = unsafe {
                self.builder
                    .build_gep(i64t, c, &[self.i64c(1)], "")
                    .expect("gep")
            };
            let null = self.ptr_type().const_null();
            self.builder
                .build_select(is_nil, null, q, "")
                .expect("select")
                .into_pointer_value()
        } else {
            c
        };
        Some(self.nil_or_load_i64(p).into())
    }

    /// `for v := range ch`: receive until the channel is closed and empty.
    pub fn range_chan(
        &mut self,
        label: Option<&str>,
        key: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
    ) {
        let ct = self.info.type_of(x);
        let et = self.chan_elem(ct);
        let Some(c) = self.expr(x) else { return };
        let Some(ty) = self.llvm_type(et, x.pos) else {
            return;
        };
        let tmp = self.alloca(ty, "range.recv");
        let (cond, bodyb, post, end) = self.range_blocks();
        let Some(ok) = self.call_rt(
            "runtime.chanrecv2",
            &[R::Ptr, R::Ptr],
            R::I8,
            &[c, tmp.into()],
        ) else {
            return;
        };
        let z = self.ctx.i8_type().const_zero();
        let okb = self
            .builder
            .build_int_compare(inkwell::IntPredicate::NE, ok.into_int_value(), z, "")
            .expect("cmp");
        self.builder
            .build_conditional_branch(okb, bodyb, end)
            .expect("br");
        self.builder.position_at_end(bodyb);
        if key.is_some_and(|k| !super::func::is_blank(k)) {
            let Some(v) = self.load(et, tmp, x.pos) else {
                return;
            };
            self.range_assign(key, define, v, et);
        }
        self.range_body(label, body, end, post);
        self.loop_poll();
        self.br(cond);
        self.builder.position_at_end(end);
    }

    /// A `select` statement.
    pub fn select_stmt<'s>(&mut self, label: Option<&str>, body: &'s [ast::CommClause]) {
        let i64t = self.ctx.i64_type();
        let pt = self.ptr_type();
        let scase_t = self
            .ctx
            .struct_type(&[pt.into(), pt.into(), i64t.into()], false);
        // Evaluate the channel and send operands in source order.
        let mut cases: Vec<(usize, SelCase<'s, 'ctx>)> = Vec::new();
        let mut vals: Vec<(BasicValueEnum<'ctx>, Option<PointerValue<'ctx>>, u64)> = Vec::new();
        let mut default: Option<usize> = None;
        for (ci, cc) in body.iter().enumerate() {
            let Some(comm) = &cc.comm else {
                default = Some(ci);
                continue;
            };
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let et = self.chan_elem(self.info.type_of(ch));
                    let Some(c) = self.expr(ch) else { return };
                    let Some(v) = self.expr_to(value, et) else {
                        return;
                    };
                    let p = self.spill_typed(v, et);
                    vals.push((c, Some(p), CASE_SEND));
                    cases.push((
                        ci,
                        SelCase {
                            dir: CASE_SEND,
                            recv: None,
                            elem_t: et,
                            buf: None,
                        },
                    ));
                }
                _ => {
                    let Some(r) = select_recv(comm) else {
                        self.unsupported(comm.pos, "select case");
                        return;
                    };
                    let ExprKind::Unary { x, .. } = &r.kind else {
                        unreachable!()
                    };
                    let et = self.chan_elem(self.info.type_of(x));
                    let Some(c) = self.expr(x) else { return };
                    let Some(ty) = self.llvm_type(et, r.pos) else {
                        return;
                    };
                    let buf = self.alloca(ty, "select.recv");
                    vals.push((c, Some(buf), CASE_RECV));
                    cases.push((
                        ci,
                        SelCase {
                            dir: CASE_RECV,
                            recv: Some(r),
                            elem_t: et,
                            buf: Some(buf),
                        },
                    ));
                }
            }
        }
        let n = cases.len() as u64;
        let arr_t = scase_t.array_type(n.max(1) as u32);
        let arr = self.alloca(arr_t.into(), "select.cases");
        for (i, (c, p, dir)) in vals.iter().enumerate() {
            let base = unsafe {
                self.builder
                    .build_gep(arr_t, arr, &[self.i64c(0), self.i64c(i as u64)], "")
                    .expect("gep")
            };
            let q0 = self
                .builder
                .build_struct_gep(scase_t, base, 0, "")
                .expect("gep");
            self.builder.build_store(q0, *c).expect("store");
            let q1 = self
                .builder
                .build_struct_gep(scase_t, base, 1, "")
                .expect("gep");
            self.builder
                .build_store(q1, p.unwrap_or(pt.const_null()))
                .expect("store");
            let q2 = self
                .builder
                .build_struct_gep(scase_t, base, 2, "")
                .expect("gep");
            self.builder
                .build_store(q2, i64t.const_int(*dir, false))
                .expect("store");
        }
        let block = if default.is_some() { 0 } else { 1 };
        let Some(res) = self.call_rt(
            "runtime.selectgo",
            &[R::Ptr, R::I64, R::I64],
            R::I64Pair,
            &[arr.into(), self.i64c(n).into(), self.i64c(block).into()],
        ) else {
            return;
        };
        if n == 0 && default.is_none() {
            // select {}: blocks forever.
            self.builder.build_unreachable().expect("unreachable");
            return;
        }
        let res = res.into_struct_value();
        let chosen = self
            .builder
            .build_extract_value(res, 0, "")
            .expect("extract")
            .into_int_value();
        let recv_ok = self
            .builder
            .build_extract_value(res, 1, "")
            .expect("extract")
            .into_int_value();
        let end = self.new_block("select.end");
        let dflt = self.new_block(if default.is_some() {
            "select.default"
        } else {
            "select.none"
        });
        let mut arms: Vec<(IntValue<'ctx>, inkwell::basic_block::BasicBlock<'ctx>)> = Vec::new();
        let blocks: Vec<_> = cases
            .iter()
            .map(|_| self.new_block("select.case"))
            .collect();
        for (i, b) in blocks.iter().enumerate() {
            arms.push((i64t.const_int(i as u64, false), *b));
        }
        self.builder
            .build_switch(chosen, dflt, &arms)
            .expect("switch");
        self.push_target(label, end, None);
        for (i, (ci, sc)) in cases.iter().enumerate() {
            self.builder.position_at_end(blocks[i]);
            let cc = &body[*ci];
            if sc.dir == CASE_RECV {
                let comm = cc.comm.as_deref().expect("comm");
                if let StmtKind::Assign { lhs, rhs, .. } = &comm.kind {
                    let r = sc.recv.expect("recv");
                    let v = self
                        .load(sc.elem_t, sc.buf.expect("buf"), r.pos)
                        .expect("elem load");
                    let val = if lhs.len() == 2 {
                        let ok = self
                            .builder
                            .build_int_truncate(recv_ok, self.ctx.bool_type(), "")
                            .expect("trunc");
                        self.pair(v, ok.into())
                    } else {
                        v
                    };
                    self.presets.insert(r.id, Preset::Value(val));
                    self.presets.insert(rhs[0].id, Preset::Value(val));
                    self.stmt(comm);
                    self.presets.remove(&r.id);
                    self.presets.remove(&rhs[0].id);
                }
            }
            self.block(&cc.body);
            self.br(end);
        }
        self.builder.position_at_end(dflt);
        match default {
            Some(ci) => {
                self.block(&body[ci].body);
                self.br(end);
            }
            None => {
                self.builder.build_unreachable().expect("unreachable");
            }
        }
        self.pop_target();
        self.builder.position_at_end(end);
    }
}

/// The receive expression of a select receive case (stripped of parens).
fn select_recv(comm: &Stmt) -> Option<&Expr> {
    let e = match &comm.kind {
        StmtKind::Expr(e) => e,
        StmtKind::Assign {
            rhs,
            op: AssignOp::Assign | AssignOp::Define,
            ..
        } if rhs.len() == 1 => &rhs[0],
        _ => return None,
    };
    let s = strip(e);
    matches!(s.kind, ExprKind::Unary { op: UnOp::Recv, .. }).then_some(s)
}
