//! rgoc-syntax: Go source text to rgoc's owned AST (`ast`), through
//! tree-sitter-go. No tree-sitter type leaves this crate.

pub mod ast;
mod errors;
pub mod literal;
mod parser;
mod scan;
pub mod visit;

pub use ast::*;

/// A compile-time diagnostic at a position. The driver renders it in gc's
/// format `FILE:LINE:COL: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub msg: String,
}

/// Parses one file. `file_index` is the file's index in the program's file
/// table (it goes into every `Pos`); `ids` hands out program-unique node ids.
/// Syntax errors are returned as diagnostics; the AST is still returned, with
/// `ExprKind::Bad` / missing pieces where the source could not be parsed.
pub fn parse_file(
    path: &str,
    src: &str,
    file_index: u32,
    ids: &mut NodeIds,
) -> (File, Vec<Diagnostic>) {
    parser::parse(path, src, file_index, ids)
}
