//! Sweeping (gc's mgcsweep.go): turning a span's mark bits into its
//! allocation bits after a cycle, lazily.
//!
//! Mechanism: the end of a mark phase (mgc.rs) moves every in-use span
//! from `heap.allspans` to `MemState::unswept` in one step. A span is swept
//! - on demand, by a cache refill that finds its central list empty
//!   ([`sweep_for_class`]: sweep unswept spans, of any class, until one of
//!   the wanted class has a free slot), or by a page allocation that would
//!   otherwise grow the heap ([`sweep_until_free`]);
//! - in the background, by Ps with nothing to run ([`bg_sweep`], called by
//!   the scheduler), a batch at a time;
//! - all that is left before the next cycle starts
//!   ([`finish_sweep_yielding`], in batches).
//!
//! A refill or page allocation sweeps at most `SWEEP_BUDGET` spans before
//! it takes fresh memory instead, so no one holds the lock for long.
//!
//! Sweeping a span: its marked objects are its allocated ones from now on
//! (alloc bits = mark bits, mark bits cleared, `freeindex` 0), the freed
//! slots count as frees (they left `heap_live` when the mark ended and it
//! became the marked bytes); an empty span goes back to
//! the heap, one with free slots to its class's central list; every swept
//! span is in `allspans` again. When the last span is swept the scavenger
//! returns free memory beyond the goal to the OS.
//!
//! Invariants: everything here runs with HEAP_LOCK held (or the world
//! stopped) and never while markers run (a cycle starts only after
//! `finish_sweep`); an unswept span is in no cache and on no central list.

use crate::malloc::{MemState, HEAP_LOCK};
use crate::mheap::{MSpan, MAX_OBJS_PER_SPAN};

/// Sweep one span (gc's mspan.sweep). HEAP_LOCK held.
pub fn sweep_span(m: &mut MemState, sp: *mut MSpan) {
    // SAFETY: an unswept in-use span, ours under HEAP_LOCK.
    let s = unsafe { &mut *sp };
    let live: usize = s.mark_bits.iter().map(|w| w.count_ones() as usize).sum();
    let freed = s.alloc_count - live;
    if freed > 0 {
        if m.gc.poison {
            poison_freed(s);
        }
        let class = s.sizeclass();
        m.stats.frees += freed as u64;
        m.stats.class_frees[class] += freed as u64;
        s.needzero = true;
    }
    s.alloc_bits = s.mark_bits;
    s.mark_bits = [0; MAX_OBJS_PER_SPAN / 64];
    s.freeindex = 0;
    s.alloc_count = live;
    if live == 0 {
        m.heap.free_span(sp);
        return;
    }
    m.heap.allspans.push(sp);
    if live < s.nelems {
        m.central[s.spanclass as usize].partial.push(sp);
    }
}

/// Sweep one unswept span; false when none is left.
fn sweep_one(m: &mut MemState) -> bool {
    let Some(sp) = m.unswept.pop() else {
        return false;
    };
    sweep_span(m, sp);
    if m.unswept.is_empty() {
        sweep_done(m);
    }
    true
}

/// Sweep until a span of class `spc` with a free slot turns up; it is taken
/// off its central list and returned. HEAP_LOCK held.
pub fn sweep_for_class(m: &mut MemState, spc: usize) -> Option<*mut MSpan> {
    // gc's cacheSpan budget: after this many spans, a fresh one is cheaper
    // than holding the lock longer.
    for _ in 0..SWEEP_BUDGET {
        if !sweep_one(m) {
            break;
        }
        if let Some(s) = m.central[spc].partial.pop() {
            return Some(s);
        }
    }
    None
}

/// Most spans one refill or one lock hold sweeps.
const SWEEP_BUDGET: usize = 100;

/// Sweep until a free span of `npages` pages exists or nothing is left.
pub fn sweep_until_free(m: &mut MemState, npages: usize) {
    for _ in 0..SWEEP_BUDGET {
        if m.heap.has_free(npages) || !sweep_one(m) {
            break;
        }
    }
}

/// Sweep everything left. HEAP_LOCK held (or the world stopped).
pub fn finish_sweep(m: &mut MemState) {
    while sweep_one(m) {}
}

/// Sweep everything left (before a cycle starts, from a goroutine), a
/// budget of spans per lock hold, yielding to a pending stop of the world
/// between batches: other goroutines can allocate meanwhile.
pub fn finish_sweep_yielding() {
    loop {
        HEAP_LOCK.lock();
        crate::malloc::ensure_init();
        let more = sweep_batch(crate::malloc::mem(), SWEEP_BUDGET);
        HEAP_LOCK.unlock();
        if !more {
            return;
        }
        if crate::sched::gcwaiting() {
            crate::sched::gc_safepoint();
        }
    }
}

/// A batch of background sweeping for an idle P; false when there was
/// nothing to sweep (or the lock was busy).
pub fn bg_sweep() -> bool {
    // SAFETY: a racy peek; the real check is under the lock.
    if unsafe { (*core::ptr::addr_of!(crate::malloc::mem().unswept)).is_empty() } {
        return false;
    }
    if !HEAP_LOCK.try_lock() {
        return false;
    }
    let m = crate::malloc::mem();
    let did = !m.unswept.is_empty();
    sweep_batch(m, 64);
    HEAP_LOCK.unlock();
    did
}

/// Sweep up to `n` spans; whether spans are left unswept. HEAP_LOCK held.
fn sweep_batch(m: &mut MemState, n: usize) -> bool {
    for _ in 0..n {
        if !sweep_one(m) {
            return false;
        }
    }
    !m.unswept.is_empty()
}

/// The last span of the cycle was swept: return free memory beyond ~10%
/// over the goal (and beyond the memory limit) to the OS.
fn sweep_done(m: &mut MemState) {
    let mut retain = m.gc.goal.saturating_add(m.gc.goal / 10);
    if m.gc.memlimit != i64::MAX {
        retain = retain.min(m.gc.memlimit as usize);
    }
    retain = retain.max(m.heap.pages_inuse);
    m.heap.scavenge(retain);
}

/// Start sweeping after a mark phase: every in-use span becomes unswept.
/// World stopped, HEAP_LOCK held, caches flushed.
pub fn start_sweep(m: &mut MemState) {
    debug_assert!(m.unswept.is_empty());
    for c in m.central.iter_mut() {
        c.partial.first = core::ptr::null_mut();
    }
    m.unswept = core::mem::take(&mut m.heap.allspans);
    if m.unswept.is_empty() {
        sweep_done(m);
    }
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
