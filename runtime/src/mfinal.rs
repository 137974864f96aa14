//! Finalizers (gc's mfinal.go): `runtime.SetFinalizer` and the finalizer
//! goroutine.
//!
//! Mechanism: `SetFinalizer(obj, fn)` records {fn, fn's type, obj's type}
//! for the object's address in `FINALIZERS` (gc keeps them as "specials" on
//! the span). While marking, the table is a root: each finalizer's closure
//! is marked and each object's *contents* are scanned, but not the object
//! itself. After marking, every object with a finalizer that was not
//! reached is marked (so it and what it refers to survive this cycle), its
//! entry moves to the queue, and the finalizer goroutine (`fing`, created by
//! the first SetFinalizer, as in gc, so it takes the same goroutine id) is
//! readied to call `fn(obj)`. The object is freed by a later cycle that
//! finds it unreachable again.
//!
//! Invariants:
//! - the table and queue are touched with `HEAP_LOCK` held (malloc.rs) or
//!   by the stopped-world collector;
//! - `fing` is a system goroutine while it waits for work (deadlock reports
//!   and NumGoroutine leave it out, as gc's isSystemGoroutine).

use crate::mgcmark::Marker;
use crate::runtime2::G;
use crate::types::{kind, Eface, Type};
use core::cell::UnsafeCell;
use core::sync::atomic::Ordering::Relaxed;
use core::sync::atomic::{AtomicBool, AtomicPtr};
use std::collections::HashMap;

#[derive(Clone, Copy)]
struct Finalizer {
    /// The func value (closure pointer).
    fn_: *mut u8,
    ftyp: *const Type,
    /// Dynamic type of the object as SetFinalizer saw it (a pointer type).
    ot: *const Type,
}

struct FinState {
    table: Option<HashMap<usize, Finalizer>>,
    queue: std::collections::VecDeque<(usize, Finalizer)>,
    fing_created: bool,
    fing_waiting: bool,
}

/// The finalizer goroutine and whether it runs a finalizer (atomics: read
/// without HEAP_LOCK by deadlock reports and NumGoroutine).
static FING: AtomicPtr<G> = AtomicPtr::new(core::ptr::null_mut());
static FING_RUNNING: AtomicBool = AtomicBool::new(false);

struct FinCell(UnsafeCell<FinState>);

// SAFETY: accessed with HEAP_LOCK held (module invariants).
unsafe impl Sync for FinCell {}

static FIN: FinCell = FinCell(UnsafeCell::new(FinState {
    table: None,
    queue: std::collections::VecDeque::new(),
    fing_created: false,
    fing_waiting: false,
}));

#[allow(clippy::mut_from_ref)] // HEAP_LOCK; short non-overlapping sections
fn fin() -> &'static mut FinState {
    // SAFETY: HEAP_LOCK held (or the world stopped); callers do not hold it
    // across calls into Go code or goroutine switches.
    unsafe { &mut *FIN.0.get() }
}

/// gc's isSystemGoroutine for the finalizer goroutine: while it waits for
/// work. (gc also hides it while it is runnable; here a runnable fing
/// counts, so time.Sleep, which naps without yielding when it is the only
/// goroutine, lets queued finalizers run.)
/// The cleanup goroutine (mcleanup.rs) is one too while it waits.
pub fn is_system_goroutine(g: &G) -> bool {
    (core::ptr::eq(g, FING.load(Relaxed))
        && !FING_RUNNING.load(Relaxed)
        && g.status.load(Relaxed) == crate::runtime2::G_WAITING)
        || crate::mcleanup::is_system_goroutine(g)
}

/// How many of the finalizer and cleanup goroutines exist and are system
/// goroutines now.
pub fn system_goroutines() -> i64 {
    let f = FING.load(Relaxed);
    // SAFETY: fing is a leaked, never freed G.
    let fing = !f.is_null() && is_system_goroutine(unsafe { &*f });
    fing as i64 + crate::mcleanup::cleanup_g_is_system() as i64
}

/// Roots: finalizer closures, the contents of objects with finalizers, and
/// queued finalizers with their objects.
pub fn mark_roots(mk: &mut Marker) {
    let f = fin();
    if let Some(t) = &f.table {
        for (&obj, fz) in t.iter() {
            mk.mark(fz.fn_ as usize);
            if let Some(s) = mk.heap().span_of(obj) {
                if !s.noscan() {
                    let size = if s.sizeclass() == 0 {
                        s.largesize
                    } else {
                        s.elemsize
                    };
                    // The object's own words, by its allocation's layout.
                    scan_contents(mk, obj, size);
                }
            }
        }
    }
    for &(obj, fz) in f.queue.iter() {
        mk.mark(obj);
        mk.mark(fz.fn_ as usize);
    }
}

/// Scan what the object at `obj` points to without marking it.
fn scan_contents(mk: &mut Marker, obj: usize, size: usize) {
    let s = mk.heap().span_of(obj).expect("finalizer object in heap");
    if s.sizeclass() == 0 {
        let t = s.largetype;
        mk.scan_typed(obj, t, size);
    } else {
        let mut p = obj;
        while p < obj + size {
            if mk.heap().is_pointer_word(p) {
                // SAFETY: p is a word of the object.
                let v = unsafe { *(p as *const usize) };
                mk.mark(v);
            }
            p += 8;
        }
    }
}

/// After marking: queue the finalizers of unreached objects and mark those.
pub fn queue_unreachable(mk: &mut Marker) {
    let f = fin();
    let Some(t) = &mut f.table else { return };
    let dead: Vec<usize> = t.keys().copied().filter(|&o| !mk.is_marked(o)).collect();
    for o in dead {
        let fz = t.remove(&o).expect("listed finalizer");
        mk.mark(o);
        f.queue.push_back((o, fz));
    }
}

/// Ready the finalizer goroutine if finalizers are queued (after a cycle,
/// back on the goroutine stack).
pub fn wake_fing() {
    crate::malloc::HEAP_LOCK.lock();
    let f = fin();
    let g = FING.load(Relaxed);
    let wake = !f.queue.is_empty() && f.fing_waiting && !g.is_null();
    if wake {
        f.fing_waiting = false;
    }
    crate::malloc::HEAP_LOCK.unlock();
    if wake {
        // SAFETY: fing is a leaked, never freed G, parked (its gopark
        // released HEAP_LOCK after it was parked).
        crate::sched::goready(unsafe { &*g });
    }
    crate::mcleanup::wake();
}

/// gopark's unlock function for the finalizer and cleanup goroutines.
pub(crate) unsafe fn unlock_heap(_: *mut u8) {
    crate::malloc::HEAP_LOCK.unlock();
}

/// A Go func value with no captured variables, for starting the
/// finalizer and cleanup goroutines.
#[repr(C)]
pub(crate) struct StaticClosure {
    pub code: extern "C" fn(*mut u8),
}

static FING_CLOSURE: StaticClosure = StaticClosure { code: runfinq };

/// The finalizer goroutine's body (gc's runfinq).
extern "C" fn runfinq(_ctx: *mut u8) {
    FING.store(crate::proc::getg() as *const G as *mut G, Relaxed);
    loop {
        // One at a time: the entry leaves the queue (a root) only to live
        // in this frame (on a scanned stack) while its finalizer runs.
        crate::malloc::HEAP_LOCK.lock();
        let Some((obj, fz)) = fin().queue.pop_front() else {
            fin().fing_waiting = true;
            crate::sched::gopark(
                crate::runtime2::WaitReason::FinalizerWait,
                Some(unlock_heap),
                core::ptr::null_mut(),
            );
            continue;
        };
        FING_RUNNING.store(true, Relaxed);
        crate::malloc::HEAP_LOCK.unlock();
        // SAFETY: fz was validated by SetFinalizer.
        unsafe { call_finalizer(obj, &fz) };
        FING_RUNNING.store(false, Relaxed);
        core::hint::black_box((obj, fz.fn_));
    }
}

/// `fn(obj)` with the argument converted to the parameter's type.
unsafe fn call_finalizer(obj: usize, fz: &Finalizer) {
    // SAFETY: fn_ is a closure whose first word is its code; ftyp is a
    // func type with one parameter (checked by SetFinalizer).
    unsafe {
        let code = *(fz.fn_ as *const usize);
        let param = (*(*fz.ftyp).fields).typ;
        if (*param).kind == kind::INTERFACE {
            let first = if (*param).nfields == 0 {
                fz.ot as usize
            } else {
                crate::iface::assert_e2i(param, fz.ot) as usize
            };
            let f: extern "C" fn(*mut u8, usize, usize) = core::mem::transmute(code);
            f(fz.fn_, first, obj);
        } else {
            let f: extern "C" fn(*mut u8, usize) = core::mem::transmute(code);
            f(fz.fn_, obj);
        }
    }
}

fn type_name(t: *const Type) -> &'static [u8] {
    // SAFETY: descriptors are valid statics.
    unsafe { (*t).name() }
}

fn fail(parts: &[&[u8]]) -> ! {
    let mut b = crate::print::Buf::<256>::new();
    for p in parts {
        b.push(p);
    }
    crate::panic::throw_str(b.as_bytes())
}

/// `runtime.SetFinalizer(obj any, finalizer any)`.
///
/// # Safety
/// The arguments are valid interface values.
#[export_name = "runtime.SetFinalizer"]
pub unsafe extern "C" fn set_finalizer(
    ot: *const Type,
    obj: *mut u8,
    ft: *const Type,
    fv: *mut u8,
) {
    let e = Eface { typ: ot, data: obj };
    if e.typ.is_null() {
        fail(&[b"runtime.SetFinalizer: first argument is nil"]);
    }
    // SAFETY: a valid descriptor.
    let t = unsafe { &*e.typ };
    if t.kind != kind::POINTER {
        fail(&[
            b"runtime.SetFinalizer: first argument is ",
            t.name(),
            b", not pointer",
        ]);
    }
    if obj.is_null() {
        fail(&[b"nil elem type!"]);
    }
    crate::malloc::HEAP_LOCK.lock();
    // SAFETY: forwarded; HEAP_LOCK held.
    let start_fing = unsafe { set_finalizer_locked(t, ot, obj, ft, fv) };
    crate::malloc::HEAP_LOCK.unlock();
    if start_fing {
        crate::sched::newproc(&FING_CLOSURE as *const StaticClosure as *mut u8);
    }
}

/// SetFinalizer's table update with HEAP_LOCK held (released before a
/// failure is reported); true when the finalizer goroutine must start.
///
/// # Safety
/// As set_finalizer.
unsafe fn set_finalizer_locked(
    t: &Type,
    ot: *const Type,
    obj: *mut u8,
    ft: *const Type,
    fv: *mut u8,
) -> bool {
    let fail = |parts: &[&[u8]]| -> ! {
        crate::malloc::HEAP_LOCK.unlock();
        fail(parts)
    };
    crate::malloc::ensure_init();
    let m = crate::malloc::mem();
    let Some(s) = m.heap.span_of(obj as usize) else {
        // Globals, zero-sized objects: never collected, finalizer ignored.
        return false;
    };
    let base = s.start + s.obj_index(obj as usize) * s.elemsize;
    if base != obj as usize {
        // An object inside a tiny block (malloc.rs) may have a finalizer,
        // as in gc; it runs when the whole block is unreachable.
        // SAFETY: t is a pointer type's descriptor; elem, when set, too.
        let tiny = !t.elem.is_null()
            && unsafe { (*t.elem).ptrdata == 0 && (*t.elem).size < crate::malloc::TINY_SIZE }
            && crate::malloc::is_tiny_span(s);
        if !tiny {
            fail(&[b"runtime.SetFinalizer: pointer not at beginning of allocated block"]);
        }
    }
    let f = fin();
    let table = f.table.get_or_insert_with(HashMap::new);
    if ft.is_null() {
        table.remove(&(obj as usize));
        return false;
    }
    // SAFETY: a valid descriptor.
    let fty = unsafe { &*ft };
    let nin = fty.nin & !(1 << 63);
    if fty.kind != kind::FUNC {
        fail(&[
            b"runtime.SetFinalizer: second argument is ",
            fty.name(),
            b", not a function",
        ]);
    }
    if nin != 1 {
        fail(&[
            b"runtime.SetFinalizer: cannot pass ",
            type_name(ot),
            b" to finalizer ",
            fty.name(),
        ]);
    }
    // SAFETY: a func type with one input has one field.
    let param = unsafe { (*fty.fields).typ };
    // SAFETY: valid descriptors.
    let ok = core::ptr::eq(param, ot)
        || unsafe {
            ((*param).kind == kind::POINTER && (*param).elem == t.elem && !(*param).is_named())
                || ((*param).kind == kind::INTERFACE
                    && ((*param).nfields == 0 || !crate::iface::assert_e2i2(param, ot).is_null()))
        };
    if !ok {
        fail(&[
            b"runtime.SetFinalizer: cannot pass ",
            type_name(ot),
            b" to finalizer ",
            fty.name(),
        ]);
    }
    if table.contains_key(&(obj as usize)) {
        fail(&[b"runtime.SetFinalizer: finalizer already set"]);
    }
    table.insert(
        obj as usize,
        Finalizer {
            fn_: fv,
            ftyp: ft,
            ot,
        },
    );
    if !f.fing_created {
        f.fing_created = true;
        return true;
    }
    false
}
