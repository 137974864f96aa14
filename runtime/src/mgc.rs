//! Garbage collector (gc's mgc.go, mgcmark.go, mgcsweep.go, mgcpacer.go
//! and mstats.go, in their first, stop-the-world form).
//!
//! A cycle runs when an allocation finds the live heap at the trigger
//! (`heap_live >= trigger`, checked at the top of `mallocgc`, before the
//! new object exists), or on `runtime.GC()`. It runs on the M's system stack
//! (the goroutine stack may be small) and does, with the world stopped
//! (sched::stop_the_world: every other P idle, parked in the scheduler or
//! taken from a system call) and HEAP_LOCK held:
//!
//! 1. *Mark*: every object reachable from the roots gets its bit in its
//!    span's `mark_bits`, through an explicit mark stack (no recursion).
//!    Roots and how they are read:
//!    - package globals: the compiler's `rgo_roots` table ({address,
//!      type}), precisely by each type's pointer bitmap;
//!    - goroutine stacks, all of them: conservatively, every aligned word
//!      from the saved SP (the running one: from the SP after its
//!      callee-saved registers were pushed by `rgo_gc_enter`; parked ones:
//!      from `sched_sp`, below which `rgo_gogo` pushed theirs) to the top;
//!    - runtime records outside the heap that hold Go pointers: each G's
//!      entry closure and defer records (the `Defer` boxes), the finalizer
//!      table and queue (mfinal.rs). Panic records, sudogs and select
//!      buffers live on goroutine stacks and are covered by them; itabs and
//!      type descriptors never point into the heap.
//!
//!    Heap objects are scanned precisely where the allocation had a type
//!    (the pointer bitmap, or the large span's type) and conservatively
//!    otherwise. A word is a pointer when it points into an allocated
//!    object of an in-use span, interior pointers included.
//! 2. *Finalizers*: objects with a finalizer that were not reached are
//!    queued for the finalizer goroutine and marked (with everything they
//!    reach), so they survive this cycle.
//! 3. *Sweep* (eager, every span): the mark bits become the allocation
//!    bits; empty spans go back to the heap, partly-free ones to their
//!    central list.
//! 4. *Pacing*: the next goal is `marked * (1 + GOGC/100)` (at least 4 MB *
//!    GOGC/100), capped by the soft memory limit; the scavenger returns free
//!    memory beyond ~10% over the goal (beyond the limit if one is set).
//!
//! Knobs: GOGC (number or "off"), GOMEMLIMIT (bytes with an optional
//! B/KiB/MiB/GiB/TiB suffix, or "off"), GODEBUG=gctrace=1 (gc's one-line
//! summary per cycle on stderr), GODEBUG=gcstress=N (collect at every Nth
//! allocation; 1: every allocation), GODEBUG=wbforce=1 (write barriers on
//! for the whole run), debug.SetGCPercent,
//! debug.SetMemoryLimit, debug.FreeOSMemory.
//!
//! Concurrency (later): background marking needs gc's hybrid write
//! barrier in generated code (a check of `writeBarrier.enabled` before
//! pointer stores into the heap and globals, shading old and new values —
//! see `WRITE_BARRIER` below), allocation-black during marking, mark assists
//! charged against `heap_live` growth, and per-span lazy sweeping with
//! sweepgen; the state here is laid out for that (per-class centrals, a
//! per-P cache, a sweep over `allspans`).

use crate::malloc::{flush_mcache, mem, MemState};
use crate::mheap::{MSpan, SPAN_INUSE};
use crate::proc::getg;
use crate::types::Type;
use core::sync::atomic::Ordering::Relaxed;

/// Shade `p` for the write barrier (mbarrier.rs): if it points into an
/// allocated heap object that is not yet marked during a concurrent mark,
/// mark it and queue it for scanning. A no-op outside marking.
#[inline]
pub fn shade(p: usize) {
    let _ = p;
}

/// gc's heapminimum at GOGC=100.
const HEAP_MINIMUM: usize = 4 << 20;

pub struct GcState {
    /// Collect when `heap_live` reaches this (usize::MAX: never).
    pub trigger: usize,
    pub goal: usize,
    /// Live heap after the last mark.
    pub heap_marked: usize,
    /// GOGC; negative = off.
    pub percent: i64,
    /// Soft memory limit in bytes (i64::MAX: none).
    pub memlimit: i64,
    pub gctrace: bool,
    /// Collect at every `stress`-th allocation (0: off).
    pub stress: u64,
    stress_count: u64,
    /// GODEBUG=gcpoison=1 (see poison_freed).
    pub poison: bool,
    pub running: bool,
    pub numgc: u32,
    pub numforced: u32,
    pub pause_total: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub last_gc: u64,
    pub gc_time: u64,
    start_ns: u64,
    markstack: Vec<usize>,
    pub stack_scanned: usize,
    pub globals_scanned: usize,
}

impl GcState {
    pub const fn new() -> GcState {
        GcState {
            trigger: usize::MAX,
            goal: HEAP_MINIMUM,
            heap_marked: 0,
            percent: 100,
            memlimit: i64::MAX,
            gctrace: false,
            stress: 0,
            stress_count: 0,
            poison: false,
            running: false,
            numgc: 0,
            numforced: 0,
            pause_total: 0,
            pause_ns: [0; 256],
            pause_end: [0; 256],
            last_gc: 0,
            gc_time: 0,
            start_ns: 0,
            markstack: Vec::new(),
            stack_scanned: 0,
            globals_scanned: 0,
        }
    }
}

pub fn nanotime() -> u64 {
    crate::ostime::nanotime() as u64
}

fn unixnanos() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Parse GOMEMLIMIT's syntax (runtime/debug.go parseByteCount).
pub fn parse_byte_count(s: &[u8]) -> Option<i64> {
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let n: i64 = core::str::from_utf8(&s[..digits]).ok()?.parse().ok()?;
    let mult: i64 = match &s[digits..] {
        b"" | b"B" => 1,
        b"KiB" => 1 << 10,
        b"MiB" => 1 << 20,
        b"GiB" => 1 << 30,
        b"TiB" => 1 << 40,
        _ => return None,
    };
    n.checked_mul(mult)
}

/// Read the knobs from the environment (gc's gcinit and readGOGC).
pub fn gcinit() {
    let g = &mut mem().gc;
    g.start_ns = nanotime();
    if let Some(v) = crate::proc::getenv(b"GOGC") {
        if v == b"off" {
            g.percent = -1;
        } else if let Some(n) = core::str::from_utf8(v)
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
        {
            g.percent = n;
        }
    }
    if let Some(v) = crate::proc::getenv(b"GOMEMLIMIT") {
        if v != b"off" {
            match parse_byte_count(v) {
                Some(n) => g.memlimit = n,
                None => {
                    crate::print::write_err(b"GOMEMLIMIT=");
                    crate::print::write_err(v);
                    crate::print::write_err(b"\n");
                    crate::panic::throw_str(
                        b"malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`",
                    );
                }
            }
        }
    }
    if let Some(v) = crate::proc::getenv(b"GODEBUG") {
        for kv in v.split(|&c| c == b',') {
            if let Some(x) = kv.strip_prefix(b"gctrace=") {
                g.gctrace = x != b"0";
            } else if let Some(x) = kv.strip_prefix(b"wbforce=") {
                // Debugging aid: barriers on for the whole run (their slow
                // paths must still store exactly what the fast path does).
                if x != b"0" {
                    crate::mbarrier::WRITE_BARRIER.store(1, Relaxed);
                }
            } else if let Some(x) = kv.strip_prefix(b"gcpoison=") {
                g.poison = x != b"0";
            } else if let Some(x) = kv.strip_prefix(b"gcstress=") {
                g.stress = core::str::from_utf8(x)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
            }
        }
    }
    let marked = g.heap_marked;
    set_goal(mem(), marked);
}

/// Recompute goal and trigger from the last marked heap (gc's
/// gcControllerState.heapGoal with the memory limit).
fn set_goal(m: &mut MemState, marked: usize) {
    let g = &mut m.gc;
    g.heap_marked = marked;
    let mut goal = if g.percent < 0 {
        usize::MAX
    } else {
        let min = (HEAP_MINIMUM as u64 * g.percent as u64 / 100) as usize;
        (marked + (marked as u128 * g.percent as u128 / 100) as usize).max(min)
    };
    if g.memlimit != i64::MAX {
        // Leave the runtime's other memory and a 5% margin under the limit.
        let overhead = m.heap.persistent.sys + m.heap.table_sys;
        let lim = (g.memlimit as usize).saturating_sub(overhead + g.memlimit as usize / 20);
        goal = goal.min(lim.max(marked + (64 << 10)));
    }
    g.goal = goal;
    g.trigger = if g.stress > 0 { 0 } else { goal };
}

/// mallocgc found the heap at the trigger: is a collection due (stress
/// mode counts allocations)? HEAP_LOCK held.
#[cold]
pub fn gc_due(m: &mut MemState) -> bool {
    let g = &mut m.gc;
    if g.stress > 0 {
        g.stress_count += 1;
        if g.stress_count < g.stress {
            return false;
        }
        g.stress_count = 0;
    }
    true
}

/// Set while a collection (with its stop-the-world) is in progress: one
/// at a time.
static GC_RUNNING: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// A stop-the-world is pending or in progress (mallocgc's safe point).
#[inline]
pub fn gcwaiting() -> bool {
    crate::sched::gcwaiting()
}

extern "C" {
    fn rgo_gc_enter(arg: usize, f: extern "C" fn(usize, usize), stack_top: usize);
}

// rgo_gc_enter(arg, f, stack_top): push the callee-saved registers (so the
// running goroutine's register-held pointers are on its stack), then call
// f(arg, sp) on the stack whose top is `stack_top`, sp being the goroutine's
// SP after the pushes; restore and return.
core::arch::global_asm!(
    ".text",
    ".globl rgo_gc_enter",
    ".type rgo_gc_enter,@function",
    ".p2align 4",
    "rgo_gc_enter:",
    "push rbp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov rbp, rsp",
    "mov rax, rsi",
    "mov rsi, rsp",
    "mov rsp, rdx",
    "call rax",
    "mov rsp, rbp",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".size rgo_gc_enter, .-rgo_gc_enter",
    "",
    // A zero entry keeps the section (and its __start/__stop symbols)
    // defined in programs with no pointerful globals.
    ".section rgo_roots,\"awR\",@progbits",
    ".p2align 3",
    "rgo_roots_placeholder:",
    ".quad 0, 0",
    "",
    ".section .data.rel.ro.rgo_roots_bounds,\"aw\",@progbits",
    ".p2align 3",
    ".globl rgo_roots_bounds",
    "rgo_roots_bounds:",
    ".quad __start_rgo_roots",
    ".quad __stop_rgo_roots",
    ".text",
);

extern "C" {
    static rgo_roots_bounds: [usize; 2];
}

/// Run a full collection now, if the running code is at a point where one
/// can run: on a goroutine stack (not the system stack) and not inside a
/// collection.
pub fn gc_start(forced: bool) {
    let g = getg();
    let here = &forced as *const bool as usize;
    let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
    let top = crate::stack::system_stack_top() as usize;
    if hi == 0 || here < lo || here >= hi || top == 0 {
        return;
    }
    // One collection at a time. A triggered one leaves it to the running
    // collection; runtime.GC waits (yielding, so it stops with the world)
    // and then runs its own full cycle.
    while GC_RUNNING
        .compare_exchange(false, true, core::sync::atomic::Ordering::SeqCst, Relaxed)
        .is_err()
    {
        if !forced {
            return;
        }
        crate::sched::gosched();
    }
    crate::malloc::HEAP_LOCK.lock();
    let ready = mem().heap.arena_base != 0;
    crate::malloc::HEAP_LOCK.unlock();
    // Gosched above may have moved this goroutine to another M: take this
    // M's system stack now.
    let top = crate::stack::system_stack_top() as usize;
    if ready {
        // SAFETY: `top` is the top of the M's system stack, unused while Go
        // or runtime code runs on a goroutine stack (the check above).
        unsafe { rgo_gc_enter(forced as usize, gc_stw, top) };
        crate::sched::wakep_after_gc();
    }
    GC_RUNNING.store(false, core::sync::atomic::Ordering::SeqCst);
    crate::mfinal::wake_fing();
}

/// On the system stack: stop the world, collect with the allocator lock,
/// restart the world.
extern "C" fn gc_stw(forced: usize, sp: usize) {
    crate::sched::stop_the_world();
    crate::malloc::HEAP_LOCK.lock();
    gc_main(forced, sp);
    crate::malloc::HEAP_LOCK.unlock();
    crate::sched::start_the_world();
}

/// `runtime.GC()`: a full, blocking collection.
#[export_name = "runtime.GC"]
pub extern "C" fn gc_forced() {
    gc_start(true);
}

/// The collection, on the system stack; `sp` is the goroutine's SP.
fn gc_main(forced: usize, sp: usize) {
    let t0 = nanotime();
    let m = mem();
    let heap0 = m.stats.heap_live;
    flush_mcache(m);
    m.gc.markstack.clear();
    let mut mk = Marker { m };
    mk.mark_roots(sp);
    mk.drain();
    let t_mark = nanotime();
    crate::mfinal::queue_unreachable(&mut mk);
    mk.drain();
    let heap1 = mk.m.stats.heap_live;
    sweep(mk.m);
    let m = mem();
    let marked = m.stats.heap_live;
    set_goal(m, marked);
    // Scavenge: keep at most ~10% over the goal resident (and stay under
    // the memory limit).
    let mut retain = m.gc.goal.saturating_add(m.gc.goal / 10);
    if m.gc.memlimit != i64::MAX {
        retain = retain.min(m.gc.memlimit as usize);
    }
    retain = retain.max(m.heap.pages_inuse);
    m.heap.scavenge(retain);
    let t1 = nanotime();
    let g = &mut m.gc;
    let pause = t1 - t0;
    g.pause_ns[(g.numgc % 256) as usize] = pause;
    g.last_gc = unixnanos();
    g.pause_end[(g.numgc % 256) as usize] = g.last_gc;
    g.pause_total += pause;
    g.gc_time += pause;
    g.numgc += 1;
    if forced != 0 {
        g.numforced += 1;
    }
    if g.gctrace {
        trace(g, t0, t_mark, t1, heap0, heap1, marked, forced != 0);
    }
}

/// gc's gctrace line: `gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu,
/// #->#-># MB, # MB goal, # MB stacks, # MB globals, # P`.
#[allow(clippy::too_many_arguments)] // the fields of one trace line
fn trace(g: &GcState, t0: u64, tmark: u64, t1: u64, h0: usize, h1: usize, h2: usize, forced: bool) {
    let mut b = crate::print::Buf::<256>::new();
    let elapsed = t1.saturating_sub(g.start_ns).max(1);
    b.push(b"gc ");
    b.push_uint(g.numgc as u64);
    b.push(b" @");
    push_div(&mut b, (t0 - g.start_ns) / 1_000_000, 3);
    b.push(b"s ");
    b.push_uint(g.gc_time * 100 / elapsed);
    b.push(b"%: 0+");
    push_ms(&mut b, tmark - t0);
    b.push(b"+");
    push_ms(&mut b, t1 - tmark);
    b.push(b" ms clock, 0+0/");
    push_ms(&mut b, tmark - t0);
    b.push(b"/0+");
    push_ms(&mut b, t1 - tmark);
    b.push(b" ms cpu, ");
    b.push_uint((h0 >> 20) as u64);
    b.push(b"->");
    b.push_uint((h1 >> 20) as u64);
    b.push(b"->");
    b.push_uint((h2 >> 20) as u64);
    b.push(b" MB, ");
    b.push_uint((g.goal.min(1 << 50) >> 20) as u64);
    b.push(b" MB goal, ");
    b.push_uint((g.stack_scanned >> 20) as u64);
    b.push(b" MB stacks, ");
    b.push_uint((g.globals_scanned >> 20) as u64);
    b.push(b" MB globals, 1 P");
    if forced {
        b.push(b" (forced)");
    }
    b.push(b"\n");
    crate::print::write_err(b.as_bytes());
}

/// gc's itoaDiv: `v / 10^dec` with `dec` decimals.
fn push_div<const N: usize>(b: &mut crate::print::Buf<N>, v: u64, dec: u32) {
    let p = 10u64.pow(dec);
    b.push_uint(v / p);
    if dec > 0 {
        b.push(b".");
        let f = v % p;
        let mut d = p / 10;
        while d > 0 {
            b.push_byte(b'0' + (f / d % 10) as u8);
            d /= 10;
        }
    }
}

/// gc's fmtNSAsMS.
fn push_ms<const N: usize>(b: &mut crate::print::Buf<N>, ns: u64) {
    if ns >= 10_000_000 {
        b.push_uint(ns / 1_000_000);
        return;
    }
    let mut x = ns / 1000;
    if x == 0 {
        b.push(b"0");
        return;
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    push_div(b, x, dec);
}

/// Marking state: the heap and the mark stack.
pub struct Marker<'a> {
    pub m: &'a mut MemState,
}

impl Marker<'_> {
    /// Mark the object `v` points into, if any, and queue it for scanning.
    #[inline]
    pub fn mark(&mut self, v: usize) {
        let Some(s) = self.m.heap.span_of(v) else {
            return;
        };
        let i = s.obj_index(v);
        if i >= s.nelems || !s.is_allocated(i) || s.is_marked(i) {
            return;
        }
        s.set_marked(i);
        if !s.noscan() {
            self.m.gc.markstack.push(s.start + i * s.elemsize);
        }
    }

    /// Whether `p` points into a marked object (or outside the heap).
    pub fn is_marked(&self, p: usize) -> bool {
        match self.m.heap.span_of(p) {
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
            if self.m.heap.in_arena(v) {
                self.mark(v);
            }
            p += 8;
        }
    }

    /// A value of type `typ` at `p` (`n` consecutive elements), by the
    /// type's pointer bitmap.
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
        let pw = t.ptrdata / 8;
        let mut e = 0;
        while e < size {
            for j in 0..pw.min((size - e) / 8) {
                // SAFETY: gcdata holds ceil(pw/8) bytes; p+e+8j is inside
                // the value.
                unsafe {
                    if *t.gcdata.add(j / 8) >> (j % 8) & 1 != 0 {
                        let v = *((p + e + 8 * j) as *const usize);
                        if self.m.heap.in_arena(v) {
                            self.mark(v);
                        }
                    }
                }
            }
            e += t.size;
        }
    }

    /// Scan the heap object at `base` (of a scannable span).
    fn scan_object(&mut self, base: usize) {
        let s: &MSpan = match self.m.heap.span_of(base) {
            Some(s) => s,
            None => return,
        };
        if s.sizeclass() == 0 {
            let (t, n) = (s.largetype, s.largesize);
            self.scan_typed(base, t, n);
            return;
        }
        let mut w = self.m.heap.word_bit_index(base);
        let end = w + s.elemsize / 8;
        let arena = self.m.heap.arena_base;
        while w < end {
            let b = w % 64;
            let k = (64 - b).min(end - w);
            let mut bits = self.m.heap.bitmap_word(w / 64) >> b;
            if k < 64 {
                bits &= (1u64 << k) - 1;
            }
            while bits != 0 {
                let j = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                // SAFETY: the word lies inside the object.
                let v = unsafe { *((arena + (w + j) * 8) as *const usize) };
                if self.m.heap.in_arena(v) {
                    self.mark(v);
                }
            }
            w += k;
        }
    }

    pub fn drain(&mut self) {
        while let Some(p) = self.m.gc.markstack.pop() {
            self.scan_object(p);
        }
    }

    fn mark_roots(&mut self, sp: usize) {
        // Globals.
        // SAFETY: the bounds are the linker's section symbols; the section
        // holds {address, type} pairs (the placeholder is {0, 0}).
        let (start, stop) = unsafe { (rgo_roots_bounds[0], rgo_roots_bounds[1]) };
        let mut globals = 0;
        let mut e = start;
        while e + 16 <= stop {
            // SAFETY: e is an entry of the table.
            let (addr, typ) = unsafe { (*(e as *const usize), *((e + 8) as *const *const Type)) };
            if addr != 0 && !typ.is_null() {
                // SAFETY: typ is the global's descriptor.
                let size = unsafe { (*typ).size };
                self.scan_typed(addr, typ, size);
                globals += size;
            }
            e += 16;
        }
        self.m.gc.globals_scanned = globals;
        // Goroutine stacks and the records of each G.
        let mut stacks = 0;
        let cur = getg() as *const crate::proc::G;
        let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
        crate::sched::for_each_g_stack(sp, |g, lo, hi| {
            ranges.push((lo, hi, g as *const crate::proc::G as usize));
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
            let g = unsafe { &*(g as *const crate::proc::G) };
            self.mark(g.entry.load(Relaxed) as usize);
            if g.status.load(Relaxed) == crate::sched::G_SYSCALL {
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
        self.m.gc.stack_scanned = stacks;
        crate::mfinal::mark_roots(self);
    }
}

/// Sweep every span: mark bits become allocation bits, free slots are
/// counted, empty spans go back to the heap (gc's sweepone over all spans).
fn sweep(m: &mut MemState) {
    for c in m.central.iter_mut() {
        c.partial.first = core::ptr::null_mut();
    }
    let spans = core::mem::take(&mut m.heap.allspans);
    let mut keep = Vec::with_capacity(spans.len());
    for sp in spans.iter().copied() {
        // SAFETY: allspans holds live in-use spans.
        let s = unsafe { &mut *sp };
        debug_assert_eq!(s.state, SPAN_INUSE);
        let live: usize = s.mark_bits.iter().map(|w| w.count_ones() as usize).sum();
        let freed = s.alloc_count - live;
        if freed > 0 && m.gc.poison {
            poison_freed(s);
        }
        if freed > 0 {
            let class = s.sizeclass();
            m.stats.frees += freed as u64;
            m.stats.class_frees[class] += freed as u64;
            m.stats.heap_live -= freed * s.elemsize;
            s.needzero = true;
        }
        s.alloc_bits = s.mark_bits;
        s.mark_bits = [0; crate::mheap::MAX_OBJS_PER_SPAN / 64];
        s.freeindex = 0;
        s.alloc_count = live;
        if live == 0 {
            m.heap.free_span(sp);
            continue;
        }
        keep.push(sp);
        if live < s.nelems {
            m.central[s.spanclass as usize].partial.push(sp);
        }
    }
    // Spans allocated while sweeping (none: sweeping frees only).
    keep.append(&mut m.heap.allspans);
    m.heap.allspans = keep;
}

/// GODEBUG=gcpoison=1: fill objects about to be freed with a pattern, so a
/// use after a wrong free faults or shows instead of corrupting quietly.
fn poison_freed(s: &MSpan) {
    for i in 0..s.nelems {
        if s.is_allocated(i) && !s.is_marked(i) {
            let p = s.start + i * s.elemsize;
            // SAFETY: an unreachable object of the span.
            unsafe { core::ptr::write_bytes(p as *mut u8, 0xde, s.elemsize) };
        }
    }
}

// --- MemStats ---------------------------------------------------------------

#[repr(C)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

/// runtime.MemStats, field for field (stdlib/runtime/mstats.go).
#[repr(C)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub lookups: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub buck_hash_sys: u64,
    pub gc_sys: u64,
    pub other_sys: u64,
    pub next_gc: u64,
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    pub debug_gc: bool,
    pub by_size: [BySize; 61],
}

/// `runtime.ReadMemStats(m *MemStats)`.
///
/// # Safety
/// `out` points to a MemStats.
#[export_name = "runtime.ReadMemStats"]
pub unsafe extern "C" fn read_mem_stats(out: *mut MemStats) {
    crate::malloc::HEAP_LOCK.lock();
    // SAFETY: forwarded; HEAP_LOCK held.
    unsafe { read_mem_stats_locked(out) };
    crate::malloc::HEAP_LOCK.unlock();
}

/// # Safety
/// As read_mem_stats, with HEAP_LOCK held.
unsafe fn read_mem_stats_locked(out: *mut MemStats) {
    crate::malloc::ensure_init();
    let m = mem();
    // SAFETY: caller contract.
    let o = unsafe { &mut *out };
    let h = &m.heap;
    let st = &m.stats;
    o.alloc = st.heap_live as u64;
    o.total_alloc = st.total_alloc;
    o.lookups = 0;
    o.mallocs = st.mallocs;
    o.frees = st.frees;
    o.heap_alloc = st.heap_live as u64;
    o.heap_sys = h.heap_sys() as u64;
    o.heap_inuse = h.pages_inuse as u64;
    o.heap_idle = o.heap_sys - o.heap_inuse;
    o.heap_released = h.released as u64;
    o.heap_objects = st.mallocs - st.frees;
    o.stack_inuse = 0;
    o.stack_sys = 0;
    o.mspan_inuse = h.spanalloc.inuse as u64;
    o.mspan_sys = h.persistent.sys as u64;
    o.mcache_inuse = core::mem::size_of::<crate::malloc::MCache>() as u64;
    o.mcache_sys = o.mcache_inuse;
    o.buck_hash_sys = 0;
    o.gc_sys = h.table_sys as u64;
    o.other_sys = 0;
    o.sys = o.heap_sys + o.mspan_sys + o.mcache_sys + o.gc_sys;
    let g = &m.gc;
    o.next_gc = g.goal.min(i64::MAX as usize) as u64;
    o.last_gc = g.last_gc;
    o.pause_total_ns = g.pause_total;
    o.pause_ns = g.pause_ns;
    o.pause_end = g.pause_end;
    o.num_gc = g.numgc;
    o.num_forced_gc = g.numforced;
    let elapsed = nanotime().saturating_sub(g.start_ns).max(1);
    o.gc_cpu_fraction = g.gc_time as f64 / elapsed as f64;
    o.enable_gc = true;
    o.debug_gc = false;
    for (i, b) in o.by_size.iter_mut().enumerate() {
        b.size = crate::slice::CLASS_TO_SIZE[i] as u32;
        b.mallocs = st.class_mallocs[i];
        b.frees = st.class_frees[i];
    }
}

// --- runtime/debug ------------------------------------------------------------

/// `debug.SetGCPercent(percent) -> previous`.
#[export_name = "runtime/debug.setGCPercent"]
pub extern "C" fn set_gc_percent(p: i64) -> i64 {
    crate::malloc::HEAP_LOCK.lock();
    crate::malloc::ensure_init();
    let m = mem();
    let old = m.gc.percent;
    m.gc.percent = if p < 0 { -1 } else { p };
    let marked = m.gc.heap_marked;
    set_goal(m, marked);
    crate::malloc::HEAP_LOCK.unlock();
    old
}

/// `debug.SetMemoryLimit(limit) -> previous` (negative: only query).
#[export_name = "runtime/debug.setMemoryLimit"]
pub extern "C" fn set_memory_limit(limit: i64) -> i64 {
    crate::malloc::HEAP_LOCK.lock();
    crate::malloc::ensure_init();
    let m = mem();
    let old = m.gc.memlimit;
    if limit >= 0 {
        m.gc.memlimit = limit;
        let marked = m.gc.heap_marked;
        set_goal(m, marked);
    }
    crate::malloc::HEAP_LOCK.unlock();
    old
}

/// `debug.FreeOSMemory()`: collect, then return all free memory.
#[export_name = "runtime/debug.freeOSMemory"]
pub extern "C" fn free_os_memory() {
    crate::malloc::HEAP_LOCK.lock();
    crate::malloc::ensure_init();
    crate::malloc::HEAP_LOCK.unlock();
    gc_start(true);
    crate::malloc::HEAP_LOCK.lock();
    let m = mem();
    let inuse = m.heap.pages_inuse;
    m.heap.scavenge(inuse);
    crate::malloc::HEAP_LOCK.unlock();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::malloc::{malloc_in, MemState};

    #[test]
    fn byte_counts_parse_as_gomemlimit() {
        assert_eq!(parse_byte_count(b"123"), Some(123));
        assert_eq!(parse_byte_count(b"10MiB"), Some(10 << 20));
        assert_eq!(parse_byte_count(b"1GiB"), Some(1 << 30));
        assert_eq!(parse_byte_count(b"5B"), Some(5));
        assert_eq!(parse_byte_count(b"5MB"), None);
        assert_eq!(parse_byte_count(b""), None);
    }

    #[test]
    fn trace_durations_format_as_gc() {
        let mut b = crate::print::Buf::<64>::new();
        push_ms(&mut b, 12_345);
        b.push(b" ");
        push_ms(&mut b, 1_234_567);
        b.push(b" ");
        push_ms(&mut b, 45_000_000);
        b.push(b" ");
        push_ms(&mut b, 10);
        b.push(b" ");
        push_div(&mut b, 1234, 3);
        assert_eq!(b.as_bytes(), b"0.012 1.2 45 0 1.234");
    }

    /// A hand-built object graph in a private heap: a typed list of three
    /// nodes reached from a "root", one unreachable node with a pointer to
    /// a live one, an untyped block holding an interior pointer to a
    /// pointer-free block, and a non-pointer word holding an address. Mark
    /// from the root only and sweep: exactly the unreachable node is freed.
    #[test]
    fn synthetic_mark_and_sweep() {
        // struct node { next *node; val int; buf *byte }: words 0 and 2.
        static BITS: [u8; 1] = [0b101];
        static NODE: Type = Type {
            size: 24,
            ptrdata: 24,
            gcdata: BITS.as_ptr(),
            ..crate::error::desc(b"main.node", b"main", crate::types::kind::STRUCT, 24, 8, 0)
        };
        let mut m = Box::new(MemState::new());
        m.heap.init();
        // SAFETY: a private heap; the pointers are slots it just handed out.
        unsafe {
            let a = malloc_in(&mut m, 24, &NODE, true) as *mut usize;
            let b = malloc_in(&mut m, 24, &NODE, true) as *mut usize;
            let c = malloc_in(&mut m, 24, &NODE, true) as *mut usize;
            let dead = malloc_in(&mut m, 24, &NODE, true) as *mut usize;
            let blob = malloc_in(&mut m, 64, core::ptr::null(), true) as *mut usize;
            let bytes = malloc_in(&mut m, 100, &crate::error::T_UINT8, true) as *mut usize;
            let big = malloc_in(&mut m, 100_000, &NODE, true) as *mut usize;
            let lost = malloc_in(&mut m, 50_000, core::ptr::null(), true) as *mut usize;
            *a = b as usize;
            *b = c as usize;
            *c.add(2) = blob as usize;
            *blob.add(3) = bytes as usize + 40; // interior pointer
            *dead = a as usize;
            *dead.add(2) = lost as usize;
            // Word 1 of a node is an int: an address there keeps nothing.
            *a.add(1) = dead as usize;
            // The big array of nodes: element 1000's word 2 points to b.
            *big.add(1000 * 3 + 2) = b as usize;
            *big.add(1000 * 3 + 1) = lost as usize;
            flush_mcache(&mut m);
            assert_eq!(m.stats.mallocs, 8);
            let mut mk = Marker { m: &mut m };
            mk.mark(a as usize + 3); // interior pointer into the root
            mk.mark(big as usize + 50_000);
            mk.drain();
            for p in [a, b, c, blob, bytes, big] {
                assert!(mk.is_marked(p as usize), "{p:p}");
            }
            assert!(!mk.is_marked(dead as usize));
            assert!(!mk.is_marked(lost as usize));
            let inuse = m.heap.pages_inuse;
            sweep(&mut m);
            assert_eq!(m.stats.frees, 2);
            assert!(m.heap.span_of(lost as usize).is_none());
            assert!(m.heap.pages_inuse < inuse);
            let s = m.heap.span_of(dead as usize).unwrap();
            assert!(!s.is_allocated(s.obj_index(dead as usize)));
            assert!(s.is_allocated(s.obj_index(a as usize)));
            // The freed slot is handed out again, zeroed.
            let again = malloc_in(&mut m, 24, &NODE, true);
            assert_eq!(again, dead as usize);
            assert_eq!(*(again as *const usize), 0);
        }
    }
}

/// `runtime.KeepAlive`'s body: nothing. Being an opaque call is what keeps
/// the argument live (in a register or stack slot the collector scans).
#[export_name = "runtime.keepAlive"]
#[inline(never)]
pub extern "C" fn keep_alive(_typ: *const Type, data: *mut u8) {
    core::hint::black_box(data);
}
