//! Goroutines on one thread: creation, switching, parking, deadlock
//! detection (the first slice of gc's proc.go: newproc, goexit, gopark,
//! goready, Gosched, schedule, checkdead).
//!
//! Mechanism: cooperative scheduling on the process's one thread (M0).
//! A goroutine runs until it blocks (`gopark`: channel operations, select),
//! yields (`runtime.Gosched`) or exits; the scheduler then switches
//! *directly* to the next runnable goroutine with `rgo_gogo` (push the
//! callee-saved registers, save SP in the old G, load SP of the new one,
//! pop its registers, return into it). There is no scheduler loop on a
//! separate g0 stack: `__morestack` owns the system stack from its top, so
//! nothing may stay suspended there.
//!
//! Run queue, as gc's per-P queue with one P: `runnext` (the goroutine
//! made runnable last, by `go` or by a channel operation, runs next, kicking
//! the previous `runnext` to the tail of `runq`) and the FIFO `runq`. As
//! gc's time-slice inheritance, `runnext` may be taken at most
//! `RUNNEXT_LIMIT` times in a row before the head of `runq` gets a turn, so
//! two goroutines handing values to each other do not starve the rest.
//!
//! Goroutine ids: goroutine 1 runs main; gc starts goroutines 2-4 itself
//! (forcegc helper, sweeper, scavenger) before main.main, so with one P
//! the first `go` statement of a program built as scripts/golden-expect
//! builds it creates goroutine 5 (module builds start one more runtime
//! goroutine: 6; with several Ps the id depends on which P's goid cache
//! serves it: 17, 18, 20, ...). We number user goroutines from 5 like gc
//! with GOMAXPROCS=1, so panic and deadlock reports print the ids gc
//! prints there.
//!
//! Invariants:
//! - exactly one goroutine is `G_RUNNING`: the one in `proc::CURG`, whose
//!   stack guard is in `%fs:0x70`; switching updates both before the SP
//!   changes (the code after the switch may already be Go code);
//! - a non-running, non-dead goroutine's `sched_sp` points at the 6 saved
//!   callee-saved registers and the return address `rgo_gogo` left;
//! - G records are never freed: dead ones go to `gfree` with their stacks
//!   and are reused by `newproc` (with a fresh goid). On one thread a dead G
//!   can be put on `gfree` before switching away from it, because nothing
//!   runs in between; with several Ms this must happen on g0 (gc's mcall).
//! - the scheduler state is only touched by the running goroutine, never
//!   across a switch (no borrow of it lives across `rgo_gogo`).

use crate::proc::{getg, CURG, G, G1};
use core::cell::UnsafeCell;
use core::ptr::null_mut;
use core::sync::atomic::Ordering::Relaxed;
use std::collections::VecDeque;

// gc's goroutine status values (runtime2.go).
pub const G_IDLE: u32 = 0;
pub const G_RUNNABLE: u32 = 1;
pub const G_RUNNING: u32 = 2;
pub const G_WAITING: u32 = 4;
pub const G_DEAD: u32 = 6;

/// gc's waitReason (the subset that can happen without timers and I/O).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum WaitReason {
    Zero = 0,
    ChanReceive,
    ChanSend,
    ChanReceiveNilChan,
    ChanSendNilChan,
    Select,
    SelectNoCases,
    /// The finalizer goroutine waits for work (mfinal.rs).
    FinalizerWait,
}

impl WaitReason {
    pub fn text(r: u32) -> &'static [u8] {
        match r {
            1 => b"chan receive",
            2 => b"chan send",
            3 => b"chan receive (nil chan)",
            4 => b"chan send (nil chan)",
            5 => b"select",
            6 => b"select (no cases)",
            7 => b"finalizer wait",
            _ => b"",
        }
    }
}

/// First goroutine id handed out by `newproc` (see the module comment).
const FIRST_USER_GOID: u64 = 5;

/// How often `runnext` may be chosen in a row (gc: a time slice of 10ms;
/// schedule() also checks the global queue every 61 ticks).
const RUNNEXT_LIMIT: u32 = 61;

struct Sched {
    runnext: *const G,
    runq: VecDeque<*const G>,
    gfree: Vec<*const G>,
    allgs: Vec<*const G>,
    goidgen: u64,
    runnext_streak: u32,
}

struct SchedCell(UnsafeCell<Sched>);

// SAFETY: one thread runs goroutines; the state is only accessed by the
// running goroutine, in short non-reentrant sections (see invariants).
unsafe impl Sync for SchedCell {}

static SCHED: SchedCell = SchedCell(UnsafeCell::new(Sched {
    runnext: core::ptr::null(),
    runq: VecDeque::new(),
    gfree: Vec::new(),
    allgs: Vec::new(),
    goidgen: FIRST_USER_GOID - 1,
    runnext_streak: 0,
}));

/// Runs `f` with the scheduler state. `f` must not switch goroutines or
/// call back into `with_sched`.
fn with_sched<R>(f: impl FnOnce(&mut Sched) -> R) -> R {
    // SAFETY: see SchedCell; callers keep the section short and
    // non-reentrant.
    f(unsafe { &mut *SCHED.0.get() })
}

// rgo_gogo(save: *mut usize, sp: usize): save the callee-saved registers
// and SP of the running goroutine (SP into *save), switch to the stack `sp`
// and resume the goroutine saved there.
//
// rgo_gostart: where a new goroutine's first switch returns to. The frame
// built by `newproc` makes rbp 0 (the end of the frame-pointer chain).
core::arch::global_asm!(
    ".text",
    ".globl rgo_gogo",
    ".type rgo_gogo,@function",
    ".p2align 4",
    "rgo_gogo:",
    "push rbp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov [rdi], rsp",
    "mov rsp, rsi",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".size rgo_gogo, .-rgo_gogo",
    "",
    ".globl rgo_gostart",
    ".type rgo_gostart,@function",
    ".p2align 4",
    "rgo_gostart:",
    "xor ebp, ebp",
    "and rsp, -16",
    "call {goentry}",
    "ud2",
    ".size rgo_gostart, .-rgo_gostart",
    goentry = sym goentry,
);

extern "C" {
    fn rgo_gogo(save: *mut usize, sp: usize);
    fn rgo_gostart();
}

/// Called on goroutine 1's stack before main.init.
pub fn init_g1() {
    G1.status.store(G_RUNNING, Relaxed);
    CURG.store(&G1 as *const G as *mut G, Relaxed);
    with_sched(|s| s.allgs.push(&G1));
}

/// Make `next` the running goroutine and switch to it; returns when the
/// current goroutine is resumed.
fn switch_to(next: &'static G) {
    let cur = getg();
    next.status.store(G_RUNNING, Relaxed);
    if core::ptr::eq(cur, next) {
        return;
    }
    CURG.store(next as *const G as *mut G, Relaxed);
    crate::stack::set_stackguard(next.stackguard0.load(Relaxed));
    // SAFETY: next is runnable, so its sched_sp holds a frame rgo_gogo (or
    // newproc) built; cur's sched_sp receives our own.
    unsafe { rgo_gogo(cur.sched_sp.as_ptr(), next.sched_sp.load(Relaxed)) };
}

/// The next goroutine to run (gc's findRunnable with one P and nothing
/// but the run queue), or None when every goroutine is blocked.
fn findrunnable() -> Option<&'static G> {
    let g = with_sched(|s| {
        if !s.runnext.is_null() && (s.runnext_streak < RUNNEXT_LIMIT || s.runq.is_empty()) {
            s.runnext_streak += 1;
            return core::mem::replace(&mut s.runnext, core::ptr::null());
        }
        s.runnext_streak = 0;
        if let Some(g) = s.runq.pop_front() {
            return g;
        }
        core::mem::replace(&mut s.runnext, core::ptr::null())
    });
    // SAFETY: queued pointers are &G1 or leaked Gs.
    (!g.is_null()).then(|| unsafe { &*g })
}

/// Switch to the next runnable goroutine; the deadlock report if none.
fn schedule() {
    match findrunnable() {
        Some(next) => switch_to(next),
        None => checkdead(),
    }
}

/// gc's runqput(pp, gp, next=true).
fn runqput_next(g: &'static G) {
    with_sched(|s| {
        let old = core::mem::replace(&mut s.runnext, g);
        if !old.is_null() {
            s.runq.push_back(old);
        }
    })
}

/// Block the running goroutine until `goready` (gc's gopark). Returns
/// after it was readied and scheduled again.
pub fn gopark(reason: WaitReason) {
    let g = getg();
    g.waitreason.store(reason as u32, Relaxed);
    g.status.store(G_WAITING, Relaxed);
    schedule();
}

/// Make a parked goroutine runnable; it runs next (gc's goready).
pub fn goready(g: &'static G) {
    g.waitreason.store(WaitReason::Zero as u32, Relaxed);
    g.status.store(G_RUNNABLE, Relaxed);
    runqput_next(g);
}

/// `runtime.Gosched()`: yield to the other runnable goroutines.
#[export_name = "runtime.Gosched"]
pub extern "C" fn gosched() {
    let g = getg();
    g.status.store(G_RUNNABLE, Relaxed);
    with_sched(|s| s.runq.push_back(g));
    schedule();
}

/// `go f(args)`: the compiler packs the call into a closure `void(ctx)`
/// (first word the code pointer); the new goroutine calls it and exits.
#[export_name = "runtime.newproc"]
pub extern "C" fn newproc(closure: *mut u8) {
    if closure.is_null() {
        crate::panic::throw_str(b"go of nil func value");
    }
    let (g, goid) = with_sched(|s| {
        s.goidgen += 1;
        (s.gfree.pop(), s.goidgen)
    });
    let g: &'static G = match g {
        // SAFETY: gfree holds leaked, dead Gs.
        Some(g) => unsafe { &*g },
        None => {
            let g: &'static G = Box::leak(Box::new(G::new(0)));
            crate::stack::alloc_goroutine_stack(g);
            with_sched(|s| s.allgs.push(g));
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
    g.entry.store(closure, Relaxed);
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
    g.status.store(G_RUNNABLE, Relaxed);
    runqput_next(g);
}

/// First Rust frame of every goroutine but goroutine 1.
extern "C" fn goentry() -> ! {
    let g = getg();
    let c = g.entry.swap(null_mut(), Relaxed);
    // SAFETY: newproc checked the closure; its first word is the code
    // pointer of a `void(ctx)` function (ABI v1 closures).
    unsafe {
        let code: extern "C" fn(*mut u8) = core::mem::transmute(*(c as *const *const u8));
        code(c);
    }
    goexit0()
}

/// The goroutine's function returned: recycle it and run the next one.
fn goexit0() -> ! {
    let g = getg();
    g.status.store(G_DEAD, Relaxed);
    g.defers.store(null_mut(), Relaxed);
    g.panic.store(null_mut(), Relaxed);
    with_sched(|s| s.gfree.push(g));
    schedule();
    // A dead G is only resumed through a fresh frame built by newproc.
    crate::panic::throw_str(b"goexit: dead goroutine resumed")
}

/// Every goroutine is blocked and nothing can wake one (no timers, no
/// I/O yet): gc's checkdead report, exit status 2.
fn checkdead() -> ! {
    crate::print::lock();
    crate::print::gwrite(b"fatal error: all goroutines are asleep - deadlock!\n");
    let (level, _, crash) = crate::proc::gotraceback(false);
    if level > 0 {
        let allgs = with_sched(|s| s.allgs.clone());
        for g in allgs {
            // SAFETY: allgs holds &G1 and leaked Gs.
            let g = unsafe { &*g };
            if g.status.load(Relaxed) != G_WAITING || crate::mfinal::is_system_goroutine(g) {
                continue;
            }
            let mut b = crate::print::Buf::<128>::new();
            b.push(b"\ngoroutine ");
            b.push_uint(g.goid.load(Relaxed));
            b.push(b" [");
            b.push(WaitReason::text(g.waitreason.load(Relaxed)));
            b.push(b"]:\n");
            crate::print::gwrite(b.as_bytes());
            if core::ptr::eq(g, &G1) {
                crate::print::gwrite(b"main.main()\n\t?:0 +0x0\n");
            }
        }
    }
    if crash {
        // SAFETY: dying by SIGABRT as GOTRACEBACK=crash asks.
        unsafe { libc::abort() }
    }
    crate::proc::exit(2)
}

/// Number of goroutines that exist (gc's runtime.NumGoroutine, counting
/// only user goroutines and goroutine 1).
#[export_name = "runtime.NumGoroutine"]
pub extern "C" fn num_goroutine() -> i64 {
    with_sched(|s| {
        s.allgs
            .iter()
            // SAFETY: allgs holds &G1 and leaked Gs.
            .filter(|g| unsafe { (***g).status.load(Relaxed) } != G_DEAD)
            // SAFETY: as above.
            .filter(|g| !crate::mfinal::is_system_goroutine(unsafe { &***g }))
            .count() as i64
    })
}

// --- for the garbage collector (mgc.rs) ------------------------------------

/// Call `f(g, lo, hi)` for every goroutine that is not dead, with the part
/// of its stack that is in use: [lo, hi). For the running goroutine lo is
/// `cur_sp` (the collector's entry SP, below its saved registers); for the
/// others the SP saved by `rgo_gogo`, below which nothing is live and above
/// which its callee-saved registers are stored. Stacks that move (copying
/// stacks) must keep this true at the moment a collection runs.
pub fn for_each_g_stack(cur_sp: usize, mut f: impl FnMut(&'static G, usize, usize)) {
    let cur = getg();
    let allgs = with_sched(|s| s.allgs.clone());
    for g in allgs {
        // SAFETY: allgs holds &G1 and leaked Gs.
        let g: &'static G = unsafe { &*g };
        let hi = g.stack_hi.load(Relaxed);
        if core::ptr::eq(g, cur) {
            f(g, cur_sp, hi);
        } else if g.status.load(Relaxed) != G_DEAD {
            f(g, g.sched_sp.load(Relaxed), hi);
        }
    }
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
            WaitReason::text(WaitReason::ChanSendNilChan as u32),
            b"chan send (nil chan)"
        );
    }
}
