//! Marking (gc's mgcmark.go and mgcwork.go): finding the reachable heap
//! objects, by one thread with the world stopped or by several while the
//! program runs.
//!
//! Mechanism: an object is *grey* when its mark bit is set and it waits in
//! a work queue to be scanned, *black* once scanned (or when it has no
//! pointers). Each marker ([`Marker`]) keeps a local stack of grey objects
//! and shares the surplus through one global queue ([`work`], a lock-free
//! crossbeam Injector); the write barrier (mbarrier.rs, [`shade`]) pushes
//! the objects it greys straight onto the global queue.
//!
//! Who marks during a concurrent cycle (mgc.rs has the cycle):
//! - *idle Ps*: a P that finds no goroutine to run marks in slices of at
//!   most [`SLICE_NS`] (sched.rs findrunnable), stopping early when work
//!   appears or the world is to stop;
//! - *assists*: a goroutine whose allocation needs a new span during
//!   marking scans heap bytes in proportion to what it allocates
//!   (mgc.rs `assist`), so marking finishes before the heap overshoots
//!   its goal;
//! - the first marker that finds no grey object left anywhere (global queue
//!   empty, no marker active) ends the cycle (mgc.rs `mark_done`), whose
//!   stop-the-world drains whatever the barrier queued meanwhile.
//!
//! Pointer identification: a word is a pointer when it points into an
//! allocated object of an in-use span (interior pointers included). Heap
//! objects are scanned by the heap's pointer bitmap (small objects) or
//! the large span's type, globals by their type, stacks conservatively.
//!
//! Invariants:
//! - mark bits are only changed atomically (test_and_set_mark) while
//!   markers run; a span is swept only when no marker runs;
//! - objects allocated while `MARKING` is set are marked at allocation
//!   (black), and every object reachable when marking started is marked
//!   before it ends: stacks and globals are scanned in the first
//!   stop-the-world, and a pointer deleted from the heap or a global is
//!   shaded by the barrier first;
//! - `NACTIVE` counts markers that may hold grey objects outside the global
//!   queue (incremented before taking work).

use crate::mheap::{MHeap, MSpan};
use crate::proc::getg;
use crate::types::Type;
use core::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::*};
use crossbeam_deque::{Injector, Steal};

/// A concurrent mark phase is on: allocate black, barriers shade.
pub static MARKING: AtomicBool = AtomicBool::new(false);
/// Markers that may hold local grey objects.
pub static NACTIVE: AtomicUsize = AtomicUsize::new(0);
/// Bytes of objects marked this cycle (including allocated-black ones).
pub static MARKED_BYTES: AtomicUsize = AtomicUsize::new(0);
/// Bytes of objects scanned this cycle.
pub static SCANNED_BYTES: AtomicUsize = AtomicUsize::new(0);
/// Nanoseconds spent marking this cycle by assists and by idle Ps.
pub static ASSIST_NS: AtomicU64 = AtomicU64::new(0);
pub static IDLE_NS: AtomicU64 = AtomicU64::new(0);

/// Scan work done by idle Ps and not yet claimed by assists (gc's
/// bgScanCredit): an assist first takes its due from here.
pub static BG_CREDIT: core::sync::atomic::AtomicIsize = core::sync::atomic::AtomicIsize::new(0);

/// Nanoseconds of fractional marking this cycle, and when marking began.
pub static FRACTIONAL_NS: AtomicU64 = AtomicU64::new(0);
pub static MARK_START_NS: AtomicU64 = AtomicU64::new(0);

/// Share of GOMAXPROCS the background (fractional) marking aims at, in
/// percent (gc's gcBackgroundUtilization).
const BACKGROUND_PERCENT: u64 = 25;

/// Large objects are scanned in pieces of about this many bytes (gc uses
/// 128 KiB; scanning a piece full of pointers into a big heap costs about
/// 1 µs per 100 bytes here, so a smaller piece keeps markers responsive).
const OBLET: usize = 32 << 10;

/// A marker checks its reasons to stop at least once per this many bytes
/// scanned.
const CHECK_BYTES: usize = 16 << 10;

/// Prefetch window of a marker.
const AHEAD: usize = 8;

/// Longest stretch a marker works before looking at its reasons to stop.
pub const SLICE_NS: u64 = 500_000;

static WORK: std::sync::OnceLock<Injector<usize>> = std::sync::OnceLock::new();

/// The global queue of grey objects.
#[inline]
pub fn work() -> &'static Injector<usize> {
    WORK.get_or_init(Injector::new)
}

/// The heap, for reading span metadata while others allocate: span records
/// and the page table are only ever extended, and a marker validates what
/// it reads (state, range, allocation bit) before trusting it.
#[inline]
pub fn heap() -> &'static MHeap {
    // SAFETY: read-only view of the global heap record (see above).
    unsafe { &*core::ptr::addr_of!(crate::malloc::mem().heap) }
}

/// A marker's private state: its grey objects and counters.
pub struct Marker {
    heap: &'static MHeap,
    stack: Vec<usize>,
    /// Objects taken off the stack and prefetched, scanned oldest first: by
    /// the time one is scanned its memory is (likely) in the cache.
    ahead: [usize; AHEAD],
    nahead: usize,
    head: usize,
    /// Bytes marked / scanned not yet added to the global counters.
    marked: usize,
    scanned: usize,
    /// Bytes scanned over the marker's life.
    pub scanned_total: usize,
}

impl Default for Marker {
    fn default() -> Self {
        Self::new()
    }
}

impl Marker {
    pub fn new() -> Marker {
        Self::with_heap(heap())
    }

    /// A marker over heap `h` (a private one in tests).
    pub fn with_heap(h: &'static MHeap) -> Marker {
        Marker {
            heap: h,
            stack: Vec::new(),
            ahead: [0; AHEAD],
            nahead: 0,
            head: 0,
            marked: 0,
            scanned: 0,
            scanned_total: 0,
        }
    }

    /// Mark the object `v` points into, if any, and queue it for scanning.
    #[inline]
    pub fn mark(&mut self, v: usize) {
        if let Some((s, base)) = set_mark(self.heap, v) {
            self.marked += s.elemsize;
            if !s.noscan() {
                self.stack.push(base);
            }
        }
    }

    /// Whether `p` points into a marked object (or outside the heap).
    pub fn heap(&self) -> &'static MHeap {
        self.heap
    }

    pub fn is_marked(&self, p: usize) -> bool {
        match self.heap.span_of(p) {
            Some(s) => s.is_marked(s.obj_index(p)),
            None => true,
        }
    }

    /// Every aligned word of [lo, hi) that points into the heap.
    pub fn scan_conservative(&mut self, lo: usize, hi: usize) {
        let mut p = (lo + 7) & !7;
        while p + 8 <= hi {
            // SAFETY: callers pass readable ranges (stacks in use, heap
            // objects, runtime records).
            let v = unsafe { *(p as *const usize) };
            self.mark(v);
            p += 8;
        }
    }

    /// A value of type `typ` at `p` (`size` bytes: consecutive elements),
    /// by the type's pointer bitmap.
    pub(crate) fn scan_typed(&mut self, p: usize, typ: *const Type, size: usize) {
        if typ.is_null() {
            self.scan_conservative(p, p + size);
            return;
        }
        // SAFETY: descriptors are valid statics.
        let t = unsafe { &*typ };
        if t.ptrdata == 0 || t.size == 0 {
            return;
        }
        if t.gcdata.is_null() {
            self.scan_conservative(p, p + size);
            return;
        }
        typed_pointer_words(p, t, size, |slot| {
            // SAFETY: a word of the value.
            self.mark(unsafe { *(slot as *const usize) })
        });
    }

    /// Scan the heap object at `base` (of a scannable span).
    fn scan_object(&mut self, base: usize) {
        let h = self.heap;
        let s: &MSpan = match h.span_of(base) {
            Some(s) => s,
            None => return,
        };
        if s.sizeclass() == 0 {
            self.scan_large(s, base);
            return;
        }
        self.scanned += s.elemsize;
        let mut w = h.word_bit_index(base);
        let end = w + s.elemsize / 8;
        let arena = h.arena_base;
        while w < end {
            let b = w % 64;
            let k = (64 - b).min(end - w);
            let mut bits = h.bitmap_word(w / 64) >> b;
            if k < 64 {
                bits &= (1u64 << k) - 1;
            }
            while bits != 0 {
                let j = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                // SAFETY: the word lies inside the object.
                let v = unsafe { *((arena + (w + j) * 8) as *const usize) };
                self.mark(v);
            }
            w += k;
        }
    }

    /// Scan (part of) the large object of span `s`: grey entries are the
    /// object's start or the start of one of its *oblets* (gc's
    /// maxObletBytes): an object over `OBLET` bytes is scanned an oblet at a
    /// time, the others queued as work of their own, so no marker is stuck
    /// in one object for long (preemption, stop-the-world, idle Ps giving
    /// way to goroutines).
    fn scan_large(&mut self, s: &MSpan, p: usize) {
        let (t, n) = (s.largetype, s.largesize);
        // Oblets are whole elements of the allocation's type.
        // SAFETY: a large span's type is a valid descriptor or null.
        let esize = if t.is_null() { 8 } else { unsafe { (*t).size }.max(8) };
        let oblet = (OBLET / esize).max(1) * esize;
        let base = s.start;
        if p == base && n > oblet {
            let mut q = base + oblet;
            while q < base + n {
                self.stack.push(q);
                q += oblet;
            }
        }
        let len = oblet.min(base + n - p);
        self.scanned += len;
        self.scan_typed(p, t, len);
    }

    /// Scan local grey objects until none is left (world stopped, or a
    /// private heap in tests).
    pub fn drain(&mut self) {
        while let Some(p) = self.next_local() {
            self.scan_object(p);
        }
    }

    /// The next grey object to scan: the oldest prefetched one, after
    /// topping the prefetch window up from the stack.
    #[inline]
    fn next_local(&mut self) -> Option<usize> {
        while self.nahead < AHEAD {
            let Some(p) = self.stack.pop() else { break };
            // SAFETY: a prefetch never faults.
            unsafe {
                core::arch::x86_64::_mm_prefetch(p as *const i8, core::arch::x86_64::_MM_HINT_T0)
            };
            self.ahead[(self.head + self.nahead) % AHEAD] = p;
            self.nahead += 1;
        }
        if self.nahead == 0 {
            return None;
        }
        let p = self.ahead[self.head];
        self.head = (self.head + 1) % AHEAD;
        self.nahead -= 1;
        Some(p)
    }

    /// Take grey objects from the global queue into the local stack.
    fn refill(&mut self) -> bool {
        loop {
            match work().steal() {
                Steal::Success(p) => {
                    self.stack.push(p);
                    // A few more, so the queue is not touched per object.
                    for _ in 0..31 {
                        match work().steal() {
                            Steal::Success(p) => self.stack.push(p),
                            _ => break,
                        }
                    }
                    return true;
                }
                Steal::Empty => return false,
                Steal::Retry => continue,
            }
        }
    }

    /// Give half of a big local stack to the others.
    fn share(&mut self) {
        if self.stack.len() > 64 && work().is_empty() {
            let n = self.stack.len() / 2;
            for p in self.stack.drain(..n) {
                work().push(p);
            }
        }
    }

    /// Concurrent marking: scan grey objects (local, then global) until
    /// `budget` bytes were scanned, `deadline` (nanotime) passed, `stop()`
    /// says so, or no grey object is left. Returns whether the queue was
    /// found empty. Registers as active for the duration (NACTIVE).
    pub fn drain_concurrent(&mut self, budget: usize, deadline: u64, stop: &dyn Fn() -> bool) -> bool {
        NACTIVE.fetch_add(1, SeqCst);
        let start = self.scanned;
        let mut last_check = start;
        let mut n = 0u32;
        let mut empty = false;
        loop {
            let Some(p) = self.next_local().or_else(|| {
                if self.refill() {
                    self.next_local()
                } else {
                    None
                }
            }) else {
                empty = true;
                break;
            };
            self.scan_object(p);
            n += 1;
            // Look up every 64 objects or every CHECK_BYTES scanned,
            // whichever comes first (objects and oblets vary in size).
            if n.is_multiple_of(64) || self.scanned - last_check >= CHECK_BYTES {
                last_check = self.scanned;
                if self.scanned - start >= budget
                    || crate::mgc::nanotime() >= deadline
                    || crate::sched::gcwaiting()
                    || stop()
                {
                    break;
                }
                self.share();
            }
        }
        self.flush();
        NACTIVE.fetch_sub(1, SeqCst);
        empty
    }

    /// Return local grey objects to the global queue and publish counters.
    pub fn flush(&mut self) {
        while self.nahead > 0 {
            self.stack.push(self.ahead[self.head]);
            self.head = (self.head + 1) % AHEAD;
            self.nahead -= 1;
        }
        for p in self.stack.drain(..) {
            work().push(p);
        }
        self.publish();
    }

    fn publish(&mut self) {
        self.scanned_total += self.scanned;
        MARKED_BYTES.fetch_add(core::mem::take(&mut self.marked), Relaxed);
        SCANNED_BYTES.fetch_add(core::mem::take(&mut self.scanned), Relaxed);
    }

    /// With the world stopped: scan everything grey, local and global.
    pub fn drain_all(&mut self) {
        loop {
            self.drain();
            if !self.refill() {
                break;
            }
        }
        self.publish();
    }

    /// Grey every root: globals, goroutine stacks (the caller's from `sp`)
    /// and the runtime records holding Go pointers. World stopped.
    pub fn mark_roots(&mut self, sp: usize) -> (usize, usize) {
        let mut globals = 0;
        for_each_global(|addr, t| {
            self.scan_typed(addr, t, t.size);
            globals += t.size;
        });
        let mut stacks = 0;
        let cur = getg() as *const crate::runtime2::G;
        let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
        crate::sched::for_each_g_stack(sp, |g, lo, hi| {
            ranges.push((lo, hi, g as *const crate::runtime2::G as usize));
        });
        if ranges.is_empty() {
            // Before the scheduler knows goroutine 1.
            // SAFETY: cur is a live G.
            let hi = unsafe { (*cur).stack_hi.load(Relaxed) };
            ranges.push((sp, hi, cur as usize));
        }
        for (lo, hi, g) in ranges {
            stacks += hi.saturating_sub(lo);
            self.scan_conservative(lo, hi);
            // SAFETY: for_each_g_stack passes live G records.
            let g = unsafe { &*(g as *const crate::runtime2::G) };
            self.mark(g.entry.load(Relaxed) as usize);
            if g.status.load(Relaxed) == crate::runtime2::G_SYSCALL {
                for r in g.syscallregs.iter() {
                    self.mark(r.load(Relaxed));
                }
            }
            let mut d = g.defers.load(Relaxed);
            while !d.is_null() {
                // SAFETY: records on a G's defer list are live.
                unsafe {
                    self.mark((*d).closure as usize);
                    d = (*d).link;
                }
            }
        }
        crate::mfinal::mark_roots(self);
        crate::mcleanup::mark_roots(self);
        (stacks, globals)
    }
}

extern "C" {
    static rgo_roots_bounds: [usize; 2];
}

/// The write barrier's shade: grey the object `p` points into, if marking
/// and not yet marked.
#[inline]
pub fn shade(p: usize) {
    if MARKING.load(Relaxed) {
        shade_slow(p);
    }
}

#[cold]
fn shade_slow(p: usize) {
    if let Some((s, base)) = set_mark(heap(), p) {
        MARKED_BYTES.fetch_add(s.elemsize, Relaxed);
        if !s.noscan() {
            work().push(base);
        }
    }
}

/// If `v` points into an allocated, unmarked object of heap `h`, mark it
/// and return its span and start (the caller greys it).
#[inline(always)]
fn set_mark(h: &MHeap, v: usize) -> Option<(&MSpan, usize)> {
    if !h.in_arena(v) {
        return None;
    }
    let s = h.span_of(v)?;
    let i = s.obj_index(v);
    if i >= s.nelems || !s.is_allocated(i) || s.test_and_set_mark(i) {
        return None;
    }
    Some((s, s.start + i * s.elemsize))
}

/// Nothing grey is left anywhere (a hint: the barrier may add more until
/// the world stops).
pub fn no_work_left() -> bool {
    NACTIVE.load(SeqCst) == 0 && work().is_empty()
}

/// An idle P's turn at marking (on its system stack, holding the P):
/// mark for up to SLICE_NS or until `stop()`; end the cycle when nothing is
/// left. Returns whether there was marking to do.
pub fn idle_mark(stop: &dyn Fn() -> bool) -> bool {
    if !MARKING.load(Relaxed) || crate::mgc::phase() != crate::mgc::PHASE_MARK {
        return false;
    }
    let t0 = crate::mgc::nanotime();
    let mut mk = Marker::new();
    let empty = mk.drain_concurrent(usize::MAX, t0 + SLICE_NS, stop);
    let did = mk.scanned_total > 0;
    BG_CREDIT.fetch_add(mk.scanned_total as isize, Relaxed);
    IDLE_NS.fetch_add(crate::mgc::nanotime() - t0, Relaxed);
    if empty && no_work_left() {
        crate::mgc::mark_done_on_system_stack();
        return true;
    }
    did
}

/// Call `f(addr, type)` for every global the compiler's `rgo_roots` table
/// lists (the pointerful ones).
fn for_each_global(mut f: impl FnMut(usize, &'static Type)) {
    // SAFETY: the bounds are the linker's section symbols; the section
    // holds {address, type} pairs (the placeholder is {0, 0}).
    let (start, stop) = unsafe { (rgo_roots_bounds[0], rgo_roots_bounds[1]) };
    let mut e = start;
    while e + 16 <= stop {
        // SAFETY: e is an entry of the table.
        let (addr, typ) = unsafe { (*(e as *const usize), *((e + 8) as *const *const Type)) };
        if addr != 0 && !typ.is_null() {
            // SAFETY: typ is the global's descriptor, a static.
            f(addr, unsafe { &*typ });
        }
        e += 16;
    }
}

/// Call `f(slot)` for every pointer word, by `t`'s pointer bitmap, of the
/// `size` bytes at `p` holding consecutive values of `t` (the last one
/// possibly cut short, as an oblet may be). `t` has a bitmap.
#[inline(always)]
fn typed_pointer_words(p: usize, t: &Type, size: usize, mut f: impl FnMut(usize)) {
    let pw = t.ptrdata / 8;
    let mut e = 0;
    while e < size {
        for j in 0..pw.min((size - e) / 8) {
            // SAFETY: gcdata holds ceil(pw/8) bytes.
            if unsafe { *t.gcdata.add(j / 8) } >> (j % 8) & 1 != 0 {
                f(p + e + 8 * j);
            }
        }
        e += t.size;
    }
}

/// Whether `t` is a type whose values `typed_pointer_words` can walk.
fn has_bitmap(t: &Type) -> bool {
    !t.gcdata.is_null() && t.size != 0 && t.ptrdata != 0
}

/// Call `f(slot)` for every pointer word of the globals (by their types).
pub fn for_each_precise_root(f: &mut dyn FnMut(usize)) {
    for_each_global(|addr, t| {
        if has_bitmap(t) {
            typed_pointer_words(addr, t, t.size, &mut *f);
        }
    });
}

/// Call `f(slot)` for every word of the object at `base` in span `s` that
/// the heap records as a pointer.
pub fn for_each_pointer_word(h: &MHeap, s: &MSpan, base: usize, f: &mut dyn FnMut(usize)) {
    if s.sizeclass() == 0 {
        // SAFETY: the span's allocation type, if any.
        if let Some(t) = unsafe { s.largetype.as_ref() } {
            if has_bitmap(t) {
                typed_pointer_words(base, t, s.largesize, f);
            }
        }
        return;
    }
    for k in 0..s.elemsize / 8 {
        if h.is_pointer_word(base + 8 * k) {
            f(base + 8 * k);
        }
    }
}

/// The fractional mark worker (gc's fractional gcBgMarkWorker): a P
/// entering the scheduler during marking marks for up to a slice while
/// all fractional marking so far is below a quarter of the Ps' time since
/// marking began. Runs on the P's system stack.
pub fn fractional_mark() {
    if !MARKING.load(Relaxed) || crate::mgc::phase() != crate::mgc::PHASE_MARK {
        return;
    }
    let now = crate::mgc::nanotime();
    let since = now.saturating_sub(MARK_START_NS.load(Relaxed));
    let due = since * crate::sched::gomaxprocs_now() as u64 * BACKGROUND_PERCENT / 100;
    // Idle Ps' marking counts towards the share too.
    let done = FRACTIONAL_NS.load(Relaxed) + IDLE_NS.load(Relaxed);
    // Goroutines already waiting for a P go first (they are what the
    // program is waiting for; their latency matters more than the share).
    if done >= due || crate::sched::gcwaiting() || crate::sched::work_waiting() {
        return;
    }
    let slice = (due - done).min(SLICE_NS);
    let mut mk = Marker::new();
    let empty = mk.drain_concurrent(usize::MAX, now + slice, &crate::sched::work_waiting);
    FRACTIONAL_NS.fetch_add(crate::mgc::nanotime() - now, Relaxed);
    BG_CREDIT.fetch_add(mk.scanned_total as isize, Relaxed);
    if empty && no_work_left() {
        crate::mgc::mark_done_on_system_stack();
    }
}
