//! Cleanups (gc's mcleanup.go: `runtime.AddCleanup`, `Cleanup.Stop`) and
//! weak pointers (gc's weak handles in mheap.go: `weak.Make`,
//! `weak.Pointer.Value`), next to the finalizers of mfinal.rs.
//!
//! Mechanism, cleanups: the Go side (stdlib/runtime/mcleanup.go) wraps
//! `cleanup(arg)` in a `func()` closure and registers it for the object
//! containing `ptr`; the table {object base -> [(id, closure)]} is a root
//! for the closures only (the object itself is not reached through it,
//! so it can die). After marking, the cleanups of every object that is
//! still unmarked (after the finalizers' resurrection: an object with a
//! finalizer and a cleanup is cleaned up once it is unreachable without a
//! finalizer) move to a queue, which the cleanup goroutine (created by the
//! first AddCleanup, as gc's first cleanup goroutine) runs one at a time.
//! The object is freed by the sweep of the same cycle.
//!
//! Mechanism, weak pointers: a weak handle is a 16-byte pointer-free heap
//! object whose first word holds the pointer as an integer (so the
//! collector never follows it); {pointer -> handle} is a root for the
//! handles. After marking, before finalizers resurrect anything, every
//! handle whose object is unmarked is set to 0 and forgotten (gc: a weak
//! pointer to an object with a finalizer reads nil once the finalizer is
//! queued). `weak.Pointer.Value` loads the handle; while a concurrent
//! mark runs it shades the object, since the result may be the only
//! strong reference and stacks are not scanned again. The load and the
//! shade run in one runtime call without a safe point, so a mark
//! termination (which stops the world) cannot fall between them, and a
//! non-zero handle never names a freed object (handles are cleared with
//! the world stopped, before sweeping frees anything). Pointers outside
//! the heap (globals, zero-sized values) keep their handle forever.
//!
//! Invariants: the tables and the queue are touched with `HEAP_LOCK` held
//! (never across an allocation: mallocgc takes it) or by the
//! stopped-world collector; the cleanup goroutine is a system goroutine
//! while it waits for work (deadlock reports and NumGoroutine leave it
//! out, as gc's isSystemGoroutine).

use crate::mfinal::{unlock_heap, StaticClosure};
use crate::mgcmark::Marker;
use crate::runtime2::G;
use core::cell::UnsafeCell;
use core::sync::atomic::Ordering::Relaxed;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize};
use std::collections::{HashMap, VecDeque};

struct State {
    /// Object base -> its cleanups (id, `func()` closure).
    cleanups: Option<HashMap<usize, Vec<(u64, usize)>>>,
    next_id: u64,
    /// Cleanups of unreachable objects, to run.
    queue: VecDeque<usize>,
    g_created: bool,
    g_waiting: bool,
    /// Pointer -> weak handle.
    weak: Option<HashMap<usize, usize>>,
}

struct Cell(UnsafeCell<State>);

// SAFETY: accessed with HEAP_LOCK held (module invariants).
unsafe impl Sync for Cell {}

static STATE: Cell = Cell(UnsafeCell::new(State {
    cleanups: None,
    next_id: 1,
    queue: VecDeque::new(),
    g_created: false,
    g_waiting: false,
    weak: None,
}));

/// The cleanup goroutine and whether it runs a cleanup.
static CLEANUP_G: AtomicPtr<G> = AtomicPtr::new(core::ptr::null_mut());
static RUNNING: AtomicBool = AtomicBool::new(false);

#[allow(clippy::mut_from_ref)] // HEAP_LOCK; short non-overlapping sections
fn st() -> &'static mut State {
    // SAFETY: HEAP_LOCK held (or the world stopped); callers do not hold it
    // across allocations, calls into Go code or goroutine switches.
    unsafe { &mut *STATE.0.get() }
}

/// gc's isSystemGoroutine for the cleanup goroutine: while it waits.
pub fn is_system_goroutine(g: &G) -> bool {
    core::ptr::eq(g, CLEANUP_G.load(Relaxed))
        && !RUNNING.load(Relaxed)
        && g.status.load(Relaxed) == crate::runtime2::G_WAITING
}

/// The cleanup goroutine exists and is a system goroutine now.
pub fn cleanup_g_is_system() -> bool {
    let g = CLEANUP_G.load(Relaxed);
    // SAFETY: the cleanup goroutine is a leaked, never freed G.
    !g.is_null() && is_system_goroutine(unsafe { &*g })
}

/// Roots: cleanup closures (registered and queued) and weak handles.
pub fn mark_roots(mk: &mut Marker) {
    let s = st();
    if let Some(t) = &s.cleanups {
        for v in t.values() {
            for &(_, f) in v {
                mk.mark(f);
            }
        }
    }
    for &f in s.queue.iter() {
        mk.mark(f);
    }
    if let Some(w) = &s.weak {
        for &h in w.values() {
            mk.mark(h);
        }
    }
}

/// After marking, before finalizers are queued: clear the weak handles of
/// unmarked objects.
pub fn clear_weak(mk: &Marker) {
    let Some(w) = &mut st().weak else { return };
    w.retain(|&p, &mut h| {
        if mk.is_marked(p) {
            return true;
        }
        // SAFETY: h is a live handle (a root), its first word the pointer.
        unsafe { (*(h as *const AtomicUsize)).store(0, Relaxed) };
        false
    });
}

/// After the finalizers' resurrection has been marked: queue the cleanups
/// of objects that are still unmarked.
pub fn queue_unreachable(mk: &Marker) {
    let s = st();
    let Some(t) = &mut s.cleanups else { return };
    let dead: Vec<usize> = t.keys().copied().filter(|&o| !mk.is_marked(o)).collect();
    for o in dead {
        for (_, f) in t.remove(&o).expect("listed cleanup") {
            s.queue.push_back(f);
        }
    }
}

/// Ready the cleanup goroutine if cleanups are queued (after a cycle, on
/// a goroutine stack).
pub fn wake() {
    crate::malloc::HEAP_LOCK.lock();
    let s = st();
    let g = CLEANUP_G.load(Relaxed);
    let wake = !s.queue.is_empty() && s.g_waiting && !g.is_null();
    if wake {
        s.g_waiting = false;
    }
    crate::malloc::HEAP_LOCK.unlock();
    if wake {
        // SAFETY: a leaked, never freed G, parked (gopark released
        // HEAP_LOCK after parking it).
        crate::sched::goready(unsafe { &*g });
    }
}

static CLEANUP_CLOSURE: StaticClosure = StaticClosure { code: runcleanups };

/// The cleanup goroutine's body (gc's runCleanups).
extern "C" fn runcleanups(_ctx: *mut u8) {
    CLEANUP_G.store(crate::proc::getg() as *const G as *mut G, Relaxed);
    loop {
        // The closure leaves the queue (a root) only to live in this frame
        // (on a scanned stack) while it runs.
        crate::malloc::HEAP_LOCK.lock();
        let Some(f) = st().queue.pop_front() else {
            st().g_waiting = true;
            crate::sched::gopark(
                crate::runtime2::WaitReason::CleanupWait,
                Some(unlock_heap),
                core::ptr::null_mut(),
            );
            continue;
        };
        RUNNING.store(true, Relaxed);
        crate::malloc::HEAP_LOCK.unlock();
        // SAFETY: f is a `func()` closure object whose first word is its code.
        unsafe {
            let code: extern "C" fn(*mut u8) = core::mem::transmute(*(f as *const usize));
            code(f as *mut u8);
        }
        RUNNING.store(false, Relaxed);
        core::hint::black_box(f);
    }
}

/// The allocated object containing `p`: (base, size), or None outside
/// the heap.
fn object_of(p: usize) -> Option<(usize, usize)> {
    let h = crate::mgcmark::heap();
    let s = h.span_of(p)?;
    let i = s.obj_index(p);
    if i >= s.nelems || !s.is_allocated(i) {
        return None;
    }
    let base = s.start + i * s.elemsize;
    let size = if s.sizeclass() == 0 { s.largesize } else { s.elemsize };
    Some((base, size))
}

/// `runtime.addCleanup(ptr, arg, cleanup, fn unsafe.Pointer, id *uint64)
/// int`: register `fn` (the `func()` calling cleanup(arg)) for the object
/// containing `ptr`. `arg` is arg's value when it is a pointer (else nil),
/// `cleanup` the user's func value. Returns 0 (registered, `*id` set),
/// 1 (ptr is not in the heap: a no-op, as gc's for linker-allocated
/// objects), 2 (arg points into the object), 3 (cleanup's closure refers
/// to the object); the Go side panics with gc's messages for 2 and 3.
///
/// # Safety
/// `fn_` is a `func()` closure object; `id` is writable.
#[export_name = "runtime.addCleanup"]
pub unsafe extern "C" fn add_cleanup(
    ptr: *mut u8,
    arg: *mut u8,
    cleanup: *mut u8,
    fn_: *mut u8,
    id: *mut u64,
) -> i64 {
    crate::malloc::ensure_init();
    let Some((base, size)) = object_of(ptr as usize) else {
        return 1;
    };
    // A tiny block (malloc.rs) holds several objects: only `ptr` itself
    // is the object (gc captures closure variables by value and exempts
    // arguments in tiny blocks; rgoc's closures point to their captured
    // variables' boxes, which may share ptr's block).
    let tiny = crate::mgcmark::heap()
        .span_of(base)
        .is_some_and(|s| crate::malloc::is_tiny_span(s));
    let inside = |v: usize| if tiny { v == ptr as usize } else { v >= base && v < base + size };
    if !arg.is_null() && inside(arg as usize) {
        return 2;
    }
    // gc checks the closure's pointer words (small objects: the bitmap).
    let h = crate::mgcmark::heap();
    if let Some(s) = h.span_of(cleanup as usize) {
        if s.sizeclass() != 0 && !s.noscan() {
            let cb = s.start + s.obj_index(cleanup as usize) * s.elemsize;
            let mut w = cb;
            while w < cb + s.elemsize {
                // SAFETY: a word of the live closure object.
                if h.is_pointer_word(w) && inside(unsafe { *(w as *const usize) }) {
                    return 3;
                }
                w += 8;
            }
        }
    }
    crate::malloc::HEAP_LOCK.lock();
    let s = st();
    let n = s.next_id;
    s.next_id += 1;
    s.cleanups.get_or_insert_with(HashMap::new).entry(base).or_default().push((n, fn_ as usize));
    let start = !s.g_created;
    s.g_created = true;
    crate::malloc::HEAP_LOCK.unlock();
    if start {
        crate::sched::newproc(&CLEANUP_CLOSURE as *const StaticClosure as *mut u8);
    }
    // SAFETY: the caller passes a writable id.
    unsafe { *id = n };
    core::hint::black_box(ptr);
    0
}

/// `runtime.stopCleanup(ptr uintptr, id uint64)`: Cleanup.Stop. Does
/// nothing once the cleanup was queued (gc's documented behaviour).
#[export_name = "runtime.stopCleanup"]
pub extern "C" fn stop_cleanup(ptr: usize, id: u64) {
    let Some((base, _)) = object_of(ptr) else { return };
    crate::malloc::HEAP_LOCK.lock();
    if let Some(t) = &mut st().cleanups {
        if let Some(v) = t.get_mut(&base) {
            v.retain(|&(i, _)| i != id);
            if v.is_empty() {
                t.remove(&base);
            }
        }
    }
    crate::malloc::HEAP_LOCK.unlock();
}

fn lookup_weak(p: usize) -> Option<usize> {
    st().weak.as_ref().and_then(|w| w.get(&p).copied())
}

/// `runtime.registerWeakPointer(p) unsafe.Pointer` (weak.Make): the
/// canonical weak handle of `p` (one per pointer value, so weak pointers
/// made from equal pointers are equal).
///
/// # Safety
/// `p` is a valid Go pointer (not nil).
#[export_name = "runtime.registerWeakPointer"]
pub unsafe extern "C" fn register_weak_pointer(p: *mut u8) -> *mut u8 {
    crate::malloc::ensure_init();
    crate::malloc::HEAP_LOCK.lock();
    let found = lookup_weak(p as usize);
    crate::malloc::HEAP_LOCK.unlock();
    if let Some(h) = found {
        return h as *mut u8;
    }
    // Allocated without the lock (mallocgc takes it); p stays live in
    // this frame, which the collector scans.
    // SAFETY: a fresh zeroed pointer-free object.
    let nh = unsafe { crate::malloc::mallocgc_noscan(16, true) };
    // SAFETY: a fresh object of 16 bytes.
    unsafe { *(nh as *mut usize) = p as usize };
    crate::malloc::HEAP_LOCK.lock();
    let h = *st()
        .weak
        .get_or_insert_with(HashMap::new)
        .entry(p as usize)
        .or_insert(nh as usize);
    crate::malloc::HEAP_LOCK.unlock();
    core::hint::black_box(p);
    h as *mut u8
}

/// `runtime.makeStrongFromWeak(h) unsafe.Pointer` (weak.Pointer.Value):
/// the pointer, or nil once its object was collected.
///
/// # Safety
/// `h` is a handle from register_weak_pointer.
#[export_name = "runtime.makeStrongFromWeak"]
pub unsafe extern "C" fn make_strong_from_weak(h: *mut u8) -> *mut u8 {
    // SAFETY: a live handle.
    let p = unsafe { (*(h as *const AtomicUsize)).load(Relaxed) };
    if p != 0 {
        crate::mgcmark::shade(p);
    }
    p as *mut u8
}
