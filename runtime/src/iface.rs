//! Interfaces: itabs, dynamic conversions to non-empty interfaces and
//! failed type assertions (gc's iface.go, first slice).
//!
//! Mechanism (ABI v1, "Itab"): a non-empty interface value is `{itab,
//! data}`. The compiler emits static itabs for the conversions it sees;
//! `getitab` builds the others at run time and caches them in a global
//! table keyed by the (interface descriptor, concrete descriptor) pointer
//! pair, negative results included. An itab's `fun[i]` is the `ifn` of the
//! concrete method implementing the i-th (sorted) interface method.
//!
//! Matching (shared with the compiler, so descriptors from different
//! objects agree): an interface method `m` (a `fields` entry of the
//! interface descriptor, typ = its func type) is implemented by a `methods`
//! entry of the concrete type with the same name whose `mtyp` *name string*
//! equals the interface method's type name string (strings are compared,
//! not pointers). For an unexported name the package paths must agree too:
//! the interface's `pkgpath` against the concrete type's (for an unnamed
//! pointer type, its element's); when either is unknown (empty) the check
//! is skipped - the compiler should give unnamed interface types with
//! unexported methods their package path.
//!
//! Failures panic with `*runtime.TypeAssertionError` values (error.rs),
//! whose texts are gc's: `interface conversion: interface is nil, not
//! main.I`, `interface conversion: main.T is not main.I: missing method
//! M` (gc reports a method with the wrong type as missing, too), `...:
//! interface {} is string, not int`, `... (types from different scopes)`.
//!
//! Invariants:
//! - itabs are never freed (leaked allocations) and never change once
//!   published, so generated code may keep them anywhere;
//! - the cache lock is never held while Go code runs or a panic starts.

use crate::error::type_assertion_error;
use crate::types::{kind, GoString, MethodDesc, Type};
use std::collections::HashMap;
use std::sync::Mutex;

/// The header of an itab; `fun` has one entry per interface method.
#[repr(C)]
pub struct Itab {
    pub inter: *const Type,
    pub typ: *const Type,
    /// Copy of `typ.hash` (for type switches).
    pub hash: u32,
    pub _pad: u32,
    pub fun: [*const u8; 0],
}

/// (inter, typ) -> itab address, or 0 when typ does not implement inter.
static ITABS: Mutex<Option<HashMap<(usize, usize), usize>>> = Mutex::new(None);

const FAST_SLOTS: usize = 512;

/// The FAST slot of (inter, typ): a multiplicative hash of both addresses
/// (every bit of each matters; descriptors are only 8-aligned).
#[inline(always)]
fn fast_slot(key: (usize, usize)) -> usize {
    let h = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (usize::BITS - FAST_SLOTS.trailing_zeros())) % FAST_SLOTS
}

thread_local! {
    /// (inter, typ, itab or 0 for "does not implement"); (0, 0, _) is empty.
    static FAST: core::cell::RefCell<[(usize, usize, usize); FAST_SLOTS]> = const { core::cell::RefCell::new([(0, 0, 0); FAST_SLOTS]) };
}

/// # Safety (for all helpers below)
/// Descriptor pointers are valid compiler- or runtime-emitted descriptors.
unsafe fn imethods(inter: &Type) -> &'static [crate::types::FieldDesc] {
    if inter.nfields == 0 || inter.fields.is_null() {
        &[]
    } else {
        // SAFETY: fields has nfields entries (descriptor contract).
        unsafe { core::slice::from_raw_parts(inter.fields, inter.nfields) }
    }
}

unsafe fn tmethods(t: &Type) -> &'static [MethodDesc] {
    if t.nmethods == 0 || t.methods.is_null() {
        &[]
    } else {
        // SAFETY: methods has nmethods entries (descriptor contract).
        unsafe { core::slice::from_raw_parts(t.methods, t.nmethods) }
    }
}

fn is_exported(name: &[u8]) -> bool {
    match core::str::from_utf8(name)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => c.is_uppercase(),
        None => false,
    }
}

/// The package path that qualifies `t`'s unexported method names.
fn method_pkgpath(t: &Type) -> &'static [u8] {
    // SAFETY: valid descriptors (module contract).
    unsafe {
        let p = t.pkgpath.as_bytes();
        if p.is_empty() && t.kind == kind::POINTER && !t.elem.is_null() {
            return (*t.elem).pkgpath.as_bytes();
        }
        core::mem::transmute::<&[u8], &'static [u8]>(p)
    }
}

/// The ifn of each interface method in `typ`, or the name of the first
/// interface method `typ` lacks.
///
/// # Safety
/// Valid descriptors.
unsafe fn resolve(inter: &Type, typ: &Type) -> Result<Vec<*const u8>, GoString> {
    // SAFETY: forwarded.
    let (ims, tms) = unsafe { (imethods(inter), tmethods(typ)) };
    let ipkg = method_pkgpath(inter);
    let tpkg = method_pkgpath(typ);
    let mut fun = Vec::with_capacity(ims.len());
    for im in ims {
        // SAFETY: descriptor strings and types are valid.
        let (iname, itype) = unsafe { (im.name.as_bytes(), (*im.typ).name()) };
        let found = tms.iter().find(|m| {
            // SAFETY: as above.
            let (mname, mtype) = unsafe { (m.name.as_bytes(), m.mtyp.as_ref().map(|t| t.name())) };
            mname == iname
                && mtype == Some(itype)
                && (is_exported(iname) || ipkg.is_empty() || tpkg.is_empty() || ipkg == tpkg)
        });
        match found {
            Some(m) => fun.push(m.ifn),
            None => return Err(im.name),
        }
    }
    Ok(fun)
}

fn build_itab(inter: *const Type, typ: *const Type, fun: &[*const u8]) -> *const Itab {
    let n = fun.len().max(1);
    let layout =
        std::alloc::Layout::from_size_align(core::mem::size_of::<Itab>() + 8 * n, 8).unwrap();
    // SAFETY: layout has non-zero size; the block is initialised below and
    // intentionally leaked (itabs live for the whole process).
    unsafe {
        let m = std::alloc::alloc_zeroed(layout) as *mut Itab;
        if m.is_null() {
            crate::panic::throw_str(b"out of memory");
        }
        (*m).inter = inter;
        (*m).typ = typ;
        (*m).hash = (*typ).hash;
        let f = core::ptr::addr_of_mut!((*m).fun) as *mut *const u8;
        for (i, &p) in fun.iter().enumerate() {
            *f.add(i) = p;
        }
        m
    }
}

/// Look up or build the itab for (inter, typ). Err(missing method name)
/// when typ does not implement inter.
///
/// # Safety
/// Valid, non-null descriptors; inter is an interface type.
unsafe fn find_itab(inter: *const Type, typ: *const Type) -> Result<*const Itab, GoString> {
    let key = (inter as usize, typ as usize);
    // Per-thread direct-mapped cache in front of the global table: type
    // assertions in hot paths (fmt checks every operand for Stringer,
    // error, Formatter) must not take a lock or hash with SipHash.
    let slot = fast_slot(key);
    let hit = FAST.with(|f| {
        let e = f.borrow()[slot];
        (e.0 == key.0 && e.1 == key.1).then_some(e.2)
    });
    match hit {
        Some(0) => {} // known not to implement: resolve again for the message
        Some(m) => return Ok(m as *const Itab),
        None => {}
    }
    let mut cache = ITABS.lock().unwrap_or_else(|e| e.into_inner());
    let table = cache.get_or_insert_with(HashMap::new);
    if let Some(&m) = table.get(&key) {
        FAST.with(|f| f.borrow_mut()[slot] = (key.0, key.1, m));
        if m != 0 {
            return Ok(m as *const Itab);
        }
    }
    // SAFETY: caller contract.
    match unsafe { resolve(&*inter, &*typ) } {
        Ok(fun) => {
            let m = build_itab(inter, typ, &fun);
            table.insert(key, m as usize);
            FAST.with(|f| f.borrow_mut()[slot] = (key.0, key.1, m as usize));
            Ok(m)
        }
        Err(name) => {
            table.insert(key, 0);
            FAST.with(|f| f.borrow_mut()[slot] = (key.0, key.1, 0));
            Err(name)
        }
    }
}

/// The itab, or null when `typ` does not implement `inter`, answering
/// negative results from the per-thread cache without recomputing them.
///
/// # Safety
/// As find_itab.
unsafe fn cached_itab_or_null(inter: *const Type, typ: *const Type) -> *const Itab {
    let key = (inter as usize, typ as usize);
    let slot = fast_slot(key);
    let hit = FAST.with(|f| {
        let e = f.borrow()[slot];
        (e.0 == key.0 && e.1 == key.1).then_some(e.2)
    });
    if let Some(m) = hit {
        return m as *const Itab;
    }
    // SAFETY: forwarded.
    unsafe { find_itab(inter, typ) }.unwrap_or(core::ptr::null())
}

/// `runtime.getitab(inter, typ, canfail)`: the itab for the interface
/// `inter` and the concrete type `typ` (non-null). If typ does not
/// implement inter: null when `canfail` != 0, else panics with
/// `interface conversion: T is not I: missing method M`.
///
/// # Safety
/// `inter` is an interface type descriptor, `typ` a non-null descriptor.
#[export_name = "runtime.getitab"]
pub unsafe extern "C" fn getitab(inter: *const Type, typ: *const Type, canfail: u8) -> *const Itab {
    if canfail != 0 {
        // SAFETY: caller contract.
        return unsafe { cached_itab_or_null(inter, typ) };
    }
    // SAFETY: caller contract.
    match unsafe { find_itab(inter, typ) } {
        Ok(m) => m,
        Err(_) if canfail != 0 => core::ptr::null(),
        Err(missing) => {
            let e = type_assertion_error(core::ptr::null(), typ, inter, missing);
            crate::panic::gopanic(e.typ, e.data)
        }
    }
}

/// `x.(I)` / conversion of an empty interface with dynamic type `typ` to
/// the non-empty interface `inter`: the itab, or a panic
/// (`interface conversion: interface is nil, not main.I` when typ is null).
///
/// # Safety
/// `inter` is an interface type descriptor, `typ` a descriptor or null.
#[export_name = "runtime.assertE2I"]
pub unsafe extern "C" fn assert_e2i(inter: *const Type, typ: *const Type) -> *const Itab {
    if typ.is_null() {
        let e = type_assertion_error(
            core::ptr::null(),
            core::ptr::null(),
            inter,
            GoString {
                ptr: core::ptr::null(),
                len: 0,
            },
        );
        crate::panic::gopanic(e.typ, e.data)
    }
    // SAFETY: forwarded.
    unsafe { getitab(inter, typ, 0) }
}

/// `v, ok := x.(I)`: the itab, or null when typ is null or does not
/// implement inter.
///
/// # Safety
/// As assertE2I.
#[export_name = "runtime.assertE2I2"]
pub unsafe extern "C" fn assert_e2i2(inter: *const Type, typ: *const Type) -> *const Itab {
    if typ.is_null() {
        return core::ptr::null();
    }
    // SAFETY: forwarded.
    unsafe { getitab(inter, typ, 1) }
}

/// A failed `x.(T)` with T concrete (gc's panicdottypeE): `have` is the
/// dynamic type (null for a nil interface), `want` the asserted type,
/// `iface` the static type of x (its name heads the message; null prints
/// `interface`).
#[export_name = "runtime.panicdottype"]
pub extern "C" fn panicdottype(have: *const Type, want: *const Type, iface: *const Type) -> ! {
    let e = type_assertion_error(
        iface,
        have,
        want,
        GoString {
            ptr: core::ptr::null(),
            len: 0,
        },
    );
    crate::panic::gopanic(e.typ, e.data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{gs, SyncCell, T_FUNC, T_FUNC_STRING};
    use crate::types::{tflag, FieldDesc};

    const fn named(name: &'static [u8], pkg: &'static [u8], k: u8) -> Type {
        crate::error::desc(name, pkg, k, 8, 8, tflag::NAMED)
    }
    const fn im(name: &'static [u8], t: &'static Type) -> FieldDesc {
        FieldDesc {
            name: gs(name),
            typ: t,
            offset: 0,
            tag: gs(b""),
            embedded: 0,
        }
    }
    // A second `func() string` descriptor: matching compares name strings.
    static T_FUNC_STRING2: Type = named(b"func() string", b"", kind::FUNC);
    static T_FUNC_INT: Type = named(b"func(int)", b"", kind::FUNC);
    static I_METHODS: SyncCell<[FieldDesc; 2]> =
        SyncCell([im(b"M", &T_FUNC), im(b"String", &T_FUNC_STRING)]);
    static T_I: Type = Type {
        fields: &I_METHODS.0 as *const _ as *const FieldDesc,
        nfields: 2,
        ..named(b"main.I", b"main", kind::INTERFACE)
    };
    static J_METHODS: SyncCell<[FieldDesc; 1]> = SyncCell([im(b"m", &T_FUNC)]);
    static T_J: Type = Type {
        fields: &J_METHODS.0 as *const _ as *const FieldDesc,
        nfields: 1,
        ..named(b"main.J", b"main", kind::INTERFACE)
    };

    extern "C" fn f1() {}
    extern "C" fn f2() {}
    static T_METHODS: SyncCell<[MethodDesc; 3]> = SyncCell([
        MethodDesc {
            name: gs(b"M"),
            mtyp: &T_FUNC,
            ifn: f1 as *const u8,
            tfn: core::ptr::null(),
        },
        MethodDesc {
            name: gs(b"String"),
            mtyp: &T_FUNC_STRING2,
            ifn: f2 as *const u8,
            tfn: core::ptr::null(),
        },
        MethodDesc {
            name: gs(b"m"),
            mtyp: &T_FUNC,
            ifn: f2 as *const u8,
            tfn: core::ptr::null(),
        },
    ]);
    static T_T: Type = Type {
        methods: &T_METHODS.0 as *const _ as *const MethodDesc,
        nmethods: 3,
        call: core::ptr::null(),
        bound: core::ptr::null(),
        ptrto: core::ptr::null(),
        makefunc: core::ptr::null(),
        ..named(b"main.T", b"main", kind::STRUCT)
    };
    static T_OTHER: Type = Type {
        methods: &T_METHODS.0 as *const _ as *const MethodDesc,
        nmethods: 3,
        call: core::ptr::null(),
        bound: core::ptr::null(),
        ptrto: core::ptr::null(),
        makefunc: core::ptr::null(),
        ..named(b"other.T", b"other", kind::STRUCT)
    };
    static U_METHODS: SyncCell<[MethodDesc; 2]> = SyncCell([
        MethodDesc {
            name: gs(b"M"),
            mtyp: &T_FUNC_INT,
            ifn: f1 as *const u8,
            tfn: core::ptr::null(),
        },
        MethodDesc {
            name: gs(b"String"),
            mtyp: &T_FUNC_STRING,
            ifn: f2 as *const u8,
            tfn: core::ptr::null(),
        },
    ]);
    static T_U: Type = Type {
        methods: &U_METHODS.0 as *const _ as *const MethodDesc,
        nmethods: 2,
        call: core::ptr::null(),
        bound: core::ptr::null(),
        ptrto: core::ptr::null(),
        makefunc: core::ptr::null(),
        ..named(b"main.U", b"main", kind::STRUCT)
    };

    #[test]
    fn itabs() {
        // SAFETY: test descriptors are valid statics.
        unsafe {
            let m = getitab(&T_I, &T_T, 1);
            assert!(!m.is_null());
            assert_eq!(getitab(&T_I, &T_T, 1), m, "cached");
            assert_eq!((*m).inter, &T_I as *const Type);
            assert_eq!((*m).hash, T_T.hash);
            let fun = core::ptr::addr_of!((*m).fun) as *const *const u8;
            assert_eq!(*fun, f1 as *const u8);
            assert_eq!(*fun.add(1), f2 as *const u8);
            // Wrong type for M: not an implementation.
            assert!(getitab(&T_I, &T_U, 1).is_null());
            assert!(getitab(&T_I, &T_U, 1).is_null(), "negative cache");
            assert!(assert_e2i2(&T_I, core::ptr::null()).is_null());
            assert!(!assert_e2i2(&T_J, &T_T).is_null());
            // Unexported method from another package does not match.
            assert!(assert_e2i2(&T_J, &T_OTHER).is_null());
            assert!(!assert_e2i2(&T_I, &T_OTHER).is_null());
            match find_itab(&T_I, &T_U) {
                Err(name) => assert_eq!(name.as_bytes(), b"M"),
                Ok(_) => panic!("U implements I"),
            }
        }
    }
}

/// reflect's packEface: the interface{} {typ, data} (returned in rax:rdx).
#[export_name = "runtime.makeEface"]
pub extern "C" fn make_eface(typ: *const Type, data: *mut u8) -> crate::types::Eface {
    crate::types::Eface { typ, data }
}
