//! Go types, interned in a `TypeTable`.
//!
//! Invariant: every type except `Named` is interned by structure, so two
//! types are identical (in the spec's sense) exactly when their `TypeId`s are
//! equal. A `Named` type is unique per declaration; its underlying type is
//! filled in after the declaration is checked (cycles go through the name).

use std::collections::HashMap;

use crate::objects::ObjId;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    /// Every kind, in declaration order (the order of `ids::*`).
    pub const ALL: [BasicKind; 26] = {
        use BasicKind::*;
        [
            Invalid,
            Bool,
            Int,
            Int8,
            Int16,
            Int32,
            Int64,
            Uint,
            Uint8,
            Uint16,
            Uint32,
            Uint64,
            Uintptr,
            Float32,
            Float64,
            Complex64,
            Complex128,
            String,
            UnsafePointer,
            UntypedBool,
            UntypedInt,
            UntypedRune,
            UntypedFloat,
            UntypedComplex,
            UntypedString,
            UntypedNil,
        ]
    };

    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }
    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }
    /// Size in bytes of a typed basic kind (x86-64).
    pub fn size(self) -> u64 {
        use BasicKind::*;
        match self {
            Bool | Int8 | Uint8 => 1,
            Int16 | Uint16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | Complex64 | UnsafePointer => 8,
            Complex128 | String => 16,
            _ => 8,
        }
    }
    /// Bit width of an integer kind (64 for untyped, which have no width).
    pub fn bits(self) -> u32 {
        (self.size() * 8) as u32
    }
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Field {
    pub name: String,
    pub typ: TypeId,
    pub embedded: bool,
    pub tag: String,
    /// Package path for unexported names ("" for exported).
    pub pkg: String,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T` (its recorded type is `[]T`).
    pub variadic: bool,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Method {
    pub name: String,
    /// A `Func` type (no receiver).
    pub sig: TypeId,
    pub pkg: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    /// The complete method set, sorted by name (embedded interfaces flattened).
    Interface(Vec<Method>),
    /// Multiple values (call results); never a value's type.
    Tuple(Vec<TypeId>),
    /// A defined type; index into `TypeTable::named`.
    Named(u32),
    /// A type parameter; index into `TypeTable::tparams`. Each declared
    /// type parameter is a type of its own (never interned by structure).
    TypeParam(u32),
    /// An interface with type elements or `comparable` in its type set,
    /// usable only as a constraint (a methods-only interface stays
    /// `Interface`). `terms` None means "every type"; Some(empty) is the
    /// empty type set.
    Constraint {
        methods: Vec<Method>,
        terms: Option<Vec<Term>>,
        comparable: bool,
    },
}

/// One term of a union in a constraint: `T` or `~T`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Term {
    pub tilde: bool,
    pub typ: TypeId,
}

#[derive(Clone, Debug)]
pub struct TypeParamInfo {
    pub name: String,
    pub obj: Option<ObjId>,
    /// The constraint (an interface, a `Constraint`, or a named one of those);
    /// INVALID while the type parameter list is being declared.
    pub constraint: TypeId,
    /// Position in its type parameter list.
    pub index: usize,
    /// The constraint was written as a type or union (`[P ~int | ~uint]`,
    /// `[P *F]`), an implicit interface that messages spell without
    /// `interface{...}`.
    pub implicit: bool,
}

#[derive(Clone, Debug)]
pub struct NamedInfo {
    pub name: String,
    /// Package path ("main", "fmt", "" for universe types like `error`).
    pub pkg: String,
    pub obj: Option<ObjId>,
    /// Filled in once the declaration is checked; Invalid until then.
    pub underlying: TypeId,
    /// Declared methods (not promoted ones), in declaration order. For an
    /// instance of a generic type: the instantiated methods (filled in by
    /// the checker once the origin's methods are known).
    pub methods: Vec<ObjId>,
    /// A generic type's type parameters (TypeParam types).
    pub tparams: Vec<TypeId>,
    /// For an instance `List[int]`: the generic type and the type arguments.
    pub origin: Option<TypeId>,
    pub targs: Vec<TypeId>,
}

/// `write_type`'s marker for reflect-style spelling (never a package path).
const RTYPE: &str = "\0rtype";
/// `write_type`'s marker for linker symbol names: reflect style, but named
/// types qualified by their full package path (unique in a program).
const SYMBOL: &str = "\0symbol";

pub struct TypeTable {
    types: Vec<Type>,
    intern: HashMap<Type, TypeId>,
    pub named: Vec<NamedInfo>,
    pub tparams: Vec<TypeParamInfo>,
    /// Instances of generic named types by (origin, type arguments).
    pub instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances created since the checker last looked (it attaches their
    /// methods once their origin's are known).
    pub fresh_instances: Vec<TypeId>,
}

/// Predeclared type ids (fixed by `TypeTable::new`).
pub mod ids {
    use super::TypeId;
    pub const INVALID: TypeId = TypeId(0);
    pub const BOOL: TypeId = TypeId(1);
    pub const INT: TypeId = TypeId(2);
    pub const INT8: TypeId = TypeId(3);
    pub const INT16: TypeId = TypeId(4);
    pub const INT32: TypeId = TypeId(5);
    pub const INT64: TypeId = TypeId(6);
    pub const UINT: TypeId = TypeId(7);
    pub const UINT8: TypeId = TypeId(8);
    pub const UINT16: TypeId = TypeId(9);
    pub const UINT32: TypeId = TypeId(10);
    pub const UINT64: TypeId = TypeId(11);
    pub const UINTPTR: TypeId = TypeId(12);
    pub const FLOAT32: TypeId = TypeId(13);
    pub const FLOAT64: TypeId = TypeId(14);
    pub const COMPLEX64: TypeId = TypeId(15);
    pub const COMPLEX128: TypeId = TypeId(16);
    pub const STRING: TypeId = TypeId(17);
    pub const UNSAFE_POINTER: TypeId = TypeId(18);
    pub const UNTYPED_BOOL: TypeId = TypeId(19);
    pub const UNTYPED_INT: TypeId = TypeId(20);
    pub const UNTYPED_RUNE: TypeId = TypeId(21);
    pub const UNTYPED_FLOAT: TypeId = TypeId(22);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(23);
    pub const UNTYPED_STRING: TypeId = TypeId(24);
    pub const UNTYPED_NIL: TypeId = TypeId(25);
    pub const EMPTY_TUPLE: TypeId = TypeId(26);
    pub const EMPTY_INTERFACE: TypeId = TypeId(27);
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> Self {
        let mut t = TypeTable {
            types: Vec::new(),
            intern: HashMap::new(),
            named: Vec::new(),
            tparams: Vec::new(),
            instances: HashMap::new(),
            fresh_instances: Vec::new(),
        };
        // Interned first, in `BasicKind` order: `ids::*` are these indices.
        for k in BasicKind::ALL {
            t.intern(Type::Basic(k));
        }
        t.intern(Type::Tuple(vec![]));
        t.intern(Type::Interface(vec![]));
        t
    }

    /// The id of `ty` if the program has that type (no interning).
    pub fn find(&self, ty: &Type) -> Option<TypeId> {
        self.intern.get(ty).copied()
    }

    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(&id) = self.intern.get(&ty) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(ty.clone());
        self.intern.insert(ty, id);
        id
    }

    pub fn new_named(&mut self, name: &str, pkg: &str, obj: Option<ObjId>) -> TypeId {
        let idx = self.named.len() as u32;
        self.named.push(NamedInfo {
            name: name.to_string(),
            pkg: pkg.to_string(),
            obj,
            underlying: ids::INVALID,
            methods: Vec::new(),
            tparams: Vec::new(),
            origin: None,
            targs: Vec::new(),
        });
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::Named(idx));
        id
    }

    /// A new type parameter (its constraint is set once declared).
    pub fn new_type_param(&mut self, name: &str, obj: Option<ObjId>, index: usize) -> TypeId {
        let idx = self.tparams.len() as u32;
        self.tparams.push(TypeParamInfo {
            name: name.to_string(),
            obj,
            constraint: ids::INVALID,
            index,
            implicit: false,
        });
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::TypeParam(idx));
        id
    }

    pub fn tparam_info(&self, id: TypeId) -> Option<&TypeParamInfo> {
        match self.get(id) {
            Type::TypeParam(i) => Some(&self.tparams[*i as usize]),
            _ => None,
        }
    }
    pub fn is_type_param(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::TypeParam(_))
    }

    pub fn get(&self, id: TypeId) -> &Type {
        &self.types[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn named_info(&self, id: TypeId) -> Option<&NamedInfo> {
        match self.get(id) {
            Type::Named(i) => Some(&self.named[*i as usize]),
            _ => None,
        }
    }
    pub fn named_info_mut(&mut self, id: TypeId) -> Option<&mut NamedInfo> {
        match self.types[id.0 as usize] {
            Type::Named(i) => Some(&mut self.named[i as usize]),
            _ => None,
        }
    }

    /// The underlying type (follows named types).
    /// For a type parameter: its core type (INVALID when it has none), so
    /// that operations the checker allows on a type parameter's values are
    /// exactly those its core type allows.
    pub fn underlying(&self, mut id: TypeId) -> TypeId {
        for _ in 0..100 {
            match self.get(id) {
                Type::TypeParam(_) => return self.core_type(id),
                Type::Named(i) => id = self.named[*i as usize].underlying,
                _ => return id,
            }
        }
        ids::INVALID
    }
    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        if elems.len() == 1 {
            return elems[0];
        }
        self.intern(Type::Tuple(elems))
    }

    pub fn basic(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }
    pub fn is_untyped(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(k) if k.is_untyped())
    }
    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Named(_))
            || matches!(self.get(id), Type::Basic(k) if !k.is_untyped())
    }
    /// The type terms of a type parameter's constraint (None: no type
    /// terms, every type with the methods; also None for other types).
    pub fn tparam_terms(&self, t: TypeId) -> Option<Vec<Term>> {
        let c = self.tparam_info(t)?.constraint;
        match self.under(c) {
            Type::Constraint { terms, .. } => terms.clone(),
            _ => None,
        }
    }

    /// Whether `named` holds for a named type `t` is built from: through
    /// elements, keys, fields, parameters, results, method signatures,
    /// tuple members and a named type's type arguments (when `named`
    /// returns None for it), never a named type's underlying type.
    pub fn any_named(&self, t: TypeId, named: &mut dyn FnMut(&NamedInfo) -> Option<bool>) -> bool {
        let parts: Vec<TypeId> = match self.get(t) {
            Type::Named(_) => match self.named_info(t) {
                Some(n) => match named(n) {
                    Some(b) => return b,
                    None => n.targs.clone(),
                },
                None => return false,
            },
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => vec![*e],
            Type::Map(k, v) => vec![*k, *v],
            Type::Struct(fs) => fs.iter().map(|f| f.typ).collect(),
            Type::Func(sig) => sig.params.iter().chain(&sig.results).copied().collect(),
            Type::Interface(ms) => ms.iter().map(|x| x.sig).collect(),
            Type::Tuple(es) => es.clone(),
            Type::Basic(_) | Type::TypeParam(_) | Type::Constraint { .. } => return false,
        };
        parts.into_iter().any(|x| self.any_named(x, named))
    }

    /// Whether `pred` holds for `t`, or for a type parameter, for every
    /// type of its type set (false when the set is not restricted by
    /// type terms): go/types' `allX` predicates.
    pub fn all_in_set(&self, t: TypeId, pred: &dyn Fn(&Self, TypeId) -> bool) -> bool {
        match self.get(t) {
            Type::TypeParam(_) => match self.tparam_terms(t) {
                Some(ts) if !ts.is_empty() => ts.iter().all(|x| self.all_in_set(x.typ, pred)),
                _ => false,
            },
            _ => pred(self, t),
        }
    }

    /// The core type (spec "Core types"): the underlying type, or for a
    /// type parameter the one underlying type all types of its type set
    /// share (INVALID when there is none).
    pub fn core_type(&self, t: TypeId) -> TypeId {
        if !self.is_type_param(t) {
            return self.underlying(t);
        }
        if self.tparam_info(t).is_some_and(|i| i.constraint == ids::INVALID) {
            return ids::INVALID;
        }
        let Some(ts) = self.tparam_terms(t) else { return ids::INVALID };
        let mut core = None;
        for x in &ts {
            let u = self.core_type(x.typ);
            match core {
                None => core = Some(u),
                Some(c) if c == u => {}
                Some(c) => {
                    // Channels with the same element: the directional one.
                    match (self.get(c), self.get(u)) {
                        (Type::Chan(ChanDir::Both, a), Type::Chan(_, b)) if a == b => core = Some(u),
                        (Type::Chan(_, a), Type::Chan(ChanDir::Both, b)) if a == b => {}
                        _ => return ids::INVALID,
                    }
                }
            }
        }
        core.unwrap_or(ids::INVALID)
    }

    fn basic_all(&self, id: TypeId, f: fn(BasicKind) -> bool) -> bool {
        self.all_in_set(id, &|s, t| s.basic(t).is_some_and(f))
    }
    pub fn is_integer(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_integer)
    }
    pub fn is_unsigned(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_unsigned)
    }
    pub fn is_float(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_float)
    }
    pub fn is_complex(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_complex)
    }
    pub fn is_numeric(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_numeric)
    }
    pub fn is_string(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_string)
    }
    pub fn is_boolean(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_boolean)
    }
    pub fn is_ordered(&self, id: TypeId) -> bool {
        self.basic_all(id, BasicKind::is_ordered)
    }
    /// Numeric or string: the operands `+` takes.
    pub fn is_numeric_or_string(&self, id: TypeId) -> bool {
        self.basic_all(id, |k| k.is_numeric() || k.is_string())
    }
    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Interface(_))
    }
    pub fn is_pointer(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Pointer(_))
    }

    /// Whether values of the type can be compared with == (spec "Comparison operators").
    pub fn comparable(&self, id: TypeId) -> bool {
        if let Some(tp) = self.tparam_info(id) {
            // A type parameter: comparable if its constraint says so or
            // every type of its type set is (strictly) comparable.
            if matches!(self.under(tp.constraint), Type::Constraint { comparable: true, .. }) {
                return true;
            }
            return self.all_in_set(id, &|s, t| s.comparable(t));
        }
        match self.under(id) {
            Type::Basic(k) => *k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(fields) => fields.iter().all(|f| self.comparable(f.typ)),
            Type::Array(_, e) => self.comparable(*e),
            _ => false,
        }
    }

    /// Whether the type may hold nil.
    pub fn has_nil(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_in_set(id, &|s, t| s.has_nil(t));
        }
        matches!(
            self.under(id),
            Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Func(_)
                | Type::Interface(_)
        ) || self.basic(id) == Some(BasicKind::UnsafePointer)
    }

    /// The default type of an untyped constant type.
    pub fn default_type(&self, id: TypeId) -> TypeId {
        match self.get(id) {
            Type::Basic(BasicKind::UntypedBool) => ids::BOOL,
            Type::Basic(BasicKind::UntypedInt) => ids::INT,
            Type::Basic(BasicKind::UntypedRune) => ids::INT32,
            Type::Basic(BasicKind::UntypedFloat) => ids::FLOAT64,
            Type::Basic(BasicKind::UntypedComplex) => ids::COMPLEX128,
            Type::Basic(BasicKind::UntypedString) => ids::STRING,
            _ => id,
        }
    }

    /// Size and alignment of values of type `t` on x86-64 (the layout
    /// codegen gives LLVM: natural alignment, C struct rules).
    pub fn size_align(&self, t: TypeId) -> (u64, u64) {
        match self.under(t) {
            Type::Basic(k) => match k {
                BasicKind::Complex64 => (8, 4),
                BasicKind::Complex128 => (16, 8),
                BasicKind::String => (16, 8),
                k => (k.size(), k.size().min(8)),
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => (8, 8),
            Type::Slice(_) => (24, 8),
            Type::Interface(_) => (16, 8),
            Type::Array(n, e) => {
                let (es, ea) = self.size_align(*e);
                (es * n, ea)
            }
            Type::Struct(fields) => {
                let (mut off, mut align) = (0u64, 1u64);
                for f in fields {
                    let (fs, fa) = self.size_align(f.typ);
                    off = off.div_ceil(fa) * fa + fs;
                    align = align.max(fa);
                }
                (off.div_ceil(align) * align, align)
            }
            Type::Tuple(_) | Type::Named(_) | Type::TypeParam(_) | Type::Constraint { .. } => (0, 1),
        }
    }

    /// Byte offset of field `i` of struct type `t`.
    pub fn field_offset(&self, t: TypeId, i: usize) -> u64 {
        let Type::Struct(fields) = self.under(t) else {
            return 0;
        };
        let mut off = 0u64;
        for (k, f) in fields.iter().enumerate() {
            let (fs, fa) = self.size_align(f.typ);
            off = off.div_ceil(fa) * fa;
            if k == i {
                return off;
            }
            off += fs;
        }
        off
    }

    pub fn signature(&self, id: TypeId) -> Option<&Signature> {
        match self.under(id) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }

    pub fn results(&self, id: TypeId) -> Vec<TypeId> {
        match self.get(id) {
            Type::Tuple(v) => v.clone(),
            _ => vec![id],
        }
    }

    /// The type as gc prints it in diagnostics (`[]int`, `main.T`,
    /// `func(int) string`, `struct{x int}`). `local` is the package whose
    /// names are printed qualified anyway (gc qualifies all named types in
    /// messages with their package name).
    pub fn type_string(&self, id: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, id, None);
        s
    }

    /// The type as the runtime and reflect print it (`%T`, panics):
    /// package-qualified names, `struct { A int }`.
    pub fn rtype_string(&self, id: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, id, Some(RTYPE));
        s
    }

    /// The type's name for linker symbols (`type:`, itabs, wrappers).
    pub fn symbol_type_string(&self, id: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, id, Some(SYMBOL));
        s
    }

    /// As `type_string`, but names of package `local` are unqualified (gc's
    /// diagnostics qualify only other packages' types).
    pub fn type_string_in(&self, id: TypeId, local: &str) -> String {
        let mut s = String::new();
        self.write_type(&mut s, id, Some(local));
        s
    }

    fn write_type(&self, s: &mut String, id: TypeId, local: Option<&str>) {
        match self.get(id) {
            Type::Basic(k) => s.push_str(match k {
                BasicKind::Uint8 if id == ids::UINT8 => "uint8",
                _ => k.name(),
            }),
            Type::Named(i) => {
                let n = &self.named[*i as usize];
                if !n.pkg.is_empty() && local != Some(n.pkg.as_str()) {
                    // Qualified by package name (the last element of the
                    // path), or by the whole path for symbol names.
                    if local == Some(SYMBOL) {
                        s.push_str(&n.pkg);
                    } else {
                        s.push_str(n.pkg.rsplit('/').next().unwrap_or(&n.pkg));
                    }
                    s.push('.');
                }
                s.push_str(&n.name);
                if !n.targs.is_empty() {
                    s.push('[');
                    for (i, a) in n.targs.clone().iter().enumerate() {
                        if i > 0 {
                            s.push(',');
                        }
                        self.write_type(s, *a, local);
                    }
                    s.push(']');
                }
            }
            Type::TypeParam(i) => s.push_str(&self.tparams[*i as usize].name),
            Type::Constraint { methods, terms, comparable } => {
                let mut parts = Vec::new();
                if *comparable {
                    parts.push("comparable".to_string());
                }
                for m in methods {
                    let mut p = m.name.clone();
                    if let Type::Func(sig) = self.get(m.sig) {
                        self.write_signature(&mut p, sig, local);
                    }
                    parts.push(p);
                }
                if let Some(ts) = terms {
                    let mut p = String::new();
                    for (i, t) in ts.iter().enumerate() {
                        if i > 0 {
                            p.push_str(" | ");
                        }
                        if t.tilde {
                            p.push('~');
                        }
                        self.write_type(&mut p, t.typ, local);
                    }
                    parts.push(p);
                }
                s.push_str("interface{");
                s.push_str(&parts.join("; "));
                s.push('}');
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type(s, *e, local);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type(s, *e, local);
            }
            Type::Array(n, e) => {
                s.push_str(&format!("[{}]", n));
                self.write_type(s, *e, local);
            }
            Type::Map(k, v) => {
                s.push_str("map[");
                self.write_type(s, *k, local);
                s.push(']');
                self.write_type(s, *v, local);
            }
            Type::Chan(d, e) => {
                s.push_str(match d {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                let paren = matches!(d, ChanDir::Both)
                    && matches!(self.get(*e), Type::Chan(ChanDir::Recv, _));
                if paren {
                    s.push('(');
                }
                self.write_type(s, *e, local);
                if paren {
                    s.push(')');
                }
            }
            Type::Struct(fields) => {
                // reflect spells `struct { A int }` / `struct {}`, go/types `struct{A int}`.
                let rt = local == Some(RTYPE) || local == Some(SYMBOL);
                s.push_str(if !rt {
                    "struct{"
                } else if fields.is_empty() {
                    "struct {"
                } else {
                    "struct { "
                });
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type(s, f.typ, local);
                    if !f.tag.is_empty() {
                        s.push_str(&format!(" {:?}", f.tag));
                    }
                }
                s.push_str(if rt && !fields.is_empty() { " }" } else { "}" });
            }
            Type::Func(sig) => {
                s.push_str("func");
                self.write_signature(s, sig, local);
            }
            Type::Interface(methods) => {
                if methods.is_empty() {
                    s.push_str("interface {}");
                    return;
                }
                s.push_str("interface {");
                for (i, m) in methods.iter().enumerate() {
                    if i > 0 {
                        s.push(';');
                    }
                    s.push(' ');
                    s.push_str(&m.name);
                    if let Type::Func(sig) = self.get(m.sig) {
                        self.write_signature(s, sig, local);
                    }
                }
                s.push_str(" }");
            }
            Type::Tuple(elems) => {
                s.push('(');
                for (i, e) in elems.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *e, local);
                }
                s.push(')');
            }
        }
    }

    pub fn write_signature(&self, s: &mut String, sig: &Signature, local: Option<&str>) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                if let Type::Slice(e) = self.get(*p) {
                    self.write_type(s, *e, local);
                    continue;
                }
            }
            self.write_type(s, *p, local);
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_type(s, sig.results[0], local);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *r, local);
                }
                s.push(')');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predeclared_ids_follow_basic_kind_order() {
        let t = TypeTable::new();
        assert_eq!(t.get(ids::INVALID), &Type::Basic(BasicKind::Invalid));
        assert_eq!(t.get(ids::STRING), &Type::Basic(BasicKind::String));
        assert_eq!(t.get(ids::UNTYPED_NIL), &Type::Basic(BasicKind::UntypedNil));
        assert_eq!(t.get(ids::EMPTY_TUPLE), &Type::Tuple(vec![]));
        assert_eq!(t.get(ids::EMPTY_INTERFACE), &Type::Interface(vec![]));
    }
}
