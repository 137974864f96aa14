//! Scopes (go/types' scope.go and declare): opening and closing block
//! scopes, declaring objects with redeclaration errors.


use rgoc_syntax::ast;

use crate::check::Checker;
use crate::objects::{ObjId, ScopeId};

impl<'a> Checker<'a> {
    pub fn open_scope(&mut self, func_boundary: bool) {
        self.scope = self.objs.new_scope(Some(self.scope), func_boundary);
    }

    /// The scope of file `file` of the package being checked (imports),
    /// whose parent is the package scope.
    pub(crate) fn file_scope(&self, file: u32) -> ScopeId {
        self.gen.file_scopes.get(&file).copied().unwrap_or(self.pkg_scope)
    }

    pub fn close_scope(&mut self) {
        self.scope = self
            .objs
            .scope(self.scope)
            .parent
            .expect("scope has parent");
    }

    pub(crate) fn declare_pkg(&mut self, name: &ast::Ident, o: ObjId) {
        self.info.defs.insert(name.id, o);
        self.declare_in(self.pkg_scope, name, o);
    }

    /// Inserts `o` under `name` in scope `sc`, reporting a redeclaration.
    pub(crate) fn declare_in(&mut self, sc: ScopeId, name: &ast::Ident, o: ObjId) {
        if let Some(prev) = self.objs.insert(sc, &name.name, o) {
            let pp = self.objs.get(prev).pos;
            self.error(
                name.pos,
                format!(
                    "{} redeclared in this block\n\t{}: other declaration of {}",
                    name.name,
                    self.pos_str(pp),
                    name.name
                ),
            );
            // Not declared, so not reported as unused either (types2's usage
            // walks the scope).
            self.objs.get_mut(o).used = true;
        }
    }

    /// Declares a local object in the current scope.
    pub fn declare_local(&mut self, name: &ast::Ident, o: ObjId) {
        self.info.defs.insert(name.id, o);
        if name.name == "_" {
            return;
        }
        self.declare_in(self.scope, name, o);
    }
}
