//! Garbage collector (gc's mgc.go, mgcpacer.go and mstats.go): the cycle,
//! its pacing and knobs, MemStats. Marking is in mgcmark.rs, sweeping in
//! mgcsweep.rs, the write barrier in mbarrier.rs.
//!
//! A *concurrent cycle* starts when a slow-path allocation (a cache refill
//! or a large object, before the new object exists) finds `heap_live` at
//! the trigger:
//! 1. *Sweep termination*: what the last cycle left unswept is swept.
//! 2. *Mark setup*, world stopped (sched::stop_the_world; short): every
//!    root is greyed — globals (the compiler's `rgo_roots` table),
//!    goroutine stacks (conservatively; the running one from its SP after
//!    `rgo_gc_enter` pushed its callee-saved registers), G records, defer
//!    records, finalizers — then the write barrier and allocate-black are
//!    switched on and the world restarts.
//! 3. *Concurrent mark*: idle Ps mark (mgcmark.rs `idle_mark`, from the
//!    scheduler), goroutines that allocate assist in proportion to their
//!    allocation ([`assist`]), the barrier greys what the program
//!    overwrites; stacks are never rescanned.
//! 4. *Mark termination*, world stopped (short): whoever finds no grey
//!    object left stops the world, drains what the barrier queued,
//!    queues the finalizers of unreached objects (marking what they
//!    reach), switches the barrier off, flushes the caches, and makes
//!    every span unswept.
//! 5. *Sweep*, concurrent and lazy (mgcsweep.rs).
//!
//! `runtime.GC()`, debug.FreeOSMemory and GODEBUG=gcstress run *full*
//! cycles instead: the world stopped throughout, marking and sweeping
//! everything (gcstress starts concurrent cycles instead when GOGC is set
//! too, see stress_tick).
//!
//! Pacing: the next goal is `marked * (1 + GOGC/100)` (at least 4 MB *
//! GOGC/100), capped by the soft memory limit; a concurrent cycle starts
//! at 70% of the way from the marked heap to the goal (gc's minimum
//! trigger), and assists charge `remaining scan work / remaining runway`
//! bytes of scanning per byte allocated while marking.
//!
//! Knobs: GOGC (number or "off"), GOMEMLIMIT (bytes with an optional
//! B/KiB/MiB/GiB/TiB suffix, or "off"), GODEBUG=gctrace=1 (gc's one-line
//! summary per cycle on stderr), GODEBUG=gcstress=N (a collection at every
//! Nth allocation), GODEBUG=gccheckmark=1 (after each concurrent mark,
//! mark again with the world stopped and fail loudly if the concurrent mark
//! missed a reachable object: a missing write barrier), GODEBUG=wbforce=1
//! (write barriers on for the whole run), debug.SetGCPercent,
//! debug.SetMemoryLimit, debug.FreeOSMemory.
//!
//! Invariants:
//! - one cycle at a time: `PHASE` goes OFF -> MARK -> MARKTERM -> OFF for
//!   concurrent cycles and OFF -> FULL -> OFF for full ones, each step by
//!   the one thread that won its compare-and-swap;
//! - stops of the world are serialised by `WORLD` (ReadMemStats stops it
//!   too); a goroutine waiting for it yields, an idle P gives up;
//! - the allocator state is touched with HEAP_LOCK held or the world
//!   stopped.

use crate::malloc::{flush_all_caches, mem, MemState, HEAP_LOCK};
use crate::mgcmark::{Marker, ASSIST_NS, IDLE_NS, MARKED_BYTES, MARKING, NACTIVE, SCANNED_BYTES};
use crate::proc::getg;
use crate::types::Type;
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering::*};

pub use crate::mgcmark::shade;

/// gc's heapminimum at GOGC=100.
const HEAP_MINIMUM: usize = 4 << 20;

pub const PHASE_OFF: u32 = 0;
pub const PHASE_MARK: u32 = 1;
pub const PHASE_MARKTERM: u32 = 2;
pub const PHASE_FULL: u32 = 3;
static PHASE: AtomicU32 = AtomicU32::new(PHASE_OFF);

#[inline]
pub fn phase() -> u32 {
    PHASE.load(Acquire)
}

/// GODEBUG=gcstress=N (0: off).
pub static STRESS: AtomicU64 = AtomicU64::new(0);
static WBFORCE: AtomicBool = AtomicBool::new(false);
static CHECKMARK: AtomicBool = AtomicBool::new(false);

/// Held by whoever stops the world.
static WORLD: AtomicBool = AtomicBool::new(false);

pub struct GcState {
    /// Start a concurrent cycle when `heap_live` reaches this (usize::MAX:
    /// never).
    pub trigger: usize,
    pub goal: usize,
    /// Live heap after the last mark.
    pub heap_marked: usize,
    /// GOGC; negative = off.
    pub percent: i64,
    /// Soft memory limit in bytes (i64::MAX: none).
    pub memlimit: i64,
    pub gctrace: bool,
    /// GODEBUG=gcpoison=1 (see mgcsweep.rs).
    pub poison: bool,
    pub numgc: u32,
    pub numforced: u32,
    pub pause_total: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub last_gc: u64,
    pub gc_time: u64,
    start_ns: u64,
    pub stack_scanned: usize,
    pub globals_scanned: usize,
    // The running cycle: its start, the end of its first pause, its heap
    // at the start.
    cycle_t0: u64,
    cycle_t1: u64,
    cycle_heap0: usize,
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
            poison: false,
            numgc: 0,
            numforced: 0,
            pause_total: 0,
            pause_ns: [0; 256],
            pause_end: [0; 256],
            last_gc: 0,
            gc_time: 0,
            start_ns: 0,
            stack_scanned: 0,
            globals_scanned: 0,
            cycle_t0: 0,
            cycle_t1: 0,
            cycle_heap0: 0,
        }
    }
}

impl Default for GcState {
    fn default() -> Self {
        Self::new()
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
            let Some(eq) = kv.iter().position(|&c| c == b'=') else {
                continue;
            };
            let (k, x) = (&kv[..eq], &kv[eq + 1..]);
            let on = x != b"0";
            match k {
                b"gctrace" => g.gctrace = on,
                b"gcpoison" => g.poison = on,
                b"gccheckmark" => CHECKMARK.store(on, Relaxed),
                b"wbforce" => {
                    // Debugging aid: barriers on for the whole run (their
                    // slow paths must store exactly what the fast path does).
                    WBFORCE.store(on, Relaxed);
                    crate::mbarrier::WRITE_BARRIER.store(on as u32, Relaxed);
                }
                b"gcstress" => STRESS.store(
                    core::str::from_utf8(x)
                        .ok()
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0),
                    Relaxed,
                ),
                _ => {}
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
    g.trigger = if goal == usize::MAX {
        usize::MAX
    } else {
        marked + (goal.saturating_sub(marked)) * 7 / 10
    };
}

/// A stop-the-world is pending or in progress (mallocgc's safe point).
#[inline]
pub fn gcwaiting() -> bool {
    crate::sched::gcwaiting()
}

/// Whether the running code is on its goroutine's stack (not a system
/// stack), where a cycle may start or a goroutine may yield.
fn on_goroutine_stack() -> bool {
    let g = getg();
    let here = &g as *const _ as usize;
    let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
    hi != 0 && here >= lo && here < hi && !crate::stack::system_stack_top().is_null()
}

/// Take the right to stop the world, from a goroutine: yield while another
/// holds it (it may need this goroutine to stop).
fn world_acquire() {
    while WORLD.compare_exchange(false, true, Acquire, Relaxed).is_err() {
        crate::sched::gosched();
    }
}

fn world_release() {
    WORLD.store(false, Release);
}

/// The allocation slow path's pacing (a refill or a large object of about
/// `bytes`, before it happens): start a cycle at the trigger, assist while
/// marking.
pub fn alloc_slow_hook(bytes: usize) {
    match phase() {
        PHASE_MARK => assist(bytes),
        PHASE_OFF => {
            let m = mem();
            // SAFETY: racy reads of two words; a stale value only delays
            // or repeats the check.
            let (live, trigger) = unsafe {
                (
                    core::ptr::read_volatile(&m.stats.heap_live),
                    core::ptr::read_volatile(&m.gc.trigger),
                )
            };
            if live >= trigger {
                gc_start_concurrent();
            }
        }
        _ => {}
    }
}

/// GODEBUG=gcstress=N: a full collection at every Nth allocation.
pub fn stress_tick() {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let n = STRESS.load(Relaxed);
    if COUNT.fetch_add(1, Relaxed) % n.max(1) == n.max(1) - 1 {
        gc_full(false);
    }
}

extern "C" {
    fn rgo_gc_enter(arg: usize, f: extern "C" fn(usize, usize), stack_top: usize);
}

// The assembly of rgo_gc_enter, rgo_roots_bounds is in asm.rs.

/// Run `f(arg, sp)` on this M's system stack with the world stopped,
/// `sp` being the goroutine's SP below its saved registers. The caller
/// holds WORLD and runs on a goroutine stack.
fn with_world_stopped(arg: usize, f: extern "C" fn(usize, usize)) {
    let top = crate::stack::system_stack_top() as usize;
    // SAFETY: `top` is the top of the M's system stack, unused while Go or
    // runtime code runs on a goroutine stack (on_goroutine_stack).
    unsafe { rgo_gc_enter(arg, f, top) };
    crate::sched::wakep_after_gc();
}

/// Run `f(arg)` on the system stack with the world stopped (runtime.Stack
/// with all goroutines); directly when not on a goroutine stack.
pub fn with_world_stopped_call(arg: usize, f: extern "C" fn(usize)) {
    if !on_goroutine_stack() {
        f(arg);
        return;
    }
    extern "C" fn stw(p: usize, _sp: usize) {
        // SAFETY: p is the (arg, f) pair below, alive during the call.
        let (arg, f) = unsafe { *(p as *const (usize, extern "C" fn(usize))) };
        crate::sched::stop_the_world();
        f(arg);
        crate::sched::start_the_world();
    }
    let pair = (arg, f);
    world_acquire();
    with_world_stopped(&pair as *const _ as usize, stw);
    world_release();
}

/// Sweep what the last cycle left (gc's finishsweep_m).
fn finish_sweep_locked() {
    crate::mgcsweep::finish_sweep_yielding();
}

/// Start a concurrent cycle (gc's gcStart), if none runs and the caller
/// is on a goroutine stack.
pub fn gc_start_concurrent() {
    start_cycle(false);
}

/// Start a concurrent cycle (`forced`: for runtime.GC); false when one
/// was already running or the caller is not on a goroutine stack.
fn start_cycle(forced: bool) -> bool {
    if !on_goroutine_stack() {
        return false;
    }
    if PHASE
        .compare_exchange(PHASE_OFF, PHASE_MARKTERM, AcqRel, Relaxed)
        .is_err()
    {
        return false;
    }
    // (MARKTERM while starting keeps others from starting or assisting.)
    finish_sweep_locked();
    FORCED.store(forced, Relaxed);
    world_acquire();
    with_world_stopped(0, mark_setup_stw);
    world_release();
    true
}

/// The running concurrent cycle was started by runtime.GC.
static FORCED: AtomicBool = AtomicBool::new(false);

/// Help the running concurrent cycle (if any) to its end.
fn help_mark() {
    loop {
        match phase() {
            PHASE_MARK => {
                assist(usize::MAX / 4);
                // Let waiting goroutines run (and others finish the work
                // they hold).
                crate::sched::gosched();
            }
            PHASE_OFF => return,
            _ => crate::sched::gosched(),
        }
    }
}

/// Stop the world and take the allocator lock (on a system stack, holding
/// WORLD); returns the allocator state and the time the stop began.
fn stw_begin() -> (&'static mut MemState, u64) {
    let t0 = nanotime();
    crate::sched::stop_the_world();
    HEAP_LOCK.lock();
    crate::malloc::ensure_init();
    (mem(), t0)
}

/// Undo stw_begin.
fn stw_end() {
    HEAP_LOCK.unlock();
    crate::sched::start_the_world();
}

/// With the world stopped: grey the roots, switch the barrier and
/// allocate-black on.
extern "C" fn mark_setup_stw(_: usize, sp: usize) {
    let (m, t0) = stw_begin();
    crate::mgcsweep::finish_sweep(m);
    m.gc.cycle_t0 = t0;
    m.gc.cycle_heap0 = m.stats.heap_live;
    MARKED_BYTES.store(0, Relaxed);
    SCANNED_BYTES.store(0, Relaxed);
    ASSIST_NS.store(0, Relaxed);
    IDLE_NS.store(0, Relaxed);
    crate::mgcmark::BG_CREDIT.store(0, Relaxed);
    crate::mgcmark::FRACTIONAL_NS.store(0, Relaxed);
    let cur = getg() as *const crate::runtime2::G;
    crate::sched::for_each_g(|g| {
        let st = g.status.load(Relaxed);
        // Runnable goroutines and sleepers have no sudog on their stacks
        // (see stack::shrink_runnable); those parked on channels shrink
        // when they are readied.
        let sleeping = st == crate::runtime2::G_WAITING
            && g.waitreason.load(Relaxed) == crate::runtime2::WaitReason::Sleep as u32;
        if !core::ptr::eq(g, cur) && (st == crate::runtime2::G_RUNNABLE || sleeping) {
            crate::stack::shrink_runnable(g);
        }
    });
    let mut mk = Marker::new();
    let (stacks, globals) = mk.mark_roots(sp);
    mk.flush();
    m.gc.stack_scanned = stacks;
    m.gc.globals_scanned = globals;
    crate::mbarrier::WRITE_BARRIER.store(1, SeqCst);
    MARKING.store(true, SeqCst);
    let t1 = nanotime();
    crate::mgcmark::MARK_START_NS.store(t1, Relaxed);
    PHASE.store(PHASE_MARK, Release);
    m.gc.cycle_t1 = t1;
    record_pause(m, t1 - t0);
    stw_end();
}

fn record_pause(m: &mut MemState, ns: u64) {
    let g = &mut m.gc;
    g.pause_ns[(g.numgc % 256) as usize] += ns;
    g.pause_total += ns;
    g.gc_time += ns;
}

/// Mark assist (gc's gcAssistAlloc): scan heap in proportion to the
/// `bytes` about to be allocated; finish the cycle when nothing is left.
pub fn assist(bytes: usize) {
    if phase() != PHASE_MARK || !on_goroutine_stack() {
        return;
    }
    let m = mem();
    // SAFETY: racy reads of pacing words (see alloc_slow_hook).
    let (live, goal, est) = unsafe {
        (
            core::ptr::read_volatile(&m.stats.heap_live),
            core::ptr::read_volatile(&m.gc.goal),
            core::ptr::read_volatile(&m.gc.heap_marked),
        )
    };
    let remaining = est.max(HEAP_MINIMUM).saturating_sub(SCANNED_BYTES.load(Relaxed)).max(64 << 10);
    let runway = goal.saturating_sub(live).max(64 << 10);
    let mut work = (bytes as u128 * remaining as u128 / runway as u128).min(isize::MAX as u128 / 2) as usize;
    // Scanning by idle Ps pays for assists first.
    let credit = crate::mgcmark::BG_CREDIT.load(Relaxed);
    if credit > 0 {
        let take = credit.min(work as isize);
        crate::mgcmark::BG_CREDIT.fetch_sub(take, Relaxed);
        work -= take as usize;
    }
    if work == 0 {
        return;
    }
    crate::stack::systemstack(&work as *const usize as *mut u8, assist_on_system_stack);
    if !crate::mgcmark::work().is_empty() {
        // The assist shared work: an idle P can take it (gc's wakep when
        // work is put on the full list).
        crate::sched::wakep_after_gc();
    }
    if phase() == PHASE_MARK && crate::mgcmark::no_work_left() {
        mark_done();
    }
}

extern "C" fn assist_on_system_stack(arg: *mut u8) {
    // SAFETY: assist passes a usize.
    let work = unsafe { *(arg as *const usize) };
    let t0 = nanotime();
    let mut mk = Marker::new();
    // A goroutine waiting for this P stops the assist early (gc's assists
    // stop when preempted); the debt is paid at the next refill.
    mk.drain_concurrent(work.max(1), u64::MAX, &crate::sched::local_work_waiting);
    ASSIST_NS.fetch_add(nanotime() - t0, Relaxed);
}

/// Nothing grey is left: end the mark phase (gc's gcMarkDone), from a
/// goroutine.
pub fn mark_done() {
    if !on_goroutine_stack() {
        return;
    }
    if PHASE
        .compare_exchange(PHASE_MARK, PHASE_MARKTERM, AcqRel, Relaxed)
        .is_err()
    {
        return;
    }
    world_acquire();
    with_world_stopped(0, mark_termination_stw);
    world_release();
    PHASE.store(PHASE_OFF, Release);
    crate::mfinal::wake_fing();
}

/// As mark_done, from an idle P on its system stack (holding the P).
pub fn mark_done_on_system_stack() {
    if WORLD.compare_exchange(false, true, Acquire, Relaxed).is_err() {
        return;
    }
    if PHASE
        .compare_exchange(PHASE_MARK, PHASE_MARKTERM, AcqRel, Relaxed)
        .is_err()
    {
        world_release();
        return;
    }
    mark_termination();
    world_release();
    PHASE.store(PHASE_OFF, Release);
    crate::mfinal::wake_fing();
}

extern "C" fn mark_termination_stw(_: usize, _sp: usize) {
    mark_termination();
}

/// Stop the world, finish marking, start sweeping, restart the world
/// (stacks are not scanned again, so where it runs does not matter).
fn mark_termination() {
    let (m, t0) = stw_begin();
    let mut mk = Marker::new();
    mk.drain_all();
    debug_assert_eq!(NACTIVE.load(Relaxed), 0);
    if CHECKMARK.load(Relaxed) {
        checkmark(m);
    }
    let (heap1, marked) = finish_mark(m, &mut mk);
    MARKING.store(false, SeqCst);
    if !WBFORCE.load(Relaxed) {
        crate::mbarrier::WRITE_BARRIER.store(0, SeqCst);
    }
    let t1 = nanotime();
    record_pause(m, t1 - t0);
    let (c0, c1) = (m.gc.cycle_t0, m.gc.cycle_t1);
    let heap0 = m.gc.cycle_heap0;
    let forced = FORCED.swap(false, Relaxed);
    end_cycle(m, forced, [c0, c1, t0, t1], heap0, heap1, marked, true);
    stw_end();
}

/// The end of marking, for both kinds of cycle (world stopped, grey
/// objects drained): clear the weak handles of unreached objects, queue
/// their finalizers (marking what they reach), then the cleanups of what
/// is still unreached (mcleanup.rs), flush the caches, make the marked bytes the live heap
/// (gc's resetLive: sweeping frees the rest), set the next goal and make
/// every span unswept (the goal first: the scavenger runs against it when
/// the last span is swept). Returns the heap before the flush and the
/// marked bytes.
fn finish_mark(m: &mut MemState, mk: &mut Marker) -> (usize, usize) {
    crate::mcleanup::clear_weak(mk);
    crate::mfinal::queue_unreachable(mk);
    mk.drain_all();
    crate::mcleanup::queue_unreachable(mk);
    let heap1 = m.stats.heap_live;
    flush_all_caches(m);
    let marked = MARKED_BYTES.load(Relaxed);
    m.stats.heap_live = marked;
    set_goal(m, marked);
    crate::mgcsweep::start_sweep(m);
    (heap1, marked)
}

/// GODEBUG=gccheckmark=1: after the concurrent mark, every pointer held
/// precisely by a marked heap object or by a global must point to a
/// marked object (or outside the heap): anything the program can still
/// reach was reachable when marking started or was allocated black since,
/// so a marked-to-unmarked edge means a store skipped the write barrier.
/// (Stacks are scanned conservatively, so their stale words prove
/// nothing and are not checked.) World stopped, marking drained.
fn checkmark(m: &mut MemState) {
    let h = crate::mgcmark::heap();
    let check = |from: usize, v: usize| {
        let Some(s) = h.span_of(v) else { return };
        let i = s.obj_index(v);
        if i < s.nelems && s.is_allocated(i) && !s.is_marked(i) {
            let mut b = crate::print::Buf::<160>::new();
            b.push(b"runtime: checkmark: ");
            b.push_hex(from as u64);
            b.push(b" points to unmarked object ");
            b.push_hex((s.start + i * s.elemsize) as u64);
            b.push(b" of size ");
            b.push_uint(s.elemsize as u64);
            b.push(b"\n");
            crate::print::write_err(b.as_bytes());
            crate::panic::throw_str(b"checkmark found an unmarked reachable object");
        }
    };
    crate::mgcmark::for_each_precise_root(&mut |slot| {
        // SAFETY: the roots table names readable globals.
        check(slot, unsafe { *(slot as *const usize) })
    });
    for &sp in m.heap.allspans.iter() {
        // SAFETY: world stopped; in-use spans.
        let s = unsafe { &*sp };
        if s.noscan() {
            continue;
        }
        for i in 0..s.nelems {
            if s.is_allocated(i) && s.is_marked(i) {
                crate::mgcmark::for_each_pointer_word(h, s, s.start + i * s.elemsize, &mut |slot| {
                    // SAFETY: a word of a live object.
                    check(slot, unsafe { *(slot as *const usize) })
                });
            }
        }
    }
}

/// `runtime.GC()` (gc's GC): finish the running cycle, run a whole
/// concurrent cycle of our own (the caller marks alongside the idle Ps;
/// the world only stops briefly at its start and end), then sweep
/// everything, so that the caller sees a completed collection.
#[export_name = "runtime.GC"]
pub extern "C" fn gc_forced() {
    if !on_goroutine_stack() {
        return;
    }
    help_mark();
    // If this fails, another goroutine started a cycle after the call:
    // finishing that one is as good.
    start_cycle(true);
    help_mark();
    finish_sweep_locked();
    crate::mfinal::wake_fing();
}

/// A full collection with the world stopped throughout, after any
/// concurrent cycle in progress (helped along) has finished.
pub fn gc_full(forced: bool) {
    if !on_goroutine_stack() {
        return;
    }
    loop {
        match PHASE.compare_exchange(PHASE_OFF, PHASE_FULL, AcqRel, Relaxed) {
            Ok(_) => break,
            Err(PHASE_MARK) => assist(usize::MAX / 4),
            Err(_) if !forced => return,
            Err(_) => crate::sched::gosched(),
        }
    }
    finish_sweep_locked();
    world_acquire();
    with_world_stopped(forced as usize, gc_full_stw);
    world_release();
    PHASE.store(PHASE_OFF, Release);
    crate::mfinal::wake_fing();
}

/// On the system stack: stop the world, mark and sweep everything, restart.
extern "C" fn gc_full_stw(forced: usize, sp: usize) {
    let (m, t0) = stw_begin();
    crate::mgcsweep::finish_sweep(m);
    let heap0 = m.stats.heap_live;
    MARKED_BYTES.store(0, Relaxed);
    SCANNED_BYTES.store(0, Relaxed);
    let mut mk = Marker::new();
    let (stacks, globals) = mk.mark_roots(sp);
    m.gc.stack_scanned = stacks;
    m.gc.globals_scanned = globals;
    mk.drain_all();
    let (heap1, marked) = finish_mark(m, &mut mk);
    crate::mgcsweep::finish_sweep(m);
    let t1 = nanotime();
    record_pause(m, t1 - t0);
    end_cycle(m, forced != 0, [t0, t1, t1, t1], heap0, heap1, marked, false);
    stw_end();
}

/// Book-keeping at the end of a cycle; `t` = [start, end of the first
/// pause, start of the second, end] (a full cycle is one pause).
#[allow(clippy::too_many_arguments)] // the facts of one cycle
fn end_cycle(m: &mut MemState, forced: bool, t: [u64; 4], h0: usize, h1: usize, h2: usize, concurrent: bool) {
    let g = &mut m.gc;
    g.last_gc = unixnanos();
    g.pause_end[(g.numgc % 256) as usize] = g.last_gc;
    g.numgc += 1;
    if forced {
        g.numforced += 1;
    }
    if concurrent {
        g.gc_time += ASSIST_NS.load(Relaxed)
            + IDLE_NS.load(Relaxed)
            + crate::mgcmark::FRACTIONAL_NS.load(Relaxed);
    }
    if g.gctrace {
        trace(g, t, h0, h1, h2, forced);
    }
    // The next cycle's pause accumulates from zero.
    g.pause_ns[(g.numgc % 256) as usize] = 0;
}

/// gc's gctrace line: `gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu,
/// #->#-># MB, # MB goal, # MB stacks, # MB globals, # P`: the clock
/// times are the first pause, the concurrent mark and the second pause.
fn trace(g: &GcState, t: [u64; 4], h0: usize, h1: usize, h2: usize, forced: bool) {
    let [t0, t1, t2, t3] = t;
    let mut b = crate::print::Buf::<256>::new();
    let elapsed = t3.saturating_sub(g.start_ns).max(1);
    b.push(b"gc ");
    b.push_uint(g.numgc as u64);
    b.push(b" @");
    push_div(&mut b, (t0 - g.start_ns) / 1_000_000, 3);
    b.push(b"s ");
    b.push_uint(g.gc_time * 100 / elapsed / crate::sched::gomaxprocs_now().max(1) as u64);
    b.push(b"%: ");
    push_ms(&mut b, t1 - t0);
    b.push(b"+");
    push_ms(&mut b, t2 - t1);
    b.push(b"+");
    push_ms(&mut b, t3 - t2);
    b.push(b" ms clock, ");
    push_ms(&mut b, t1 - t0);
    b.push(b"+");
    push_ms(&mut b, ASSIST_NS.load(Relaxed));
    b.push(b"/");
    push_ms(&mut b, crate::mgcmark::FRACTIONAL_NS.load(Relaxed));
    b.push(b"/");
    push_ms(&mut b, IDLE_NS.load(Relaxed));
    b.push(b"+");
    push_ms(&mut b, t3 - t2);
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
    b.push(b" MB globals, ");
    b.push_uint(crate::sched::gomaxprocs_now() as u64);
    b.push(b" P");
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
    if !on_goroutine_stack() {
        HEAP_LOCK.lock();
        // SAFETY: forwarded; HEAP_LOCK held.
        unsafe { read_mem_stats_locked(out) };
        HEAP_LOCK.unlock();
        return;
    }
    // The world stops so every cache can be flushed: exact counts.
    world_acquire();
    with_world_stopped(out as usize, read_mem_stats_stw);
    world_release();
}

extern "C" fn read_mem_stats_stw(out: usize, _sp: usize) {
    stw_begin();
    flush_all_caches(mem());
    // SAFETY: out is the caller's MemStats; HEAP_LOCK held.
    unsafe { read_mem_stats_locked(out as *mut MemStats) };
    stw_end();
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
    // Objects in tiny blocks count as allocated and freed at once (gc).
    o.mallocs = st.mallocs + st.tiny_allocs;
    o.frees = st.frees + st.tiny_allocs;
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
    gc_full(true);
    crate::malloc::HEAP_LOCK.lock();
    let m = mem();
    let inuse = m.heap.pages_inuse;
    m.heap.scavenge(inuse);
    crate::malloc::HEAP_LOCK.unlock();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::malloc::{alloc_large, malloc_small, MCache};

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

    #[test]
    fn concurrent_trigger_precedes_goal() {
        let mut m = Box::new(MemState::new());
        set_goal(&mut m, 10 << 20);
        assert_eq!(m.gc.goal, 20 << 20);
        assert_eq!(m.gc.trigger, 17 << 20);
        m.gc.percent = -1;
        set_goal(&mut m, 10 << 20);
        assert_eq!(m.gc.trigger, usize::MAX);
    }

    /// A hand-built object graph in a private heap: a typed list of three
    /// nodes reached from a "root", one unreachable node with a pointer to
    /// a live one, an untyped block holding an interior pointer to a
    /// pointer-free block, and a non-pointer word holding an address. Mark
    /// from the root only and sweep (lazily, then the rest): exactly the
    /// unreachable node is freed, and the statistics follow.
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
        let m: &'static mut MemState = Box::leak(Box::new(MemState::new()));
        m.heap.init();
        let mut c = Box::new(MCache::new());
        // SAFETY: a private heap; the pointers are slots it just handed out.
        unsafe {
            let a = malloc_small(m, &mut c, 24, &NODE, true) as *mut usize;
            let b = malloc_small(m, &mut c, 24, &NODE, true) as *mut usize;
            let cc = malloc_small(m, &mut c, 24, &NODE, true) as *mut usize;
            let dead = malloc_small(m, &mut c, 24, &NODE, true) as *mut usize;
            let blob = malloc_small(m, &mut c, 64, core::ptr::null(), true) as *mut usize;
            let bytes = malloc_small(m, &mut c, 100, &crate::error::T_UINT8, true) as *mut usize;
            let big = alloc_large(m, 100_000, &NODE, true) as *mut usize;
            let lost = alloc_large(m, 50_000, core::ptr::null(), true) as *mut usize;
            *a = b as usize;
            *b = cc as usize;
            *cc.add(2) = blob as usize;
            *blob.add(3) = bytes as usize + 40; // interior pointer
            *dead = a as usize;
            *dead.add(2) = lost as usize;
            // Word 1 of a node is an int: an address there keeps nothing.
            *a.add(1) = dead as usize;
            // The big array of nodes: element 1000's word 2 points to b.
            *big.add(1000 * 3 + 2) = b as usize;
            *big.add(1000 * 3 + 1) = lost as usize;
            crate::malloc::flush_cache(m, &mut c);
            assert_eq!(m.stats.mallocs, 8);
            let heap = &*core::ptr::addr_of!(m.heap);
            let mut mk = Marker::with_heap(heap);
            mk.mark(a as usize + 3); // interior pointer into the root
            mk.mark(big as usize + 50_000);
            mk.drain();
            for p in [a, b, cc, blob, bytes, big] {
                assert!(mk.is_marked(p as usize), "{p:p}");
            }
            assert!(!mk.is_marked(dead as usize));
            assert!(!mk.is_marked(lost as usize));
            let inuse = m.heap.pages_inuse;
            crate::mgcsweep::start_sweep(m);
            // A refill of the nodes' class sweeps lazily until it finds
            // their span, whose free slot (dead's) comes first.
            let again = malloc_small(m, &mut c, 24, &NODE, true);
            assert_eq!(again, dead as usize);
            assert_eq!(*(again as *const usize), 0);
            crate::mgcsweep::finish_sweep(m);
            assert_eq!(m.stats.frees, 2);
            assert!(m.heap.span_of(lost as usize).is_none());
            assert!(m.heap.pages_inuse < inuse);
            let s = m.heap.span_of(a as usize).unwrap();
            assert!(s.is_allocated(s.obj_index(a as usize)));
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
