//! Memory allocator (gc's malloc.go, mcache.go, mcentral.go): the entry
//! points generated code calls, over the page heap of mheap.rs.
//!
//! Mechanism: an allocation of at most 32 KiB is rounded up to one of gc's
//! 67 size classes (`slice.rs` has the tables) and served from a span of
//! that class: the [`MCache`] holds one span per *span class* (size class
//! x scan/noscan) and hands out its free slots in address order; when it is
//! full the cache takes a swept span with free slots from the class's
//! [`MCentral`], or a fresh span from the heap. Larger objects get a span
//! of their own. Objects whose type has no pointers go to *noscan* spans,
//! which the collector never looks into; for the others `mallocgc` records
//! the pointer words of the object in the heap's pointer bitmap (from the
//! type's `gcdata`, repeated for arrays; every word for untyped, null-`typ`
//! allocations), or, for large objects, keeps the type in the span.
//!
//! Contract with generated code (ABI): `runtime.mallocgc(size, typ,
//! needzero)` returns `size` bytes aligned to 8 (16 for sizes >= 16),
//! zeroed when `needzero` is set or when the type has pointers;
//! `runtime.newobject(typ)` = `mallocgc(typ.size, typ, 1)`. `typ` describes
//! the element when `size` is a multiple of its size (arrays, slices).
//!
//! Every allocation may start a collection first (mgc.rs), when the live
//! heap reached the trigger; the new object is therefore never seen by the
//! collector before it is returned.
//!
//! Invariants:
//! - one thread: the cache, centrals, heap and statistics are touched only
//!   by the running goroutine or by the stopped-world collector. With
//!   several Ms the cache becomes per-P (no lock), the centrals and the
//!   heap get gc's locks; statistics become per-P deltas;
//! - a span in the cache is in use and not on any central list;
//! - `MemState::heap_live` = sum of the slot sizes of allocated objects.

use crate::mheap::{size_to_class, MHeap, MSpan, NUM_SPAN_CLASSES, PAGE_SHIFT, PAGE_SIZE};
use crate::slice::{MAX_SMALL_SIZE, NUM_SIZE_CLASSES};
use crate::types::Type;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// Per-P allocation cache (one P today).
pub struct MCache {
    pub alloc: [*mut MSpan; NUM_SPAN_CLASSES],
}

/// Swept spans of one span class that have free slots.
#[derive(Clone, Copy)]
pub struct MCentral {
    pub partial: crate::mheap::SpanList,
}

/// Allocation statistics (gc's heapStats, consistent at any time on one
/// thread).
pub struct Stats {
    pub mallocs: u64,
    pub frees: u64,
    pub total_alloc: u64,
    /// Bytes in allocated objects (slot sizes).
    pub heap_live: usize,
    pub class_mallocs: [u64; NUM_SIZE_CLASSES],
    pub class_frees: [u64; NUM_SIZE_CLASSES],
}

/// All allocator and collector state.
pub struct MemState {
    pub heap: MHeap,
    pub central: [MCentral; NUM_SPAN_CLASSES],
    pub cache: MCache,
    pub stats: Stats,
    pub gc: crate::mgc::GcState,
}

struct MemCell(UnsafeCell<MemState>);

// SAFETY: accessed with HEAP_LOCK held or with the world stopped
// (module invariants).
unsafe impl Sync for MemCell {}

impl MemState {
    pub const fn new() -> MemState {
        MemState {
            heap: MHeap::new(),
            central: [MCentral {
                partial: crate::mheap::SpanList::new(),
            }; NUM_SPAN_CLASSES],
            cache: MCache {
                alloc: [null_mut(); NUM_SPAN_CLASSES],
            },
            stats: Stats {
                mallocs: 0,
                frees: 0,
                total_alloc: 0,
                heap_live: 0,
                class_mallocs: [0; NUM_SIZE_CLASSES],
                class_frees: [0; NUM_SIZE_CLASSES],
            },
            gc: crate::mgc::GcState::new(),
        }
    }
}

static MEM: MemCell = MemCell(UnsafeCell::new(MemState::new()));

/// The allocator state. Callers keep the borrow short and do not hold it
/// across a collection or a goroutine switch.
#[inline(always)]
#[allow(clippy::mut_from_ref)] // HEAP_LOCK; see MemCell and the invariants
pub fn mem() -> &'static mut MemState {
    // SAFETY: HEAP_LOCK held or world stopped; sections do not overlap
    // (module invariants).
    unsafe { &mut *MEM.0.get() }
}

#[cold]
fn mallocinit() {
    let m = mem();
    m.heap.init();
    crate::mgc::gcinit();
}

/// Initialise the heap if no allocation did yet.
/// HEAP_LOCK must be held.
pub fn ensure_init() {
    if mem().heap.arena_base == 0 {
        mallocinit();
    }
}

/// Give every cached span back (before a collection sweeps them; gc's
/// flushmcache). The spans stay in `allspans`; sweeping relists them.
pub fn flush_mcache(m: &mut MemState) {
    m.cache.alloc = [null_mut(); NUM_SPAN_CLASSES];
}

/// The cache's span of class `spc` is full: get one with free slots (gc's
/// mcache.refill + mcentral.cacheSpan).
#[cold]
fn refill(m: &mut MemState, spc: usize) -> *mut MSpan {
    let s = match m.central[spc].partial.pop() {
        Some(s) => s,
        None => {
            let npages = m.heap.classes[spc >> 1].npages;
            m.heap.alloc_span(npages, spc as u8)
        }
    };
    m.cache.alloc[spc] = s;
    s
}

/// The allocator lock: the cache, centrals, heap, statistics, collector
/// knobs and finalizer table are touched with it held (or by the
/// collector, which holds it while the world is stopped). Never held
/// across a collection or a goroutine switch.
pub static HEAP_LOCK: crate::lock::Mutex = crate::lock::Mutex::new();

/// # Safety
/// `typ` is a valid descriptor or null.
#[export_name = "runtime.mallocgc"]
pub unsafe extern "C" fn mallocgc(size: usize, typ: *const Type, needzero: u8) -> *mut u8 {
    if size == 0 {
        return crate::slice::zerobase();
    }
    // A stop-the-world is pending: allocation is a safe point.
    if crate::mgc::gcwaiting() {
        crate::sched::gc_safepoint();
    }
    HEAP_LOCK.lock();
    let due = {
        let m = mem();
        if m.heap.arena_base == 0 {
            mallocinit();
        }
        m.stats.heap_live >= m.gc.trigger && crate::mgc::gc_due(m)
    };
    if due {
        HEAP_LOCK.unlock();
        crate::mgc::gc_start(false);
        HEAP_LOCK.lock();
    }
    // SAFETY: forwarded; HEAP_LOCK held.
    let p = unsafe { malloc_in(mem(), size, typ, needzero != 0) as *mut u8 };
    HEAP_LOCK.unlock();
    p
}

/// The allocation itself, in the allocator state `m` (the global one, or a
/// private one in tests); no collection starts here.
///
/// # Safety
/// `typ` is a valid descriptor or null; `size` > 0; `m`'s heap is
/// initialised.
pub unsafe fn malloc_in(m: &mut MemState, size: usize, typ: *const Type, needzero: bool) -> usize {
    // SAFETY: caller contract.
    let noscan = !typ.is_null() && unsafe { (*typ).ptrdata } == 0;
    let (p, elemsize, class, zero) = if size <= MAX_SMALL_SIZE {
        let class = size_to_class(size);
        let spc = class << 1 | noscan as usize;
        let mut s = m.cache.alloc[spc];
        // SAFETY: cached spans are live, in-use spans.
        let p = match (!s.is_null())
            .then(|| unsafe { (*s).next_free() })
            .flatten()
        {
            Some(p) => p,
            None => {
                s = refill(m, spc);
                // SAFETY: refill returns a span with a free slot.
                unsafe { (*s).next_free() }.expect("refilled span has a free slot")
            }
        };
        // SAFETY: s is live.
        let (elemsize, nz) = unsafe { ((*s).elemsize, (*s).needzero) };
        (p, elemsize, class, nz)
    } else {
        let npages = size.div_ceil(PAGE_SIZE);
        let s = m.heap.alloc_span(npages, 0);
        // SAFETY: a fresh span.
        unsafe {
            (*s).largetype = typ;
            (*s).largesize = size;
            (*s).alloc_count = 1;
            (*s).freeindex = 1;
            ((*s).start, npages << PAGE_SHIFT, 0, (*s).needzero)
        }
    };
    if zero && (needzero || !noscan) {
        // Pointerful slots are cleared whole, so no stale word looks like a
        // pointer; noscan ones only as far as asked.
        let n = if noscan || class == 0 { size } else { elemsize };
        // SAFETY: p is a slot of elemsize >= size bytes.
        unsafe { core::ptr::write_bytes(p as *mut u8, 0, n) };
    }
    if !noscan && class != 0 {
        m.heap.set_type_bits(p, elemsize, typ, size);
    }
    let st = &mut m.stats;
    st.mallocs += 1;
    st.total_alloc += elemsize as u64;
    st.heap_live += elemsize;
    st.class_mallocs[class] += 1;
    p
}

/// # Safety
/// `typ` is a valid type descriptor.
#[export_name = "runtime.newobject"]
pub unsafe extern "C" fn newobject(typ: *const Type) -> *mut u8 {
    // SAFETY: the caller passes a valid descriptor.
    let size = unsafe { (*typ).size };
    // SAFETY: forwarded.
    unsafe { mallocgc(size, typ, 1) }
}

/// Allocate `size` bytes that will never hold pointers (string contents,
/// byte data), so the collector never scans them.
///
/// # Safety
/// As `mallocgc`.
pub unsafe fn mallocgc_noscan(size: usize, needzero: bool) -> *mut u8 {
    // SAFETY: forwarded with a pointer-free descriptor.
    unsafe { mallocgc(size, &crate::error::T_UINT8, needzero as u8) }
}

/// The counters main's ReadMemStats used: {total bytes, objects}.
#[repr(C)]
pub struct AllocStats {
    pub bytes: u64,
    pub objects: u64,
}

/// {bytes, objects} allocated so far (rax:rdx, as `func() (uint64,
/// uint64)` expects).
#[export_name = "runtime.allocStats"]
pub extern "C" fn alloc_stats() -> AllocStats {
    HEAP_LOCK.lock();
    let st = &mem().stats;
    let r = AllocStats { bytes: st.total_alloc, objects: st.mallocs };
    HEAP_LOCK.unlock();
    r
}

/// gc's staticuint64s: entry k holds k, so an interface holding an integer
/// or bool whose bits are below 256 points here instead of to a new
/// object (little-endian: the low bytes of entry k are k for every size).
#[export_name = "runtime.staticuint64s"]
pub static STATICUINT64S: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = k as u64;
        k += 1;
    }
    t
};

/// The address of staticuint64s[k] (k < 256), for Go code (reflect).
#[export_name = "runtime.staticUint64"]
pub extern "C" fn static_uint64(k: u64) -> *const u64 {
    &STATICUINT64S[(k & 255) as usize]
}
