//! Reporting errors (go/types' errors.go): `error`, `errorf` (report and
//! return the invalid operand), `unsupported`, positions inside messages.


use rgoc_syntax::{Diagnostic, Pos};

use crate::check::Checker;
use crate::operand::Operand;

impl<'a> Checker<'a> {
    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic {
            pos,
            msg: msg.into(),
        });
    }

    /// Reports an error and returns the invalid operand (go/types' errorf
    /// followed by `x.mode = invalid`), for `return self.errorf(pos, msg)`.
    pub(crate) fn errorf(&mut self, pos: Pos, msg: impl Into<String>) -> Operand {
        self.error(pos, msg);
        Operand::invalid()
    }

    /// A construct rgoc does not support yet (none in the checker today).
    #[allow(dead_code)]
    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.error(pos, format!("rgoc: unsupported: {}", what));
    }

    /// A position inside a message, as gc prints it: `./x.go:3:6`.
    pub fn pos_str(&self, p: Pos) -> String {
        match self.file_paths.get(p.file as usize) {
            Some(path) => format!("{}:{}:{}", path, p.line, p.col),
            None => format!("{}:{}", p.line, p.col),
        }
    }
}
