//! rgoc's owned Go AST.
//!
//! The shape follows go/ast: types are expressions (so `[]byte(s)`, `*T` and
//! `F[int]` need no decision at parse time), every node carries the position
//! of its first token, and every expression carries a `NodeId` that is unique
//! across the whole program, which the type checker uses as the key of its
//! side tables (types, constant values, identifier resolution).
//!
//! Invariants the parser keeps:
//! - no tree-sitter type appears here;
//! - parentheses are kept (`ExprKind::Paren`), since gc's rules care about them
//!   in a few places (e.g. `(T)(x)`), and the checker looks through them;
//! - a `const` spec without values has `values` empty: the checker repeats the
//!   previous spec's expressions (implicit repetition), `iota` is in the spec.

use std::fmt;

/// A source position: file index into the program's file table, 1-based
/// line, 1-based byte column (as gc reports them).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub file: u32,
    pub line: u32,
    pub col: u32,
}

impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// Unique id of an expression / identifier node across the whole program.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct NodeId(pub u32);

/// Hands out `NodeId`s, unique in a program: threaded through files'
/// parses, or one per file over disjoint ranges (driver/build.rs).
#[derive(Default, Debug)]
pub struct NodeIds {
    next: u32,
}

impl NodeIds {
    /// Ids after `next` (files parsed in parallel each get a range).
    pub fn starting_at(next: u32) -> NodeIds {
        NodeIds { next }
    }
    /// The last id handed out (`next` of `starting_at` when none was).
    pub fn last(&self) -> u32 {
        self.next
    }
    pub fn fresh(&mut self) -> NodeId {
        self.next += 1;
        NodeId(self.next)
    }
    pub fn count(&self) -> u32 {
        self.next + 1
    }
}

#[derive(Clone, Debug)]
pub struct Ident {
    pub id: NodeId,
    pub pos: Pos,
    pub name: String,
}

/// One parsed source file.
#[derive(Clone, Debug)]
pub struct File {
    pub path: String,
    pub file_index: u32,
    pub package: Ident,
    pub imports: Vec<ImportSpec>,
    pub decls: Vec<Decl>,
    /// The file's `//go:linkname local target` directives (functions take
    /// theirs into `Pragmas::linkname`; codegen reads package-level
    /// variables' here).
    pub linknames: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    pub pos: Pos,
    /// `import name "path"`, `import . "path"`, `import _ "path"`.
    pub name: Option<Ident>,
    /// The import path, unquoted.
    pub path: String,
    pub path_pos: Pos,
}

#[derive(Clone, Debug)]
pub enum Decl {
    Func(FuncDecl),
    Var(Vec<ValueSpec>),
    Const(Vec<ValueSpec>),
    Type(Vec<TypeSpec>),
}

/// Compiler directives (`//go:...` comments) that precede a declaration.
#[derive(Clone, Debug, Default)]
pub struct Pragmas {
    pub nosplit: bool,
    pub noinline: bool,
    pub norace: bool,
    pub nowritebarrier: bool,
    pub systemstack: bool,
    /// `//go:wrapper` (rgoc's): the function goes in the compiler
    /// wrappers' section, so recover's frame walk and tracebacks look
    /// through it as through gc's WRAPPER functions (reflect's MakeFunc
    /// handler).
    pub wrapper: bool,
    /// `//go:uintptrescapes`: pointers passed as uintptr arguments stay
    /// alive until the call returns.
    pub uintptrescapes: bool,
    /// `//go:linkname local remote`
    pub linkname: Option<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub pos: Pos,
    pub recv: Option<Field>,
    pub name: Ident,
    pub type_params: Vec<Field>,
    pub sig: FuncType,
    pub body: Option<Block>,
    pub pragmas: Pragmas,
}

#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub typ: Option<Expr>,
    pub values: Vec<Expr>,
    /// Index of this spec within its const group (the value of `iota`).
    pub iota: u32,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub pos: Pos,
    pub name: Ident,
    pub type_params: Vec<Field>,
    /// `type A = B`
    pub alias: bool,
    pub typ: Expr,
}

/// A field of a struct, a parameter, a result, or a type parameter group.
#[derive(Clone, Debug)]
pub struct Field {
    pub pos: Pos,
    /// Empty for anonymous parameters and embedded fields.
    pub names: Vec<Ident>,
    pub typ: Expr,
    /// Struct tag, unquoted.
    pub tag: Option<String>,
    /// Embedded struct field (`T`, `*T`, `pkg.T`).
    pub embedded: bool,
    /// `...T` as the last parameter.
    pub variadic: bool,
}

#[derive(Clone, Debug)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Vec<Field>,
    pub results: Vec<Field>,
}

#[derive(Clone, Debug)]
pub enum InterfaceElem {
    Method {
        name: Ident,
        sig: FuncType,
    },
    /// An embedded interface or a type-set union: `I`, `~int | string`.
    Union {
        pos: Pos,
        terms: Vec<UnionTerm>,
    },
}

#[derive(Clone, Debug)]
pub struct UnionTerm {
    pub tilde: bool,
    pub typ: Expr,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Char,
    String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum BinOp {
    Add,    // +
    Sub,    // -
    Mul,    // *
    Div,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^
    LAnd,   // &&
    LOr,    // ||
    Eq,     // ==
    Ne,     // !=
    Lt,     // <
    Le,     // <=
    Gt,     // >
    Ge,     // >=
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
    pub fn is_comparison(self) -> bool {
        use BinOp::*;
        matches!(self, Eq | Ne | Lt | Le | Gt | Ge)
    }
    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnOp {
    Pos,  // +x
    Neg,  // -x
    Not,  // !x
    Xor,  // ^x
    Addr, // &x
    Recv, // <-x
}

impl UnOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Pos => "+",
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::Xor => "^",
            UnOp::Addr => "&",
            UnOp::Recv => "<-",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    pub pos: Pos,
    pub kind: ExprKind,
}

/// An element of a composite literal: `value`, or `key: value`.
#[derive(Clone, Debug)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A name; `_`, `nil`, `true`, `iota` are plain names resolved by the checker.
    Ident(String),
    /// A literal; `raw` is the source text (the checker computes the value).
    BasicLit {
        kind: LitKind,
        raw: String,
    },
    /// `T{...}`; `typ` is None for elided types inside another literal.
    CompositeLit {
        typ: Option<Box<Expr>>,
        elts: Vec<Element>,
        rbrace: Pos,
    },
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    Selector {
        x: Box<Expr>,
        sel: Ident,
    },
    /// `x[i]`, or an instantiation `F[int, string]`.
    Index {
        x: Box<Expr>,
        indices: Vec<Expr>,
    },
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `typ` None is `x.(type)` in a type switch guard.
    TypeAssert {
        x: Box<Expr>,
        typ: Option<Box<Expr>>,
    },
    Call {
        fun: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: bool,
    },
    /// `*x`: a dereference or a pointer type.
    Star(Box<Expr>),
    Unary {
        op: UnOp,
        x: Box<Expr>,
    },
    Binary {
        op: BinOp,
        op_pos: Pos,
        x: Box<Expr>,
        y: Box<Expr>,
    },
    // ---- types ----
    /// `[N]T`; `len` None is `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType {
        elem: Box<Expr>,
    },
    StructType {
        fields: Vec<Field>,
    },
    FuncType(FuncType),
    InterfaceType {
        elems: Vec<InterfaceElem>,
    },
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
    /// A node the parser could not make sense of (an error has been reported).
    Bad,
    /// A type the checker already knows (its `TypeId`), in code the checker
    /// writes itself (range-over-func loops are rewritten into calls of
    /// a closure); never produced by the parser.
    Synth(u32),
}

#[derive(Clone, Debug)]
pub struct Block {
    pub pos: Pos,
    pub stmts: Vec<Stmt>,
    /// Position of the closing brace (gc reports "missing return" there).
    pub rbrace: Pos,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `+=`, `<<=`, ...
    Op(BinOp),
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub default: bool,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    /// A send statement, a receive expression statement, or an
    /// assignment / short declaration whose right side is a receive.
    /// None for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// A var/const/type declaration inside a function.
    Decl(Decl),
    Empty,
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    Expr(Expr),
    Send {
        ch: Expr,
        value: Expr,
    },
    IncDec {
        x: Expr,
        inc: bool,
    },
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
    },
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    /// `switch [init;] [bind :=] x.(type) { ... }`; in the clauses, `exprs`
    /// hold types (or the identifier `nil`).
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        x: Expr,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    Select {
        body: Vec<CommClause>,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for [key [, value] (=|:=)] range x { ... }`
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    },
}
