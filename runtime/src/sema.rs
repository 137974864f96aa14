//! Semaphores for package sync (gc's sema.go): `runtime.semacquire(addr,
//! reason)` blocks the running goroutine until `*addr > 0`, then
//! decrements it; `runtime.semrelease(addr)` increments `*addr` and makes
//! the longest-waiting goroutine on `addr` runnable.
//!
//! Mechanism: the count is an atomic u32 at `addr`, taken with a CAS
//! (`cansemacquire`). Waiters are kept in one of SEMTABSZ roots chosen by
//! address (gc's semtable), each a lock, a count of waiters (`nwait`) and
//! a FIFO of (address, goroutine). An acquirer that finds the count zero
//! locks the root, counts itself in `nwait`, checks the count once more
//! and parks with the root's lock released by `gopark`. A releaser
//! increments the count and, if `nwait` is not zero, locks the root,
//! dequeues the first waiter on that address and readies it; the woken
//! goroutine retries the CAS (a count taken by someone else in between
//! sends it back to sleep). `nwait` and the count are accessed SeqCst on
//! both sides, so either the acquirer sees the increment or the releaser
//! sees the waiter.
//!
//! The `reason` argument is the sync wait reason (1 sync.Mutex.Lock,
//! 2 sync.RWMutex.RLock, 3 sync.RWMutex.Lock, 4 sync.WaitGroup.Wait,
//! 5 sync.Cond.Wait), shown in deadlock reports.

use crate::lock::Mutex;
use crate::runtime2::G;
use crate::runtime2::WaitReason;
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicU32, Ordering::*};
use std::collections::VecDeque;

const SEMTABSZ: usize = 251;

struct Root {
    lock: Mutex,
    nwait: AtomicU32,
    waiters: UnsafeCell<VecDeque<(usize, &'static G)>>,
}

// SAFETY: `waiters` is only touched with `lock` held.
unsafe impl Sync for Root {}

static ROOTS: [Root; SEMTABSZ] = [const {
    Root {
        lock: Mutex::new(),
        nwait: AtomicU32::new(0),
        waiters: UnsafeCell::new(VecDeque::new()),
    }
}; SEMTABSZ];

fn root(addr: usize) -> &'static Root {
    &ROOTS[(addr >> 3) % SEMTABSZ]
}

impl Root {
    #[allow(clippy::mut_from_ref)]
    fn waiters(&self) -> &mut VecDeque<(usize, &'static G)> {
        // SAFETY: callers hold self.lock.
        unsafe { &mut *self.waiters.get() }
    }
}

unsafe fn unlock_root(r: *mut u8) {
    // SAFETY: gopark passes a root.
    unsafe { (*(r as *const Root)).lock.unlock() }
}

fn cansemacquire(a: &AtomicU32) -> bool {
    let mut v = a.load(SeqCst);
    loop {
        if v == 0 {
            return false;
        }
        match a.compare_exchange(v, v - 1, SeqCst, SeqCst) {
            Ok(_) => return true,
            Err(x) => v = x,
        }
    }
}

fn reason_of(r: i64) -> WaitReason {
    match r {
        1 => WaitReason::SyncMutexLock,
        2 => WaitReason::SyncRWMutexRLock,
        3 => WaitReason::SyncRWMutexLock,
        4 => WaitReason::SyncWaitGroupWait,
        5 => WaitReason::SyncCondWait,
        6 => WaitReason::Semacquire,
        _ => WaitReason::Zero,
    }
}

/// `runtime.semacquire(addr *uint32, reason int)`.
///
/// # Safety
/// `addr` points to a live, 4-byte aligned uint32.
#[export_name = "runtime.semacquire"]
pub unsafe extern "C" fn semacquire(addr: *mut u32, reason: i64) {
    // SAFETY: caller contract; the word is only accessed atomically.
    let a = unsafe { AtomicU32::from_ptr(addr) };
    if cansemacquire(a) {
        return;
    }
    let r = root(addr as usize);
    let g = crate::proc::getg();
    loop {
        r.lock.lock();
        r.nwait.fetch_add(1, SeqCst);
        if cansemacquire(a) {
            r.nwait.fetch_sub(1, SeqCst);
            r.lock.unlock();
            return;
        }
        r.waiters().push_back((addr as usize, g));
        crate::sched::gopark(
            reason_of(reason),
            Some(unlock_root),
            r as *const Root as *mut u8,
        );
        if cansemacquire(a) {
            return;
        }
    }
}

/// `runtime.semrelease(addr *uint32)`.
///
/// # Safety
/// `addr` points to a live, 4-byte aligned uint32.
#[export_name = "runtime.semrelease"]
pub unsafe extern "C" fn semrelease(addr: *mut u32) {
    // SAFETY: caller contract.
    let a = unsafe { AtomicU32::from_ptr(addr) };
    a.fetch_add(1, SeqCst);
    let r = root(addr as usize);
    if r.nwait.load(SeqCst) == 0 {
        return;
    }
    r.lock.lock();
    if r.nwait.load(SeqCst) == 0 {
        r.lock.unlock();
        return;
    }
    let q = r.waiters();
    let g = q
        .iter()
        .position(|&(x, _)| x == addr as usize)
        .and_then(|i| q.remove(i))
        .map(|(_, g)| g);
    if g.is_some() {
        r.nwait.fetch_sub(1, SeqCst);
    }
    r.lock.unlock();
    if let Some(g) = g {
        crate::sched::goready(g);
    }
}

/// Number of goroutines parked on `addr` (sync uses it for Cond and tests).
#[export_name = "runtime.semwaiters"]
pub extern "C" fn semwaiters(addr: *mut u32) -> i64 {
    let r = root(addr as usize);
    r.lock.lock();
    let n = r.waiters().iter().filter(|&&(x, _)| x == addr as usize).count();
    r.lock.unlock();
    n as i64
}
