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
//!
//! Besides sleepers the heap holds function timers ([`add_func`]): the
//! network poller's read and write deadlines (netpoll.rs). They are never
//! removed: their owner invalidates one by bumping the sequence number it
//! gave (gc's pd.rseq/wseq), and the function ignores a stale call. Such a
//! timer counts as pending (checkdead) from `add_func` until its owner
//! says it is gone ([`forget_func`]: stopped, or fired and handled).

use crate::runtime2::G;
use crate::runtime2::WaitReason;
use crate::sched::{gopark, goready};
use core::cell::UnsafeCell;
use core::cmp::Reverse;
use core::sync::atomic::{AtomicI64, AtomicUsize, Ordering::*};
use std::collections::BinaryHeap;

/// A heap entry: (when, seq, what, arg, fseq). `what` is a sleeping G
/// when `arg` is 0, else a [`TimerFunc`] called with (arg, fseq).
type Entry = (i64, u64, usize, usize, usize);

/// A function timer's body: (arg, seq), outside the timer lock.
pub type TimerFunc = fn(usize, usize);

struct Timers {
    heap: BinaryHeap<Reverse<Entry>>,
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
    t.heap.push(Reverse((when, t.seq, g, 0, 0)));
    NTIMERS.fetch_add(1, SeqCst);
    if when < NEXT_WHEN.load(Relaxed) {
        NEXT_WHEN.store(when, SeqCst);
        crate::sched::sysmon_wake_by(when);
        crate::netpoll::wake_by(when);
    }
    gopark(WaitReason::Sleep, Some(unlock_timers), core::ptr::null_mut());
}

/// Call `f(arg, fseq)` at `when` (nanotime), from the scheduler or sysmon,
/// outside the timer lock; `arg` must not be 0. Counts as pending until
/// [`forget_func`].
pub fn add_func(when: i64, f: TimerFunc, arg: usize, fseq: usize) {
    TIMER_LOCK.lock();
    let t = timers();
    t.seq += 1;
    t.heap.push(Reverse((when, t.seq, f as usize, arg, fseq)));
    NTIMERS.fetch_add(1, SeqCst);
    let earlier = when < NEXT_WHEN.load(Relaxed);
    if earlier {
        NEXT_WHEN.store(when, SeqCst);
    }
    TIMER_LOCK.unlock();
    if earlier {
        crate::sched::sysmon_wake_by(when);
        crate::netpoll::wake_by(when);
    }
}

/// A function timer added by [`add_func`] was stopped or has done its
/// work: it no longer counts as pending.
pub fn forget_func() {
    NTIMERS.fetch_sub(1, SeqCst);
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
    let mut due: Vec<(usize, usize, usize)> = Vec::new();
    TIMER_LOCK.lock();
    let t = timers();
    while let Some(&Reverse((when, _, g, arg, fseq))) = t.heap.peek() {
        if when > now {
            break;
        }
        t.heap.pop();
        due.push((g, arg, fseq));
    }
    let next = t.heap.peek().map_or(i64::MAX, |r| r.0 .0);
    NEXT_WHEN.store(next, SeqCst);
    TIMER_LOCK.unlock();
    for &(g, arg, fseq) in &due {
        if arg != 0 {
            // SAFETY: add_func stored a TimerFunc.
            let f: TimerFunc = unsafe { core::mem::transmute::<usize, TimerFunc>(g) };
            f(arg, fseq);
            continue;
        }
        // SAFETY: a parked goroutine (its timer was pushed before it parked
        // and the lock kept us from seeing it earlier); Gs are never freed.
        goready(unsafe { &*(g as *const G) });
        NTIMERS.fetch_sub(1, SeqCst);
    }
    due.len()
}
