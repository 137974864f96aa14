//! Semaphores for package sync (gc's sema.go, reduced to one thread):
//! `runtime.semacquire(addr, reason)` blocks the running goroutine until
//! `*addr > 0`, then decrements it; `runtime.semrelease(addr)` increments
//! `*addr` and makes the longest-waiting goroutine on `addr` runnable.
//!
//! Mechanism: a table from semaphore address to a FIFO of parked
//! goroutines. A parked goroutine is woken by `goready` (it runs next) and
//! re-checks the count, so a count taken by someone else in between only
//! sends it back to sleep. Blocked goroutines are `G_WAITING` and count for
//! the scheduler's deadlock detection.
//!
//! Invariants: the table is only touched by the running goroutine, never
//! across a switch (one OS thread; with several threads this needs gc's
//! semaRoot locks). `semrelease` never switches goroutines.
//!
//! The `reason` argument is the sync wait reason (1 sync.Mutex.Lock,
//! 2 sync.RWMutex.RLock, 3 sync.RWMutex.Lock, 4 sync.WaitGroup.Wait,
//! 5 sync.Cond.Wait). sched.rs's WaitReason has no sync variants yet, so
//! deadlock reports print an empty reason (`goroutine 1 []:`) for now.

use crate::proc::G;
use core::cell::UnsafeCell;
use std::collections::{HashMap, VecDeque};

struct Table(UnsafeCell<Option<HashMap<usize, VecDeque<&'static G>>>>);

// SAFETY: one thread runs goroutines; see the module invariants.
unsafe impl Sync for Table {}

static TABLE: Table = Table(UnsafeCell::new(None));

fn with_table<R>(f: impl FnOnce(&mut HashMap<usize, VecDeque<&'static G>>) -> R) -> R {
    // SAFETY: short, non-reentrant sections on the one thread.
    f(unsafe { &mut *TABLE.0.get() }.get_or_insert_with(HashMap::new))
}

/// `runtime.semacquire(addr *uint32, reason int)`.
///
/// # Safety
/// `addr` points to a live uint32.
#[export_name = "runtime.semacquire"]
pub unsafe extern "C" fn semacquire(addr: *mut u32, _reason: i64) {
    loop {
        // SAFETY: caller contract.
        let v = unsafe { *addr };
        if v > 0 {
            unsafe { *addr = v - 1 };
            return;
        }
        let g = crate::proc::getg();
        with_table(|t| t.entry(addr as usize).or_default().push_back(g));
        crate::sched::gopark(crate::sched::WaitReason::Zero);
    }
}

/// `runtime.semrelease(addr *uint32)`.
///
/// # Safety
/// `addr` points to a live uint32.
#[export_name = "runtime.semrelease"]
pub unsafe extern "C" fn semrelease(addr: *mut u32) {
    // SAFETY: caller contract.
    unsafe { *addr = (*addr).wrapping_add(1) };
    let g = with_table(|t| {
        let q = t.get_mut(&(addr as usize))?;
        let g = q.pop_front();
        if q.is_empty() {
            t.remove(&(addr as usize));
        }
        g
    });
    if let Some(g) = g {
        crate::sched::goready(g);
    }
}

/// Number of goroutines parked on `addr` (sync uses it for Cond and tests).
#[export_name = "runtime.semwaiters"]
pub extern "C" fn semwaiters(addr: *mut u32) -> i64 {
    with_table(|t| t.get(&(addr as usize)).map_or(0, |q| q.len() as i64))
}
