//! rgoc-types: the Go type checker, in the shape of go/types.
//!
//! `check_package` takes a package's parsed files and returns an `Info` of
//! side tables keyed by `NodeId` (every expression's type and constant
//! value, every identifier's object, every selector's selection) plus the
//! package's initialisation order. Diagnostics use gc's wording.

pub mod bigfloat;
pub mod constant;
pub mod objects;
pub mod types;

mod assignments;
mod branches;
mod builtins;
mod call;
mod check;
mod conversions;
mod decl;
mod errors;
mod escape;
mod expr;
mod exprstring;
mod index;
mod infer;
mod initorder;
mod instantiate;
mod literals;
mod lookup;
mod multibuiltin;
mod operand;
mod rangefunc;
mod resolver;
mod returns;
mod scope;
mod stmt;
mod subst;
mod typeset;
mod typexpr;

use std::collections::{HashMap, HashSet};

use rgoc_syntax::{Diagnostic, Expr, NodeId, Pos};

pub use check::{check_package, check_program};
pub use constant::Value;
pub use lookup::{lookup_field_or_method, method_set_contains, LookupResult};
pub use objects::{Builtin, ObjId, ObjKind, Object, Objects, ScopeId};
pub use types::{ids, BasicKind, ChanDir, Field, Method, Signature, Term, Type, TypeId, TypeTable};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// No value (a call of a function without results).
    NoValue,
    /// A computed value.
    Value,
    /// An addressable variable.
    Var,
    /// A map index expression (assignable, not addressable).
    MapIndex,
    /// A constant; the value is in `TypeAndValue::val`.
    Const,
    /// A type expression.
    Type,
    /// A builtin function name.
    Builtin,
}

#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelectionKind {
    /// `x.f`, a struct field (possibly promoted through embedded fields).
    FieldVal,
    /// `x.m`, a method value (or a call of it).
    MethodVal,
    /// `T.m`, a method expression.
    MethodExpr,
}

#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The field or method object (methods); for fields, `obj` is None.
    pub obj: Option<ObjId>,
    /// Field indices from the receiver through embedded fields; for a
    /// method, the path to the embedded field holding it (the last index
    /// is NOT a method index).
    pub path: Vec<usize>,
    /// Whether pointers are dereferenced along the path.
    pub indirect: bool,
    /// The type of the selector expression.
    pub typ: TypeId,
    /// For methods of interfaces: the method's index in the interface's
    /// sorted method list.
    pub iface_index: Option<usize>,
}

/// How a package-level variable is initialised: `lhs = rhs`.
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub rhs: Expr,
}

#[derive(Default)]
pub struct Info {
    pub types: HashMap<NodeId, TypeAndValue>,
    /// Defining and using occurrences of identifiers.
    pub defs: HashMap<NodeId, ObjId>,
    pub uses: HashMap<NodeId, ObjId>,
    pub selections: HashMap<NodeId, Selection>,
    /// Objects implicitly declared per type-switch clause (keyed by clause position).
    pub implicits: HashMap<Pos, ObjId>,
    /// Expressions (index, type assertion, receive) used in a comma-ok assignment.
    pub comma_ok: HashSet<NodeId>,
    /// Package-level variable initialisation in dependency order.
    pub init_order: Vec<Initializer>,
    /// Package-level variables in declaration order.
    pub globals: Vec<ObjId>,
    /// Objects of `init` functions, in source order, by FuncDecl name NodeId.
    pub init_funcs: Vec<NodeId>,
    /// Labels: statement label identifier -> object.
    pub labels: HashMap<NodeId, ObjId>,
    /// Expressions denoting an instance of a generic function (`F[int]`,
    /// or `F` in a call `F(1)` whose type arguments were inferred): the
    /// instance's object.
    pub instances: HashMap<NodeId, ObjId>,
    /// Range-over-func loops, by range expression: the block they were
    /// rewritten to (rangefunc.rs), which codegen compiles instead.
    pub range_rewrites: HashMap<NodeId, rgoc_syntax::ast::Stmt>,
    /// Branch and return statements inside range-over-func bodies, by
    /// position: their replacements.
    pub branch_rewrites: HashMap<Pos, rgoc_syntax::ast::Stmt>,
}

impl Info {
    pub fn type_of(&self, e: &Expr) -> TypeId {
        self.types.get(&e.id).map(|t| t.typ).unwrap_or(ids::INVALID)
    }
    pub fn tv(&self, e: &Expr) -> Option<&TypeAndValue> {
        self.types.get(&e.id)
    }
    pub fn obj_of(&self, id: NodeId) -> Option<ObjId> {
        self.defs.get(&id).or_else(|| self.uses.get(&id)).copied()
    }
}

/// One checked package of a program.
pub struct Package {
    pub path: String,
    pub name: String,
    /// Its files, as a range of the program's file list.
    pub files: std::ops::Range<usize>,
    /// Package-level variable initialisation in dependency order.
    pub init_order: Vec<Initializer>,
    /// Package-level variables in declaration order.
    pub globals: Vec<ObjId>,
    /// `init` functions in source order (FuncDecl name node ids).
    pub init_funcs: Vec<NodeId>,
}

/// The result of checking a program (its packages in dependency order, the
/// main package last).
pub struct Checked {
    pub types: TypeTable,
    pub objs: Objects,
    pub info: Info,
    /// Path of the last package checked (the main package).
    pub pkg_path: String,
    pub packages: Vec<Package>,
    /// Instances of generic functions and methods, with the side tables
    /// of their bodies checked with the type arguments in place.
    pub instances: Vec<Instance>,
}

/// A function or method instantiated with concrete type arguments
/// (monomorphisation: codegen emits one body per instance).
pub struct Instance {
    /// The instance's own function object (`obj.inst` points back here).
    pub obj: ObjId,
    /// The generic function or method.
    pub origin: ObjId,
    /// The type arguments (for a method: the receiver type's).
    pub targs: Vec<TypeId>,
    /// The body's side tables (types, objects, selections) for these type
    /// arguments; codegen reads them instead of `Checked::info`.
    pub info: Info,
    /// The name of the function's declaration (`FuncDecl::name.id`).
    pub decl: NodeId,
}

pub type Diagnostics = Vec<Diagnostic>;
