//! Runtime error values (gc's error.go): the Go types the runtime panics
//! with, so that `recover()` returns a real `runtime.Error` and the report
//! of an unrecovered one prints its `Error()` text like any other error.
//!
//! Mechanism: each type is a static type descriptor in the layout of
//! types.rs, with a `methods` table `{Error, RuntimeError}` whose `ifn`s are
//! Rust functions with the interface-call ABI (`ifn(dataword) -> string`).
//! Because interface satisfaction is decided by method name + the *name
//! string* of the method's func type (ABI v1), these descriptors satisfy the
//! compiler's `error` and `runtime.Error` interfaces like compiler-emitted
//! ones do. `Error()` results are Go strings allocated with `mallocgc`.
//!
//! | Go type | shape | Error() |
//! | --- | --- | --- |
//! | `runtime.errorString` | string (data word -> string header) | `"runtime error: " + s` |
//! | `runtime.plainError` | string (data word -> string header) | `s` |
//! | `runtime.boundsError` | struct {x int64; y int; signed bool; code uint8} | format_bounds, prefixed |
//! | `*runtime.TypeAssertionError` | pointer (direct iface) | `interface conversion: ...` |
//! | `*runtime.PanicNilError` | pointer to a zero-size struct | `runtime error: panic called with nil argument` |
//!
//! Invariants:
//! - descriptors are immutable statics, so their addresses identify the
//!   types within the runtime (the compiler never emits these types);
//! - the gc package-level error values (`memoryError`, `divideError`,
//!   `shiftError`, `overflowError`) are statics too: every such panic carries
//!   the same data word, as in gc (this matters for the `[recovered,
//!   repanicked]` detection, which compares data words);
//! - nothing here runs in a signal handler.

use crate::malloc::mallocgc;
use crate::types::{kind, tflag, Eface, FieldDesc, GoString, MethodDesc, Type};

/// Makes a static of raw-pointer-holding descriptor tables shareable.
#[repr(transparent)]
pub struct SyncCell<T>(pub T);
// SAFETY: only used for immutable statics (descriptor tables, constant
// string headers) that are never written after initialisation.
unsafe impl<T> Sync for SyncCell<T> {}

pub const fn gs(s: &'static [u8]) -> GoString {
    GoString {
        ptr: s.as_ptr(),
        len: s.len() as isize,
    }
}

const EMPTY: GoString = gs(b"");

/// The compiler's descriptor hash: FNV-1a of the type's name string.
pub const fn fnv(s: &[u8]) -> u32 {
    let mut h: u32 = 2166136261;
    let mut i = 0;
    while i < s.len() {
        h = (h ^ s[i] as u32).wrapping_mul(16777619);
        i += 1;
    }
    h
}

/// A descriptor with every optional part empty.
pub(crate) const fn desc(
    name: &'static [u8],
    pkgpath: &'static [u8],
    k: u8,
    size: usize,
    align: u8,
    tf: u8,
) -> Type {
    Type {
        size,
        ptrdata: 0,
        hash: fnv(name),
        tflag: tf,
        align,
        field_align: align,
        kind: k,
        equal: core::ptr::null(),
        gcdata: core::ptr::null(),
        name: gs(name),
        pkgpath: gs(pkgpath),
        elem: core::ptr::null(),
        key: core::ptr::null(),
        len: 0,
        fields: core::ptr::null(),
        nfields: 0,
        nin: 0,
        methods: core::ptr::null(),
        nmethods: 0,
        call: core::ptr::null(),
        bound: core::ptr::null(),
        ptrto: core::ptr::null(),
        makefunc: core::ptr::null(),
    }
}

const fn field(name: &'static [u8], typ: &'static Type, offset: usize) -> FieldDesc {
    FieldDesc {
        name: gs(name),
        typ,
        offset,
        tag: EMPTY,
        embedded: 0,
    }
}

const NC: u8 = tflag::NAMED | tflag::COMPARABLE;
const NCR: u8 = tflag::NAMED | tflag::COMPARABLE | tflag::REGULAR_MEMORY;

pub static T_STRING: Type = Type {
    ptrdata: 8,
    ..desc(b"string", b"", kind::STRING, 16, 8, NC)
};
pub static T_INT: Type = desc(b"int", b"", kind::INT, 8, 8, NCR);
pub static T_INT64: Type = desc(b"int64", b"", kind::INT64, 8, 8, NCR);
pub static T_BOOL: Type = desc(b"bool", b"", kind::BOOL, 1, 1, NCR);
pub static T_UINT8: Type = desc(b"uint8", b"", kind::UINT8, 1, 1, NCR);
static T_TYPEPTR: Type = desc(
    b"*abi.Type",
    b"",
    kind::UNSAFE_POINTER,
    8,
    8,
    tflag::COMPARABLE | tflag::REGULAR_MEMORY | tflag::DIRECT_IFACE,
);

static FUNC_STRING_RESULTS: SyncCell<[FieldDesc; 1]> = SyncCell([field(b"", &T_STRING, 0)]);
/// `func() string`, the type of every `Error`/`String` method.
pub static T_FUNC_STRING: Type = Type {
    ptrdata: 8,
    fields: &FUNC_STRING_RESULTS.0 as *const [FieldDesc; 1] as *const FieldDesc,
    nfields: 1,
    ..desc(b"func() string", b"", kind::FUNC, 8, 8, tflag::DIRECT_IFACE)
};
/// `func()`, the type of `RuntimeError`.
pub static T_FUNC: Type = Type {
    ptrdata: 8,
    ..desc(b"func()", b"", kind::FUNC, 8, 8, tflag::DIRECT_IFACE)
};

type ErrorFn = unsafe extern "C" fn(*mut u8) -> GoString;

const fn methods(error: ErrorFn) -> [MethodDesc; 2] {
    [
        MethodDesc {
            name: gs(b"Error"),
            mtyp: &T_FUNC_STRING,
            ifn: error as *const u8,
            tfn: core::ptr::null(),
        },
        MethodDesc {
            name: gs(b"RuntimeError"),
            mtyp: &T_FUNC,
            ifn: runtime_error_method as *const u8,
            tfn: core::ptr::null(),
        },
    ]
}

/// The `RuntimeError()` marker method shared by all runtime error types.
extern "C" fn runtime_error_method(_recv: *mut u8) {}

/// A Go string with a copy of `parts` (concatenated), from `mallocgc`.
pub fn alloc_go_string(parts: &[&[u8]]) -> GoString {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    if n == 0 {
        return GoString {
            ptr: core::ptr::null(),
            len: 0,
        };
    }
    // SAFETY: mallocgc returns n writable bytes (or does not return).
    let p = unsafe { mallocgc(n, &T_UINT8, 0) };
    let mut off = 0;
    for part in parts {
        // SAFETY: p has room for all parts; the new block overlaps nothing.
        unsafe { core::ptr::copy_nonoverlapping(part.as_ptr(), p.add(off), part.len()) };
        off += part.len();
    }
    GoString {
        ptr: p,
        len: n as isize,
    }
}

/// A heap copy of `v` (what an interface's data word points to).
fn box_value<T>(v: T, typ: &'static Type) -> *mut u8 {
    // SAFETY: mallocgc returns size_of::<T>() bytes aligned to 16 (>= any
    // alignment used here); writing a T there initialises it.
    unsafe {
        let p = mallocgc(core::mem::size_of::<T>(), typ, 1) as *mut T;
        p.write(v);
        p as *mut u8
    }
}

// --- errorString / plainError ---------------------------------------------

static ERROR_STRING_METHODS: SyncCell<[MethodDesc; 2]> = SyncCell(methods(error_string_error));
pub static T_ERROR_STRING: Type = Type {
    ptrdata: 8,
    methods: &ERROR_STRING_METHODS.0 as *const [MethodDesc; 2] as *const MethodDesc,
    nmethods: 2,
    call: core::ptr::null(),
    bound: core::ptr::null(),
    ptrto: core::ptr::null(),
    makefunc: core::ptr::null(),
    ..desc(b"runtime.errorString", b"runtime", kind::STRING, 16, 8, NC)
};

/// errorString.Error: `"runtime error: " + s`.
///
/// # Safety
/// `recv` points to a string header (the data word of an errorString).
unsafe extern "C" fn error_string_error(recv: *mut u8) -> GoString {
    // SAFETY: caller contract; a Go string's bytes are readable.
    let s = unsafe { (*(recv as *const GoString)).as_bytes() };
    alloc_go_string(&[b"runtime error: ", s])
}

static PLAIN_ERROR_METHODS: SyncCell<[MethodDesc; 2]> = SyncCell(methods(plain_error_error));
pub static T_PLAIN_ERROR: Type = Type {
    ptrdata: 8,
    methods: &PLAIN_ERROR_METHODS.0 as *const [MethodDesc; 2] as *const MethodDesc,
    nmethods: 2,
    call: core::ptr::null(),
    bound: core::ptr::null(),
    ptrto: core::ptr::null(),
    makefunc: core::ptr::null(),
    ..desc(b"runtime.plainError", b"runtime", kind::STRING, 16, 8, NC)
};

/// plainError.Error: the string itself.
///
/// # Safety
/// `recv` points to a string header (the data word of a plainError).
unsafe extern "C" fn plain_error_error(recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    unsafe { *(recv as *const GoString) }
}

/// gc's package-level runtime error values: the data words of the
/// errorString panics for faults, division, shifts and overflow.
pub static MEMORY_ERROR: SyncCell<GoString> =
    SyncCell(gs(b"invalid memory address or nil pointer dereference"));
pub static DIVIDE_ERROR: SyncCell<GoString> = SyncCell(gs(b"integer divide by zero"));
pub static SHIFT_ERROR: SyncCell<GoString> = SyncCell(gs(b"negative shift amount"));
pub static OVERFLOW_ERROR: SyncCell<GoString> = SyncCell(gs(b"integer overflow"));

/// An eface holding one of the static errorString values above.
pub fn static_error(v: &'static SyncCell<GoString>) -> Eface {
    Eface {
        typ: &T_ERROR_STRING,
        data: &v.0 as *const GoString as *mut u8,
    }
}

/// The static error values for the runtime's Go side, which keeps them
/// in gc's variables (`runtime.divideError`, `overflowError`, ...: math/bits
/// links to them): 0 memory, 1 divide, 2 shift, 3 overflow.
#[export_name = "runtime.staticError"]
pub extern "C" fn static_error_at(i: i64) -> Eface {
    static_error(match i {
        0 => &MEMORY_ERROR,
        1 => &DIVIDE_ERROR,
        2 => &SHIFT_ERROR,
        _ => &OVERFLOW_ERROR,
    })
}

/// An errorString (`runtime error: ` + msg) or plainError (msg) eface for
/// the Go string (p, n), which is referenced, not copied (strings are
/// immutable).
pub fn string_error(plain: bool, p: *const u8, n: isize) -> Eface {
    let typ: &'static Type = if plain {
        &T_PLAIN_ERROR
    } else {
        &T_ERROR_STRING
    };
    let data = box_value(
        GoString {
            ptr: p,
            len: n.max(0),
        },
        typ,
    );
    Eface { typ, data }
}

// --- boundsError ----------------------------------------------------------

/// gc's boundsError value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct BoundsError {
    pub x: i64,
    pub y: i64,
    pub signed: u8,
    pub code: u8,
}

static BOUNDS_FIELDS: SyncCell<[FieldDesc; 4]> = SyncCell([
    field(b"x", &T_INT64, 0),
    field(b"y", &T_INT, 8),
    field(b"signed", &T_BOOL, 16),
    field(b"code", &T_UINT8, 17),
]);
static BOUNDS_METHODS: SyncCell<[MethodDesc; 2]> = SyncCell(methods(bounds_error_error));
pub static T_BOUNDS_ERROR: Type = Type {
    fields: &BOUNDS_FIELDS.0 as *const [FieldDesc; 4] as *const FieldDesc,
    nfields: 4,
    methods: &BOUNDS_METHODS.0 as *const [MethodDesc; 2] as *const MethodDesc,
    nmethods: 2,
    call: core::ptr::null(),
    bound: core::ptr::null(),
    ptrto: core::ptr::null(),
    makefunc: core::ptr::null(),
    ..desc(b"runtime.boundsError", b"runtime", kind::STRUCT, 24, 8, NC)
};

/// boundsError.Error.
///
/// # Safety
/// `recv` points to a BoundsError (the data word of a boundsError).
unsafe extern "C" fn bounds_error_error(recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    let e = unsafe { *(recv as *const BoundsError) };
    let mut b = crate::print::Buf::<160>::new();
    b.push(b"runtime error: ");
    crate::panic::format_bounds(&mut b, e.code as u32, e.signed != 0, e.x, e.y);
    alloc_go_string(&[b.as_bytes()])
}

pub fn bounds_error(code: u32, signed: bool, x: i64, y: i64) -> Eface {
    let v = BoundsError {
        x,
        y,
        signed: signed as u8,
        code: code as u8,
    };
    Eface {
        typ: &T_BOUNDS_ERROR,
        data: box_value(v, &T_BOUNDS_ERROR),
    }
}

// --- TypeAssertionError ---------------------------------------------------

/// gc's TypeAssertionError.
#[repr(C)]
pub struct TypeAssertionError {
    pub interface: *const Type,
    pub concrete: *const Type,
    pub asserted: *const Type,
    /// One method needed by the interface, missing from the concrete type.
    pub missing_method: GoString,
}

static TAE_FIELDS: SyncCell<[FieldDesc; 4]> = SyncCell([
    field(b"_interface", &T_TYPEPTR, 0),
    field(b"concrete", &T_TYPEPTR, 8),
    field(b"asserted", &T_TYPEPTR, 16),
    field(b"missingMethod", &T_STRING, 24),
]);
pub static T_TYPE_ASSERTION_ERROR: Type = Type {
    ptrdata: 32,
    fields: &TAE_FIELDS.0 as *const [FieldDesc; 4] as *const FieldDesc,
    nfields: 4,
    ..desc(
        b"runtime.TypeAssertionError",
        b"runtime",
        kind::STRUCT,
        40,
        8,
        NC,
    )
};
static TAE_METHODS: SyncCell<[MethodDesc; 2]> = SyncCell(methods(type_assertion_error_error));
pub static T_PTR_TYPE_ASSERTION_ERROR: Type = Type {
    ptrdata: 8,
    elem: &T_TYPE_ASSERTION_ERROR,
    methods: &TAE_METHODS.0 as *const [MethodDesc; 2] as *const MethodDesc,
    nmethods: 2,
    call: core::ptr::null(),
    bound: core::ptr::null(),
    ptrto: core::ptr::null(),
    makefunc: core::ptr::null(),
    ..desc(
        b"*runtime.TypeAssertionError",
        b"",
        kind::POINTER,
        8,
        8,
        tflag::COMPARABLE | tflag::REGULAR_MEMORY | tflag::DIRECT_IFACE,
    )
};

fn tname(t: *const Type) -> &'static [u8] {
    // SAFETY: non-null descriptors are valid statics.
    unsafe { (*t).name() }
}

/// TypeAssertionError.Error as bytes (unit-testable).
///
/// # Safety
/// The descriptor pointers are valid or null (asserted non-null).
pub unsafe fn type_assertion_text(e: &TypeAssertionError) -> Vec<u8> {
    let inter: &[u8] = if e.interface.is_null() {
        b"interface"
    } else {
        tname(e.interface)
    };
    let as_ = tname(e.asserted);
    let mut out = Vec::with_capacity(96);
    out.extend_from_slice(b"interface conversion: ");
    if e.concrete.is_null() {
        out.extend_from_slice(inter);
        out.extend_from_slice(b" is nil, not ");
        out.extend_from_slice(as_);
        return out;
    }
    let cs = tname(e.concrete);
    // SAFETY: a Go string.
    let missing = unsafe { e.missing_method.as_bytes() };
    if missing.is_empty() {
        out.extend_from_slice(inter);
        out.extend_from_slice(b" is ");
        out.extend_from_slice(cs);
        out.extend_from_slice(b", not ");
        out.extend_from_slice(as_);
        if cs == as_ {
            // SAFETY: both descriptors are valid.
            let (cp, ap) = unsafe {
                (
                    (*e.concrete).pkgpath.as_bytes(),
                    (*e.asserted).pkgpath.as_bytes(),
                )
            };
            if cp != ap {
                out.extend_from_slice(b" (types from different packages)");
            } else {
                out.extend_from_slice(b" (types from different scopes)");
            }
        }
        return out;
    }
    out.extend_from_slice(cs);
    out.extend_from_slice(b" is not ");
    out.extend_from_slice(as_);
    out.extend_from_slice(b": missing method ");
    out.extend_from_slice(missing);
    out
}

/// (*TypeAssertionError).Error.
///
/// # Safety
/// `recv` is a *TypeAssertionError.
unsafe extern "C" fn type_assertion_error_error(recv: *mut u8) -> GoString {
    // SAFETY: caller contract.
    let text = unsafe { type_assertion_text(&*(recv as *const TypeAssertionError)) };
    alloc_go_string(&[&text])
}

/// A `*runtime.TypeAssertionError` eface.
pub fn type_assertion_error(
    interface: *const Type,
    concrete: *const Type,
    asserted: *const Type,
    missing_method: GoString,
) -> Eface {
    let v = TypeAssertionError {
        interface,
        concrete,
        asserted,
        missing_method,
    };
    Eface {
        typ: &T_PTR_TYPE_ASSERTION_ERROR,
        data: box_value(v, &T_TYPE_ASSERTION_ERROR),
    }
}

// --- PanicNilError --------------------------------------------------------

pub static T_PANIC_NIL_ERROR: Type = desc(
    b"runtime.PanicNilError",
    b"runtime",
    kind::STRUCT,
    0,
    1,
    NCR,
);
static PNE_METHODS: SyncCell<[MethodDesc; 2]> = SyncCell(methods(panic_nil_error_error));
pub static T_PTR_PANIC_NIL_ERROR: Type = Type {
    ptrdata: 8,
    elem: &T_PANIC_NIL_ERROR,
    methods: &PNE_METHODS.0 as *const [MethodDesc; 2] as *const MethodDesc,
    nmethods: 2,
    call: core::ptr::null(),
    bound: core::ptr::null(),
    ptrto: core::ptr::null(),
    makefunc: core::ptr::null(),
    ..desc(
        b"*runtime.PanicNilError",
        b"",
        kind::POINTER,
        8,
        8,
        tflag::COMPARABLE | tflag::REGULAR_MEMORY | tflag::DIRECT_IFACE,
    )
};

/// (*PanicNilError).Error.
unsafe extern "C" fn panic_nil_error_error(_recv: *mut u8) -> GoString {
    gs(b"runtime error: panic called with nil argument")
}

/// `new(PanicNilError)`: gc returns zerobase for zero-size allocations, so
/// every PanicNilError is the same non-nil pointer.
static ZEROBASE: SyncCell<u64> = SyncCell(0);

pub fn panic_nil_error() -> Eface {
    Eface {
        typ: &T_PTR_PANIC_NIL_ERROR,
        data: &ZEROBASE.0 as *const u64 as *mut u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(e: Eface) -> String {
        // SAFETY: the runtime's own descriptors; methods[0] is Error.
        unsafe {
            let m = &*(*e.typ).methods;
            assert_eq!(m.name.as_bytes(), b"Error");
            let f: unsafe extern "C" fn(*mut u8) -> GoString = core::mem::transmute(m.ifn);
            String::from_utf8(f(e.data).as_bytes().to_vec()).unwrap()
        }
    }

    #[test]
    fn error_texts() {
        assert_eq!(
            call(bounds_error(0, true, 5, 3)),
            "runtime error: index out of range [5] with length 3"
        );
        assert_eq!(
            call(static_error(&MEMORY_ERROR)),
            "runtime error: invalid memory address or nil pointer dereference"
        );
        let m = b"assignment to entry in nil map";
        assert_eq!(
            call(string_error(true, m.as_ptr(), m.len() as isize)),
            "assignment to entry in nil map"
        );
        assert_eq!(
            call(string_error(false, b"x".as_ptr(), 1)),
            "runtime error: x"
        );
        assert_eq!(
            call(panic_nil_error()),
            "runtime error: panic called with nil argument"
        );
        assert_eq!(fnv(b"int"), 0x95e97e5e);
    }

    static T_I: Type = desc(b"main.I", b"main", kind::INTERFACE, 16, 8, NC);
    static T_K1: Type = desc(b"main.K", b"main", kind::INT, 8, 8, NCR);
    static T_K2: Type = desc(b"main.K", b"main", kind::INT, 8, 8, NCR);
    static T_K3: Type = desc(b"main.K", b"other", kind::INT, 8, 8, NCR);
    static T_EFACE: Type = desc(
        b"interface {}",
        b"",
        kind::INTERFACE,
        16,
        8,
        tflag::COMPARABLE,
    );

    #[test]
    fn type_assertion_texts() {
        let t = |i: *const Type, c: *const Type, a: *const Type, m: &'static [u8]| {
            call(type_assertion_error(i, c, a, gs(m)))
        };
        let null = core::ptr::null();
        assert_eq!(
            t(null, null, &T_I, b""),
            "interface conversion: interface is nil, not main.I"
        );
        assert_eq!(
            t(&T_I, null, &T_K1, b""),
            "interface conversion: main.I is nil, not main.K"
        );
        assert_eq!(
            t(null, &T_K1, &T_I, b"N"),
            "interface conversion: main.K is not main.I: missing method N"
        );
        assert_eq!(
            t(&T_EFACE, &T_STRING, &T_INT, b""),
            "interface conversion: interface {} is string, not int"
        );
        assert_eq!(
            t(&T_EFACE, &T_K1, &T_K2, b""),
            "interface conversion: interface {} is main.K, not main.K (types from different scopes)"
        );
        assert_eq!(
            t(&T_EFACE, &T_K1, &T_K3, b""),
            "interface conversion: interface {} is main.K, not main.K (types from different packages)"
        );
    }
}
