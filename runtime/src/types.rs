//! Type descriptors: the layout the compiler emits for every Go type that
//! reaches the runtime (allocation, interfaces, maps, panics, printing).
//!
//! Invariants:
//! - the layout is `#[repr(C)]` and mirrored by the compiler's codegen
//!   (`compiler/src/codegen/typedesc.rs`); change both together;
//! - descriptors are immutable globals; identical types share one descriptor
//!   per program (the compiler dedups them by type identity), so type
//!   identity at run time is pointer equality;
//! - `kind` uses reflect.Kind's numbering.

/// A Go string header as generated code lays it out.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: isize,
}

impl GoString {
    /// # Safety
    /// `ptr` must point to `len` readable bytes (or len is 0).
    pub unsafe fn as_bytes(&self) -> &[u8] {
        if self.len == 0 {
            &[]
        } else {
            // SAFETY: the caller guarantees ptr/len describe readable bytes.
            unsafe { std::slice::from_raw_parts(self.ptr, self.len as usize) }
        }
    }
}

/// reflect.Kind numbering.
pub mod kind {
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const INT8: u8 = 3;
    pub const INT16: u8 = 4;
    pub const INT32: u8 = 5;
    pub const INT64: u8 = 6;
    pub const UINT: u8 = 7;
    pub const UINT8: u8 = 8;
    pub const UINT16: u8 = 9;
    pub const UINT32: u8 = 10;
    pub const UINT64: u8 = 11;
    pub const UINTPTR: u8 = 12;
    pub const FLOAT32: u8 = 13;
    pub const FLOAT64: u8 = 14;
    pub const COMPLEX64: u8 = 15;
    pub const COMPLEX128: u8 = 16;
    pub const ARRAY: u8 = 17;
    pub const CHAN: u8 = 18;
    pub const FUNC: u8 = 19;
    pub const INTERFACE: u8 = 20;
    pub const MAP: u8 = 21;
    pub const POINTER: u8 = 22;
    pub const SLICE: u8 = 23;
    pub const STRING: u8 = 24;
    pub const STRUCT: u8 = 25;
    pub const UNSAFE_POINTER: u8 = 26;
}

/// `Type.tflag` bits.
pub mod tflag {
    /// The type has a name (`main.T`, `int`), as opposed to a literal (`[]int`).
    pub const NAMED: u8 = 1;
    /// Values of the type may be compared with ==.
    pub const COMPARABLE: u8 = 2;
    /// == is plain memory comparison (no floats, strings, interfaces, padding).
    pub const REGULAR_MEMORY: u8 = 4;
    /// The type is pointer-shaped: an interface holding it stores the value
    /// itself in the data word rather than a pointer to it.
    pub const DIRECT_IFACE: u8 = 8;
}

/// One struct field / function parameter / interface method entry.
#[repr(C)]
pub struct FieldDesc {
    pub name: GoString,
    pub typ: *const Type,
    /// Byte offset for struct fields; unused otherwise.
    pub offset: usize,
    /// Struct tag; for embedded fields, `embedded` is 1.
    pub tag: GoString,
    pub embedded: usize,
}

/// A method of a named type (its "uncommon" part).
#[repr(C)]
pub struct MethodDesc {
    pub name: GoString,
    /// The method's function type (without receiver).
    pub mtyp: *const Type,
    /// Function to call through an interface (receiver is the data word).
    pub ifn: *const u8,
    /// The method expression's code `tfn(ctx, recv, args...)` (reflect's
    /// Method.Func as a func value: a closure object `{tfn}`); null in the
    /// runtime's own descriptors.
    pub tfn: *const u8,
}

#[repr(C)]
pub struct Type {
    pub size: usize,
    /// Bytes of the prefix that can contain pointers.
    pub ptrdata: usize,
    pub hash: u32,
    pub tflag: u8,
    pub align: u8,
    pub field_align: u8,
    pub kind: u8,
    /// gc's `Equal func(unsafe.Pointer, unsafe.Pointer) bool` as a Go func
    /// value: for a comparable type, the closure object `{runtime.eqfunc,
    /// this descriptor}` (`go:eq.T`, alg.rs `eqfunc`); null when the type
    /// is not comparable (and in the runtime's own descriptors). The runtime
    /// itself derives equality from the descriptor and never calls it; it
    /// is there for gc's Go code (internal/abi users: internal/sync,
    /// unique).
    pub equal: *const u8,
    /// Pointer bitmap: one bit per word of `ptrdata`, LSB first.
    pub gcdata: *const u8,
    /// The type as %T prints it: `int`, `main.T`, `[]string`, `*main.T`.
    pub name: GoString,
    /// Package path for named types (`main`), empty otherwise.
    pub pkgpath: GoString,
    /// Element type: pointer, slice, array, chan, map value.
    pub elem: *const Type,
    /// Map key type.
    pub key: *const Type,
    /// Array length; channel direction (1 recv, 2 send, 3 both).
    pub len: usize,
    /// Struct fields, func params then results, interface methods.
    pub fields: *const FieldDesc,
    pub nfields: usize,
    /// For funcs: number of the `fields` entries that are inputs; bit 63 set
    /// when variadic.
    pub nin: usize,
    /// Methods of a named type (and of its pointer type), sorted by name.
    pub methods: *const MethodDesc,
    pub nmethods: usize,
    /// For func types: the call adapter `adapter(obj, ctx, args, results)`
    /// (obj = `{adapter, code}`, a closure object) that calls `code(ctx,
    /// *args[0], ...)` with the machine calling convention of the signature
    /// and stores the results through `results[i]` (reflect's Value.Call;
    /// codegen/typedesc.rs `call_adapter`); null for other kinds.
    pub call: *const u8,
    /// For func types: the method-value code `bound(clo, args...)` with
    /// clo = `{bound, ifn, word}`, which returns `ifn(word, args...)`
    /// (reflect's Value.Method(i) as a func value); null for other kinds.
    pub bound: *const u8,
    /// The descriptor of `*T` when the program has that type, else null
    /// (reflect.PointerTo).
    pub ptrto: *const Type,
    /// For func types: the MakeFunc code `mf(clo, args...)` with clo =
    /// `{mf, handler}` (reflect.MakeFunc); null for other kinds.
    pub makefunc: *const u8,
}

// SAFETY: descriptors are immutable statics emitted by the compiler.
unsafe impl Sync for Type {}

/// A map type's descriptor: `Type` followed by one more word, gc's
/// `MapType.Hasher` as a Go func value (the closure object
/// `{runtime.hashfunc, key descriptor}`, alg.rs `hashfunc`), for gc's Go
/// code that hashes keys as the map would (hash/maphash.Comparable,
/// internal/sync.HashTrieMap, unique). The runtime's maps hash through
/// `alg::typehash` and never read it. Only map descriptors have it.
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub hasher: *const u8,
}

impl Type {
    pub fn name(&self) -> &[u8] {
        // SAFETY: the compiler emits a valid string for every descriptor.
        unsafe { self.name.as_bytes() }
    }
    pub fn is_named(&self) -> bool {
        self.tflag & tflag::NAMED != 0
    }
    pub fn is_direct_iface(&self) -> bool {
        self.tflag & tflag::DIRECT_IFACE != 0
    }
}

/// An empty interface value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Eface {
    pub typ: *const Type,
    pub data: *mut u8,
}

extern "C" {
    static rgo_typelinks_bounds: [usize; 2];
}

/// The bounds `[start, stop)` of the linked table of type descriptor
/// pointers (section `rgo_typelinks`; null entries are padding), for
/// reflect.
#[export_name = "runtime.typelinks"]
pub extern "C" fn typelinks() -> *const [usize; 2] {
    // Only the address of the static (defined in asm.rs) is taken.
    core::ptr::addr_of!(rgo_typelinks_bounds)
}
