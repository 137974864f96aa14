//! Memory allocator (gc's malloc.go, mcache.go, mcentral.go): the entry
//! points generated code calls, over the page heap of mheap.rs.
//!
//! Mechanism: an allocation of at most 32 KiB is rounded up to one of gc's
//! 67 size classes (`slice.rs` has the tables) and served from a span of
//! that class: each P's [`MCache`] holds one span per *span class* (size
//! class x scan/noscan) and hands out its free slots in address order with
//! no lock; when that span is full the cache takes (with `HEAP_LOCK`) a
//! swept span with free slots from the class's [`MCentral`], or sweeps
//! unswept spans until one turns up (mgcsweep.rs), or gets a fresh span
//! from the heap. Larger objects get a span of their own, with the lock.
//! Objects whose type has no pointers go to *noscan* spans, which the
//! collector never looks into; for the others `mallocgc` records the
//! pointer words of the object in the heap's pointer bitmap (from the
//! type's `gcdata`, repeated for arrays; every word for untyped, null-`typ`
//! allocations), or, for large objects, keeps the type in the span.
//!
//! Contract with generated code (ABI): `runtime.mallocgc(size, typ,
//! needzero)` returns `size` bytes aligned to 8 (16 for sizes >= 16),
//! zeroed when `needzero` is set or when the type has pointers;
//! `runtime.newobject(typ)` = `mallocgc(typ.size, typ, 1)`. `typ` describes
//! the element when `size` is a multiple of its size (arrays, slices).
//!
//! The collector is paced from the slow paths only (a span refill or a large
//! object): they may start a cycle or, while one marks, make the goroutine
//! assist (mgc.rs `alloc_slow_hook`), always before the new object exists.
//! While marking, new objects are marked at once (allocate black).
//!
//! Invariants:
//! - a P's cache is touched only by the M holding the P, or by a collector
//!   with the world stopped; a cached span is swept, in use and on no
//!   central list;
//! - the centrals, the heap, `stats` and the unswept list are touched with
//!   `HEAP_LOCK` held (or the world stopped);
//! - `Stats::heap_live` counts every slot of a cached span as allocated
//!   (charged when the span is cached, the unused part given back when it
//!   is released) plus the allocated slots of all other spans;
//! - allocation counts are kept per cache and folded into `stats` when the
//!   cache refills or is flushed.

use crate::mheap::{size_to_class, MHeap, MSpan, NUM_SPAN_CLASSES, PAGE_SHIFT, PAGE_SIZE};
use crate::slice::{MAX_SMALL_SIZE, NUM_SIZE_CLASSES};
use crate::types::Type;
use core::cell::UnsafeCell;
use core::ptr::null_mut;
use core::sync::atomic::Ordering::Relaxed;

/// Per-P allocation cache.
pub struct MCache {
    pub alloc: [*mut MSpan; NUM_SPAN_CLASSES],
    /// Small objects allocated per size class since the last fold.
    pub mallocs: [u64; NUM_SIZE_CLASSES],
    /// Bytes (slot sizes) allocated since the last fold.
    pub bytes: u64,
    /// Bytes allocated black (while marking) since the last fold.
    pub black: usize,
    /// gc's tiny allocator: the current 16-byte pointer-free block that
    /// small pointer-free objects are packed into (0: none), the offset of
    /// its first free byte, and the objects packed since the last fold.
    pub tiny: usize,
    pub tiny_off: usize,
    pub tiny_allocs: u64,
    /// The span of `tiny` (to mark it, see mallocgc).
    pub tiny_span: *const MSpan,
}

impl MCache {
    pub const fn new() -> MCache {
        MCache {
            alloc: [null_mut(); NUM_SPAN_CLASSES],
            mallocs: [0; NUM_SIZE_CLASSES],
            bytes: 0,
            black: 0,
            tiny: 0,
            tiny_off: 0,
            tiny_allocs: 0,
            tiny_span: core::ptr::null(),
        }
    }
}

impl Default for MCache {
    fn default() -> Self {
        Self::new()
    }
}

/// Swept spans of one span class that have free slots.
#[derive(Clone, Copy)]
pub struct MCentral {
    pub partial: crate::mheap::SpanList,
}

/// Allocation statistics (HEAP_LOCK).
pub struct Stats {
    /// Objects allocated (tiny blocks count once, not their contents).
    pub mallocs: u64,
    /// Objects packed into tiny blocks (gc's tinyAllocs: MemStats counts
    /// them in both Mallocs and Frees).
    pub tiny_allocs: u64,
    pub frees: u64,
    pub total_alloc: u64,
    /// Bytes in allocated objects (slot sizes; see the invariants).
    pub heap_live: usize,
    pub class_mallocs: [u64; NUM_SIZE_CLASSES],
    pub class_frees: [u64; NUM_SIZE_CLASSES],
}

/// All allocator and collector state but the caches.
pub struct MemState {
    pub heap: MHeap,
    pub central: [MCentral; NUM_SPAN_CLASSES],
    /// Spans marked in the last cycle and not swept since (mgcsweep.rs);
    /// swept spans are in `heap.allspans`.
    pub unswept: Vec<*mut MSpan>,
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
            unswept: Vec::new(),
            stats: Stats {
                mallocs: 0,
                tiny_allocs: 0,
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

impl Default for MemState {
    fn default() -> Self {
        Self::new()
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

/// One cache per possible P, and one (the last) for allocations on an M
/// without a P, used with HEAP_LOCK held.
struct CacheCell(UnsafeCell<MCache>);
// SAFETY: each cache has one user at a time (module invariants).
unsafe impl Sync for CacheCell {}
const NO_P: usize = crate::sched::MAX_PROCS;
static CACHES: [CacheCell; NO_P + 1] = [const { CacheCell(UnsafeCell::new(MCache::new())) }; NO_P + 1];

#[inline(always)]
#[allow(clippy::mut_from_ref)]
fn cache(i: usize) -> &'static mut MCache {
    // SAFETY: the owner of P i (or HEAP_LOCK for NO_P).
    unsafe { &mut *CACHES[i].0.get() }
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

/// Fold a cache's allocation counts into the statistics. HEAP_LOCK held.
fn fold_stats(m: &mut MemState, c: &mut MCache) {
    let mut n = 0;
    for (i, k) in c.mallocs.iter_mut().enumerate() {
        m.stats.class_mallocs[i] += *k;
        n += core::mem::take(k);
    }
    m.stats.mallocs += n;
    m.stats.tiny_allocs += core::mem::take(&mut c.tiny_allocs);
    m.stats.total_alloc += core::mem::take(&mut c.bytes);
    let black = core::mem::take(&mut c.black);
    if black != 0 {
        crate::mgcmark::MARKED_BYTES.fetch_add(black, Relaxed);
    }
}

/// Give a cached span back: its unused slots stop counting as live.
fn uncache_span(m: &mut MemState, s: *mut MSpan) {
    // SAFETY: s is a live span that was cached.
    let s = unsafe { &*s };
    m.stats.heap_live -= (s.nelems - s.alloc_count) * s.elemsize;
}

/// Release every span of cache `c` and fold its counts (gc's
/// mcache.releaseAll). HEAP_LOCK held or the world stopped.
pub fn flush_cache(m: &mut MemState, c: &mut MCache) {
    // The tiny block may be unreachable by the next sweep: start a new one
    // (gc's releaseAll).
    c.tiny = 0;
    c.tiny_off = 0;
    c.tiny_span = core::ptr::null();
    for spc in 0..NUM_SPAN_CLASSES {
        let s = core::mem::replace(&mut c.alloc[spc], null_mut());
        if !s.is_null() {
            uncache_span(m, s);
        }
    }
    fold_stats(m, c);
}

/// Flush every cache (gc's flushallmcaches). World stopped, HEAP_LOCK held.
pub fn flush_all_caches(m: &mut MemState) {
    for i in 0..crate::sched::allp_len() {
        flush_cache(m, cache(i));
    }
    flush_cache(m, cache(NO_P));
}

/// The caches of P `id` when the P is destroyed (GOMAXPROCS shrank).
pub fn release_p_cache(id: usize) {
    HEAP_LOCK.lock();
    flush_cache(mem(), cache(id));
    HEAP_LOCK.unlock();
}

/// The cache's span of class `spc` is full: get one with free slots (gc's
/// mcache.refill + mcentral.cacheSpan). HEAP_LOCK held.
fn refill(m: &mut MemState, c: &mut MCache, spc: usize) -> *mut MSpan {
    let old = c.alloc[spc];
    if !old.is_null() {
        uncache_span(m, old);
    }
    fold_stats(m, c);
    let s = match m.central[spc].partial.pop() {
        Some(s) => s,
        None => match crate::mgcsweep::sweep_for_class(m, spc) {
            Some(s) => s,
            None => {
                let npages = m.heap.classes[spc >> 1].npages;
                alloc_span(m, npages, spc as u8)
            }
        },
    };
    // SAFETY: a swept span in use.
    let sp = unsafe { &*s };
    m.stats.heap_live += (sp.nelems - sp.alloc_count) * sp.elemsize;
    c.alloc[spc] = s;
    s
}

/// A span of `npages` pages from the heap, sweeping first where that frees
/// pages instead of growing the heap. HEAP_LOCK held.
fn alloc_span(m: &mut MemState, npages: usize, spc: u8) -> *mut MSpan {
    if !m.unswept.is_empty() && !m.heap.has_free(npages) {
        crate::mgcsweep::sweep_until_free(m, npages);
    }
    m.heap.alloc_span(npages, spc)
}

/// The allocator lock: the centrals, heap, statistics, collector knobs,
/// unswept list and finalizer table are touched with it held (or by the
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
    if crate::mgc::STRESS.load(Relaxed) != 0 {
        crate::mgc::stress_tick();
    }
    // SAFETY: caller contract.
    let noscan = !typ.is_null() && unsafe { (*typ).ptrdata } == 0;
    if size > MAX_SMALL_SIZE {
        crate::mgc::alloc_slow_hook(size);
        HEAP_LOCK.lock();
        // SAFETY: forwarded; HEAP_LOCK held.
        let (s, zero) = unsafe { alloc_large_span(mem(), size, typ, needzero != 0) };
        HEAP_LOCK.unlock();
        // SAFETY: s is the fresh span of this object.
        let p = unsafe { (*s).start };
        if zero {
            // Without the lock and with safe points: clearing a large
            // object can take milliseconds, and a stop of the world must
            // not wait for it. Until it is clear the span has no type, so
            // a marker scans it conservatively (stale words are then at
            // worst floating garbage).
            let mut off = 0;
            while off < size {
                let n = (size - off).min(256 << 10);
                // SAFETY: the object's memory.
                unsafe { core::ptr::write_bytes((p + off) as *mut u8, 0, n) };
                off += n;
                if off < size && crate::mgc::gcwaiting() {
                    crate::sched::gc_safepoint();
                }
            }
            // SAFETY: as above; a word-sized store the markers read.
            unsafe { core::ptr::write_volatile(core::ptr::addr_of_mut!((*s).largetype), typ) };
        }
        return p as *mut u8;
    }
    let class = size_to_class(size);
    let spc = class << 1 | noscan as usize;
    loop {
        let Some(pid) = crate::sched::curp_id() else {
            HEAP_LOCK.lock();
            ensure_init();
            // SAFETY: forwarded; HEAP_LOCK held, the no-P cache is ours.
            let p = unsafe { malloc_small(mem(), cache(NO_P), size, typ, needzero != 0) };
            HEAP_LOCK.unlock();
            return p as *mut u8;
        };
        let c = cache(pid);
        if noscan && size < TINY_SIZE {
            // gc's tiny allocator: pack pointer-free objects under 16
            // bytes into one 16-byte block, aligned to their size's
            // alignment; the block is freed when none of them is
            // reachable.
            let align = if size & 7 == 0 {
                8
            } else if size & 3 == 0 {
                4
            } else if size & 1 == 0 {
                2
            } else {
                1
            };
            let off = (c.tiny_off + align - 1) & !(align - 1);
            if c.tiny != 0 && off + size <= TINY_SIZE {
                c.tiny_off = off + size;
                c.tiny_allocs += 1;
                if crate::mgcmark::MARKING.load(Relaxed) {
                    // The block may predate this mark phase (caches are
                    // flushed when it ends): the new object must survive
                    // it, so the block is allocated black now.
                    // SAFETY: tiny_span is the live, cached span of tiny.
                    let s = unsafe { &*c.tiny_span };
                    if !s.test_and_set_mark(s.obj_index(c.tiny)) {
                        c.black += s.elemsize;
                    }
                }
                return (c.tiny + off) as *mut u8;
            }
            let s = c.alloc[TINY_SPC];
            if !s.is_null() {
                // SAFETY: cached spans are live, in-use spans of this P.
                if let Some(p) = unsafe { (*s).next_free() } {
                    let h = core::ptr::addr_of_mut!(mem().heap);
                    // SAFETY: forwarded; p is a fresh slot of s, zeroed
                    // whole (the rest of the block is handed out later).
                    let p = unsafe { finish_small(h, c, &*s, p, TINY_SIZE_CLASS, TINY_SIZE, typ, true, true) };
                    // Keep whichever block has more room left.
                    if c.tiny == 0 || size < c.tiny_off {
                        c.tiny = p;
                        c.tiny_off = size;
                        c.tiny_span = s;
                    }
                    return p as *mut u8;
                }
            }
            // Refill the 16-byte class below, then take the tiny path again.
            crate::mgc::alloc_slow_hook(CLASS_SPAN_BYTES[TINY_SIZE_CLASS]);
            let Some(pid) = crate::sched::curp_id() else {
                continue;
            };
            HEAP_LOCK.lock();
            refill(mem(), cache(pid), TINY_SPC);
            HEAP_LOCK.unlock();
            continue;
        }
        let s = c.alloc[spc];
        if !s.is_null() {
            // SAFETY: cached spans are live, in-use spans of this P.
            if let Some(p) = unsafe { (*s).next_free() } {
                // SAFETY: forwarded; p is a fresh slot of s.
                let h = core::ptr::addr_of_mut!(mem().heap);
                return unsafe { finish_small(h, c, &*s, p, class, size, typ, needzero != 0, noscan) } as *mut u8;
            }
        }
        // Slow path: pace the collector first (this may switch Ps), then
        // refill the cache of the P we are on.
        crate::mgc::alloc_slow_hook(CLASS_SPAN_BYTES[class]);
        let Some(pid) = crate::sched::curp_id() else {
            continue;
        };
        HEAP_LOCK.lock();
        refill(mem(), cache(pid), spc);
        HEAP_LOCK.unlock();
    }
}

/// Pointer-free objects smaller than this are packed into blocks of this
/// size (gc's maxTinySize).
pub const TINY_SIZE: usize = 16;
/// The size class of 16-byte objects and its pointer-free span class.
const TINY_SIZE_CLASS: usize = 2;
const TINY_SPC: usize = TINY_SIZE_CLASS << 1 | 1;

/// Bytes of a span of each size class (the pacing charge of a refill).
static CLASS_SPAN_BYTES: [usize; NUM_SIZE_CLASSES] = {
    let mut t = [0usize; NUM_SIZE_CLASSES];
    let mut c = 1;
    while c < NUM_SIZE_CLASSES {
        t[c] = (crate::slice::CLASS_TO_NPAGES[c] as usize) << PAGE_SHIFT;
        c += 1;
    }
    t
};

/// A small object from cache `c`, refilling it (with `m`: HEAP_LOCK held)
/// when its span is full. No collection starts here.
///
/// # Safety
/// `typ` is a valid descriptor or null; 0 < `size` <= MAX_SMALL_SIZE; the
/// heap is initialised; `c` is the caller's.
pub unsafe fn malloc_small(m: &mut MemState, c: &mut MCache, size: usize, typ: *const Type, needzero: bool) -> usize {
    // SAFETY: caller contract.
    let noscan = !typ.is_null() && unsafe { (*typ).ptrdata } == 0;
    let class = size_to_class(size);
    let spc = class << 1 | noscan as usize;
    let mut s = c.alloc[spc];
    // SAFETY: cached spans are live, in-use spans.
    let p = match (!s.is_null()).then(|| unsafe { (*s).next_free() }).flatten() {
        Some(p) => p,
        None => {
            s = refill(m, c, spc);
            // SAFETY: refill returns a span with a free slot.
            unsafe { (*s).next_free() }.expect("refilled span has a free slot")
        }
    };
    // SAFETY: forwarded; p is a fresh slot of the live span s.
    unsafe { finish_small(&mut m.heap, c, &*s, p, class, size, typ, needzero, noscan) }
}

/// Make the fresh slot `p` of span `s` (cached by `c`) an object of `size`
/// bytes of `typ`: black while marking, zeroed, its pointer words recorded.
///
/// # Safety
/// As malloc_small; `p` was just taken from `s`.
#[allow(clippy::too_many_arguments)] // one allocation's facts
#[inline(always)]
unsafe fn finish_small(
    heap: *mut MHeap,
    c: &mut MCache,
    s: &MSpan,
    p: usize,
    class: usize,
    size: usize,
    typ: *const Type,
    needzero: bool,
    noscan: bool,
) -> usize {
    if crate::mgcmark::MARKING.load(Relaxed) {
        s.test_and_set_mark(s.obj_index(p));
        c.black += s.elemsize;
    }
    if s.needzero && (needzero || !noscan) {
        // Pointerful slots are cleared whole, so no stale word looks like a
        // pointer; noscan ones only as far as asked.
        let n = if noscan { size } else { s.elemsize };
        if n <= 64 && n % 8 == 0 {
            // Small: a few word stores beat a call to memset.
            for k in 0..n / 8 {
                // SAFETY: p is an 8-aligned slot of elemsize >= n bytes.
                unsafe { *(p as *mut u64).add(k) = 0 };
            }
        } else {
            // SAFETY: p is a slot of elemsize >= size bytes.
            unsafe { core::ptr::write_bytes(p as *mut u8, 0, n) };
        }
    }
    if !noscan {
        // SAFETY: the bitmap words of this span's objects belong to the
        // cache owner (spans are page-aligned, bitmap words cover 512 B).
        unsafe {
            if typ.is_null() || !(*heap).set_type_bits_small(p, s.elemsize, &*typ, size) {
                (*heap).set_type_bits(p, s.elemsize, typ, size);
            }
        }
    }
    c.mallocs[class] += 1;
    c.bytes += s.elemsize as u64;
    p
}

/// A large object in a span of its own. HEAP_LOCK held.
///
/// # Safety
/// `typ` is a valid descriptor or null; `size` > MAX_SMALL_SIZE; the heap
/// is initialised.
pub unsafe fn alloc_large(m: &mut MemState, size: usize, typ: *const Type, needzero: bool) -> usize {
    // SAFETY: forwarded.
    let (s, zero) = unsafe { alloc_large_span(m, size, typ, needzero) };
    // SAFETY: the fresh span.
    unsafe {
        if zero {
            core::ptr::write_bytes((*s).start as *mut u8, 0, size);
            (*s).largetype = typ;
        }
        (*s).start
    }
}

/// The span of a new large object, and whether its memory must still be
/// cleared (then the span's type is left null until the caller has done
/// so and sets it). HEAP_LOCK held.
///
/// # Safety
/// As alloc_large.
pub unsafe fn alloc_large_span(
    m: &mut MemState,
    size: usize,
    typ: *const Type,
    needzero: bool,
) -> (*mut MSpan, bool) {
    m.heap.init();
    // SAFETY: caller contract.
    let noscan = !typ.is_null() && unsafe { (*typ).ptrdata } == 0;
    let npages = size.div_ceil(PAGE_SIZE);
    let s = alloc_span(m, npages, noscan as u8);
    // SAFETY: a fresh span.
    let sp = unsafe { &mut *s };
    let zero = sp.needzero && (needzero || !noscan);
    sp.largetype = if zero { core::ptr::null() } else { typ };
    sp.largesize = size;
    sp.alloc_count = 1;
    sp.freeindex = 1;
    if crate::mgcmark::MARKING.load(Relaxed) {
        sp.test_and_set_mark(0);
        crate::mgcmark::MARKED_BYTES.fetch_add(sp.elemsize, Relaxed);
    }
    let st = &mut m.stats;
    st.mallocs += 1;
    st.total_alloc += sp.elemsize as u64;
    st.heap_live += sp.elemsize;
    st.class_mallocs[0] += 1;
    (s, zero)
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
/// uint64)` expects), including what the caches have not folded yet.
#[export_name = "runtime.allocStats"]
pub extern "C" fn alloc_stats() -> AllocStats {
    HEAP_LOCK.lock();
    let st = &mem().stats;
    let mut r = AllocStats {
        bytes: st.total_alloc,
        objects: st.mallocs + st.tiny_allocs,
    };
    for i in (0..crate::sched::allp_len()).chain([NO_P]) {
        let c = cache(i);
        r.bytes += c.bytes;
        r.objects += c.mallocs.iter().sum::<u64>() + c.tiny_allocs;
    }
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
