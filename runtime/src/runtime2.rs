//! The scheduler's records, declared together (gc: runtime2.go): G (a
//! goroutine), M (a thread), P (a processor: the right to run Go code,
//! with its run queue), their status values and wait reasons. What they do
//! is in proc.rs (entry, per-thread words), sched.rs (scheduling), stack.rs
//! (stacks), defer.rs and panic.rs.

use core::cell::UnsafeCell;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicUsize};
use crossbeam_deque::{Stealer, Worker};

/// A goroutine record (gc's g). Goroutine 1 is the static
/// [`crate::proc::G1`]; the others are allocated by `runtime.newproc`
/// (sched.rs), never freed, and reused (with their stacks) after they exit.
///
/// The panic/defer fields are only touched by the goroutine itself (and by
/// the fault handler running on its thread on its behalf). The scheduling
/// fields are handed between Ms through the run queues and channel or
/// semaphore locks, which order them (sched.rs), so Relaxed atomics
/// suffice for them; `status` is stored with Release where a G is
/// published.
#[repr(C)]
pub struct G {
    /// Usable stack: [stack_lo, stack_hi).
    pub stack_lo: AtomicUsize,
    pub stack_hi: AtomicUsize,
    /// The value kept in `%fs:0x70` while this goroutine runs.
    pub stackguard0: AtomicUsize,
    /// Goroutine id (fresh for every `go` statement, also for reused Gs).
    pub goid: AtomicU64,
    /// Innermost pending deferred call (defer.rs; LIFO list through `link`).
    /// The records hold closure pointers: a GC must scan this list.
    pub defers: AtomicPtr<crate::defer::Defer>,
    /// Free defer records for reuse (defer.rs).
    pub deferpool: AtomicPtr<crate::defer::Defer>,
    /// Innermost active panic (panic.rs; records live on the stack of their
    /// `gopanic` frame, linked to the previous panic).
    pub panic: AtomicPtr<crate::panic::Panic>,
    /// Signal behind the current signal panic (gc's gp.sig, sigcode0,
    /// sigcode1, sigpc); 0 = none. Set by the fault handler, read by
    /// sigpanic and the `[signal ...]` line of a report, cleared when a
    /// recovery leaves no panic active.
    pub sig: AtomicU32,
    pub sigcode0: AtomicU32,
    pub sigcode1: AtomicU64,
    pub sigpc: AtomicU64,
    /// Set while Error/String methods of panic values run for a fatal
    /// report (gc's preprintpanics): a panic there is a fatal error.
    pub preprinting: AtomicU32,
    /// gc's atomicstatus (sched.rs: G_IDLE, G_RUNNABLE, ...).
    pub status: AtomicU32,
    /// Why the goroutine is parked (sched.rs: `WaitReason` as u32).
    pub waitreason: AtomicU32,
    /// Saved SP of a goroutine that is not running: its callee-saved
    /// registers and resume address are pushed below it (sched.rs).
    pub sched_sp: AtomicUsize,
    /// The closure a new goroutine calls (`code(closure)`), consumed when it
    /// starts.
    pub entry: AtomicPtr<u8>,
    /// gc's g.param: the sudog (chan.rs) whose operation woke the goroutine.
    pub param: AtomicPtr<u8>,
    /// gc's g.selectDone: set by the goroutine that completes one of the
    /// cases a parked select waits on, so the other cases are skipped.
    pub select_done: AtomicU32,
    /// gc's g.waiting: while a select is parked, its sudogs (a heap array
    /// of `nwaiting`), whose element slots point into this stack and must
    /// move with it (stack.rs, copystack).
    pub waiting: AtomicPtr<crate::chan::Sudog>,
    pub nwaiting: AtomicUsize,
    /// The M running this goroutine (null when it is not running).
    pub m: AtomicPtr<M>,
    /// LockOSThread: the M this goroutine is wired to (sched.rs).
    pub lockedm: AtomicPtr<M>,
    /// SP at entersyscall while the goroutine is in a system call (its
    /// stack is live from there up; for the collector's scan).
    pub syscallsp: AtomicUsize,
    /// Callee-saved registers (rbx, rbp, r12-r15) at entersyscall: Go
    /// pointers the frames above `syscallsp` keep only in registers; the
    /// collector scans them with the stack of a goroutine in a syscall.
    pub syscallregs: [AtomicUsize; 6],
    /// The return address of the `go` statement that created this
    /// goroutine and its creator's id (`created by` in tracebacks).
    pub gopc: AtomicU64,
    pub parentgoid: AtomicU64,
    /// gc's g.fipsIndicator (low byte) and g.fipsOnlyBypass (bit 8), for
    /// crypto/internal/fips140 and crypto/fips140 (sys.rs).
    pub fips: AtomicU32,
}

impl G {
    pub const fn new(goid: u64) -> G {
        G {
            stack_lo: AtomicUsize::new(0),
            stack_hi: AtomicUsize::new(0),
            stackguard0: AtomicUsize::new(0),
            goid: AtomicU64::new(goid),
            defers: AtomicPtr::new(core::ptr::null_mut()),
            deferpool: AtomicPtr::new(core::ptr::null_mut()),
            panic: AtomicPtr::new(core::ptr::null_mut()),
            sig: AtomicU32::new(0),
            sigcode0: AtomicU32::new(0),
            sigcode1: AtomicU64::new(0),
            sigpc: AtomicU64::new(0),
            preprinting: AtomicU32::new(0),
            status: AtomicU32::new(0),
            waitreason: AtomicU32::new(0),
            sched_sp: AtomicUsize::new(0),
            entry: AtomicPtr::new(core::ptr::null_mut()),
            param: AtomicPtr::new(core::ptr::null_mut()),
            select_done: AtomicU32::new(0),
            waiting: AtomicPtr::new(core::ptr::null_mut()),
            nwaiting: AtomicUsize::new(0),
            m: AtomicPtr::new(core::ptr::null_mut()),
            lockedm: AtomicPtr::new(core::ptr::null_mut()),
            syscallsp: AtomicUsize::new(0),
            syscallregs: [const { AtomicUsize::new(0) }; 6],
            gopc: AtomicU64::new(0),
            parentgoid: AtomicU64::new(0),
            fips: AtomicU32::new(0),
        }
    }
}

/// A machine (OS thread) record (gc's m). M0 is the main thread; the
/// others are created by the scheduler (sched.rs) and never freed.
#[repr(C)]
pub struct M {
    pub id: i64,
    /// This M's system stack: [g0_stack_lo, g0_stack_hi).
    pub g0_stack_hi: AtomicUsize,
    pub g0_stack_lo: AtomicUsize,
    /// The goroutine record standing for the system stack (gc's m.g0):
    /// what getg() returns while the M runs the scheduler.
    pub g0: G,
    /// The thread's TCB address (see tcb_address).
    pub tcb: AtomicUsize,
    /// The user goroutine running (or in a system call) on this M.
    pub curg: AtomicPtr<G>,
    /// The P held (null while idle or in a system call).
    pub p: AtomicPtr<P>,
    /// The P to take when woken (handed over by startm).
    pub nextp: AtomicPtr<P>,
    /// The P held before entering a system call.
    pub oldp: AtomicPtr<P>,
    /// Looking for work without finding it (gc's m.spinning).
    pub spinning: AtomicU32,
    /// Where the idle M sleeps.
    pub park: crate::lock::Note,
    /// LockOSThread: the goroutine wired to this M, and the nesting count.
    pub lockedg: AtomicPtr<G>,
    pub lockedext: AtomicU32,
    /// gopark's unlock function and its argument, run on the system stack
    /// after the parked goroutine's registers are saved.
    pub waitunlockf: AtomicUsize,
    pub waitlock: AtomicPtr<u8>,
    /// gopark_commit's function: decides on the system stack whether the
    /// goroutine stays parked (gc's park_m with a bool unlockf).
    pub waitcommitf: AtomicUsize,
    /// Random state for steal order.
    pub fastrand: AtomicU64,
}

impl M {
    pub const fn new(id: i64) -> M {
        M {
            id,
            g0_stack_hi: AtomicUsize::new(0),
            g0_stack_lo: AtomicUsize::new(0),
            g0: G::new(0),
            tcb: AtomicUsize::new(0),
            curg: AtomicPtr::new(core::ptr::null_mut()),
            p: AtomicPtr::new(core::ptr::null_mut()),
            nextp: AtomicPtr::new(core::ptr::null_mut()),
            oldp: AtomicPtr::new(core::ptr::null_mut()),
            spinning: AtomicU32::new(0),
            park: crate::lock::Note::new(),
            lockedg: AtomicPtr::new(core::ptr::null_mut()),
            lockedext: AtomicU32::new(0),
            waitunlockf: AtomicUsize::new(0),
            waitlock: AtomicPtr::new(core::ptr::null_mut()),
            waitcommitf: AtomicUsize::new(0),
            fastrand: AtomicU64::new(0),
        }
    }
}

/// A processor (gc's p): the right to run Go code, with its run queue.
pub struct P {
    pub id: usize,
    pub status: AtomicU32,
    pub m: AtomicPtr<M>,
    pub(crate) runnext: AtomicPtr<G>,
    pub(crate) runq: UnsafeCell<Worker<GPtr>>,
    pub(crate) stealer: Stealer<GPtr>,
    pub(crate) streak: AtomicU32,
    pub schedtick: AtomicU32,
    pub syscalltick: AtomicU32,
    pub(crate) gfree: UnsafeCell<Vec<GPtr>>,
    // sysmon's observations (gc's sysmontick).
    pub(crate) s_schedtick: AtomicU32,
    pub(crate) s_schedwhen: AtomicI64,
    pub(crate) s_syscalltick: AtomicU32,
    pub(crate) s_syscallwhen: AtomicI64,
}

// SAFETY: `runq` (a Worker) and `gfree` are only touched by the M holding
// the P (see sched.rs' module comment); everything else is atomic.
unsafe impl Sync for P {}

impl P {
    pub(crate) fn new(id: usize) -> P {
        let w = Worker::new_fifo();
        let stealer = w.stealer();
        P {
            id,
            status: AtomicU32::new(P_DEAD),
            m: AtomicPtr::new(null_mut()),
            runnext: AtomicPtr::new(null_mut()),
            runq: UnsafeCell::new(w),
            stealer,
            streak: AtomicU32::new(0),
            schedtick: AtomicU32::new(0),
            syscalltick: AtomicU32::new(0),
            gfree: UnsafeCell::new(Vec::new()),
            s_schedtick: AtomicU32::new(0),
            s_schedwhen: AtomicI64::new(0),
            s_syscalltick: AtomicU32::new(0),
            s_syscallwhen: AtomicI64::new(0),
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) struct GPtr(pub(crate) *const G);
// SAFETY: Gs are never freed; the pointer is only a handle.
unsafe impl Send for GPtr {}

impl GPtr {
    pub(crate) fn g(self) -> &'static G {
        // SAFETY: queues hold &G1 or leaked Gs.
        unsafe { &*self.0 }
    }
}

// gc's goroutine status values (runtime2.go).
pub const G_IDLE: u32 = 0;
pub const G_RUNNABLE: u32 = 1;
pub const G_RUNNING: u32 = 2;
pub const G_SYSCALL: u32 = 3;
pub const G_WAITING: u32 = 4;
pub const G_DEAD: u32 = 6;

// gc's P status values.
pub const P_IDLE: u32 = 0;
pub const P_RUNNING: u32 = 1;
pub const P_SYSCALL: u32 = 2;
/// Stopped for a garbage collection (stop_the_world).
pub const P_GCSTOP: u32 = 3;
pub const P_DEAD: u32 = 4;

/// gc's waitReason (the subset that can happen here).
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
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncWaitGroupWait,
    SyncCondWait,
    /// The finalizer goroutine waits for work (mfinal.rs).
    FinalizerWait,
    /// time.Sleep (timer.rs).
    Sleep,
    /// The cleanup goroutine waits for work (mcleanup.rs).
    CleanupWait,
    /// Waiting for a file descriptor (netpoll.rs).
    IOWait,
    /// internal/poll's fd mutex (runtime_Semacquire).
    Semacquire,
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
            7 => b"sync.Mutex.Lock",
            8 => b"sync.RWMutex.RLock",
            9 => b"sync.RWMutex.Lock",
            10 => b"sync.WaitGroup.Wait",
            11 => b"sync.Cond.Wait",
            12 => b"finalizer wait",
            13 => b"sleep",
            14 => b"cleanup wait",
            15 => b"IO wait",
            16 => b"semacquire",
            _ => b"",
        }
    }
}
