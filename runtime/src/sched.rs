//! The M:N scheduler (gc's proc.go): goroutines (G) run on OS threads (M)
//! that hold one of GOMAXPROCS processors (P).
//!
//! Mechanism:
//! - A P owns a local run queue (crossbeam-deque `Worker`, FIFO; other Ps
//!   steal half of it through its `Stealer`) and a `runnext` slot (the
//!   goroutine made ready last, by `go` or a wakeup, runs next; it may be
//!   taken RUNNEXT_LIMIT times in a row before the queue gets a turn, gc's
//!   time-slice inheritance). `RUNQ` (a crossbeam `Injector`) is the global
//!   queue: yielded and preempted goroutines, overflow, and goroutines
//!   readied by threads without a P. Every 61st schedule looks there first.
//! - An M runs user code on goroutine stacks and scheduler code on its own
//!   system stack (g0, `TLS_SYSSTACK`). `mcall(f)` saves the running
//!   goroutine's callee-saved registers and SP in its G and calls `f(g)` at
//!   the top of the system stack; `f` never returns: it ends in
//!   `schedule`, which finds a runnable G and `execute`s it (`rgo_gogo`
//!   loads its SP and pops its registers). A parking goroutine's lock is
//!   released by `park_m` on g0, after its registers are saved, so a
//!   waker on another M can never resume a goroutine that is still
//!   running on its stack.
//! - `findrunnable`: local queue, global queue, then (as a "spinning" M,
//!   at most half of the busy Ps' worth of them) stealing from the other
//!   Ps; with nothing found the M puts its P on the idle list and sleeps
//!   on its note (`stopm`). Making a G runnable (`goready`, `newproc`)
//!   calls `wakep`, which starts a spinning M when there is an idle P and
//!   nobody spins; threads are created on demand (`newm`). A spinning M
//!   that found work wakes the next spinner (gc's resetspinning).
//! - System calls (`entersyscall`/`exitsyscall` around runtime.read,
//!   write and nanosleep): the P stays with the M in state P_SYSCALL; on
//!   return the M takes it back with a CAS, or another idle P, or queues
//!   its G globally and sleeps. `sysmon` (its own thread, no P) retakes Ps
//!   stuck in a system call (hand-off to another M when there is work),
//!   and asks goroutines that ran 10 ms without rescheduling to yield by
//!   setting their M's preemption word (`TLS_PREEMPT`, %fs:0x68), which
//!   generated code tests on every loop back edge (calling
//!   `runtime.preemptPark`).
//! - LockOSThread wires a G to its M: when it blocks, the M hands its P
//!   off and sleeps until the G is runnable again (`stoplockedm`); an M
//!   that picks up someone else's locked G hands its P to that G's M
//!   (`startlockedm`).
//! - Deadlock: when the last running M goes idle (no G runnable, none in a
//!   system call), gc's checkdead report and exit 2.
//! - GOMAXPROCS(n) at run time adds idle Ps or retires the Ps numbered n
//!   and above (their Ms move their queues to the global queue at their
//!   next schedule); there is no stop-the-world.
//!
//! Goroutine ids are sequential from 6 (gc 1.27's numbering with one P; see
//! the goroutine tests' comments), whatever GOMAXPROCS is.
//!
//! Locks: `SCHED_LOCK` protects the idle P and M lists, the M counts and
//! the global free G list; `ALLG_LOCK` the list of all Gs. A P's run queue
//! `Worker`, its runnext streak and free-G cache are touched only by the M
//! holding the P. Channel and semaphore locks are never taken while
//! holding the scheduler lock.
//!
//! Invariants:
//! - a G is G_RUNNING on at most one M (the one whose `curg` it is, whose
//!   `TLS_G` and `%fs:0x70` are its own while it runs);
//! - a G that is runnable or waiting has `sched_sp` pointing at the six
//!   callee-saved registers and the return address `rgo_mcall` pushed;
//! - G records are never freed: dead ones are cached per P (and globally)
//!   with their starting-size stacks and reused by `newproc`.

use crate::lock::Mutex;
use crate::proc::{getg, getm, setg, tls_store, G1, M0, TLS_PREEMPT};
use crate::runtime2::*;
use core::cell::UnsafeCell;
use core::ptr::null_mut;
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release, SeqCst};
use core::sync::atomic::{AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicUsize};
use crossbeam_deque::{Injector, Steal, Worker};

/// First goroutine id handed out by `newproc` (see the module comment).
const FIRST_USER_GOID: u64 = 6;

/// How often `runnext` may be chosen in a row.
const RUNNEXT_LIMIT: u32 = 61;

/// gc's _MaxGomaxprocs.
pub const MAX_PROCS: usize = 1024;

/// Preempt goroutines that ran this long without rescheduling (gc's
/// forcePreemptNS).
const FORCE_PREEMPT_NS: i64 = 10_000_000;

impl P {
    /// The local queue; only the M holding the P may call this.
    #[allow(clippy::mut_from_ref)]
    fn runq(&self) -> &Worker<GPtr> {
        // SAFETY: owner-only (module invariants).
        unsafe { &*self.runq.get() }
    }

    #[allow(clippy::mut_from_ref)]
    fn gfree(&self) -> &mut Vec<GPtr> {
        // SAFETY: owner-only (module invariants).
        unsafe { &mut *self.gfree.get() }
    }

    /// No runnable G here (racy when read by another M).
    fn runq_empty(&self) -> bool {
        self.runnext.load(Acquire).is_null() && self.stealer.is_empty()
    }

    fn runq_len(&self) -> usize {
        self.stealer.len() + (!self.runnext.load(Relaxed).is_null()) as usize
    }
}

/// State under SCHED_LOCK.
struct Locked {
    pidle: Vec<&'static P>,
    midle: Vec<&'static M>,
    allm: Vec<&'static M>,
    gfree: Vec<GPtr>,
    mcount: i64,
    nmidle: i64,
    nmidlelocked: i64,
    /// Ms parked by gcstopm until start_the_world.
    gcstopped: Vec<&'static M>,
    /// Ps taken from system calls by stop_the_world.
    gcgrabbed: Vec<&'static P>,
}

struct LockedCell(UnsafeCell<Locked>);
// SAFETY: only accessed with SCHED_LOCK held (sched()).
unsafe impl Sync for LockedCell {}

static SCHED_LOCK: Mutex = Mutex::new();
static SCHED: LockedCell = LockedCell(UnsafeCell::new(Locked {
    pidle: Vec::new(),
    midle: Vec::new(),
    allm: Vec::new(),
    gfree: Vec::new(),
    mcount: 0,
    nmidle: 0,
    nmidlelocked: 0,
    gcstopped: Vec::new(),
    gcgrabbed: Vec::new(),
}));

/// The locked scheduler state; SCHED_LOCK must be held.
#[allow(clippy::mut_from_ref)]
fn sched() -> &'static mut Locked {
    // SAFETY: callers hold SCHED_LOCK.
    unsafe { &mut *SCHED.0.get() }
}

struct AllGs(UnsafeCell<Vec<GPtr>>);
// SAFETY: only accessed with ALLG_LOCK held.
unsafe impl Sync for AllGs {}
static ALLG_LOCK: Mutex = Mutex::new();
static ALLGS: AllGs = AllGs(UnsafeCell::new(Vec::new()));

static RUNQ_CELL: std::sync::OnceLock<Injector<GPtr>> = std::sync::OnceLock::new();

/// The global run queue.
#[inline]
fn runq_global() -> &'static Injector<GPtr> {
    RUNQ_CELL.get_or_init(Injector::new)
}
static NPIDLE: AtomicI64 = AtomicI64::new(0);
static NMSPINNING: AtomicI64 = AtomicI64::new(0);
static GOMAXPROCS: AtomicUsize = AtomicUsize::new(1);
static GOIDGEN: AtomicU64 = AtomicU64::new(FIRST_USER_GOID - 1);
static GCOUNT: AtomicI64 = AtomicI64::new(1);
static MNEXT: AtomicI64 = AtomicI64::new(1);
static STARTED: AtomicU32 = AtomicU32::new(0);
static SCHEDTRACE_MS: AtomicI64 = AtomicI64::new(0);
static START_NS: AtomicI64 = AtomicI64::new(0);

static ALLP: [AtomicPtr<P>; MAX_PROCS] = [const { AtomicPtr::new(null_mut()) }; MAX_PROCS];

fn allp(i: usize) -> Option<&'static P> {
    let p = ALLP[i].load(Acquire);
    // SAFETY: ALLP holds leaked Ps.
    (!p.is_null()).then(|| unsafe { &*p })
}

/// How many P records exist (ids 0..n; some may be retired).
pub fn allp_len() -> usize {
    (0..MAX_PROCS).find(|&i| allp(i).is_none()).unwrap_or(MAX_PROCS)
}

/// GOMAXPROCS now.
pub fn gomaxprocs_now() -> usize {
    gomaxprocs()
}

fn gomaxprocs() -> usize {
    GOMAXPROCS.load(Relaxed)
}

/// Whether a goroutine waits in the global queue or any P's queue (an
/// idle P's marking gives way to it).
pub fn work_waiting() -> bool {
    !runq_global().is_empty()
        || crate::timer::timers_due()
        || (0..gomaxprocs()).any(|i| allp(i).is_some_and(|v| !v.runq_empty()))
}

/// Whether a goroutine waits in the current P's own queue or the global
/// one (an assist gives way to it).
pub fn local_work_waiting() -> bool {
    !runq_global().is_empty() || curp().is_some_and(|p| !p.runq_empty())
}

/// The id of the P this M holds, if any (the allocator's cache index).
#[inline]
pub fn curp_id() -> Option<usize> {
    curp().map(|p| p.id)
}

fn curp() -> Option<&'static P> {
    let p = getm().p.load(Relaxed);
    // SAFETY: m.p holds a leaked P or null.
    (!p.is_null()).then(|| unsafe { &*p })
}

// ---------------------------------------------------------------------------
// switching

// The assembly of rgo_gogo, rgo_gostart, rgo_mcall is in asm.rs.

#[allow(improper_ctypes)]
extern "C" {
    fn rgo_mcall(save: *mut usize, f: extern "C" fn(&'static G) -> !, arg: *const G, g0top: *mut u8);
    fn rgo_gogo(sp: usize) -> !;
    fn rgo_gostart();
}

/// gc's mcall: switch to the system stack and call f(current G); f ends
/// in schedule(). Returns when the goroutine is resumed.
fn mcall(f: extern "C" fn(&'static G) -> !) {
    let g = getg();
    // SAFETY: we run on g's stack; the system stack is free (nothing stays
    // suspended there while a goroutine runs).
    unsafe { rgo_mcall(g.sched_sp.as_ptr(), f, g, crate::stack::system_stack_top()) }
}

/// First thing on the system stack after mcall.
fn on_g0() -> &'static M {
    let m = getm();
    setg(&m.g0);
    m
}

/// Run `gp` on this M (which holds a P); never returns.
fn execute(gp: &'static G) -> ! {
    // No Go code runs while the world is stopped for a collection.
    while gcwaiting() {
        gcstopm();
    }
    let m = getm();
    let p = curp().expect("execute without P");
    m.curg.store(gp as *const G as *mut G, Relaxed);
    gp.m.store(m as *const M as *mut M, Relaxed);
    gp.status.store(G_RUNNING, Relaxed);
    p.schedtick.fetch_add(1, Relaxed);
    tls_store(TLS_PREEMPT, 0);
    setg(gp);
    crate::stack::set_stackguard(gp.stackguard0.load(Relaxed));
    // SAFETY: gp is runnable: its sched_sp holds a frame rgo_mcall or
    // newproc built.
    unsafe { rgo_gogo(gp.sched_sp.load(Acquire)) }
}

// ---------------------------------------------------------------------------
// P and M lists

fn acquirep(p: &'static P) {
    let m = getm();
    m.p.store(p as *const P as *mut P, Relaxed);
    p.m.store(m as *const M as *mut M, Relaxed);
    p.status.store(P_RUNNING, SeqCst);
}

fn releasep() -> &'static P {
    let m = getm();
    let p = m.p.swap(null_mut(), Relaxed);
    // SAFETY: callers hold a P.
    let p = unsafe { &*p };
    p.m.store(null_mut(), Relaxed);
    p.status.store(P_IDLE, SeqCst);
    p
}

/// Put `p` on the idle list (SCHED_LOCK held).
fn pidleput(p: &'static P) {
    p.status.store(P_IDLE, SeqCst);
    sched().pidle.push(p);
    NPIDLE.fetch_add(1, SeqCst);
}

/// Take an idle P (SCHED_LOCK held); retired Ps are dropped.
fn pidleget() -> Option<&'static P> {
    if gcwaiting() {
        return None;
    }
    while let Some(p) = sched().pidle.pop() {
        NPIDLE.fetch_sub(1, SeqCst);
        if p.id >= gomaxprocs() {
            p.status.store(P_DEAD, SeqCst);
            continue;
        }
        return Some(p);
    }
    None
}

/// Idle this M until startm hands it a P (gc's stopm); returns holding it.
fn stopm() {
    let m = getm();
    SCHED_LOCK.lock();
    sched().midle.push(m);
    sched().nmidle += 1;
    checkdead();
    SCHED_LOCK.unlock();
    sleep_for_p(m);
}

/// Sleep until startm or startlockedm hands `m` a P, and take it.
fn sleep_for_p(m: &'static M) {
    m.park.sleep();
    m.park.clear();
    let p = m.nextp.swap(null_mut(), Relaxed);
    // SAFETY: startm and startlockedm hand over a leaked P.
    acquirep(unsafe { &*p });
}

/// Run some M with `p` (or an idle P) (gc's startm).
fn startm(p: Option<&'static P>, spinning: bool) {
    SCHED_LOCK.lock();
    let p = match p.or_else(pidleget) {
        Some(p) => p,
        None => {
            SCHED_LOCK.unlock();
            if spinning {
                NMSPINNING.fetch_sub(1, SeqCst);
            }
            return;
        }
    };
    if let Some(nm) = sched().midle.pop() {
        sched().nmidle -= 1;
        SCHED_LOCK.unlock();
        nm.spinning.store(spinning as u32, Relaxed);
        nm.nextp.store(p as *const P as *mut P, Relaxed);
        nm.park.wakeup();
        return;
    }
    sched().mcount += 1;
    SCHED_LOCK.unlock();
    newm(p, spinning);
}

/// Create an M (an OS thread) that starts with `p`.
fn newm(p: &'static P, spinning: bool) {
    let id = MNEXT.fetch_add(1, Relaxed);
    let m: &'static M = Box::leak(Box::new(M::new(id)));
    m.spinning.store(spinning as u32, Relaxed);
    m.nextp.store(p as *const P as *mut P, Relaxed);
    m.fastrand.store(crate::alg::rand() | 1, Relaxed);
    SCHED_LOCK.lock();
    sched().allm.push(m);
    SCHED_LOCK.unlock();
    extern "C" fn spawn(arg: *mut u8) {
        extern "C" fn start(arg: *mut libc::c_void) -> *mut libc::c_void {
            // SAFETY: arg is the &'static M newm passed.
            mstart(unsafe { &*(arg as *const M) });
            null_mut()
        }
        if !newosproc(64 << 10, start, arg as *mut libc::c_void) {
            crate::panic::throw_str(b"newosproc");
        }
    }
    crate::stack::systemstack(m as *const M as *mut u8, spawn);
}

/// Start a detached OS thread running `start(arg)` on a pthread stack of
/// `stack` bytes plus room for glibc's static TLS block, which it carves
/// from the same mapping (gc's newosproc). pthreads directly, not
/// std::thread: std's spawn links its thread handles and its stack-overflow
/// handler (which parses /proc/self/maps with sscanf) into every program.
fn newosproc(stack: usize, start: extern "C" fn(*mut libc::c_void) -> *mut libc::c_void, arg: *mut libc::c_void) -> bool {
    // SAFETY: the attribute object lives for the calls below and is
    // destroyed after pthread_create copied it.
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        if libc::pthread_attr_init(&mut attr) != 0 {
            return false;
        }
        libc::pthread_attr_setstacksize(&mut attr, stack + (64 << 10));
        libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
        let mut t: libc::pthread_t = core::mem::zeroed();
        let r = libc::pthread_create(&mut t, &attr, start, arg);
        libc::pthread_attr_destroy(&mut attr);
        r == 0
    }
}

/// A new M's thread: make it an M and enter the scheduler on its system
/// stack.
fn mstart(m: &'static M) {
    crate::stack::init_system_stack(m);
    crate::signal::init_thread();
    setg(&m.g0);
    crate::stack::set_stackguard(0);
    extern "C" fn mstart0(_: *mut u8) {
        let m = getm();
        let p = m.nextp.swap(null_mut(), Relaxed);
        // SAFETY: newm set a leaked P.
        acquirep(unsafe { &*p });
        schedule()
    }
    // SAFETY: the system stack was just mapped.
    unsafe {
        crate::stack::call_on_stack(null_mut(), mstart0, crate::stack::system_stack_top())
    };
}

/// Start a spinning M if there is an idle P and nobody spins (gc's wakep).
fn wakep() {
    core::sync::atomic::fence(SeqCst);
    if NPIDLE.load(SeqCst) == 0 {
        return;
    }
    if NMSPINNING.load(SeqCst) != 0
        || NMSPINNING.compare_exchange(0, 1, SeqCst, Relaxed).is_err()
    {
        return;
    }
    startm(None, true);
}

fn resetspinning() {
    let m = getm();
    m.spinning.store(0, Relaxed);
    NMSPINNING.fetch_sub(1, SeqCst);
    wakep();
}

/// Give `p` (taken from an M that stops or sits in a system call) to an M
/// if there is work for it, else to the idle list (gc's handoffp).
fn handoffp(p: &'static P) {
    if !p.runq_empty() || !runq_global().is_empty() {
        startm(Some(p), false);
        return;
    }
    if NMSPINNING.load(SeqCst) + NPIDLE.load(SeqCst) == 0
        && NMSPINNING.compare_exchange(0, 1, SeqCst, Relaxed).is_ok()
    {
        startm(Some(p), true);
        return;
    }
    SCHED_LOCK.lock();
    if !runq_global().is_empty() {
        SCHED_LOCK.unlock();
        startm(Some(p), false);
        return;
    }
    pidleput(p);
    SCHED_LOCK.unlock();
}

// ---------------------------------------------------------------------------
// run queues

/// Put `g` on this M's P's queue (runnext when `next`), or on the global
/// queue when the M has no P. Runs on the system stack: crossbeam's
/// queues pin an epoch when a buffer grows, with kilobytes of stack.
fn ready_put(g: &'static G, next: bool) {
    struct Args(&'static G, bool);
    extern "C" fn f(a: *mut u8) {
        // SAFETY: a points at the Args below.
        let a = unsafe { &*(a as *const Args) };
        match curp() {
            Some(p) => runqput(p, a.0, a.1),
            None => runq_global().push(GPtr(a.0)),
        }
    }
    let mut a = Args(g, next);
    crate::stack::systemstack(&mut a as *mut Args as *mut u8, f);
}

fn runqput(p: &'static P, g: &'static G, next: bool) {
    let mut g = g as *const G;
    if next {
        let old = p.runnext.swap(g as *mut G, AcqRel());
        if old.is_null() {
            return;
        }
        g = old;
    }
    p.runq().push(GPtr(g));
}

#[allow(non_snake_case)]
fn AcqRel() -> core::sync::atomic::Ordering {
    core::sync::atomic::Ordering::AcqRel
}

fn runqget(p: &'static P) -> Option<&'static G> {
    let next = p.runnext.load(Acquire);
    if !next.is_null() && (p.streak.load(Relaxed) < RUNNEXT_LIMIT || p.runq().is_empty()) {
        if p
            .runnext
            .compare_exchange(next, null_mut(), AcqRel(), Relaxed)
            .is_ok()
        {
            p.streak.fetch_add(1, Relaxed);
            // SAFETY: queues hold leaked Gs.
            return Some(unsafe { &*next });
        }
    }
    p.streak.store(0, Relaxed);
    if let Some(g) = p.runq().pop() {
        return Some(g.g());
    }
    let next = p.runnext.swap(null_mut(), AcqRel());
    // SAFETY: as above.
    (!next.is_null()).then(|| unsafe { &*next })
}

fn globrunqget(p: &'static P) -> Option<&'static G> {
    loop {
        match runq_global().steal_batch_and_pop(p.runq()) {
            Steal::Success(g) => return Some(g.g()),
            Steal::Empty => return None,
            Steal::Retry => continue,
        }
    }
}

/// Steal half of `victim`'s queue into `p`'s, returning one G; its runnext
/// too when `stealnext`.
fn runqsteal(p: &'static P, victim: &'static P, stealnext: bool) -> Option<&'static G> {
    loop {
        match victim.stealer.steal_batch_and_pop(p.runq()) {
            Steal::Success(g) => return Some(g.g()),
            Steal::Empty => break,
            Steal::Retry => continue,
        }
    }
    if stealnext {
        let mut next = victim.runnext.load(Acquire);
        if !next.is_null() && victim.status.load(Relaxed) == P_RUNNING {
            // gc's runqgrab: the running P that just readied this G (a
            // send, a close, an unlock) is likely about to block and run it
            // itself; give it 3 us before taking it, so that the readier's
            // next statements run first as they would on one P.
            let t = libc::timespec { tv_sec: 0, tv_nsec: 3_000 };
            // SAFETY: a valid timespec; no remainder wanted.
            unsafe { libc::nanosleep(&t, core::ptr::null_mut()) };
            next = victim.runnext.load(Acquire);
        }
        if !next.is_null()
            && victim
                .runnext
                .compare_exchange(next, null_mut(), AcqRel(), Relaxed)
                .is_ok()
        {
            // SAFETY: queues hold leaked Gs.
            return Some(unsafe { &*next });
        }
    }
    None
}

fn fastrand() -> u64 {
    let m = getm();
    let mut x = m.fastrand.load(Relaxed);
    if x == 0 {
        x = crate::alg::rand() | 1;
    }
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    m.fastrand.store(x, Relaxed);
    x
}

/// Move a retired P's goroutines to the global queue and drop it.
fn retirep() {
    let p = releasep();
    crate::malloc::release_p_cache(p.id);
    while let Some(g) = p.runq().pop() {
        runq_global().push(g);
    }
    let next = p.runnext.swap(null_mut(), AcqRel());
    if !next.is_null() {
        runq_global().push(GPtr(next));
    }
    SCHED_LOCK.lock();
    sched().gfree.append(p.gfree());
    p.status.store(P_DEAD, SeqCst);
    SCHED_LOCK.unlock();
}

/// Find a runnable goroutine, stealing and sleeping as needed (gc's
/// findRunnable). Returns with the M holding a P.
fn findrunnable() -> &'static G {
    let m = getm();
    'top: loop {
        if gcwaiting() {
            gcstopm();
            continue;
        }
        crate::timer::check_timers();
        let p = curp().expect("findrunnable without P");
        if p.id >= gomaxprocs() {
            retirep();
            if m.spinning.swap(0, Relaxed) != 0 {
                NMSPINNING.fetch_sub(1, SeqCst);
            }
            // Carry on with a P that is still in service, if one is idle
            // (the retired P's goroutines went to the global queue).
            SCHED_LOCK.lock();
            let np = pidleget();
            SCHED_LOCK.unlock();
            match np {
                Some(np) => acquirep(np),
                None => stopm(),
            }
            continue;
        }
        if p.schedtick.load(Relaxed).is_multiple_of(61) {
            if let Some(g) = globrunqget(p) {
                return g;
            }
        }
        if let Some(g) = runqget(p) {
            return g;
        }
        if let Some(g) = globrunqget(p) {
            return g;
        }
        // Goroutines whose file descriptors are ready (gc: a non-blocking
        // netpoll before stealing, unless an M is blocked in netpoll).
        if crate::netpoll::any_waiters() && crate::netpoll::LASTPOLL.load(SeqCst) != 0 {
            let list = crate::netpoll::netpoll(0);
            if !list.is_empty() {
                inject(&list);
                if let Some(g) = runqget(p) {
                    return g;
                }
            }
        }
        let n = gomaxprocs();
        let busy = n as i64 - NPIDLE.load(SeqCst);
        if m.spinning.load(Relaxed) != 0 || 2 * NMSPINNING.load(SeqCst) < busy {
            if m.spinning.load(Relaxed) == 0 {
                m.spinning.store(1, Relaxed);
                NMSPINNING.fetch_add(1, SeqCst);
            }
            for round in 0..4 {
                let start = fastrand() as usize;
                for k in 0..n {
                    let Some(v) = allp((start + k) % n) else { continue };
                    if core::ptr::eq(v, p) {
                        continue;
                    }
                    if let Some(g) = runqsteal(p, v, round == 3) {
                        return g;
                    }
                }
                if let Some(g) = globrunqget(p) {
                    return g;
                }
            }
        }
        // Nothing to run: mark or sweep for the collector while there is
        // such work (gc's idle mark worker and background sweeper).
        // (Not spinning meanwhile: a goroutine readied now wakes an M.)
        let was_spinning = m.spinning.swap(0, Relaxed) != 0;
        if was_spinning {
            NMSPINNING.fetch_sub(1, SeqCst);
        }
        if crate::mgcmark::idle_mark(&work_waiting) || crate::mgcsweep::bg_sweep() {
            continue;
        }
        if was_spinning {
            // Back to spinning: giving up the P below re-checks the queues
            // for what was readied while we counted as spinning.
            m.spinning.store(1, Relaxed);
            NMSPINNING.fetch_add(1, SeqCst);
        }
        // Nothing: give up the P.
        SCHED_LOCK.lock();
        if !runq_global().is_empty() {
            SCHED_LOCK.unlock();
            if let Some(g) = globrunqget(p) {
                return g;
            }
            continue;
        }
        let p = releasep();
        pidleput(p);
        SCHED_LOCK.unlock();
        let was_spinning = m.spinning.swap(0, Relaxed) != 0;
        if was_spinning {
            NMSPINNING.fetch_sub(1, SeqCst);
            core::sync::atomic::fence(SeqCst);
            // Re-check everything: a G made runnable between our checks
            // and the decrement may have seen a spinning M and not woken
            // anyone.
            let work = !runq_global().is_empty()
                || (0..gomaxprocs()).any(|i| allp(i).is_some_and(|v| !v.runq_empty()));
            if work {
                SCHED_LOCK.lock();
                let np = pidleget();
                SCHED_LOCK.unlock();
                if let Some(np) = np {
                    acquirep(np);
                    m.spinning.store(1, Relaxed);
                    NMSPINNING.fetch_add(1, SeqCst);
                    continue 'top;
                }
            }
        }
        // Block in the network poller until a descriptor is ready, the
        // next timer is due or netpollBreak (one M at a time: gc's
        // sched.lastpoll is 0 while an M polls).
        if crate::netpoll::any_waiters() && crate::netpoll::LASTPOLL.swap(0, SeqCst) != 0 {
            let delay = match crate::timer::until_next() {
                Some(ns) => ns.max(0),
                None => -1,
            };
            crate::netpoll::POLL_UNTIL.store(
                if delay < 0 { i64::MAX } else { crate::ostime::nanotime() + delay },
                SeqCst,
            );
            let list = crate::netpoll::netpoll(delay);
            crate::netpoll::POLL_UNTIL.store(0, SeqCst);
            crate::netpoll::LASTPOLL.store(crate::ostime::nanotime(), SeqCst);
            SCHED_LOCK.lock();
            let np = pidleget();
            SCHED_LOCK.unlock();
            match np {
                Some(np) => {
                    acquirep(np);
                    // Onto the P's queue: findrunnable finds them there.
                    inject(&list);
                    continue 'top;
                }
                // Onto the global queue, for the Ms that run.
                None => inject(&list),
            }
        }
        stopm();
    }
}

/// Make the goroutines the network poller returned runnable (gc's
/// injectglist): onto this M's P, or the global queue without one.
fn inject(list: &[&'static G]) {
    for &g in list {
        goready(g);
    }
}

/// One round of scheduling: find a goroutine and run it (gc's schedule).
/// Runs on the system stack.
fn schedule() -> ! {
    let m = getm();
    setg(&m.g0);
    crate::stack::set_stackguard(0);
    let lg = m.lockedg.load(Relaxed);
    if !lg.is_null() {
        stoplockedm();
        // SAFETY: lockedg is a leaked G.
        execute(unsafe { &*lg });
    }
    loop {
        // The collector's fractional worker takes its share first.
        crate::mgcmark::fractional_mark();
        let gp = findrunnable();
        if m.spinning.load(Relaxed) != 0 {
            resetspinning();
        }
        let lm = gp.lockedm.load(Relaxed);
        if !lm.is_null() && !core::ptr::eq(lm, m) {
            // SAFETY: lockedm is a live M.
            startlockedm(gp, unsafe { &*lm });
            continue;
        }
        execute(gp);
    }
}

/// This M's locked goroutine is not runnable: give the P away and sleep
/// until startlockedm hands over a P with the goroutine runnable.
fn stoplockedm() {
    let m = getm();
    if curp().is_some() {
        handoffp(releasep());
    }
    SCHED_LOCK.lock();
    sched().nmidlelocked += 1;
    checkdead();
    SCHED_LOCK.unlock();
    // startlockedm took us off the idle-locked count before waking us.
    sleep_for_p(m);
}

/// `gp` is runnable but wired to `lm`: hand our P to it and idle.
fn startlockedm(gp: &'static G, lm: &'static M) {
    let _ = gp;
    let p = releasep();
    // lm counts as running from now on (else our stopm could see every
    // M idle and report a deadlock).
    SCHED_LOCK.lock();
    sched().nmidlelocked -= 1;
    SCHED_LOCK.unlock();
    lm.nextp.store(p as *const P as *mut P, Relaxed);
    lm.park.wakeup();
    stopm();
}

// ---------------------------------------------------------------------------
// goroutine life cycle

/// Called on the main thread before goroutine 1 starts: the Ps, M0 and
/// goroutine 1, GODEBUG=schedtrace, sysmon.
pub fn schedinit() {
    START_NS.store(crate::ostime::nanotime(), Relaxed);
    let ncpu = crate::env::numcpu().max(1) as usize;
    let mut procs = ncpu;
    if let Some(v) = crate::proc::getenv(b"GOMAXPROCS") {
        if let Some(n) = core::str::from_utf8(v).ok().and_then(|s| s.parse::<usize>().ok()) {
            if n > 0 {
                procs = n.min(MAX_PROCS);
            }
        }
    }
    if let Some(v) = crate::proc::getenv(b"GODEBUG") {
        for kv in v.split(|&c| c == b',') {
            if let Some(n) = kv.strip_prefix(b"schedtrace=") {
                if let Some(n) = core::str::from_utf8(n).ok().and_then(|s| s.parse::<i64>().ok()) {
                    SCHEDTRACE_MS.store(n, Relaxed);
                }
            }
        }
    }
    GOMAXPROCS.store(procs, Relaxed);
    SCHED_LOCK.lock();
    for i in 0..procs {
        ensurep(i);
    }
    sched().allm.push(&M0);
    sched().mcount = 1;
    for i in (1..procs).rev() {
        pidleput(allp(i).expect("p"));
    }
    SCHED_LOCK.unlock();
    M0.fastrand.store(crate::alg::rand() | 1, Relaxed);
    acquirep(allp(0).expect("p0"));
    G1.status.store(G_RUNNING, Relaxed);
    G1.m.store(&M0 as *const M as *mut M, Relaxed);
    M0.curg.store(&G1 as *const G as *mut G, Relaxed);
    ALLG_LOCK.lock();
    // SAFETY: ALLG_LOCK held.
    unsafe { (*ALLGS.0.get()).push(GPtr(&G1)) };
    ALLG_LOCK.unlock();
    STARTED.store(1, Relaxed);
    extern "C" fn sysmon_start(_: *mut libc::c_void) -> *mut libc::c_void {
        sysmon();
        null_mut()
    }
    if !newosproc(256 << 10, sysmon_start, null_mut()) {
        crate::panic::throw_str(b"cannot start sysmon");
    }
}

/// Create P number i if it does not exist (SCHED_LOCK held).
fn ensurep(i: usize) -> &'static P {
    if let Some(p) = allp(i) {
        return p;
    }
    let p: &'static P = Box::leak(Box::new(P::new(i)));
    ALLP[i].store(p as *const P as *mut P, Release);
    p
}

/// Called on goroutine 1's stack before main.init.
pub fn init_g1() {
    setg(&G1);
}

/// Block the running goroutine until `goready` (gc's gopark). `unlockf`,
/// if given, is called with `lock` on the system stack once the goroutine
/// is parked (its registers saved), so wakers that need `lock` can only
/// see it parked. Returns after it was readied and scheduled again.
pub fn gopark(reason: WaitReason, unlockf: Option<unsafe fn(*mut u8)>, lock: *mut u8) {
    let g = getg();
    let m = getm();
    m.waitunlockf
        .store(unlockf.map_or(0, |f| f as usize), Relaxed);
    m.waitlock.store(lock, Relaxed);
    g.waitreason.store(reason as u32, Relaxed);
    mcall(park_m);
}

/// gopark whose `commitf(g, arg)`, run on the system stack once the
/// goroutine is parked, may refuse the park by returning false: the
/// goroutine then runs on at once (gc's park_m with an unlockf that
/// fails; the network poller's netpollblockcommit).
pub fn gopark_commit(reason: WaitReason, commitf: fn(&'static G, *mut u8) -> bool, arg: *mut u8) {
    let g = getg();
    let m = getm();
    m.waitunlockf.store(0, Relaxed);
    m.waitcommitf.store(commitf as usize, Relaxed);
    m.waitlock.store(arg, Relaxed);
    g.waitreason.store(reason as u32, Relaxed);
    mcall(park_m);
}

extern "C" fn park_m(gp: &'static G) -> ! {
    let m = on_g0();
    gp.status.store(G_WAITING, Release);
    gp.m.store(null_mut(), Relaxed);
    m.curg.store(null_mut(), Relaxed);
    let f = m.waitunlockf.swap(0, Relaxed);
    if f != 0 {
        // SAFETY: gopark stored an `unsafe fn(*mut u8)`.
        unsafe {
            let f: unsafe fn(*mut u8) = core::mem::transmute(f);
            f(m.waitlock.swap(null_mut(), Relaxed));
        }
    }
    let c = m.waitcommitf.swap(0, Relaxed);
    if c != 0 {
        // SAFETY: gopark_commit stored a `fn(&G, *mut u8) -> bool`.
        let c: fn(&'static G, *mut u8) -> bool = unsafe { core::mem::transmute(c) };
        if !c(gp, m.waitlock.swap(null_mut(), Relaxed)) {
            gp.waitreason.store(WaitReason::Zero as u32, Relaxed);
            gp.status.store(G_RUNNABLE, Release);
            execute(gp);
        }
    }
    schedule()
}

/// Make a parked goroutine runnable; it runs next on this P (gc's
/// goready).
pub fn goready(g: &'static G) {
    // The stack-shrinking safe point (see stack::shrinkstack).
    crate::stack::shrinkstack(g);
    g.waitreason.store(WaitReason::Zero as u32, Relaxed);
    if g
        .status
        .compare_exchange(G_WAITING, G_RUNNABLE, AcqRel(), Relaxed)
        .is_err()
    {
        crate::panic::throw_str(b"goready: bad g status");
    }
    ready_put(g, true);
    wakep();
}

/// `runtime.Gosched()`: yield to the other runnable goroutines (the
/// goroutine goes to the global queue, as gc's goschedImpl).
#[export_name = "runtime.Gosched"]
pub extern "C" fn gosched() {
    mcall(gosched_m);
}

extern "C" fn gosched_m(gp: &'static G) -> ! {
    let m = on_g0();
    gp.status.store(G_RUNNABLE, Release);
    gp.m.store(null_mut(), Relaxed);
    m.curg.store(null_mut(), Relaxed);
    runq_global().push(GPtr(gp));
    wakep();
    schedule()
}

/// The preemption word of this M (`%fs:0x68`) was set: the loop poll of
/// generated code calls this. Yields like Gosched.
#[export_name = "runtime.preemptPark"]
pub extern "C" fn preempt_park() {
    tls_store(TLS_PREEMPT, 0);
    if curp().is_none() {
        return;
    }
    mcall(gosched_m);
}

/// `go f(args)`: the compiler packs the call into a closure `void(ctx)`
/// (first word the code pointer); the new goroutine calls it and exits.
#[export_name = "runtime.newproc"]
pub extern "C" fn newproc(closure: *mut u8) {
    if closure.is_null() {
        crate::panic::throw_str(b"go of nil func value");
    }
    let goid = GOIDGEN.fetch_add(1, Relaxed) + 1;
    let p = curp();
    let g: &'static G = match gfget(p) {
        Some(g) => {
            if g.stack_lo.load(Relaxed) == 0 {
                crate::stack::alloc_goroutine_stack(g);
            }
            g
        }
        None => {
            let g: &'static G = Box::leak(Box::new(G::new(0)));
            crate::stack::alloc_goroutine_stack(g);
            g.status.store(G_DEAD, Relaxed);
            ALLG_LOCK.lock();
            // SAFETY: ALLG_LOCK held.
            unsafe { (*ALLGS.0.get()).push(GPtr(g)) };
            ALLG_LOCK.unlock();
            g
        }
    };
    g.goid.store(goid, Relaxed);
    g.defers.store(null_mut(), Relaxed);
    g.panic.store(null_mut(), Relaxed);
    g.sig.store(0, Relaxed);
    g.preprinting.store(0, Relaxed);
    g.param.store(null_mut(), Relaxed);
    g.select_done.store(0, Relaxed);
    g.lockedm.store(null_mut(), Relaxed);
    g.fips.store(0, Relaxed);
    g.entry.store(closure, Relaxed);
    g.gopc.store(crate::traceback::caller_pc(), Relaxed);
    g.parentgoid.store(getg().goid.load(Relaxed), Relaxed);
    // The first switch pops 6 zero registers (rbp = 0 ends the frame
    // chain) and returns into rgo_gostart, with SP 16-byte aligned - 8.
    let hi = g.stack_hi.load(Relaxed);
    let sp = hi - 16 - 6 * 8;
    // SAFETY: [sp, hi) lies in the goroutine's (unused) stack.
    unsafe {
        core::ptr::write_bytes(sp as *mut usize, 0, 6);
        *((hi - 16) as *mut usize) = rgo_gostart as *const () as usize;
        *((hi - 8) as *mut usize) = 0;
    }
    g.sched_sp.store(sp, Relaxed);
    g.waitreason.store(WaitReason::Zero as u32, Relaxed);
    GCOUNT.fetch_add(1, Relaxed);
    g.status.store(G_RUNNABLE, Release);
    ready_put(g, true);
    wakep();
}

/// A dead G from this P's cache or the global list.
fn gfget(p: Option<&'static P>) -> Option<&'static G> {
    let p = p?;
    if p.gfree().is_empty() {
        SCHED_LOCK.lock();
        let s = sched();
        let k = s.gfree.len().saturating_sub(32);
        p.gfree().extend(s.gfree.drain(k..));
        SCHED_LOCK.unlock();
    }
    p.gfree().pop().map(GPtr::g)
}

fn gfput(p: Option<&'static P>, g: &'static G) {
    match p {
        Some(p) => {
            p.gfree().push(GPtr(g));
            if p.gfree().len() >= 64 {
                SCHED_LOCK.lock();
                let k = p.gfree().len() - 32;
                sched().gfree.extend(p.gfree().drain(k..));
                SCHED_LOCK.unlock();
            }
        }
        None => {
            SCHED_LOCK.lock();
            sched().gfree.push(GPtr(g));
            SCHED_LOCK.unlock();
        }
    }
}

/// First Rust frame of every goroutine but goroutine 1.
pub(crate) extern "C" fn goentry() -> ! {
    let g = getg();
    let c = g.entry.swap(null_mut(), Relaxed);
    // SAFETY: newproc checked the closure; its first word is the code
    // pointer of a `void(ctx)` function (ABI v1 closures).
    unsafe {
        let code: extern "C" fn(*mut u8) = core::mem::transmute(*(c as *const *const u8));
        code(c);
    }
    mcall(goexit_m);
    crate::panic::throw_str(b"goexit: dead goroutine resumed")
}

/// The goroutine's function returned: recycle it (on the system stack, so
/// its stack can be freed) and run the next one.
extern "C" fn goexit_m(gp: &'static G) -> ! {
    let m = on_g0();
    gp.status.store(G_DEAD, Release);
    gp.defers.store(null_mut(), Relaxed);
    gp.panic.store(null_mut(), Relaxed);
    gp.m.store(null_mut(), Relaxed);
    m.curg.store(null_mut(), Relaxed);
    if !gp.lockedm.swap(null_mut(), Relaxed).is_null() {
        m.lockedg.store(null_mut(), Relaxed);
        m.lockedext.store(0, Relaxed);
    }
    GCOUNT.fetch_sub(1, Relaxed);
    let size = gp.stack_hi.load(Relaxed) - gp.stack_lo.load(Relaxed);
    if size != crate::stack::STACK_MIN {
        crate::stack::free_goroutine_stack(gp);
    }
    // Goroutine 1 (static, with its own stack) is never reused: after
    // runtime.Goexit it stays dead.
    if !core::ptr::eq(gp, &G1) {
        gfput(curp(), gp);
    }
    schedule()
}

/// `runtime.Goexit()`: run the goroutine's deferred calls, then end it as
/// if its function had returned. When goroutine 1 does it the program goes
/// on until no goroutine is left (checkdead's `no goroutines` error).
#[export_name = "runtime.Goexit"]
pub extern "C" fn goexit() -> ! {
    crate::defer::run_goexit_defers();
    mcall(goexit_m);
    crate::panic::throw_str(b"goexit: dead goroutine resumed")
}

// ---------------------------------------------------------------------------
// system calls

/// Before a blocking system call: the P stays with this M in P_SYSCALL
/// and sysmon may hand it to another M (gc's entersyscall).
pub fn entersyscall() {
    let m = getm();
    let g = getg();
    let Some(p) = curp() else { return };
    if core::ptr::eq(g, &m.g0) {
        return;
    }
    let sp: usize;
    // SAFETY: reads the stack pointer.
    unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack)) };
    g.syscallsp.store(sp, Relaxed);
    let regs: [usize; 6];
    // SAFETY: reads the callee-saved registers (see G::syscallregs).
    unsafe {
        let (a, b, c, d, e, f): (usize, usize, usize, usize, usize, usize);
        core::arch::asm!(
            "mov {0}, rbx", "mov {1}, rbp", "mov {2}, r12",
            "mov {3}, r13", "mov {4}, r14", "mov {5}, r15",
            out(reg) a, out(reg) b, out(reg) c, out(reg) d, out(reg) e, out(reg) f,
            options(nomem, nostack, preserves_flags)
        );
        regs = [a, b, c, d, e, f];
    }
    for (slot, v) in g.syscallregs.iter().zip(regs) {
        slot.store(v, Relaxed);
    }
    g.status.store(G_SYSCALL, Relaxed);
    p.syscalltick.fetch_add(1, Relaxed);
    m.oldp.store(p as *const P as *mut P, Relaxed);
    m.p.store(null_mut(), Relaxed);
    p.m.store(null_mut(), Relaxed);
    p.status.store(P_SYSCALL, SeqCst);
}

/// After the system call: take the P back, or another, or queue the
/// goroutine and idle (gc's exitsyscall).
pub fn exitsyscall() {
    let m = getm();
    let g = getg();
    let op = m.oldp.swap(null_mut(), Relaxed);
    if op.is_null() {
        return;
    }
    // SAFETY: a leaked P.
    let p: &'static P = unsafe { &*op };
    if p
        .status
        .compare_exchange(P_SYSCALL, P_RUNNING, SeqCst, Relaxed)
        .is_ok()
    {
        m.p.store(op, Relaxed);
        p.m.store(m as *const M as *mut M, Relaxed);
        g.status.store(G_RUNNING, Relaxed);
        g.syscallsp.store(0, Relaxed);
        return;
    }
    SCHED_LOCK.lock();
    let np = pidleget();
    SCHED_LOCK.unlock();
    if let Some(np) = np {
        acquirep(np);
        g.status.store(G_RUNNING, Relaxed);
        g.syscallsp.store(0, Relaxed);
        return;
    }
    mcall(exitsyscall0);
    g.syscallsp.store(0, Relaxed);
}

extern "C" fn exitsyscall0(gp: &'static G) -> ! {
    let m = on_g0();
    gp.status.store(G_RUNNABLE, Release);
    gp.m.store(null_mut(), Relaxed);
    m.curg.store(null_mut(), Relaxed);
    SCHED_LOCK.lock();
    let np = pidleget();
    if np.is_none() {
        runq_global().push(GPtr(gp));
    }
    SCHED_LOCK.unlock();
    if let Some(np) = np {
        acquirep(np);
        execute(gp);
    }
    if !m.lockedg.load(Relaxed).is_null() {
        stoplockedm();
        execute(gp);
    }
    stopm();
    schedule()
}

// ---------------------------------------------------------------------------
// sysmon

fn usleep(us: i64) {
    let ts = libc::timespec {
        tv_sec: us / 1_000_000,
        tv_nsec: (us % 1_000_000) * 1000,
    };
    // SAFETY: plain nanosleep with a valid timespec.
    unsafe { libc::nanosleep(&ts, null_mut()) };
}

static SYSMON_M: M = M::new(-1);

/// Where sysmon sleeps between rounds, and when it plans to wake
/// (i64::MAX: awake).
static SYSMON_NOTE: crate::lock::Note = crate::lock::Note::new();
static SYSMON_WAKE: AtomicI64 = AtomicI64::new(i64::MAX);

/// A timer is due at `when`: wake sysmon if it would sleep past it.
pub fn sysmon_wake_by(when: i64) {
    if SYSMON_WAKE.load(SeqCst) > when {
        SYSMON_NOTE.poke();
    }
}

/// The system monitor (gc's sysmon): its own thread, no P.
fn sysmon() {
    crate::proc::tls_store(crate::proc::TLS_M, &SYSMON_M as *const M as usize);
    setg(&SYSMON_M.g0);
    let mut idle = 0u32;
    let mut delay: i64 = 20;
    let mut lasttrace: i64 = 0;
    loop {
        if idle == 0 {
            delay = 20;
        } else if idle > 50 {
            delay *= 2;
        }
        delay = delay.min(10_000);
        // Sleep until the delay ends or the next timer is due (timer.rs
        // pokes SYSMON_NOTE for a timer earlier than that).
        let now0 = crate::ostime::nanotime();
        SYSMON_WAKE.store(now0 + delay * 1000, SeqCst);
        let sleep_ns = match crate::timer::until_next() {
            Some(ns) => (delay * 1000).min(ns.max(20_000)),
            None => delay * 1000,
        };
        SYSMON_NOTE.sleep_timeout(sleep_ns);
        SYSMON_NOTE.clear();
        SYSMON_WAKE.store(i64::MAX, SeqCst);
        if crate::timer::check_timers() > 0 {
            // Ready goroutines are on the global queue: an idle P takes
            // them (a busy one at its next schedule).
            wakep();
            idle = 0;
        }
        let now = crate::ostime::nanotime();
        // Poll the network if nobody has for 10 ms (every P busy, or no M
        // blocked in netpoll), so ready I/O is not starved (gc's sysmon).
        let lastpoll = crate::netpoll::LASTPOLL.load(SeqCst);
        if crate::netpoll::any_waiters()
            && lastpoll != 0
            && lastpoll + 10_000_000 < now
            && crate::netpoll::LASTPOLL
                .compare_exchange(lastpoll, now, SeqCst, Relaxed)
                .is_ok()
        {
            let list = crate::netpoll::netpoll(0);
            if !list.is_empty() {
                // goready from here (no P) queues them globally and wakes
                // an idle P.
                inject(&list);
                idle = 0;
            }
        }
        let st = SCHEDTRACE_MS.load(Relaxed);
        if st > 0 && (lasttrace == 0 || lasttrace + st * 1_000_000 <= now) {
            lasttrace = now;
            schedtrace(now);
        }
        if retake(now) != 0 {
            idle = 0;
        } else {
            idle += 1;
        }
    }
}

/// Request `p`'s running goroutine to yield at its next loop back edge.
fn preemptone(p: &'static P) {
    let m = p.m.load(Relaxed);
    if m.is_null() {
        return;
    }
    // SAFETY: Ms are never freed; `tcb` is the TCB of its (live) thread,
    // whose word TLS_PREEMPT is ours.
    unsafe {
        let tcb = (*m).tcb.load(Relaxed);
        if tcb != 0 {
            (*((tcb + TLS_PREEMPT) as *const AtomicU32)).store(1, Relaxed);
        }
    }
}

/// gc's retake: preempt long-running goroutines, take Ps from Ms stuck in
/// system calls. Returns how many Ps were retaken.
fn retake(now: i64) -> u32 {
    let mut n = 0;
    let max = gomaxprocs();
    for i in 0..MAX_PROCS {
        let Some(p) = allp(i) else { break };
        let s = p.status.load(SeqCst);
        if i >= max {
            if s == P_RUNNING {
                preemptone(p);
            }
            continue;
        }
        let mut sysretake = false;
        if s == P_RUNNING || s == P_SYSCALL {
            let t = p.schedtick.load(Relaxed);
            if p.s_schedtick.load(Relaxed) != t {
                p.s_schedtick.store(t, Relaxed);
                p.s_schedwhen.store(now, Relaxed);
            } else if p.s_schedwhen.load(Relaxed) + FORCE_PREEMPT_NS <= now {
                preemptone(p);
                sysretake = true;
            }
        }
        if s == P_SYSCALL {
            let t = p.syscalltick.load(Relaxed);
            if !sysretake && p.s_syscalltick.load(Relaxed) != t {
                p.s_syscalltick.store(t, Relaxed);
                p.s_syscallwhen.store(now, Relaxed);
                continue;
            }
            if p.runq_empty()
                && runq_global().is_empty()
                && NMSPINNING.load(SeqCst) + NPIDLE.load(SeqCst) > 0
                && p.s_syscallwhen.load(Relaxed) + 10_000_000 > now
            {
                continue;
            }
            if p
                .status
                .compare_exchange(P_SYSCALL, P_IDLE, SeqCst, Relaxed)
                .is_ok()
            {
                n += 1;
                p.syscalltick.fetch_add(1, Relaxed);
                handoffp(p);
            }
        }
    }
    n
}

/// GODEBUG=schedtrace=N: one line in gc's shape every N ms.
fn schedtrace(now: i64) {
    let mut b = crate::print::Buf::<512>::new();
    SCHED_LOCK.lock();
    let s = sched();
    b.push(b"SCHED ");
    b.push_int((now - START_NS.load(Relaxed)) / 1_000_000);
    b.push(b"ms: gomaxprocs=");
    b.push_uint(gomaxprocs() as u64);
    b.push(b" idleprocs=");
    b.push_int(NPIDLE.load(SeqCst));
    b.push(b" threads=");
    b.push_int(s.mcount + 1);
    b.push(b" spinningthreads=");
    b.push_int(NMSPINNING.load(SeqCst));
    b.push(b" needspinning=0 idlethreads=");
    b.push_int(s.nmidle);
    b.push(b" runqueue=");
    b.push_uint(runq_global().len() as u64);
    SCHED_LOCK.unlock();
    let n = gomaxprocs();
    for i in 0..n {
        b.push(b" ");
        if i == 0 {
            b.push(b"[ ");
        }
        b.push_uint(allp(i).map_or(0, |p| p.runq_len()) as u64);
        if i == n - 1 {
            b.push(b" ]");
        }
    }
    b.push(b"\n");
    crate::print::write_err(b.as_bytes());
}

// ---------------------------------------------------------------------------
// deadlock

/// Called with SCHED_LOCK held when an M goes idle: if no M is running
/// any more, nothing can ever make a goroutine runnable (a goroutine in a
/// system call keeps its M running, and so does an M blocked in the
/// network poller, where the last M goes while goroutines wait for I/O):
/// gc's checkdead report, exit status 2.
fn checkdead() {
    let s = sched();
    let run = s.mcount - s.nmidle - s.nmidlelocked;
    if run > 0 {
        return;
    }
    // A sleeping goroutine will run again (sysmon readies it), as will
    // one already queued.
    if crate::timer::pending() || !runq_global().is_empty() {
        return;
    }
    // gc's grunning: no goroutine left at all (goroutine 1 called Goexit
    // and the others ended).
    let mut waiting = 0;
    for_each_g(|g| {
        if g.status.load(Relaxed) == G_WAITING && !crate::mfinal::is_system_goroutine(g) {
            waiting += 1;
        }
    });
    crate::print::lock();
    if waiting == 0 && G1.status.load(Relaxed) == G_DEAD {
        crate::print::gwrite(b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        crate::proc::exit(2)
    }
    crate::print::gwrite(b"fatal error: all goroutines are asleep - deadlock!\n");
    let (level, _, crash) = crate::proc::gotraceback(false);
    if level > 0 {
        for_each_g(|g| {
            if g.status.load(Relaxed) != G_WAITING || crate::mfinal::is_system_goroutine(g) {
                return;
            }
            let o = &mut crate::traceback::Stderr;
            crate::print::gwrite(b"\n");
            crate::traceback::print_header(o, g, level);
            crate::traceback::print_stack(o, g, crate::traceback::of_stopped(g), level);
        });
    }
    if crash {
        // SAFETY: dying by SIGABRT as GOTRACEBACK=crash asks.
        unsafe { libc::abort() }
    }
    crate::proc::exit(2)
}

// ---------------------------------------------------------------------------
// enumeration (for the collector and reports)

/// Calls `f` on every goroutine record ever created (goroutine 1 first),
/// dead ones included: stack bounds in `stack_lo`/`stack_hi`, the saved
/// SP of a stopped goroutine in `sched_sp` (its callee-saved registers are
/// pushed below it), `syscallsp` for one in a system call, `status`.
/// Holds the allg lock: `f` must not create goroutines.
pub fn for_each_g(mut f: impl FnMut(&'static G)) {
    ALLG_LOCK.lock();
    // SAFETY: ALLG_LOCK held; the list holds &G1 and leaked Gs.
    let gs = unsafe { &*ALLGS.0.get() };
    for g in gs.iter() {
        f(g.g());
    }
    ALLG_LOCK.unlock();
}

/// Calls `f` on every M (for the collector: their g0 stacks and curg).
pub fn for_each_m(mut f: impl FnMut(&'static M)) {
    SCHED_LOCK.lock();
    for m in sched().allm.iter() {
        f(m);
    }
    SCHED_LOCK.unlock();
}

// ---------------------------------------------------------------------------
// package runtime

/// Number of goroutines that exist (user goroutines and goroutine 1).
#[export_name = "runtime.NumGoroutine"]
pub extern "C" fn num_goroutine() -> i64 {
    GCOUNT.load(Relaxed) - crate::mfinal::system_goroutines()
}

/// `runtime.GOMAXPROCS(n)`: set the number of Ps when n > 0; returns the
/// previous setting.
#[export_name = "runtime.GOMAXPROCS"]
pub extern "C" fn set_gomaxprocs(n: i64) -> i64 {
    let prev = gomaxprocs();
    if n <= 0 || n as usize == prev || STARTED.load(Relaxed) == 0 {
        return prev as i64;
    }
    let n = (n as usize).min(MAX_PROCS);
    SCHED_LOCK.lock();
    for i in 0..n {
        ensurep(i);
    }
    GOMAXPROCS.store(n, SeqCst);
    for i in prev..n {
        let p = allp(i).expect("p");
        if p.status.load(SeqCst) == P_DEAD {
            pidleput(p);
        }
    }
    // Retire idle Ps beyond n now; running ones retire at their next
    // schedule (sysmon asks them to yield).
    let s = sched();
    let before = s.pidle.len();
    s.pidle.retain(|p| {
        if p.id >= n {
            p.status.store(P_DEAD, SeqCst);
            false
        } else {
            true
        }
    });
    NPIDLE.fetch_sub((before - s.pidle.len()) as i64, SeqCst);
    SCHED_LOCK.unlock();
    if n > prev {
        for _ in prev..n {
            wakep();
        }
    } else if curp().is_some_and(|p| p.id >= n) {
        gosched();
    }
    prev as i64
}

/// `runtime.LockOSThread()`: wire the calling goroutine to its thread.
#[export_name = "runtime.LockOSThread"]
pub extern "C" fn lock_os_thread() {
    let m = getm();
    let g = getg();
    m.lockedext.fetch_add(1, Relaxed);
    m.lockedg.store(g as *const G as *mut G, Relaxed);
    g.lockedm.store(m as *const M as *mut M, Relaxed);
}

/// `runtime.UnlockOSThread()`: undo one LockOSThread.
#[export_name = "runtime.UnlockOSThread"]
pub extern "C" fn unlock_os_thread() {
    let m = getm();
    let g = getg();
    let c = m.lockedext.load(Relaxed);
    if c == 0 {
        return;
    }
    m.lockedext.store(c - 1, Relaxed);
    if c == 1 {
        m.lockedg.store(null_mut(), Relaxed);
        g.lockedm.store(null_mut(), Relaxed);
    }
}

/// The id of the M running the caller (tests: LockOSThread keeps it).
#[export_name = "runtime.mid"]
pub extern "C" fn mid() -> i64 {
    getm().id
}

// ---------------------------------------------------------------------------
// stop-the-world (for the garbage collector, mgc.rs)

static GCWAITING: AtomicU32 = AtomicU32::new(0);

/// A collection wants the world stopped (or runs): no Go code may start.
#[inline]
pub fn gcwaiting() -> bool {
    GCWAITING.load(SeqCst) != 0
}

/// Stop this M (which holds a P and runs no goroutine) until the world
/// restarts, then continue with the same P (gc's gcstopm, keeping the P).
fn gcstopm() {
    let m = getm();
    let p = m.p.swap(null_mut(), Relaxed);
    if p.is_null() {
        return;
    }
    // SAFETY: a leaked P.
    let p: &'static P = unsafe { &*p };
    p.m.store(null_mut(), Relaxed);
    p.status.store(P_GCSTOP, SeqCst);
    if m.spinning.swap(0, Relaxed) != 0 {
        NMSPINNING.fetch_sub(1, SeqCst);
    }
    SCHED_LOCK.lock();
    if !gcwaiting() {
        SCHED_LOCK.unlock();
        acquirep(p);
        return;
    }
    m.nextp.store(p as *const P as *mut P, Relaxed);
    sched().gcstopped.push(m);
    SCHED_LOCK.unlock();
    m.park.sleep();
    m.park.clear();
    let p = m.nextp.swap(null_mut(), Relaxed);
    // SAFETY: the P gcstopm stored above.
    acquirep(unsafe { &*p });
}

/// mallocgc found a stop-the-world pending: yield (the scheduler parks
/// this M until the world restarts). A no-op where the caller cannot be
/// descheduled (system stack, no P).
pub fn gc_safepoint() {
    let m = getm();
    let g = getg();
    if core::ptr::eq(g, &m.g0) || curp().is_none() || STARTED.load(Relaxed) == 0 {
        return;
    }
    mcall(gosched_m);
}

/// Stop every other P (gc's stopTheWorldWithSema): running ones are asked
/// to yield through their M's preemption word and stop in the scheduler
/// (execute/findrunnable call gcstopm), Ps in system calls are taken,
/// idle ones cannot be taken (pidleget). The caller holds a P and runs on
/// its system stack; returns with the world stopped.
pub fn stop_the_world() {
    SCHED_LOCK.lock();
    GCWAITING.store(1, SeqCst);
    SCHED_LOCK.unlock();
    let me = curp();
    let mut spins = 0u32;
    loop {
        let mut done = true;
        for i in 0..MAX_PROCS {
            let Some(p) = allp(i) else { break };
            if me.is_some_and(|q| core::ptr::eq(p, q)) {
                continue;
            }
            match p.status.load(SeqCst) {
                P_RUNNING => {
                    preemptone(p);
                    done = false;
                }
                P_SYSCALL => {
                    if p
                        .status
                        .compare_exchange(P_SYSCALL, P_GCSTOP, SeqCst, Relaxed)
                        .is_ok()
                    {
                        p.syscalltick.fetch_add(1, Relaxed);
                        SCHED_LOCK.lock();
                        sched().gcgrabbed.push(p);
                        SCHED_LOCK.unlock();
                    } else {
                        done = false;
                    }
                }
                _ => {}
            }
        }
        if done {
            break;
        }
        spins += 1;
        if spins < 50 {
            // SAFETY: plain syscall.
            unsafe { libc::sched_yield() };
        } else {
            usleep(20);
        }
    }
}

/// Restart the world stopped by stop_the_world. Runs on the system stack
/// with the collector's G still current, so it must not call systemstack
/// (wakep/newm would reuse this stack): see wakep_after_gc.
pub fn start_the_world() {
    SCHED_LOCK.lock();
    GCWAITING.store(0, SeqCst);
    let s = sched();
    let grabbed = core::mem::take(&mut s.gcgrabbed);
    for p in grabbed {
        if p.id >= gomaxprocs() {
            p.status.store(P_DEAD, SeqCst);
        } else {
            pidleput(p);
        }
    }
    let stopped = core::mem::take(&mut s.gcstopped);
    SCHED_LOCK.unlock();
    for m in stopped {
        m.park.wakeup();
    }
}

/// After start_the_world, back on the goroutine stack (wakep may create
/// an M, which runs on the system stack): start an M for queued work.
pub fn wakep_after_gc() {
    wakep();
}

/// Call `f(g, lo, hi)` for every goroutine that is not dead with the part
/// of its stack in use, [lo, hi), during a stop-the-world: for the caller
/// (the collector) lo is `cur_sp` (its SP below its pushed callee-saved
/// registers); for stopped goroutines `sched_sp` (rgo_mcall pushed their
/// registers above it); for goroutines in a system call `syscallsp`
/// (their registers at entersyscall are in `G::syscallregs`).
pub fn for_each_g_stack(cur_sp: usize, mut f: impl FnMut(&'static G, usize, usize)) {
    let cur = getg();
    for_each_g(|g| {
        let hi = g.stack_hi.load(Relaxed);
        if core::ptr::eq(g, cur) {
            f(g, cur_sp, hi);
            return;
        }
        match g.status.load(Acquire) {
            G_RUNNABLE | G_WAITING => f(g, g.sched_sp.load(Relaxed), hi),
            G_SYSCALL => f(g, g.syscallsp.load(Relaxed), hi),
            // Not expected with the world stopped: scan all of it.
            G_RUNNING => f(g, g.stack_lo.load(Relaxed), hi),
            _ => {}
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_reason_texts() {
        assert_eq!(
            WaitReason::text(WaitReason::ChanReceive as u32),
            b"chan receive"
        );
        assert_eq!(
            WaitReason::text(WaitReason::SelectNoCases as u32),
            b"select (no cases)"
        );
        assert_eq!(
            WaitReason::text(WaitReason::SyncWaitGroupWait as u32),
            b"sync.WaitGroup.Wait"
        );
    }
}
