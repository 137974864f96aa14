//! Sleep timers (gc's timers in the scheduler, for time.Sleep): a
//! sleeping goroutine parks instead of blocking its M in nanosleep, and
//! the scheduler readies it when its time comes, so its wake-up does not
//! wait for the OS to schedule a thread while the cores are busy.
//!
//! Mechanism: one heap of {when, seq, G} under `TIMER_LOCK`, and
//! `NEXT_WHEN`, the earliest `when` (i64::MAX: none), read without the
//! lock. `runtime.timeSleep(ns)` pushes a timer and parks (the lock is
//! released by gopark's unlock function once the goroutine is parked, so
//! a timer is never popped for a goroutine still running).
//! [`check_timers`] readies every goroutine whose time has come; it runs
//! - in the scheduler (findrunnable, on a P's system stack), and markers
//!   on idle Ps stop when a timer is due (mgcmark.rs);
//! - in sysmon, which sleeps no longer than until `NEXT_WHEN` and starts an
//!   M for what it readied (the case where every M is idle or every P runs
//!   a goroutine that does not yield).
//!
//! Deadlock detection (sched.rs checkdead) counts a pending timer as a
//! goroutine that will run again.

use crate::runtime2::G;
use crate::runtime2::WaitReason;
use crate::sched::{gopark, goready};
use core::cell::UnsafeCell;
use core::cmp::Reverse;
use core::sync::atomic::{AtomicI64, AtomicUsize, Ordering::*};
use std::collections::BinaryHeap;

struct Timers {
    heap: BinaryHeap<Reverse<(i64, u64, usize)>>,
    seq: u64,
}

struct TimersCell(UnsafeCell<Timers>);
// SAFETY: only accessed with TIMER_LOCK held.
unsafe impl Sync for TimersCell {}

static TIMER_LOCK: crate::lock::Mutex = crate::lock::Mutex::new();
static TIMERS: TimersCell = TimersCell(UnsafeCell::new(Timers {
    heap: BinaryHeap::new(),
    seq: 0,
}));

/// The earliest pending `when` (nanotime), i64::MAX when none.
static NEXT_WHEN: AtomicI64 = AtomicI64::new(i64::MAX);
/// Pending timers.
static NTIMERS: AtomicUsize = AtomicUsize::new(0);

#[allow(clippy::mut_from_ref)]
fn timers() -> &'static mut Timers {
    // SAFETY: TIMER_LOCK held by the caller.
    unsafe { &mut *TIMERS.0.get() }
}

/// gopark's unlock function for a sleeper.
unsafe fn unlock_timers(_: *mut u8) {
    TIMER_LOCK.unlock();
}

/// `time.Sleep(ns)` for a goroutine: park until `ns` nanoseconds passed.
#[export_name = "runtime.timeSleep"]
pub extern "C" fn time_sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let when = crate::ostime::nanotime().saturating_add(ns);
    let g = crate::proc::getg() as *const G as usize;
    TIMER_LOCK.lock();
    let t = timers();
    t.seq += 1;
    t.heap.push(Reverse((when, t.seq, g)));
    NTIMERS.fetch_add(1, SeqCst);
    if when < NEXT_WHEN.load(Relaxed) {
        NEXT_WHEN.store(when, SeqCst);
        crate::sched::sysmon_wake_by(when);
    }
    gopark(WaitReason::Sleep, Some(unlock_timers), core::ptr::null_mut());
}

/// Whether a timer's time has come.
#[inline]
pub fn timers_due() -> bool {
    let next = NEXT_WHEN.load(Relaxed);
    next != i64::MAX && next <= crate::ostime::nanotime()
}

/// Nanoseconds until the next timer (None: no timer).
pub fn until_next() -> Option<i64> {
    let next = NEXT_WHEN.load(Relaxed);
    (next != i64::MAX).then(|| next - crate::ostime::nanotime())
}

/// Whether any goroutine sleeps on a timer.
pub fn pending() -> bool {
    NTIMERS.load(SeqCst) != 0
}

/// Ready every goroutine whose time has come; the number readied.
pub fn check_timers() -> usize {
    if !timers_due() {
        return 0;
    }
    let now = crate::ostime::nanotime();
    let mut due: Vec<usize> = Vec::new();
    TIMER_LOCK.lock();
    let t = timers();
    while let Some(&Reverse((when, _, g))) = t.heap.peek() {
        if when > now {
            break;
        }
        t.heap.pop();
        due.push(g);
    }
    let next = t.heap.peek().map_or(i64::MAX, |r| r.0 .0);
    NEXT_WHEN.store(next, SeqCst);
    TIMER_LOCK.unlock();
    for &g in &due {
        // SAFETY: a parked goroutine (its timer was pushed before it parked
        // and the lock kept us from seeing it earlier); Gs are never freed.
        goready(unsafe { &*(g as *const G) });
        NTIMERS.fetch_sub(1, SeqCst);
    }
    due.len()
}
