//! Operands (go/types' operand.go): the result of checking an expression,
//! and its description in messages.


use rgoc_syntax::Expr;

use crate::check::Checker;
use crate::constant::Value;
use crate::objects::Builtin;
use crate::types::{ids, Type, TypeId};
use crate::Mode;

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
    pub builtin: Option<Builtin>,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Value,
            typ: ids::INVALID,
            val: None,
            builtin: None,
        }
    }
    pub fn value(typ: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            typ,
            val: None,
            builtin: None,
        }
    }
    /// The result of a call without results (or of a builtin like delete).
    pub fn novalue() -> Operand {
        Operand {
            mode: Mode::NoValue,
            typ: ids::EMPTY_TUPLE,
            val: None,
            builtin: None,
        }
    }
    pub fn constant(typ: TypeId, v: Value) -> Operand {
        Operand {
            mode: Mode::Const,
            typ,
            val: Some(v),
            builtin: None,
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.typ == ids::INVALID && self.mode != Mode::NoValue && self.mode != Mode::Builtin
    }
    pub(crate) fn as_value_of(mut self, t: TypeId) -> Operand {
        self.typ = t;
        self
    }
}

impl<'a> Checker<'a> {
    /// `x (variable of type int)`, `1 (untyped int constant)`, ...
    pub(crate) fn operand_string(&self, e: &Expr, x: &Operand) -> String {
        let es = self.expr_string(e);
        let mut s = format!("{} (", es);
        let untyped = self.types.is_untyped(x.typ);
        if untyped && x.mode != Mode::Type {
            s.push_str(self.types.basic(x.typ).map(|k| k.name()).unwrap_or("?"));
            s.push(' ');
        }
        s.push_str(match x.mode {
            Mode::NoValue => "no value",
            Mode::Builtin => "built-in",
            Mode::Type => "type",
            Mode::Const => "constant",
            Mode::Var => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
        });
        if x.mode == Mode::Const {
            if let Some(v) = &x.val {
                let vs = v.describe();
                if vs != es {
                    s.push(' ');
                    s.push_str(&vs);
                }
            }
        }
        if !untyped && !matches!(x.mode, Mode::Type | Mode::Builtin | Mode::NoValue) {
            // gc describes the structure of a defined type: "variable of
            // struct type S", "value of int type MyInt".
            if matches!(self.types.get(x.typ), Type::Named(_)) && x.typ != ids::INVALID {
                let what = self.composite_kind(x.typ);
                let what = if what.is_empty() {
                    self.types.basic(x.typ).map(|k| k.name()).unwrap_or("")
                } else {
                    what
                };
                if !what.is_empty() {
                    s.push_str(" of ");
                    s.push_str(what);
                    s.push_str(" type ");
                } else {
                    s.push_str(" of type ");
                }
            } else {
                s.push_str(" of type ");
            }
            s.push_str(&self.tstr(x.typ));
            if let Some(tp) = self.types.tparam_info(x.typ) {
                let c = tp.constraint;
                let cs = if c == ids::EMPTY_INTERFACE { "any".to_string() } else { self.tstr(c) };
                s.push_str(" constrained by ");
                s.push_str(&cs);
            }
        }
        s.push(')');
        s
    }
}
