//! The network poller (gc's runtime/netpoll.go and netpoll_epoll.go):
//! internal/poll's `runtime_poll*` hooks (bound in
//! stdlib/runtime/stdhooks.go) on one epoll instance.
//!
//! Mechanism, as gc's:
//! - A descriptor is registered once (`pollOpen`, edge-triggered EPOLLIN |
//!   EPOLLOUT | EPOLLRDHUP) with a [`PollDesc`]: off the Go heap (leaked
//!   boxes on a free list, gc's pollcache), so the collector neither moves
//!   nor frees it while internal/poll holds its address as a uintptr. The
//!   epoll data word is the descriptor's address tagged with its `fdseq`
//!   in the top 16 bits, so an event for a closed and reused PollDesc is
//!   dropped.
//! - `rg`/`wg` are binary semaphores: PD_NIL, PD_READY (I/O is possible),
//!   PD_WAIT (a goroutine is about to park) or the parked G. `pollWait`
//!   consumes PD_READY or parks (`gopark_commit`, gc's
//!   netpollblockcommit: the park is refused if the state changed in
//!   between); an event, a deadline, or `pollUnblock` (Close) hands the G
//!   back.
//! - Deadlines are function timers (timer.rs `add_func`) carrying `rseq`/
//!   `wseq`; a changed deadline bumps the sequence, so the old timer's call
//!   is ignored. An expired deadline sets `rd`/`wd` to -1, published with
//!   the closing and event-error bits in the atomic `info` word read by
//!   `netpollcheckerr`.
//! - Results are gc's: pollNoError, pollErrClosing, pollErrTimeout,
//!   pollErrNotPollable.
//! - The scheduler (sched.rs) polls without blocking in findrunnable when
//!   goroutines wait for I/O, blocks in epoll_wait (until the next timer)
//!   as the last resort of an M with nothing to run, one M at a time
//!   ([`LASTPOLL`] is 0 while one does, gc's sched.lastpoll), and sysmon
//!   polls when nobody did for 10 ms. [`netpoll_break`] (an eventfd) wakes
//!   the blocked M when an earlier timer is added.

use crate::lock::Mutex;
use crate::runtime2::{WaitReason, G};
use core::cell::UnsafeCell;
use core::sync::atomic::Ordering::{Relaxed, SeqCst};
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicU32, AtomicUsize};

const PD_NIL: usize = 0;
const PD_READY: usize = 1;
const PD_WAIT: usize = 2;

const POLL_NO_ERROR: i64 = 0;
const POLL_ERR_CLOSING: i64 = 1;
const POLL_ERR_TIMEOUT: i64 = 2;
const POLL_ERR_NOT_POLLABLE: i64 = 3;

// pollInfo bits (gc's).
const POLL_CLOSING: u32 = 1 << 0;
const POLL_EVENT_ERR: u32 = 1 << 1;
const POLL_EXPIRED_READ_DEADLINE: u32 = 1 << 2;
const POLL_EXPIRED_WRITE_DEADLINE: u32 = 1 << 3;
const POLL_FD_SEQ: u32 = 20;
const POLL_FD_SEQ_BITS: u32 = 12;
const POLL_FD_SEQ_MASK: usize = (1 << POLL_FD_SEQ_BITS) - 1;

/// fdseq lives in the epoll data word's top 16 bits.
const TAG_BITS: u32 = 16;
const TAG_MASK: usize = (1 << TAG_BITS) - 1;

const MODE_R: i64 = b'r' as i64;
const MODE_W: i64 = b'w' as i64;

/// What `lock` protects.
struct Locked {
    closing: bool,
    /// A read (write) deadline timer is pending and counted (timer.rs).
    rrun: bool,
    wrun: bool,
    rseq: usize,
    wseq: usize,
    /// Deadlines: a nanotime, 0 none, -1 expired.
    rd: i64,
    wd: i64,
}

/// gc's pollDesc.
pub struct PollDesc {
    /// The free list (under CACHE_LOCK).
    link: UnsafeCell<*mut PollDesc>,
    fd: AtomicUsize,
    fdseq: AtomicUsize,
    info: AtomicU32,
    rg: AtomicUsize,
    wg: AtomicUsize,
    lock: Mutex,
    locked: UnsafeCell<Locked>,
}

// SAFETY: `link` under CACHE_LOCK, `locked` under `lock`, the rest atomic.
unsafe impl Sync for PollDesc {}

impl PollDesc {
    fn new() -> PollDesc {
        PollDesc {
            link: UnsafeCell::new(core::ptr::null_mut()),
            fd: AtomicUsize::new(0),
            fdseq: AtomicUsize::new(0),
            info: AtomicU32::new(0),
            rg: AtomicUsize::new(PD_NIL),
            wg: AtomicUsize::new(PD_NIL),
            lock: Mutex::new(),
            locked: UnsafeCell::new(Locked {
                closing: false,
                rrun: false,
                wrun: false,
                rseq: 0,
                wseq: 0,
                rd: 0,
                wd: 0,
            }),
        }
    }

    /// The fields under `lock`, which the caller holds.
    #[allow(clippy::mut_from_ref)]
    fn l(&self) -> &mut Locked {
        // SAFETY: caller holds self.lock.
        unsafe { &mut *self.locked.get() }
    }

    fn gpp(&self, mode: i64) -> &AtomicUsize {
        if mode == MODE_W {
            &self.wg
        } else {
            &self.rg
        }
    }

    /// gc's publishInfo (lock held).
    fn publish_info(&self) {
        let l = self.l();
        let mut info = 0;
        if l.closing {
            info |= POLL_CLOSING;
        }
        if l.rd < 0 {
            info |= POLL_EXPIRED_READ_DEADLINE;
        }
        if l.wd < 0 {
            info |= POLL_EXPIRED_WRITE_DEADLINE;
        }
        info |= ((self.fdseq.load(SeqCst) & POLL_FD_SEQ_MASK) as u32) << POLL_FD_SEQ;
        let mut x = self.info.load(SeqCst);
        while let Err(v) = self
            .info
            .compare_exchange(x, (x & POLL_EVENT_ERR) | info, SeqCst, SeqCst)
        {
            x = v;
        }
    }

    /// gc's setEventErr: `seq` 0 always applies.
    fn set_event_err(&self, b: bool, seq: usize) {
        let mseq = (seq & POLL_FD_SEQ_MASK) as u32;
        let mut x = self.info.load(SeqCst);
        loop {
            let xseq = (x >> POLL_FD_SEQ) & POLL_FD_SEQ_MASK as u32;
            if seq != 0 && xseq != mseq {
                return;
            }
            if (x & POLL_EVENT_ERR != 0) == b {
                return;
            }
            match self.info.compare_exchange(x, x ^ POLL_EVENT_ERR, SeqCst, SeqCst) {
                Ok(_) => return,
                Err(v) => x = v,
            }
        }
    }
}

// ---------------------------------------------------------------------------
// the pollDesc cache (gc's pollcache): never freed

static CACHE_LOCK: Mutex = Mutex::new();
static FREE: AtomicUsize = AtomicUsize::new(0);

fn pd_alloc() -> &'static PollDesc {
    CACHE_LOCK.lock();
    let head = FREE.load(Relaxed) as *mut PollDesc;
    let pd = if head.is_null() {
        CACHE_LOCK.unlock();
        return Box::leak(Box::new(PollDesc::new()));
    } else {
        // SAFETY: free-list entries are leaked PollDescs; CACHE_LOCK held.
        unsafe {
            FREE.store(*(*head).link.get() as usize, Relaxed);
            &*head
        }
    };
    CACHE_LOCK.unlock();
    pd
}

fn pd_free(pd: &'static PollDesc) {
    // Increment fdseq so a stale event or timer for the old descriptor
    // is ignored (gc: wrapping to 0 within the tag's bits).
    let mut seq = pd.fdseq.load(SeqCst) + 1;
    if seq > TAG_MASK {
        seq = 0;
    }
    pd.fdseq.store(seq, SeqCst);
    CACHE_LOCK.lock();
    // SAFETY: CACHE_LOCK held.
    unsafe { *pd.link.get() = FREE.load(Relaxed) as *mut PollDesc };
    FREE.store(pd as *const PollDesc as usize, Relaxed);
    CACHE_LOCK.unlock();
}

// ---------------------------------------------------------------------------
// epoll

static INITED: AtomicBool = AtomicBool::new(false);
static INIT_LOCK: Mutex = Mutex::new();
static EPFD: AtomicI32 = AtomicI32::new(-1);
static EVENTFD: AtomicI32 = AtomicI32::new(-1);
/// netpollBreak's wake-up is in flight (gc's netpollWakeSig).
static WAKE_SIG: AtomicU32 = AtomicU32::new(0);
/// Goroutines parked in pollWait (gc's netpollWaiters).
static WAITERS: AtomicI64 = AtomicI64::new(0);
/// The eventfd's epoll data word: an address no PollDesc has.
static EVENTFD_TAG: u8 = 0;

/// When the network was last polled (nanotime); 0 while an M blocks in
/// netpoll (gc's sched.lastpoll).
pub static LASTPOLL: AtomicI64 = AtomicI64::new(1);
/// Until when the blocked M sleeps (i64::MAX: no timeout; 0: nobody
/// blocks), gc's sched.pollUntil.
pub static POLL_UNTIL: AtomicI64 = AtomicI64::new(0);

/// Whether goroutines wait for I/O (gc's netpollAnyWaiters).
#[inline]
pub fn any_waiters() -> bool {
    INITED.load(Relaxed) && WAITERS.load(SeqCst) > 0
}

fn adjust_waiters(delta: i64) {
    if delta != 0 {
        WAITERS.fetch_add(delta, SeqCst);
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// gc's netpollGenericInit: the epoll instance and the break eventfd.
#[export_name = "runtime.pollServerInit"]
pub extern "C" fn poll_server_init() {
    if INITED.load(SeqCst) {
        return;
    }
    INIT_LOCK.lock();
    if !INITED.load(SeqCst) {
        // SAFETY: plain system calls.
        unsafe {
            let ep = libc::epoll_create1(libc::EPOLL_CLOEXEC);
            if ep < 0 {
                crate::panic::throw_str(b"runtime: netpollinit failed");
            }
            let efd = libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK);
            if efd < 0 {
                crate::panic::throw_str(b"runtime: eventfd failed");
            }
            let mut ev = libc::epoll_event {
                events: libc::EPOLLIN as u32,
                u64: &EVENTFD_TAG as *const u8 as u64,
            };
            if libc::epoll_ctl(ep, libc::EPOLL_CTL_ADD, efd, &mut ev) != 0 {
                crate::panic::throw_str(b"runtime: epollctl failed");
            }
            EPFD.store(ep, SeqCst);
            EVENTFD.store(efd, SeqCst);
        }
        INITED.store(true, SeqCst);
    }
    INIT_LOCK.unlock();
}

/// `runtime_isPollServerDescriptor`.
#[export_name = "runtime.isPollServerDescriptor"]
pub extern "C" fn is_poll_server_descriptor(fd: usize) -> bool {
    INITED.load(SeqCst) && (fd as i32 == EPFD.load(SeqCst) || fd as i32 == EVENTFD.load(SeqCst))
}

/// Wake the M blocked in netpoll (gc's netpollBreak).
pub fn netpoll_break() {
    if WAKE_SIG.compare_exchange(0, 1, SeqCst, SeqCst).is_err() {
        return;
    }
    let one: u64 = 1;
    loop {
        // SAFETY: writes 8 bytes from a local.
        let n = unsafe { libc::write(EVENTFD.load(SeqCst), &one as *const u64 as *const libc::c_void, 8) };
        if n == 8 {
            return;
        }
        match errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return,
            _ => crate::panic::throw_str(b"runtime: netpollBreak write failed"),
        }
    }
}

/// A timer is due at `when`: break the blocked netpoll if it would sleep
/// past it (gc's wakeNetPoller).
pub fn wake_by(when: i64) {
    if !INITED.load(Relaxed) {
        return;
    }
    let until = POLL_UNTIL.load(SeqCst);
    if until != 0 && until > when {
        netpoll_break();
    }
}

/// Poll the network: `delay` < 0 blocks until an event, 0 does not block,
/// > 0 blocks at most that many nanoseconds. Returns the goroutines to
/// make runnable (their count already taken off the waiters).
pub fn netpoll(delay: i64) -> Vec<&'static G> {
    let mut to_run = Vec::new();
    if !INITED.load(SeqCst) {
        return to_run;
    }
    let waitms: i32 = if delay < 0 {
        -1
    } else if delay == 0 {
        0
    } else if delay < 1_000_000 {
        1
    } else if delay < 1_000_000_000_000_000 {
        (delay / 1_000_000) as i32
    } else {
        1_000_000_000
    };
    const N: usize = 128;
    let mut events = [libc::epoll_event { events: 0, u64: 0 }; N];
    let n = loop {
        // SAFETY: events has room for N entries.
        let n = unsafe { libc::epoll_wait(EPFD.load(SeqCst), events.as_mut_ptr(), N as i32, waitms) };
        if n >= 0 {
            break n as usize;
        }
        if errno() != libc::EINTR {
            crate::panic::throw_str(b"runtime: netpoll failed");
        }
        // A timed sleep that was interrupted: recompute how long to sleep.
        if waitms > 0 {
            return to_run;
        }
    };
    let mut delta = 0i64;
    for ev in &events[..n] {
        let evs = ev.events;
        let data = ev.u64 as usize;
        if evs == 0 {
            continue;
        }
        if data == &EVENTFD_TAG as *const u8 as usize {
            if delay != 0 {
                // A non-blocking poll may see the break; only a blocking
                // one consumes it.
                let mut one: u64 = 0;
                // SAFETY: reads 8 bytes into a local.
                unsafe { libc::read(EVENTFD.load(SeqCst), &mut one as *mut u64 as *mut libc::c_void, 8) };
                WAKE_SIG.store(0, SeqCst);
            }
            continue;
        }
        let mut mode = 0;
        if evs & (libc::EPOLLIN | libc::EPOLLRDHUP | libc::EPOLLHUP | libc::EPOLLERR) as u32 != 0 {
            mode += MODE_R;
        }
        if evs & (libc::EPOLLOUT | libc::EPOLLHUP | libc::EPOLLERR) as u32 != 0 {
            mode += MODE_W;
        }
        if mode != 0 {
            let ptr = data & ((1usize << (64 - TAG_BITS)) - 1);
            let tag = data >> (64 - TAG_BITS);
            // SAFETY: registered PollDescs are leaked, never freed.
            let pd: &'static PollDesc = unsafe { &*(ptr as *const PollDesc) };
            if pd.fdseq.load(SeqCst) == tag {
                pd.set_event_err(evs == libc::EPOLLERR as u32, tag);
                delta += netpollready(&mut to_run, pd, mode);
            }
        }
    }
    adjust_waiters(delta);
    to_run
}

fn netpollready(to_run: &mut Vec<&'static G>, pd: &'static PollDesc, mode: i64) -> i64 {
    let mut delta = 0;
    if mode == MODE_R || mode == MODE_R + MODE_W {
        if let Some(g) = netpollunblock(pd, MODE_R, true, &mut delta) {
            to_run.push(g);
        }
    }
    if mode == MODE_W || mode == MODE_R + MODE_W {
        if let Some(g) = netpollunblock(pd, MODE_W, true, &mut delta) {
            to_run.push(g);
        }
    }
    delta
}

/// gc's netpollcheckerr.
fn netpollcheckerr(pd: &PollDesc, mode: i64) -> i64 {
    let info = pd.info.load(SeqCst);
    if info & POLL_CLOSING != 0 {
        return POLL_ERR_CLOSING;
    }
    if (mode == MODE_R && info & POLL_EXPIRED_READ_DEADLINE != 0)
        || (mode == MODE_W && info & POLL_EXPIRED_WRITE_DEADLINE != 0)
    {
        return POLL_ERR_TIMEOUT;
    }
    // An event error is reported on reads only; a write reports its own
    // error.
    if mode == MODE_R && info & POLL_EVENT_ERR != 0 {
        return POLL_ERR_NOT_POLLABLE;
    }
    POLL_NO_ERROR
}

/// gc's netpollblockcommit: publish the parked G unless the state left
/// PD_WAIT meanwhile.
fn netpollblockcommit(gp: &'static G, gpp: *mut u8) -> bool {
    // SAFETY: gpp is the rg or wg word of a live PollDesc.
    let gpp = unsafe { &*(gpp as *const AtomicUsize) };
    let ok = gpp
        .compare_exchange(PD_WAIT, gp as *const G as usize, SeqCst, SeqCst)
        .is_ok();
    if ok {
        adjust_waiters(1);
    }
    ok
}

/// gc's netpollblock: true when I/O is ready, false on timeout/close.
fn netpollblock(pd: &'static PollDesc, mode: i64, waitio: bool) -> bool {
    let gpp = pd.gpp(mode);
    loop {
        // Consume a notification already there.
        if gpp.compare_exchange(PD_READY, PD_NIL, SeqCst, SeqCst).is_ok() {
            return true;
        }
        if gpp.compare_exchange(PD_NIL, PD_WAIT, SeqCst, SeqCst).is_ok() {
            break;
        }
        let v = gpp.load(SeqCst);
        if v != PD_READY && v != PD_NIL {
            crate::panic::throw_str(b"runtime: double wait");
        }
    }
    // Re-check the error states after setting PD_WAIT.
    if waitio || netpollcheckerr(pd, mode) == POLL_NO_ERROR {
        crate::sched::gopark_commit(
            WaitReason::IOWait,
            netpollblockcommit,
            gpp as *const AtomicUsize as *mut u8,
        );
    }
    // Do not lose a concurrent PD_READY.
    let old = gpp.swap(PD_NIL, SeqCst);
    if old > PD_WAIT {
        crate::panic::throw_str(b"runtime: corrupted polldesc");
    }
    old == PD_READY
}

/// gc's netpollunblock: take the parked G (if any) off `mode`'s
/// semaphore, leaving PD_READY when `ioready`.
fn netpollunblock(pd: &PollDesc, mode: i64, ioready: bool, delta: &mut i64) -> Option<&'static G> {
    let gpp = pd.gpp(mode);
    loop {
        let old = gpp.load(SeqCst);
        if old == PD_READY {
            return None;
        }
        if old == PD_NIL && !ioready {
            // Only ioready sets PD_READY; pollWait checks deadlines and
            // closing before it waits.
            return None;
        }
        let new = if ioready { PD_READY } else { PD_NIL };
        if gpp.compare_exchange(old, new, SeqCst, SeqCst).is_ok() {
            if old == PD_WAIT || old == PD_NIL {
                return None;
            }
            *delta -= 1;
            // SAFETY: a parked G's address (Gs are never freed).
            return Some(unsafe { &*(old as *const G) });
        }
    }
}

fn netpollgoready(g: Option<&'static G>) {
    if let Some(g) = g {
        crate::sched::goready(g);
    }
}

fn pd_of(ctx: usize) -> &'static PollDesc {
    // SAFETY: internal/poll passes back what pollOpen returned: a leaked
    // PollDesc.
    unsafe { &*(ctx as *const PollDesc) }
}

/// `runtime_pollOpen`: the PollDesc's address, or an errno (< 4096) when
/// epoll_ctl fails.
#[export_name = "runtime.pollOpen"]
pub extern "C" fn poll_open(fd: usize) -> usize {
    let pd = pd_alloc();
    pd.lock.lock();
    let wg = pd.wg.load(SeqCst);
    if wg != PD_NIL && wg != PD_READY {
        crate::panic::throw_str(b"runtime: blocked write on free polldesc");
    }
    let rg = pd.rg.load(SeqCst);
    if rg != PD_NIL && rg != PD_READY {
        crate::panic::throw_str(b"runtime: blocked read on free polldesc");
    }
    pd.fd.store(fd, SeqCst);
    if pd.fdseq.load(SeqCst) == 0 {
        // 0 is special in set_event_err.
        pd.fdseq.store(1, SeqCst);
    }
    let l = pd.l();
    l.closing = false;
    pd.set_event_err(false, 0);
    l.rseq += 1;
    pd.rg.store(PD_NIL, SeqCst);
    l.rd = 0;
    l.wseq += 1;
    pd.wg.store(PD_NIL, SeqCst);
    l.wd = 0;
    pd.publish_info();
    pd.lock.unlock();

    let tag = pd.fdseq.load(SeqCst) & TAG_MASK;
    let mut ev = libc::epoll_event {
        events: (libc::EPOLLIN | libc::EPOLLOUT | libc::EPOLLRDHUP | libc::EPOLLET) as u32,
        u64: ((pd as *const PollDesc as usize) | (tag << (64 - TAG_BITS))) as u64,
    };
    // SAFETY: a valid epoll_event.
    if unsafe { libc::epoll_ctl(EPFD.load(SeqCst), libc::EPOLL_CTL_ADD, fd as i32, &mut ev) } != 0 {
        let e = errno();
        pd_free(pd);
        return e as usize;
    }
    pd as *const PollDesc as usize
}

/// `runtime_pollClose`.
#[export_name = "runtime.pollClose"]
pub extern "C" fn poll_close(ctx: usize) {
    let pd = pd_of(ctx);
    pd.lock.lock();
    let closing = pd.l().closing;
    pd.lock.unlock();
    if !closing {
        crate::panic::throw_str(b"runtime: close polldesc w/o unblock");
    }
    let wg = pd.wg.load(SeqCst);
    if wg != PD_NIL && wg != PD_READY {
        crate::panic::throw_str(b"runtime: blocked write on closing polldesc");
    }
    let rg = pd.rg.load(SeqCst);
    if rg != PD_NIL && rg != PD_READY {
        crate::panic::throw_str(b"runtime: blocked read on closing polldesc");
    }
    let mut ev = libc::epoll_event { events: 0, u64: 0 };
    // SAFETY: plain system call.
    unsafe { libc::epoll_ctl(EPFD.load(SeqCst), libc::EPOLL_CTL_DEL, pd.fd.load(SeqCst) as i32, &mut ev) };
    pd_free(pd);
}

/// `runtime_pollReset`.
#[export_name = "runtime.pollReset"]
pub extern "C" fn poll_reset(ctx: usize, mode: i64) -> i64 {
    let pd = pd_of(ctx);
    let e = netpollcheckerr(pd, mode);
    if e != POLL_NO_ERROR {
        return e;
    }
    if mode == MODE_R {
        pd.rg.store(PD_NIL, SeqCst);
    } else if mode == MODE_W {
        pd.wg.store(PD_NIL, SeqCst);
    }
    POLL_NO_ERROR
}

/// `runtime_pollWait`: park until `mode` ('r', 'w') is ready.
#[export_name = "runtime.pollWait"]
pub extern "C" fn poll_wait(ctx: usize, mode: i64) -> i64 {
    let pd = pd_of(ctx);
    let e = netpollcheckerr(pd, mode);
    if e != POLL_NO_ERROR {
        return e;
    }
    while !netpollblock(pd, mode, false) {
        let e = netpollcheckerr(pd, mode);
        if e != POLL_NO_ERROR {
            return e;
        }
        // A deadline fired and unblocked us, then was reset before we
        // ran: wait again.
    }
    POLL_NO_ERROR
}

/// `runtime_pollWaitCanceled` (Windows only in gc's internal/poll).
#[export_name = "runtime.pollWaitCanceled"]
pub extern "C" fn poll_wait_canceled(ctx: usize, mode: i64) {
    netpollblock(pd_of(ctx), mode, true);
}

/// A deadline timer's body: arg = PollDesc address | 1 for a write
/// deadline, seq = the rseq/wseq it was set with.
fn netpolldeadline(arg: usize, seq: usize) {
    let write = arg & 1 != 0;
    let pd = pd_of(arg & !1);
    pd.lock.lock();
    let l = pd.l();
    let cur = if write { l.wseq } else { l.rseq };
    if seq != cur {
        // Stale: the deadline changed or the descriptor was closed (the
        // change already uncounted the timer).
        pd.lock.unlock();
        return;
    }
    let mut delta = 0;
    let g;
    if write {
        if l.wd <= 0 || !l.wrun {
            crate::panic::throw_str(b"runtime: inconsistent write deadline");
        }
        l.wd = -1;
        l.wrun = false;
        pd.publish_info();
        g = netpollunblock(pd, MODE_W, false, &mut delta);
    } else {
        if l.rd <= 0 || !l.rrun {
            crate::panic::throw_str(b"runtime: inconsistent read deadline");
        }
        l.rd = -1;
        l.rrun = false;
        pd.publish_info();
        g = netpollunblock(pd, MODE_R, false, &mut delta);
    }
    pd.lock.unlock();
    crate::timer::forget_func();
    netpollgoready(g);
    adjust_waiters(delta);
}

/// `runtime_pollSetDeadline`: `d` nanoseconds from now (> 0), none (0) or
/// already expired (< 0), for mode 'r', 'w' or 'r'+'w'.
#[export_name = "runtime.pollSetDeadline"]
pub extern "C" fn poll_set_deadline(ctx: usize, d: i64, mode: i64) {
    let pd = pd_of(ctx);
    pd.lock.lock();
    let l = pd.l();
    if l.closing {
        pd.lock.unlock();
        return;
    }
    let (rd0, wd0) = (l.rd, l.wd);
    let mut d = d;
    if d > 0 {
        d = d.wrapping_add(crate::ostime::nanotime());
        if d <= 0 {
            d = i64::MAX;
        }
    }
    if mode == MODE_R || mode == MODE_R + MODE_W {
        l.rd = d;
    }
    if mode == MODE_W || mode == MODE_R + MODE_W {
        l.wd = d;
    }
    pd.publish_info();
    let base = pd as *const PollDesc as usize;
    if l.rd != rd0 || (l.rd > 0 && !l.rrun) {
        // Invalidate the running timer, start one for the new deadline.
        l.rseq += 1;
        if l.rrun {
            l.rrun = false;
            crate::timer::forget_func();
        }
        if l.rd > 0 {
            l.rrun = true;
            crate::timer::add_func(l.rd, netpolldeadline, base, l.rseq);
        }
    }
    if l.wd != wd0 || (l.wd > 0 && !l.wrun) {
        l.wseq += 1;
        if l.wrun {
            l.wrun = false;
            crate::timer::forget_func();
        }
        if l.wd > 0 {
            l.wrun = true;
            crate::timer::add_func(l.wd, netpolldeadline, base | 1, l.wseq);
        }
    }
    // A deadline in the past unblocks pending I/O.
    let mut delta = 0;
    let rg = if l.rd < 0 { netpollunblock(pd, MODE_R, false, &mut delta) } else { None };
    let wg = if l.wd < 0 { netpollunblock(pd, MODE_W, false, &mut delta) } else { None };
    pd.lock.unlock();
    netpollgoready(rg);
    netpollgoready(wg);
    adjust_waiters(delta);
}

/// `runtime_pollUnblock`: the descriptor is being closed; wake its
/// waiters with pollErrClosing.
#[export_name = "runtime.pollUnblock"]
pub extern "C" fn poll_unblock(ctx: usize) {
    let pd = pd_of(ctx);
    pd.lock.lock();
    let l = pd.l();
    if l.closing {
        crate::panic::throw_str(b"runtime: unblock on closing polldesc");
    }
    l.closing = true;
    l.rseq += 1;
    l.wseq += 1;
    pd.publish_info();
    let mut delta = 0;
    let rg = netpollunblock(pd, MODE_R, false, &mut delta);
    let wg = netpollunblock(pd, MODE_W, false, &mut delta);
    if l.rrun {
        l.rrun = false;
        crate::timer::forget_func();
    }
    if l.wrun {
        l.wrun = false;
        crate::timer::forget_func();
    }
    pd.lock.unlock();
    netpollgoready(rg);
    netpollgoready(wg);
    adjust_waiters(delta);
}
