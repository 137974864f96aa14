//! Built-in calls whose single argument is a multi-value call:
//! `append(f())`, `copy(f())`, `complex(f())`, `delete(f())`, `min(f())`,
//! `max(f())`, `unsafe.Add(f())`, `unsafe.Slice(f())`, `unsafe.String(f())`
//! (checker side:
//! rgoc-types' multibuiltin.rs). The call is evaluated once and its results
//! become the built-in's operands.

use inkwell::values::BasicValueEnum;
use rgoc_syntax::Expr;
use rgoc_types::{Builtin, Type};

use super::Gen;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Whether `b(args...)` is a built-in applied to the results of one
    /// multi-value call.
    pub fn is_multi_value_builtin(&self, b: Builtin, args: &[Expr]) -> bool {
        matches!(
            b,
            Builtin::Append
                | Builtin::Copy
                | Builtin::Complex
                | Builtin::Delete
                | Builtin::Min
                | Builtin::Max
                | Builtin::Add
                | Builtin::Slice
                | Builtin::String
        )
            && args.len() == 1
            && matches!(self.c.types.get(self.info.type_of(&args[0])), Type::Tuple(ts) if ts.len() >= 2)
    }

    pub fn multi_value_builtin(&mut self, e: &Expr, b: Builtin, arg: &Expr) -> Option<BasicValueEnum<'ctx>> {
        let v = self.expr(arg)?;
        let ts = self.multi_types(arg);
        let parts = self.unpack_multi(arg, v, ts.len());
        match b {
            Builtin::Append => {
                let st = self.info.type_of(e);
                let et = self.slice_elem(st);
                let s = self.convert_value(parts[0], ts[0], st, e.pos);
                let vals: Vec<BasicValueEnum> = parts[1..]
                    .iter()
                    .zip(&ts[1..])
                    .map(|(p, t)| self.convert_value(*p, *t, et, e.pos))
                    .collect();
                let n = self.i64c(vals.len() as u64);
                self.append_values(e, et, s, None, n, vals)
            }
            Builtin::Copy => {
                let et = self.slice_elem(ts[0]);
                self.copy_values(et, parts[0], parts[1], ts[1], e.pos)
            }
            Builtin::Delete => {
                let kt = self.map_key_type(ts[0]);
                let k = self.convert_value(parts[1], ts[1], kt, e.pos);
                self.map_delete(ts[0], parts[0], k, e.pos);
                Some(self.ctx.i8_type().const_zero().into())
            }
            Builtin::Min | Builtin::Max => {
                let t = self.info.type_of(e);
                let mut acc = parts[0];
                for p in &parts[1..] {
                    acc = self.min_max(b == Builtin::Min, acc, *p, t, e.pos)?;
                }
                Some(acc)
            }
            Builtin::Add | Builtin::Slice | Builtin::String => {
                let p = parts[0].into_pointer_value();
                let n = self.to_i64(parts[1].into_int_value(), ts[1]);
                Some(match b {
                    Builtin::Add => unsafe {
                        self.builder.build_gep(self.ctx.i8_type(), p, &[n], "").expect("gep").into()
                    },
                    Builtin::String => {
                        self.unsafe_len_check(p, n, 1, "unsafe.String");
                        self.make_string(p, n)
                    }
                    _ => {
                        let et = self.pointer_elem(ts[0]);
                        let size = self.size_of(et, e.pos);
                        self.unsafe_len_check(p, n, size, "unsafe.Slice");
                        self.make_slice(p, n, n)
                    }
                })
            }
            _ => {
                let t = self.info.type_of(e);
                Some(self.make_complex(parts[0].into_float_value(), parts[1].into_float_value(), t, e.pos))
            }
        }
    }
}
