//! Objects (named language entities) and scopes, as in go/types.

use std::collections::HashMap;

use rgoc_syntax::Pos;

use crate::constant::Value;
use crate::types::{ids, TypeId};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ScopeId(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    /// `#panicrange(state)`: called by rewritten range-over-func loops
    /// (rangefunc.rs) when a yield function is called out of turn; not
    /// nameable in Go source.
    RangePanic,
    /// `#deferframe()`: the enclosing function's defer-frame token, taken
    /// by a range-over-func loop whose body defers (rangefunc.rs).
    RangeDeferFrame,
    /// `#deferat(token, call)`: `defer call` in a range-over-func loop
    /// body, deferred to the function that holds the loop.
    RangeDefer,
    // Package unsafe.
    Sizeof,
    Alignof,
    Offsetof,
    Add,
    Slice,
    String,
    StringData,
    SliceData,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
            RangePanic => "#panicrange",
            RangeDeferFrame => "#deferframe",
            RangeDefer => "#deferat",
            Sizeof => "Sizeof",
            Alignof => "Alignof",
            Offsetof => "Offsetof",
            Add => "Add",
            Slice => "Slice",
            String => "String",
            StringData => "StringData",
            SliceData => "SliceData",
        }
    }
    pub const UNSAFE: [Builtin; 8] = [
        Builtin::Sizeof,
        Builtin::Alignof,
        Builtin::Offsetof,
        Builtin::Add,
        Builtin::Slice,
        Builtin::String,
        Builtin::StringData,
        Builtin::SliceData,
    ];
    pub const ALL: [Builtin; 21] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
        Builtin::RangePanic,
        Builtin::RangeDeferFrame,
        Builtin::RangeDefer,
    ];
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    /// A variable; `global` for package-level ones.
    Var {
        global: bool,
        param: bool,
    },
    Const(Value),
    TypeName,
    Func,
    Builtin(Builtin),
    Nil,
    Label,
    /// An imported package name and the package's scope.
    PkgName(ScopeId),
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    pub typ: TypeId,
    pub pos: Pos,
    /// Package path ("" for universe objects).
    pub pkg: String,
    pub used: bool,
    /// For methods: the receiver's base named type.
    pub recv_base: Option<TypeId>,
    /// For methods: pointer receiver.
    pub ptr_recv: bool,
    /// For local variables: captured by a closure or address taken (so
    /// codegen must not keep them in registers across calls that could
    /// observe them — it heap-allocates them for now).
    pub escapes: bool,
    /// For generic functions and generic methods: the type parameters
    /// (TypeParam types; a generic method's own, not its receiver's).
    pub tparams: Vec<TypeId>,
    /// For a generic method of an instance of a generic type (`List[int]`'s
    /// `Map[F any]`): the declared generic method it was made from.
    pub method_origin: Option<ObjId>,
    /// For instances of generic functions and methods: the index into
    /// `Checked::instances` (codegen emits their bodies).
    pub inst: Option<u32>,
    /// A type name that binds a type parameter to a type argument while an
    /// instance body is checked (conversions to it are not constant).
    pub bound_tparam: bool,
    /// For functions: the variadic parameter cannot outlive a call
    /// (escape.rs), so callers may pack `...` arguments on their stack.
    pub noescape_variadic: bool,
}

impl Object {
    pub fn new(name: &str, kind: ObjKind, typ: TypeId, pos: Pos, pkg: &str) -> Object {
        Object {
            name: name.to_string(),
            kind,
            typ,
            pos,
            pkg: pkg.to_string(),
            used: false,
            recv_base: None,
            ptr_recv: false,
            escapes: false,
            tparams: Vec::new(),
            method_origin: None,
            inst: None,
            bound_tparam: false,
            noescape_variadic: false,
        }
    }
    pub fn is_var(&self) -> bool {
        matches!(self.kind, ObjKind::Var { .. })
    }
    pub fn is_global_var(&self) -> bool {
        matches!(self.kind, ObjKind::Var { global: true, .. })
    }
}

#[derive(Debug, Default)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub names: HashMap<String, ObjId>,
    /// A function scope boundary (closures capture across it).
    pub func_boundary: bool,
}

#[derive(Default)]
pub struct Objects {
    pub objs: Vec<Object>,
    pub scopes: Vec<Scope>,
}

impl Objects {
    pub fn add(&mut self, o: Object) -> ObjId {
        self.objs.push(o);
        ObjId(self.objs.len() as u32 - 1)
    }
    pub fn get(&self, id: ObjId) -> &Object {
        &self.objs[id.0 as usize]
    }
    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.objs[id.0 as usize]
    }
    pub fn new_scope(&mut self, parent: Option<ScopeId>, func_boundary: bool) -> ScopeId {
        self.scopes.push(Scope {
            parent,
            names: HashMap::new(),
            func_boundary,
        });
        ScopeId(self.scopes.len() as u32 - 1)
    }
    pub fn scope(&self, s: ScopeId) -> &Scope {
        &self.scopes[s.0 as usize]
    }
    /// Inserts; returns the previous object of that name in this scope, if any.
    pub fn insert(&mut self, s: ScopeId, name: &str, obj: ObjId) -> Option<ObjId> {
        let sc = &mut self.scopes[s.0 as usize];
        if let Some(&prev) = sc.names.get(name) {
            return Some(prev);
        }
        sc.names.insert(name.to_string(), obj);
        None
    }
    /// Looks a name up through the scope chain; also says whether a function
    /// boundary was crossed (the object is captured by a closure).
    pub fn lookup(&self, mut s: ScopeId, name: &str) -> Option<(ObjId, ScopeId, bool)> {
        let mut crossed = false;
        loop {
            let sc = &self.scopes[s.0 as usize];
            if let Some(&o) = sc.names.get(name) {
                return Some((o, s, crossed));
            }
            if sc.func_boundary {
                crossed = true;
            }
            s = sc.parent?;
        }
    }

    /// Creates the universe scope: predeclared types, constants, nil, builtins.
    pub fn universe(&mut self, types: &mut crate::types::TypeTable) -> ScopeId {
        let u = self.new_scope(None, false);
        let pos = Pos::default();
        let basic = [
            ("bool", ids::BOOL),
            ("int", ids::INT),
            ("int8", ids::INT8),
            ("int16", ids::INT16),
            ("int32", ids::INT32),
            ("int64", ids::INT64),
            ("uint", ids::UINT),
            ("uint8", ids::UINT8),
            ("uint16", ids::UINT16),
            ("uint32", ids::UINT32),
            ("uint64", ids::UINT64),
            ("uintptr", ids::UINTPTR),
            ("float32", ids::FLOAT32),
            ("float64", ids::FLOAT64),
            ("complex64", ids::COMPLEX64),
            ("complex128", ids::COMPLEX128),
            ("string", ids::STRING),
            // byte and rune are aliases.
            ("byte", ids::UINT8),
            ("rune", ids::INT32),
            ("any", ids::EMPTY_INTERFACE),
        ];
        for (name, t) in basic {
            let o = self.add(Object::new(name, ObjKind::TypeName, t, pos, ""));
            self.insert(u, name, o);
        }
        // type error interface { Error() string }
        let err = types.new_named("error", "", None);
        let sig = types.intern(crate::types::Type::Func(crate::types::Signature {
            params: vec![],
            results: vec![ids::STRING],
            variadic: false,
        }));
        let iface = types.intern(crate::types::Type::Interface(vec![crate::types::Method {
            name: "Error".into(),
            sig,
            pkg: String::new(),
        }]));
        types.named_info_mut(err).expect("named").underlying = iface;
        let o = self.add(Object::new("error", ObjKind::TypeName, err, pos, ""));
        types.named_info_mut(err).expect("named").obj = Some(o);
        self.insert(u, "error", o);
        // comparable: an interface usable only as a constraint.
        let cmp = types.new_named("comparable", "", None);
        let cmp_set = types.intern(crate::types::Type::Constraint {
            methods: vec![],
            terms: None,
            comparable: true,
        });
        types.named_info_mut(cmp).expect("named").underlying = cmp_set;
        let o = self.add(Object::new("comparable", ObjKind::TypeName, cmp, pos, ""));
        self.insert(u, "comparable", o);

        for (name, v) in [("true", true), ("false", false)] {
            let o = self.add(Object::new(
                name,
                ObjKind::Const(Value::Bool(v)),
                ids::UNTYPED_BOOL,
                pos,
                "",
            ));
            self.insert(u, name, o);
        }
        let o = self.add(Object::new(
            "iota",
            ObjKind::Const(Value::int(0)),
            ids::UNTYPED_INT,
            pos,
            "",
        ));
        self.insert(u, "iota", o);
        let o = self.add(Object::new("nil", ObjKind::Nil, ids::UNTYPED_NIL, pos, ""));
        self.insert(u, "nil", o);
        for b in Builtin::ALL {
            let o = self.add(Object::new(
                b.name(),
                ObjKind::Builtin(b),
                ids::INVALID,
                pos,
                "",
            ));
            self.insert(u, b.name(), o);
        }
        u
    }
}
