//! Built-in functions: `Gen::builtin` generates a call of each (len, cap,
//! append, copy, make, new, delete, clear, close, complex, real, imag,
//! min, max, panic, recover, print, println and package unsafe's).

use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use rgoc_syntax::{BinOp, Expr, Pos};
use rgoc_types::{ids, BasicKind, Builtin, Type, TypeId};

use super::rt::R;
use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub(crate) fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: bool,
    ) -> Option<BasicValueEnum<'ctx>> {
        let unit = Some(self.ctx.i8_type().const_zero().into());
        if self.is_multi_value_builtin(b, args) {
            return self.multi_value_builtin(e, b, &args[0]);
        }
        match b {
            Builtin::Print | Builtin::Println => {
                // Evaluate every operand first, then print under the lock.
                let mut vals = Vec::new();
                if args.len() == 1
                    && matches!(
                        self.c.types.get(self.info.type_of(&args[0])),
                        Type::Tuple(_)
                    )
                {
                    let v = self.expr(&args[0])?;
                    let ts = self.multi_types(&args[0]);
                    let parts = self.unpack_multi(&args[0], v, ts.len());
                    vals.extend(parts.into_iter().zip(ts).map(|(v, t)| (v, t, args[0].pos)));
                } else {
                    for a in args {
                        let t = self.info.type_of(a);
                        let t = if self.c.types.is_untyped(t) {
                            self.c.types.default_type(t)
                        } else {
                            t
                        };
                        let v = self.expr_to(a, t)?;
                        vals.push((v, t, a.pos));
                    }
                }
                self.call_rt("runtime.printlock", &[], R::Void, &[]);
                for (i, (v, t, pos)) in vals.into_iter().enumerate() {
                    if i > 0 && b == Builtin::Println {
                        self.call_rt("runtime.printsp", &[], R::Void, &[]);
                    }
                    self.print_value(v, t, pos);
                }
                if b == Builtin::Println {
                    self.call_rt("runtime.printnl", &[], R::Void, &[]);
                }
                self.call_rt("runtime.printunlock", &[], R::Void, &[]);
                unit
            }
            Builtin::Len | Builtin::Cap
                if matches!(
                    self.c.types.under(self.info.type_of(&args[0])),
                    Type::Chan(..)
                ) =>
            {
                self.chan_len_cap(&args[0], b == Builtin::Cap)
            }
            Builtin::Len | Builtin::Cap => self.len_cap(e, &args[0], b == Builtin::Cap),
            Builtin::Close => {
                self.close_chan(&args[0]);
                unit
            }
            Builtin::Append => self.append(e, args, ellipsis),
            Builtin::Copy => self.copy_builtin(args),
            Builtin::New => {
                let t = self.info.type_of(e);
                let et = self.pointer_elem(t);
                if self.info.tv(&args[0]).is_some_and(|tv| tv.mode != rgoc_types::Mode::Type) {
                    // new(expr): the value first, then the variable.
                    let v = self.expr_to(&args[0], et)?;
                    let p = self.new_object(et, e.pos);
                    self.store_val(p, v, et);
                    return Some(p.into());
                }
                Some(self.new_object(et, e.pos).into())
            }
            Builtin::Make => {
                let t = self.info.type_of(&args[0]);
                match self.c.types.under(t).clone() {
                    Type::Slice(_) => self.make_slice_builtin(e, t, args),
                    Type::Map(..) => {
                        let hint = match args.get(1) {
                            Some(h) => self.index_int(h)?,
                            None => self.i64c(0),
                        };
                        Some(self.make_map(t, hint, e.pos))
                    }
                    Type::Chan(..) => self.make_chan(t, args.get(1), e.pos),
                    _ => {
                        self.unsupported(e.pos, "make of this type");
                        None
                    }
                }
            }
            Builtin::Delete => {
                let mt = self.info.type_of(&args[0]);
                let m = self.expr(&args[0])?;
                let kt = self.map_key_type(mt);
                let k = self.expr_to(&args[1], kt)?;
                self.map_delete(mt, m, k, e.pos);
                unit
            }
            Builtin::Clear => {
                let t = self.info.type_of(&args[0]);
                let v = self.expr(&args[0])?;
                match self.c.types.under(t).clone() {
                    Type::Map(..) => self.map_clear(t, v, e.pos),
                    Type::Slice(et) => {
                        let (p, l, _) = self.slice_parts(v);
                        let size = self.size_of(et, e.pos);
                        let bytes = self
                            .builder
                            .build_int_mul(l, self.i64c(size), "")
                            .expect("mul");
                        let wb = self.needs_wb(p, et, None);
                        self.clear_mem(p, bytes, 1, wb);
                    }
                    _ => self.unsupported(e.pos, "clear of this type"),
                }
                unit
            }
            Builtin::Min | Builtin::Max => {
                let t = self.info.type_of(e);
                let mut acc = self.expr_to(&args[0], t)?;
                for a in &args[1..] {
                    let v = self.expr_to(a, t)?;
                    acc = self.min_max(b == Builtin::Min, acc, v, t, e.pos)?;
                }
                Some(acc)
            }
            Builtin::Complex => {
                let t = self.info.type_of(e);
                let ft = if self.c.types.basic(t) == Some(BasicKind::Complex64) {
                    ids::FLOAT32
                } else {
                    ids::FLOAT64
                };
                let re = self.expr_to(&args[0], ft)?.into_float_value();
                let im = self.expr_to(&args[1], ft)?.into_float_value();
                Some(self.make_complex(re, im, t, e.pos))
            }
            Builtin::Real | Builtin::Imag => {
                let v = self.expr(&args[0])?;
                let (re, im) = self.complex_parts(v);
                Some(if b == Builtin::Real { re } else { im }.into())
            }
            Builtin::Recover => self.recover(),
            Builtin::RangePanic => {
                let state = self.expr(&args[0])?;
                self.call_rt("runtime.panicrangestate", &[R::I64], R::Void, &[state]);
                self.builder.build_unreachable().expect("unreachable");
                unit
            }
            Builtin::RangeDeferFrame => self.defer_frame_token(e.pos),
            Builtin::RangeDefer => {
                let token = self.expr(&args[0])?;
                self.defer_at(token, &args[1]);
                unit
            }
            Builtin::Add => {
                let p = self.expr(&args[0])?.into_pointer_value();
                let n = self.index_int(&args[1])?;
                Some(
                    unsafe {
                        self.builder
                            .build_gep(self.ctx.i8_type(), p, &[n], "")
                            .expect("gep")
                    }
                    .into(),
                )
            }
            Builtin::String => {
                let p = self.expr(&args[0])?.into_pointer_value();
                let n = self.index_int(&args[1])?;
                self.unsafe_len_check(p, n, 1, "unsafe.String");
                Some(self.make_string(p, n))
            }
            Builtin::Slice => {
                let p = self.expr(&args[0])?.into_pointer_value();
                let n = self.index_int(&args[1])?;
                let et = self.pointer_elem(self.info.type_of(&args[0]));
                let size = self.size_of(et, e.pos);
                self.unsafe_len_check(p, n, size, "unsafe.Slice");
                Some(self.make_slice(p, n, n))
            }
            Builtin::StringData => {
                let s = self.expr(&args[0])?;
                Some(self.string_parts(s).0.into())
            }
            Builtin::SliceData => {
                let s = self.expr(&args[0])?;
                Some(self.slice_parts(s).0.into())
            }
            Builtin::Panic => {
                let t = self.info.type_of(&args[0]);
                let _ = t;
                let v = self.expr_to(&args[0], ids::EMPTY_INTERFACE)?;
                let parts = self.unpack(v, 2);
                let (typ, data) = (parts[0], parts[1]);
                self.call_rt("runtime.gopanic", &[R::Ptr, R::Ptr], R::Void, &[typ, data]);
                self.builder.build_unreachable().expect("unreachable");
                unit
            }
            _ => {
                self.unsupported(e.pos, &format!("builtin {}", b.name()));
                None
            }
        }
    }

    pub(crate) fn print_value(&mut self, v: BasicValueEnum<'ctx>, t: TypeId, pos: Pos) {
        let i64t = self.ctx.i64_type();
        match self.c.types.under(t).clone() {
            Type::Basic(k) => match k {
                BasicKind::Bool => {
                    let b = self
                        .builder
                        .build_int_z_extend(v.into_int_value(), self.ctx.i8_type(), "")
                        .expect("zext");
                    self.call_rt("runtime.printbool", &[R::I8], R::Void, &[b.into()]);
                }
                k if k.is_integer() && k.is_unsigned() => {
                    let iv = v.into_int_value();
                    let x = if iv.get_type().get_bit_width() < 64 {
                        self.builder.build_int_z_extend(iv, i64t, "").expect("zext")
                    } else {
                        iv
                    };
                    // gc prints uintptr in decimal too (printuint).
                    self.call_rt("runtime.printuint", &[R::I64], R::Void, &[x.into()]);
                }
                k if k.is_integer() => {
                    let iv = v.into_int_value();
                    let x = if iv.get_type().get_bit_width() < 64 {
                        self.builder.build_int_s_extend(iv, i64t, "").expect("sext")
                    } else {
                        iv
                    };
                    self.call_rt("runtime.printint", &[R::I64], R::Void, &[x.into()]);
                }
                BasicKind::Float32 => {
                    self.call_rt("runtime.printfloat32", &[R::F32], R::Void, &[v]);
                }
                BasicKind::Float64 => {
                    self.call_rt("runtime.printfloat", &[R::F64], R::Void, &[v]);
                }
                BasicKind::Complex64 | BasicKind::Complex128 => {
                    let parts = self.unpack(v, 2);
                    let (re, im) = (parts[0], parts[1]);
                    if k == BasicKind::Complex64 {
                        self.call_rt(
                            "runtime.printcomplex64",
                            &[R::F32, R::F32],
                            R::Void,
                            &[re, im],
                        );
                    } else {
                        self.call_rt(
                            "runtime.printcomplex",
                            &[R::F64, R::F64],
                            R::Void,
                            &[re, im],
                        );
                    }
                }
                BasicKind::String => {
                    let (p, n) = self.string_parts(v);
                    self.call_rt(
                        "runtime.printstring",
                        &[R::Ptr, R::I64],
                        R::Void,
                        &[p.into(), n.into()],
                    );
                }
                BasicKind::UnsafePointer => {
                    self.call_rt("runtime.printpointer", &[R::Ptr], R::Void, &[v]);
                }
                _ => self.unsupported(pos, "print of this type"),
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
                self.call_rt("runtime.printpointer", &[R::Ptr], R::Void, &[v]);
            }
            Type::Interface(ms) => {
                let parts = self.unpack(v, 2);
                let (a, b) = (parts[0], parts[1]);
                let f = if ms.is_empty() {
                    "runtime.printeface"
                } else {
                    "runtime.printiface"
                };
                self.call_rt(f, &[R::Ptr, R::Ptr], R::Void, &[a, b]);
            }
            Type::Slice(_) => {
                let parts = self.unpack(v, 3);
                let (p, l, c) = (parts[0], parts[1], parts[2]);
                self.call_rt(
                    "runtime.printslice",
                    &[R::Ptr, R::I64, R::I64],
                    R::Void,
                    &[p, l, c],
                );
            }
            _ => self.unsupported(
                pos,
                &format!(
                    "illegal types for operand: print\n\t{}",
                    self.c.types.type_string(t)
                ),
            ),
        }
    }

    /// min/max of two values of ordered type `t` (NaN propagates, -0 < +0).
    pub fn min_max(&mut self, is_min: bool, a: BasicValueEnum<'ctx>, b: BasicValueEnum<'ctx>, t: TypeId, pos: Pos)
        -> Option<BasicValueEnum<'ctx>> {
        if self.c.types.is_float(t) {
            let name = if is_min {
                "llvm.minimum"
            } else {
                "llvm.maximum"
            };
            let f = inkwell::intrinsics::Intrinsic::find(name)?;
            let decl = f.get_declaration(&self.module, &[a.get_type()])?;
            return self
                .builder
                .build_call(decl, &[a.into(), b.into()], "")
                .expect("call")
                .try_as_basic_value()
                .basic();
        }
        let op = if is_min { BinOp::Lt } else { BinOp::Gt };
        let c = self.compare(op, b, t, a, t, pos)?;
        Some(self.builder.build_select(c, b, a, "").expect("select"))
    }

    /// gc's unsafeslice/unsafestring checks: len >= 0, len*size within the
    /// address space above ptr, no nil ptr with a non-zero length.
    pub(crate) fn unsafe_len_check(
        &mut self,
        p: PointerValue<'ctx>,
        n: IntValue<'ctx>,
        size: u64,
        what: &str,
    ) {
        let len_msg = format!("{}: len out of range", what);
        let nil_msg = format!("{}: ptr is nil and len is not zero", what);
        let panic_with = |g: &mut Self, c: IntValue<'ctx>, msg: &str| {
            let sp = g.string_data(msg.as_bytes());
            g.panic_if(
                c,
                "runtime.panicRuntimeError",
                &[sp.into(), g.i64c(msg.len() as u64).into()],
            );
        };
        let zero = self.i64c(0);
        let neg = self
            .builder
            .build_int_compare(IntPredicate::SLT, n, zero, "")
            .expect("cmp");
        panic_with(self, neg, &len_msg);
        let pi = self
            .builder
            .build_ptr_to_int(p, self.ctx.i64_type(), "")
            .expect("ptrtoint");
        let room = self.builder.build_int_sub(zero, pi, "").expect("sub");
        let is_nil = self.builder.build_is_null(p, "").expect("isnull");
        let bad = if size == 0 {
            let nz = self
                .builder
                .build_int_compare(IntPredicate::NE, n, zero, "")
                .expect("cmp");
            self.builder.build_and(is_nil, nz, "").expect("and")
        } else {
            // mem = n*size overflows, or mem > -ptr.
            let over = self
                .builder
                .build_int_compare(IntPredicate::UGT, n, self.i64c(u64::MAX / size), "")
                .expect("cmp");
            let mem = self
                .builder
                .build_int_mul(n, self.i64c(size), "")
                .expect("mul");
            let past = self
                .builder
                .build_int_compare(IntPredicate::UGT, mem, room, "")
                .expect("cmp");
            self.builder.build_or(over, past, "").expect("or")
        };
        // Out of range: a nil pointer reports itself, anything else the length.
        let nil_bad = self.builder.build_and(bad, is_nil, "").expect("and");
        panic_with(self, nil_bad, &nil_msg);
        panic_with(self, bad, &len_msg);
    }
}
