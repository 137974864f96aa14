//! Hashing and equality of Go values described by type descriptors (gc's
//! alg.go), the runtime's random numbers, and the panics maps, slices and
//! comparisons raise.
//!
//! Mechanism: `typehash`/`typeequal` walk the descriptor (`kind`, `size`,
//! struct `fields` with offsets, array `elem` × `len`); types with tflag
//! REGULAR_MEMORY are hashed/compared as raw bytes in one step. Interface
//! values are `{word0, data}` where word0 is the dynamic type (empty
//! interface: descriptor `nfields == 0`) or an itab whose word 1 is the
//! dynamic type; the held value is the data word itself when the dynamic
//! type is DIRECT_IFACE, else what the data word points to.
//!
//! Invariants:
//! - equal values hash equally for a given seed: +0 and -0 hash alike, and
//!   blank (`_`) struct fields are skipped by both hash and equality;
//! - NaN != NaN, and a NaN hashes to a fresh random value (each NaN key is
//!   a new map entry, as in gc);
//! - an interface holding a non-comparable dynamic type (tflag COMPARABLE
//!   unset) panics with gc's texts `hash of unhashable type T` /
//!   `comparing uncomparable type T` (runtime errors);
//! - the hash is wyhash-style 64×64→128 multiply mixing keyed by a
//!   per-process random key (AT_RANDOM + rdtsc), so iteration orders and
//!   collision patterns differ between runs;
//! - nothing here allocates (error texts are built in stack buffers).
//!
//! Runtime-error and plain panics go through `runtime.panicRuntimeError`
//! and `runtime.panicPlain` (message without the `runtime error: ` prefix),
//! provided by the panic machinery. Unit tests replace them with Rust
//! panics so the message can be checked.

use crate::print::Buf;
use crate::types::{kind, tflag, Type};
use core::sync::atomic::{AtomicU64, Ordering};

// ---------------------------------------------------------------------------
// Panics.

#[cfg(not(test))]
extern "C" {
    #[link_name = "runtime.panicRuntimeError"]
    fn panic_runtime_error_c(p: *const u8, n: isize) -> !;
    #[link_name = "runtime.panicPlain"]
    fn panic_plain_c(p: *const u8, n: isize) -> !;
}

/// Panic with a runtime.Error whose text is `runtime error: ` + `msg`.
#[cfg(not(test))]
pub fn rt_error(msg: &[u8]) -> ! {
    // SAFETY: the panic entry point takes a (ptr, len) string and never returns.
    unsafe { panic_runtime_error_c(msg.as_ptr(), msg.len() as isize) }
}

/// Panic with a plain error value whose text is `msg` (`panic: msg`).
#[cfg(not(test))]
pub fn plain_error(msg: &[u8]) -> ! {
    // SAFETY: as in rt_error.
    unsafe { panic_plain_c(msg.as_ptr(), msg.len() as isize) }
}

#[cfg(test)]
pub fn rt_error(msg: &[u8]) -> ! {
    panic!("runtime error: {}", String::from_utf8_lossy(msg))
}

#[cfg(test)]
pub fn plain_error(msg: &[u8]) -> ! {
    panic!("{}", String::from_utf8_lossy(msg))
}

/// `prefix` + the type's name, as a runtime error.
fn type_error(prefix: &[u8], t: &Type) -> ! {
    let mut b = Buf::<1024>::new();
    b.push(prefix);
    b.push(t.name());
    rt_error(b.as_bytes())
}

fn unhashable(t: &Type) -> ! {
    type_error(b"hash of unhashable type ", t)
}

fn uncomparable(t: &Type) -> ! {
    type_error(b"comparing uncomparable type ", t)
}

// ---------------------------------------------------------------------------
// Random numbers and the hash function.

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;
const P2: u64 = 0x8ebc_6af0_9c88_c6e3;
const P3: u64 = 0x5899_65cc_7537_4cc3;
const P4: u64 = 0x1d8e_4e27_c47d_124f;

#[inline(always)]
fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

static RAND_STATE: AtomicU64 = AtomicU64::new(0);
static HASH_KEY: AtomicU64 = AtomicU64::new(0);

fn entropy() -> u64 {
    let mut v: u64 = 0;
    // SAFETY: getauxval is always safe to call; AT_RANDOM, when present,
    // points at 16 bytes the kernel placed on the initial stack.
    unsafe {
        let p = libc::getauxval(libc::AT_RANDOM) as *const u64;
        if !p.is_null() {
            v = core::ptr::read_unaligned(p) ^ core::ptr::read_unaligned(p.add(1)).rotate_left(17);
        }
    }
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: rdtsc has no preconditions.
        v ^= unsafe { core::arch::x86_64::_rdtsc() };
    }
    v ^= &RAND_STATE as *const _ as u64; // ASLR
    mix(v ^ P2, P3) | 1
}

/// gc's runtime.rand, which packages bind with `//go:linkname runtime_rand
/// runtime.rand` (math/rand's unseeded source, hash/maphash, os' temporary
/// names, net).
#[export_name = "runtime.rand"]
pub extern "C" fn runtime_rand() -> u64 {
    rand()
}

/// A random 64-bit number (wyrand over a global atomic state).
pub fn rand() -> u64 {
    let mut s = RAND_STATE.load(Ordering::Relaxed);
    if s == 0 {
        let _ = RAND_STATE.compare_exchange(0, entropy(), Ordering::Relaxed, Ordering::Relaxed);
    }
    s = RAND_STATE.fetch_add(P0, Ordering::Relaxed).wrapping_add(P0);
    mix(s, s ^ P1)
}

/// The per-process hash key (mixed into every seed).
#[inline]
fn hash_key() -> u64 {
    let k = HASH_KEY.load(Ordering::Relaxed);
    if k != 0 {
        return k;
    }
    let k = rand() | 1;
    match HASH_KEY.compare_exchange(0, k, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => k,
        Err(old) => old,
    }
}

#[inline(always)]
unsafe fn r8(p: *const u8) -> u64 {
    // SAFETY: the caller guarantees 8 readable bytes at p.
    unsafe { core::ptr::read_unaligned(p as *const u64) }
}

#[inline(always)]
unsafe fn r4(p: *const u8) -> u64 {
    // SAFETY: the caller guarantees 4 readable bytes at p.
    unsafe { core::ptr::read_unaligned(p as *const u32) as u64 }
}

/// Hash of `n` bytes at `p` (wyhash-style).
///
/// # Safety
/// `p` points to `n` readable bytes (any pointer when n == 0).
pub unsafe fn memhash(p: *const u8, n: usize, seed: u64) -> u64 {
    let mut seed = seed ^ hash_key() ^ P0;
    let (a, b);
    // SAFETY (whole body): every read stays inside [p, p+n).
    unsafe {
        if n <= 16 {
            if n >= 4 {
                let q = (n >> 3) << 2;
                a = (r4(p) << 32) | r4(p.add(q));
                b = (r4(p.add(n - 4)) << 32) | r4(p.add(n - 4 - q));
            } else if n > 0 {
                a = ((*p as u64) << 16) | ((*p.add(n >> 1) as u64) << 8) | *p.add(n - 1) as u64;
                b = 0;
            } else {
                a = 0;
                b = 0;
            }
        } else {
            let mut i = n;
            let mut q = p;
            if i > 48 {
                let mut s1 = seed;
                let mut s2 = seed;
                while i > 48 {
                    seed = mix(r8(q) ^ P1, r8(q.add(8)) ^ seed);
                    s1 = mix(r8(q.add(16)) ^ P2, r8(q.add(24)) ^ s1);
                    s2 = mix(r8(q.add(32)) ^ P3, r8(q.add(40)) ^ s2);
                    q = q.add(48);
                    i -= 48;
                }
                seed ^= s1 ^ s2;
            }
            while i > 16 {
                seed = mix(r8(q) ^ P1, r8(q.add(8)) ^ seed);
                q = q.add(16);
                i -= 16;
            }
            a = r8(q.add(i).sub(16));
            b = r8(q.add(i).sub(8));
        }
    }
    mix(P1 ^ n as u64, mix(a ^ P1, b ^ seed))
}

/// Hash of one 64-bit word (the common int/pointer key).
#[inline]
pub fn hash64(v: u64, seed: u64) -> u64 {
    let seed = seed ^ hash_key() ^ P0;
    mix(P1 ^ 8, mix(v.rotate_left(32) ^ P1, v ^ seed))
}

/// Hash of one 32-bit word.
#[inline]
pub fn hash32(v: u32, seed: u64) -> u64 {
    let seed = seed ^ hash_key() ^ P0;
    let v = v as u64;
    mix(P1 ^ 4, mix(((v << 32) | v) ^ P1, ((v << 32) | v) ^ seed))
}

fn f64hash(f: f64, seed: u64) -> u64 {
    if f == 0.0 {
        hash64(0, seed)
    } else if f.is_nan() {
        hash64(rand(), seed)
    } else {
        hash64(f.to_bits(), seed)
    }
}

fn f32hash(f: f32, seed: u64) -> u64 {
    if f == 0.0 {
        hash32(0, seed)
    } else if f.is_nan() {
        hash64(rand(), seed)
    } else {
        hash32(f.to_bits(), seed)
    }
}

// ---------------------------------------------------------------------------
// Descriptor-driven hash and equality.

fn is_blank(f: &crate::types::FieldDesc) -> bool {
    // SAFETY: the compiler emits a valid name string for every field.
    unsafe { f.name.as_bytes() == b"_" }
}

fn fields(t: &Type) -> &[crate::types::FieldDesc] {
    if t.nfields == 0 || t.fields.is_null() {
        &[]
    } else {
        // SAFETY: `fields` points to `nfields` descriptors (types.rs).
        unsafe { core::slice::from_raw_parts(t.fields, t.nfields) }
    }
}

/// The dynamic type and a pointer to the held value of the interface value
/// at `p` (whose static type is `t`); None for a nil interface.
///
/// # Safety
/// `p` points to a two-word interface value of type `t`.
#[inline]
unsafe fn iface_parts(t: &Type, p: *const u8) -> Option<(&'static Type, *const u8)> {
    // SAFETY: p points to {word0, data}; word0 is a type or an itab whose
    // second word is the dynamic type (ARCHITECTURE.md, ABI v1).
    unsafe {
        let w0 = *(p as *const *const u8);
        if w0.is_null() {
            return None;
        }
        let dt: *const Type = if t.nfields == 0 {
            w0 as *const Type
        } else {
            *(w0 as *const *const Type).add(1)
        };
        let dt = &*dt;
        let data = if dt.is_direct_iface() {
            p.add(8)
        } else {
            *(p.add(8) as *const *const u8)
        };
        Some((dt, data))
    }
}

/// Whether values of `t` hash and compare as their bytes: the compiler's
/// REGULAR_MEMORY flag, or a kind whose value is plain bits (integers,
/// bools, pointers, channels).
fn plain_memory(t: &Type) -> bool {
    t.tflag & tflag::REGULAR_MEMORY != 0
        || matches!(
            t.kind,
                kind::BOOL
                | kind::INT
                | kind::INT8
                | kind::INT16
                | kind::INT32
                | kind::INT64
                | kind::UINT
                | kind::UINT8
                | kind::UINT16
                | kind::UINT32
                | kind::UINT64
                | kind::UINTPTR
                | kind::POINTER
                | kind::CHAN
                | kind::UNSAFE_POINTER
        )
}

/// Hash of the value of type `t` at `p`, gc's typehash.
///
/// # Safety
/// `p` points to a valid value of type `t`.
pub unsafe fn typehash(t: &Type, p: *const u8, seed: u64) -> u64 {
    // SAFETY (whole body): p points to a value of type t, so every field /
    // element address computed from the descriptor is inside it.
    unsafe {
        if plain_memory(t) {
            return match t.size {
                8 => hash64(r8(p), seed),
                4 => hash32(r4(p) as u32, seed),
                n => memhash(p, n, seed),
            };
        }
        match t.kind {
            kind::FLOAT32 => f32hash(*(p as *const f32), seed),
            kind::FLOAT64 => f64hash(*(p as *const f64), seed),
            kind::COMPLEX64 => {
                f32hash(*(p as *const f32).add(1), f32hash(*(p as *const f32), seed))
            }
            kind::COMPLEX128 => {
                f64hash(*(p as *const f64).add(1), f64hash(*(p as *const f64), seed))
            }
            kind::STRING => {
                let s = &*(p as *const crate::types::GoString);
                memhash(s.ptr, s.len as usize, seed)
            }
            kind::INTERFACE => match iface_parts(t, p) {
                None => seed,
                Some((dt, data)) => {
                    if dt.tflag & tflag::COMPARABLE == 0 {
                        unhashable(dt)
                    }
                    mix(typehash(dt, data, seed ^ P4), P2)
                }
            },
            kind::ARRAY => {
                let et = &*t.elem;
                let mut h = seed;
                for i in 0..t.len {
                    h = typehash(et, p.add(i * et.size), h);
                }
                h
            }
            kind::STRUCT => {
                let mut h = seed;
                for f in fields(t) {
                    if !is_blank(f) {
                        h = typehash(&*f.typ, p.add(f.offset), h);
                    }
                }
                h
            }
            _ => unhashable(t),
        }
    }
}

/// `*x == *y` for values of type `t`, gc's semantics.
///
/// # Safety
/// `x` and `y` point to valid values of type `t`.
pub unsafe fn typeequal(t: &Type, x: *const u8, y: *const u8) -> bool {
    // SAFETY (whole body): x and y point to values of type t.
    unsafe {
        if plain_memory(t) {
            return memeq(x, y, t.size);
        }
        match t.kind {
            kind::FLOAT32 => *(x as *const f32) == *(y as *const f32),
            kind::FLOAT64 => *(x as *const f64) == *(y as *const f64),
            kind::COMPLEX64 => {
                let (x, y) = (x as *const f32, y as *const f32);
                *x == *y && *x.add(1) == *y.add(1)
            }
            kind::COMPLEX128 => {
                let (x, y) = (x as *const f64, y as *const f64);
                *x == *y && *x.add(1) == *y.add(1)
            }
            kind::STRING => {
                let a = &*(x as *const crate::types::GoString);
                let b = &*(y as *const crate::types::GoString);
                a.len == b.len && (a.ptr == b.ptr || memeq(a.ptr, b.ptr, a.len as usize))
            }
            kind::INTERFACE => {
                let (a, b) = (iface_parts(t, x), iface_parts(t, y));
                match (a, b) {
                    (None, None) => true,
                    (Some((ta, da)), Some((tb, db))) => {
                        if !core::ptr::eq(ta, tb) {
                            return false;
                        }
                        if ta.tflag & tflag::COMPARABLE == 0 {
                            uncomparable(ta)
                        }
                        typeequal(ta, da, db)
                    }
                    _ => false,
                }
            }
            kind::ARRAY => {
                let et = &*t.elem;
                for i in 0..t.len {
                    if !typeequal(et, x.add(i * et.size), y.add(i * et.size)) {
                        return false;
                    }
                }
                true
            }
            kind::STRUCT => {
                for f in fields(t) {
                    if !is_blank(f) && !typeequal(&*f.typ, x.add(f.offset), y.add(f.offset)) {
                        return false;
                    }
                }
                true
            }
            _ => uncomparable(t),
        }
    }
}

#[inline]
unsafe fn memeq(x: *const u8, y: *const u8, n: usize) -> bool {
    if n == 0 || x == y {
        return true;
    }
    // SAFETY: the caller guarantees n readable bytes at x and y.
    unsafe {
        match n {
            8 => r8(x) == r8(y),
            4 => r4(x) == r4(y),
            16 => r8(x) == r8(y) && r8(x.add(8)) == r8(y.add(8)),
            _ => core::slice::from_raw_parts(x, n) == core::slice::from_raw_parts(y, n),
        }
    }
}

/// Whether hashing a key of type `t` at `p` could panic, and if so panic
/// as gc's mapKeyError does (used by lookups in nil/empty maps, which do
/// not hash). gc's text here is `hash of unhashable type: T`, a plain
/// error text without the `runtime error: ` prefix.
///
/// # Safety
/// `p` points to a valid value of type `t`.
pub unsafe fn map_key_check(t: &Type, p: *const u8) {
    if t.tflag & tflag::REGULAR_MEMORY != 0 {
        return;
    }
    // SAFETY: as in typehash.
    unsafe {
        match t.kind {
            kind::INTERFACE => {
                if let Some((dt, data)) = iface_parts(t, p) {
                    if dt.tflag & tflag::COMPARABLE == 0 {
                        let mut b = Buf::<1024>::new();
                        b.push(b"hash of unhashable type: ");
                        b.push(dt.name());
                        plain_error(b.as_bytes())
                    }
                    map_key_check(dt, data)
                }
            }
            kind::ARRAY => {
                let et = &*t.elem;
                for i in 0..t.len {
                    map_key_check(et, p.add(i * et.size));
                }
            }
            kind::STRUCT => {
                for f in fields(t) {
                    if !is_blank(f) {
                        map_key_check(&*f.typ, p.add(f.offset));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether hashing values of type `t` may panic (an interface inside).
pub fn hash_might_panic(t: &Type) -> bool {
    if t.tflag & tflag::REGULAR_MEMORY != 0 {
        return false;
    }
    match t.kind {
        kind::INTERFACE => true,
        // SAFETY: array descriptors have a valid elem.
        kind::ARRAY => t.len > 0 && hash_might_panic(unsafe { &*t.elem }),
        // SAFETY: field descriptors have valid types.
        kind::STRUCT => fields(t)
            .iter()
            .any(|f| !is_blank(f) && hash_might_panic(unsafe { &*f.typ })),
        _ => false,
    }
}

/// Whether k == k for every value of type `t` (false for floats and
/// anything containing them or interfaces, which may hold floats).
pub fn is_reflexive(t: &Type) -> bool {
    if t.tflag & tflag::REGULAR_MEMORY != 0 {
        return true;
    }
    match t.kind {
        kind::FLOAT32 | kind::FLOAT64 | kind::COMPLEX64 | kind::COMPLEX128 | kind::INTERFACE => {
            false
        }
        // SAFETY: array descriptors have a valid elem.
        kind::ARRAY => is_reflexive(unsafe { &*t.elem }),
        // SAFETY: field descriptors have valid types.
        kind::STRUCT => fields(t)
            .iter()
            .all(|f| is_blank(f) || is_reflexive(unsafe { &*f.typ })),
        _ => true,
    }
}

// ---------------------------------------------------------------------------
// Entry points.

/// `x == y` where x and y are the data words of two interface values of
/// the same dynamic type `typ` (null typ: both nil, equal). Panics with
/// `comparing uncomparable type T` when `typ` is not comparable.
///
/// # Safety
/// The data words hold values of type `typ` as interfaces store them.
#[export_name = "runtime.efaceeq"]
pub unsafe extern "C" fn efaceeq(typ: *const Type, x: *const u8, y: *const u8) -> u8 {
    if typ.is_null() {
        return 1;
    }
    // SAFETY: typ is a valid descriptor.
    let t = unsafe { &*typ };
    if t.tflag & tflag::COMPARABLE == 0 {
        uncomparable(t)
    }
    if t.is_direct_iface() {
        return (x == y) as u8;
    }
    // SAFETY: non-direct data words point to values of type t.
    unsafe { typeequal(t, x, y) as u8 }
}

/// `*x == *y` for values of type `t` (arrays and structs the compiler
/// does not compare inline).
///
/// # Safety
/// x and y point to values of type `t`.
#[export_name = "runtime.memequal_typed"]
pub unsafe extern "C" fn memequal_typed(t: *const Type, x: *const u8, y: *const u8) -> u8 {
    // SAFETY: forwarded.
    unsafe { typeequal(&*t, x, y) as u8 }
}

/// Hash of the value of type `t` at `p` with `seed` (for the compiler or
/// other runtime parts that need gc's typehash).
///
/// # Safety
/// p points to a value of type `t`.
#[export_name = "runtime.typehash"]
pub unsafe extern "C" fn typehash_c(t: *const Type, p: *const u8, seed: u64) -> u64 {
    // SAFETY: forwarded.
    unsafe { typehash(&*t, p, seed) }
}

/// `runtime.memhash(p unsafe.Pointer, seed, s uintptr) uintptr` (gc's
/// argument order; hash/maphash's String and Bytes). Equal to the hash
/// of a string key with those bytes, as in gc, so maphash.String and
/// maphash.Comparable of a string agree.
///
/// # Safety
/// `p` points to `s` readable bytes.
#[export_name = "runtime.memhash"]
pub unsafe extern "C" fn memhash_c(p: *const u8, seed: usize, s: usize) -> usize {
    // SAFETY: forwarded.
    unsafe { memhash(p, s, seed as u64) as usize }
}

/// The code of a type's `Equal` func value (internal/abi `Type.Equal`):
/// the compiler emits, for every comparable type T, a closure object
/// `{runtime.eqfunc, &T's descriptor}` (`go:eq.T`), so calling
/// `t.Equal(p, q)` from Go compares `*p == *q` as values of type T.
///
/// # Safety
/// `clo` is such a closure object; p and q point to values of its type.
#[export_name = "runtime.eqfunc"]
pub unsafe extern "C" fn eqfunc(clo: *const [*const Type; 2], p: *const u8, q: *const u8) -> bool {
    // SAFETY: clo[1] is the descriptor the closure was made for.
    unsafe { typeequal(&*(*clo)[1], p, q) }
}

/// The code of a map type's `Hasher` func value (internal/abi
/// `MapType.Hasher`): closure objects `{runtime.hashfunc, &K's
/// descriptor}` (`go:hash.K`), so `Hasher(p, seed)` is the runtime map's
/// hash of the key at p (panics for unhashable dynamic types, as gc's).
///
/// # Safety
/// `clo` is such a closure object; p points to a value of its type.
#[export_name = "runtime.hashfunc"]
pub unsafe extern "C" fn hashfunc(clo: *const [*const Type; 2], p: *const u8, seed: usize) -> usize {
    // SAFETY: clo[1] is the key descriptor the closure was made for.
    unsafe { typehash(&*(*clo)[1], p, seed as u64) as usize }
}

#[cfg(test)]
pub(crate) mod testtypes {
    //! Type descriptors built in Rust for the unit tests.
    use crate::types::{kind, tflag, FieldDesc, GoString, Type};

    pub fn gs(s: &'static str) -> GoString {
        GoString {
            ptr: s.as_ptr(),
            len: s.len() as isize,
        }
    }

    pub fn basic(name: &'static str, k: u8, size: usize, flags: u8) -> &'static Type {
        Box::leak(Box::new(Type {
            size,
            ptrdata: 0,
            hash: 0,
            tflag: flags | tflag::NAMED,
            align: size.clamp(1, 8) as u8,
            field_align: size.clamp(1, 8) as u8,
            kind: k,
            equal: core::ptr::null(),
            gcdata: core::ptr::null(),
            name: gs(name),
            pkgpath: gs(""),
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
        }))
    }

    pub fn int64() -> &'static Type {
        basic(
            "int64",
            kind::INT64,
            8,
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        )
    }
    #[allow(dead_code)]
    pub fn int32() -> &'static Type {
        basic(
            "int32",
            kind::INT32,
            4,
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        )
    }
    #[allow(dead_code)]
    pub fn uint8() -> &'static Type {
        basic(
            "uint8",
            kind::UINT8,
            1,
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        )
    }
    pub fn float64() -> &'static Type {
        basic("float64", kind::FLOAT64, 8, tflag::COMPARABLE)
    }
    pub fn string() -> &'static Type {
        let t = basic("string", kind::STRING, 16, tflag::COMPARABLE);
        let t = t as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe { (*t).ptrdata = 8 };
        // SAFETY: as above.
        unsafe { &*t }
    }
    pub fn slice_of(elem: &'static Type, name: &'static str) -> &'static Type {
        let t = basic(name, kind::SLICE, 24, 0) as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe {
            (*t).tflag = 0;
            (*t).elem = elem;
            (*t).ptrdata = 8;
            &*t
        }
    }
    pub fn ptr_to(elem: &'static Type, name: &'static str) -> &'static Type {
        let t = basic(
            name,
            kind::POINTER,
            8,
            tflag::COMPARABLE | tflag::REGULAR_MEMORY | tflag::DIRECT_IFACE,
        ) as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe {
            (*t).tflag &= !tflag::NAMED;
            (*t).elem = elem;
            (*t).ptrdata = 8;
            &*t
        }
    }
    pub fn array_of(elem: &'static Type, n: usize, name: &'static str, flags: u8) -> &'static Type {
        let t = basic(name, kind::ARRAY, elem.size * n, flags) as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe {
            (*t).elem = elem;
            (*t).len = n;
            &*t
        }
    }
    /// A struct; fields are (name, type), laid out with natural alignment.
    pub fn struct_of(
        name: &'static str,
        fs: &[(&'static str, &'static Type)],
        flags: u8,
    ) -> &'static Type {
        let mut off = 0usize;
        let mut descs = Vec::new();
        let mut align = 1usize;
        for &(n, t) in fs {
            let a = (t.align as usize).max(1);
            align = align.max(a);
            off = off.div_ceil(a) * a;
            descs.push(FieldDesc {
                name: gs(n),
                typ: t,
                offset: off,
                tag: gs(""),
                embedded: 0,
            });
            off += t.size;
        }
        let size = off.div_ceil(align) * align;
        let descs = Box::leak(descs.into_boxed_slice());
        let t = basic(name, kind::STRUCT, size, flags) as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe {
            (*t).align = align as u8;
            (*t).fields = descs.as_ptr();
            (*t).nfields = descs.len();
            (*t).ptrdata = size;
            &*t
        }
    }
    pub fn eface() -> &'static Type {
        basic("interface {}", kind::INTERFACE, 16, tflag::COMPARABLE)
    }
    /// A non-empty interface type with one method `M`.
    pub fn iface() -> &'static Type {
        let m = Box::leak(Box::new([FieldDesc {
            name: gs("M"),
            typ: core::ptr::null(),
            offset: 0,
            tag: gs(""),
            embedded: 0,
        }]));
        let t = basic("main.I", kind::INTERFACE, 16, tflag::COMPARABLE) as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe {
            (*t).fields = m.as_ptr();
            (*t).nfields = 1;
            &*t
        }
    }
    /// An itab {inter, typ, hash, pad, fun[1]}.
    pub fn itab(inter: &'static Type, typ: &'static Type) -> *const u8 {
        let words: &'static mut [usize; 4] = Box::leak(Box::new([
            inter as *const Type as usize,
            typ as *const Type as usize,
            0,
            0,
        ]));
        words.as_ptr() as *const u8
    }
    /// An empty-interface value holding a copy of `v` (boxed unless DIRECT_IFACE).
    pub fn box_eface<T: Copy>(t: &'static Type, v: T) -> [usize; 2] {
        if t.is_direct_iface() {
            // SAFETY: direct-iface values are one word.
            let w = unsafe { core::mem::transmute_copy::<T, usize>(&v) };
            [t as *const Type as usize, w]
        } else {
            let b = Box::leak(Box::new(v));
            [t as *const Type as usize, b as *const T as usize]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testtypes::*;
    use super::*;
    use crate::types::GoString;

    fn h<T>(t: &Type, v: &T) -> u64 {
        // SAFETY: v is a value of type t.
        unsafe { typehash(t, v as *const T as *const u8, 42) }
    }
    fn eq<T>(t: &Type, a: &T, b: &T) -> bool {
        // SAFETY: a and b are values of type t.
        unsafe { typeequal(t, a as *const T as *const u8, b as *const T as *const u8) }
    }

    #[test]
    fn memhash_lengths_differ() {
        let data: Vec<u8> = (0..200u8).collect();
        let mut seen = std::collections::HashSet::new();
        for n in 0..200 {
            // SAFETY: n <= data.len().
            assert!(
                seen.insert(unsafe { memhash(data.as_ptr(), n, 7) }),
                "collision at {n}"
            );
        }
        // Seed changes the hash.
        // SAFETY: 10 bytes readable.
        unsafe { assert_ne!(memhash(data.as_ptr(), 10, 1), memhash(data.as_ptr(), 10, 2)) };
    }

    #[test]
    fn hash_distribution_low_and_high_bits() {
        // Sequential integer keys must spread over both the low bits (group
        // index) and the top 7 bits (control byte).
        let mut low = [0u32; 64];
        let mut top = [0u32; 128];
        for i in 0..64 * 1024u64 {
            let x = hash64(i, 99);
            low[(x & 63) as usize] += 1;
            top[(x >> 57) as usize] += 1;
        }
        assert!(low.iter().all(|&c| (700..1400).contains(&c)), "{low:?}");
        assert!(top.iter().all(|&c| (300..750).contains(&c)), "{top:?}");
    }

    #[test]
    fn floats() {
        let f = float64();
        assert!(eq(f, &0.0f64, &-0.0f64));
        assert_eq!(h(f, &0.0f64), h(f, &-0.0f64));
        assert!(!eq(f, &f64::NAN, &f64::NAN));
        assert_ne!(h(f, &f64::NAN), h(f, &f64::NAN));
        assert_eq!(h(f, &1.5f64), h(f, &1.5f64));
        assert_ne!(h(f, &1.5f64), h(f, &2.5f64));
    }

    #[test]
    fn strings_and_structs() {
        let s = string();
        let a = GoString {
            ptr: b"hello".as_ptr(),
            len: 5,
        };
        let owned = b"hello".to_vec();
        let b = GoString {
            ptr: owned.as_ptr(),
            len: 5,
        };
        let c = GoString {
            ptr: b"hellp".as_ptr(),
            len: 5,
        };
        assert!(eq(s, &a, &b));
        assert!(!eq(s, &a, &c));
        assert_eq!(h(s, &a), h(s, &b));
        assert_ne!(h(s, &a), h(s, &c));

        // struct { s string; _ int64; n int64 }
        let st = struct_of(
            "main.K",
            &[("s", s), ("_", int64()), ("n", int64())],
            tflag::COMPARABLE,
        );
        #[repr(C)]
        #[derive(Clone, Copy)]
        struct K {
            s: GoString,
            blank: i64,
            n: i64,
        }
        let k1 = K {
            s: a,
            blank: 1,
            n: 7,
        };
        let k2 = K {
            s: b,
            blank: 2,
            n: 7,
        };
        let k3 = K {
            s: a,
            blank: 1,
            n: 8,
        };
        assert!(eq(st, &k1, &k2));
        assert_eq!(h(st, &k1), h(st, &k2));
        assert!(!eq(st, &k1, &k3));

        // [2]float64 array
        let arr = array_of(float64(), 2, "[2]float64", tflag::COMPARABLE);
        assert!(eq(arr, &[0.0f64, 1.0], &[-0.0f64, 1.0]));
        assert_eq!(h(arr, &[0.0f64, 1.0]), h(arr, &[-0.0f64, 1.0]));
        assert!(!eq(arr, &[f64::NAN, 1.0], &[f64::NAN, 1.0]));
    }

    #[test]
    fn interfaces() {
        let e = eface();
        let i64t = int64();
        let st = string();
        let x = box_eface(i64t, 5i64);
        let y = box_eface(i64t, 5i64);
        let z = box_eface(i64t, 6i64);
        let s5 = box_eface(
            st,
            GoString {
                ptr: b"5".as_ptr(),
                len: 1,
            },
        );
        let nil = [0usize; 2];
        assert!(eq(e, &x, &y));
        assert_eq!(h(e, &x), h(e, &y));
        assert!(!eq(e, &x, &z));
        assert!(!eq(e, &x, &s5));
        assert!(eq(e, &nil, &nil));
        assert!(!eq(e, &nil, &x));
        // Direct-iface dynamic type: the data word is the pointer itself.
        let pt = ptr_to(i64t, "*int64");
        let target = Box::leak(Box::new(1i64)) as *const i64;
        let p1 = box_eface(pt, target);
        let p2 = box_eface(pt, target);
        assert!(eq(e, &p1, &p2));
        assert_eq!(h(e, &p1), h(e, &p2));
        // SAFETY: the data words are pointer values of type *int64.
        unsafe {
            assert_eq!(efaceeq(pt, p1[1] as *const u8, p2[1] as *const u8), 1);
            assert_eq!(efaceeq(i64t, x[1] as *const u8, z[1] as *const u8), 0);
            assert_eq!(
                efaceeq(core::ptr::null(), core::ptr::null(), core::ptr::null()),
                1
            );
        }
        // Non-empty interface: word 0 is an itab.
        let it = iface();
        let tab = itab(it, i64t);
        let tab2 = itab(it, i64t); // a second itab for the same pair
        let a = [tab as usize, x[1]];
        let b = [tab2 as usize, y[1]];
        assert!(eq(it, &a, &b));
        assert_eq!(h(it, &a), h(it, &b));
    }

    #[test]
    fn uncomparable_panics() {
        let e = eface();
        let sl = slice_of(int64(), "[]int");
        let v = box_eface(sl, [0usize; 3]);
        let r = std::panic::catch_unwind(|| h(e, &v));
        let msg = *r.unwrap_err().downcast::<String>().unwrap();
        assert_eq!(msg, "runtime error: hash of unhashable type []int");
        let r = std::panic::catch_unwind(|| eq(e, &v, &v));
        let msg = *r.unwrap_err().downcast::<String>().unwrap();
        assert_eq!(msg, "runtime error: comparing uncomparable type []int");
        // Different dynamic types compare unequal without panicking.
        let w = box_eface(int64(), 1i64);
        assert!(!eq(e, &v, &w));
        // mapKeyError's text for nil-map lookups.
        // SAFETY: v is an interface{} value.
        let r = std::panic::catch_unwind(|| unsafe { map_key_check(e, v.as_ptr() as *const u8) });
        let msg = *r.unwrap_err().downcast::<String>().unwrap();
        assert_eq!(msg, "hash of unhashable type: []int");
        // Nested: interface holding a struct holding an interface holding a slice.
        let inner = struct_of("main.S", &[("x", e)], tflag::COMPARABLE);
        let sv = box_eface(inner, v);
        let r = std::panic::catch_unwind(|| h(e, &sv));
        let msg = *r.unwrap_err().downcast::<String>().unwrap();
        assert_eq!(msg, "runtime error: hash of unhashable type []int");
        assert!(hash_might_panic(inner));
        assert!(!is_reflexive(inner));
        assert!(is_reflexive(int64()));
    }

    #[test]
    fn rand_varies() {
        let a = rand();
        let b = rand();
        assert_ne!(a, b);
    }
}
