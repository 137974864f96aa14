//! Asynchronous signals: gc's sigqueue.go (the queue os/signal reads) and
//! the non-fault half of signal_unix.go (initsig, sighandler's flag
//! logic, sigenable/sigdisable/sigignore, dieFromSignal, sigpipe,
//! clearSignalHandlers), with gc's sigtable for linux/amd64.
//!
//! Mechanism: `initsig` (from signal::init, on the main thread before any
//! other thread exists) installs [`sighandler`] for every signal gc's
//! initsig handles: all but SIGKILL/SIGSTOP, the `_SigDefault` job-control
//! signals, glibc's 32-34, the fault signals (signal.rs has its own
//! handler, which sends signals raised by kill/tgkill here), and SIGHUP or
//! SIGINT inherited as ignored. The handler does what gc's sighandler does
//! after its fault and profiling cases: a signal os/signal wants is queued
//! ([`sigsend`]); one sent by a process and ignored through os/signal is
//! dropped; `_SigKill` ones (SIGHUP, SIGINT, SIGTERM) end the process by
//! the signal (`die_from_signal`); `_SigThrow` ones (SIGQUIT, SIGILL,
//! SIGTRAP, SIGABRT, SIGSTKFLT, SIGSYS) print gc's fatal signal report and
//! exit 2; the rest (SIGUSR1, SIGPIPE, SIGCHLD, SIGURG, ...) are dropped.
//! The queue is gc's: a bit per pending signal, a state word (idle,
//! receiving, sending) and a note the receiving goroutine sleeps on in a
//! system call (`runtime.sigrecv`, gc's notetsleepg), so the scheduler
//! runs others meanwhile and GC scans it from its syscall SP.
//!
//! Invariants:
//! - the handler runs on the M's alternate signal stack (SA_ONSTACK; M
//!   threads have one, others run on their own large native stacks), with
//!   every signal blocked (sa_mask full), and only touches atomics,
//!   futexes and async-signal-safe system calls; errno is preserved;
//! - handlers are SA_RESTART, as gc's: restartable system calls resume,
//!   the runtime's futex and sleep loops re-check their conditions on
//!   EINTR;
//! - `HANDLING[s]` is 1 exactly when [`sighandler`] is installed for `s`;
//!   a forked child resets those to SIG_DFL before exec
//!   (`runtime.sigresetchild`), keeping ignored ones ignored, as gc's
//!   clearSignalHandlers.

use crate::lock::Note;
use core::sync::atomic::Ordering::{Relaxed, SeqCst};
use core::sync::atomic::{AtomicU32, AtomicUsize};

pub const NSIG: usize = 65;

// gc's sigtable flags (runtime2.go).
const NOTIFY: u16 = 1;
const KILL: u16 = 2;
const THROW: u16 = 4;
const PANIC: u16 = 8;
const DEFAULT: u16 = 16;
const SETSTACK: u16 = 64;
const UNBLOCK: u16 = 128;
const IGN: u16 = 256;

/// gc's sigtab_linux_generic.go: flags and name of each signal.
static SIGTABLE: [(u16, &[u8]); 35] = [
    (0, b"SIGNONE: no trap"),
    (NOTIFY + KILL, b"SIGHUP: terminal line hangup"),
    (NOTIFY + KILL, b"SIGINT: interrupt"),
    (NOTIFY + THROW, b"SIGQUIT: quit"),
    (THROW + UNBLOCK, b"SIGILL: illegal instruction"),
    (THROW + UNBLOCK, b"SIGTRAP: trace trap"),
    (NOTIFY + THROW, b"SIGABRT: abort"),
    (PANIC + UNBLOCK, b"SIGBUS: bus error"),
    (PANIC + UNBLOCK, b"SIGFPE: floating-point exception"),
    (0, b"SIGKILL: kill"),
    (NOTIFY, b"SIGUSR1: user-defined signal 1"),
    (PANIC + UNBLOCK, b"SIGSEGV: segmentation violation"),
    (NOTIFY, b"SIGUSR2: user-defined signal 2"),
    (NOTIFY, b"SIGPIPE: write to broken pipe"),
    (NOTIFY, b"SIGALRM: alarm clock"),
    (NOTIFY + KILL, b"SIGTERM: termination"),
    (THROW + UNBLOCK, b"SIGSTKFLT: stack fault"),
    (NOTIFY + UNBLOCK + IGN, b"SIGCHLD: child status has changed"),
    (NOTIFY + DEFAULT + IGN, b"SIGCONT: continue"),
    (0, b"SIGSTOP: stop, unblockable"),
    (NOTIFY + DEFAULT + IGN, b"SIGTSTP: keyboard stop"),
    (NOTIFY + DEFAULT + IGN, b"SIGTTIN: background read from tty"),
    (NOTIFY + DEFAULT + IGN, b"SIGTTOU: background write to tty"),
    (NOTIFY + IGN, b"SIGURG: urgent condition on socket"),
    (NOTIFY, b"SIGXCPU: cpu limit exceeded"),
    (NOTIFY, b"SIGXFSZ: file size limit exceeded"),
    (NOTIFY, b"SIGVTALRM: virtual alarm clock"),
    (NOTIFY + UNBLOCK, b"SIGPROF: profiling alarm clock"),
    (NOTIFY + IGN, b"SIGWINCH: window size change"),
    (NOTIFY, b"SIGIO: i/o now possible"),
    (NOTIFY, b"SIGPWR: power failure restart"),
    (THROW, b"SIGSYS: bad system call"),
    (SETSTACK + UNBLOCK, b"signal 32"),
    (SETSTACK + UNBLOCK, b"signal 33"),
    (SETSTACK + UNBLOCK, b"signal 34"),
];

/// Flags of signal `s` (35-64: `_SigNotify`, "signal N").
fn flags(s: usize) -> u16 {
    if s < SIGTABLE.len() {
        SIGTABLE[s].0
    } else if s < NSIG {
        NOTIFY
    } else {
        THROW
    }
}

/// gc's sigtable name (`SIGQUIT: quit`); empty past the table.
pub fn name(s: usize) -> &'static [u8] {
    if s < SIGTABLE.len() {
        SIGTABLE[s].1
    } else {
        b""
    }
}

#[allow(clippy::declare_interior_mutable_const)]
const Z32: AtomicU32 = AtomicU32::new(0);
#[allow(clippy::declare_interior_mutable_const)]
const ZUSIZE: AtomicUsize = AtomicUsize::new(0);

/// gc's handlingSig: 1 while [`sighandler`] is installed for the signal.
static HANDLING: [AtomicU32; NSIG] = [Z32; NSIG];
/// gc's fwdSig: the disposition the signal had before the runtime's.
static FWD: [AtomicUsize; NSIG] = [ZUSIZE; NSIG];

const WORDS: usize = NSIG.div_ceil(32);

/// gc's `sig` record (sigqueue.go).
struct Sig {
    note: Note,
    mask: [AtomicU32; WORDS],
    wanted: [AtomicU32; WORDS],
    ignored: [AtomicU32; WORDS],
    /// Signals taken from `mask`, not yet returned by sigrecv (only the
    /// receiving goroutine touches it).
    recv: [AtomicU32; WORDS],
    state: AtomicU32,
    delivering: AtomicU32,
    inuse: AtomicU32,
}

static SIG: Sig = Sig {
    note: Note::new(),
    mask: [Z32; WORDS],
    wanted: [Z32; WORDS],
    ignored: [Z32; WORDS],
    recv: [Z32; WORDS],
    state: AtomicU32::new(SIG_IDLE),
    delivering: AtomicU32::new(0),
    inuse: AtomicU32::new(0),
};

const SIG_IDLE: u32 = 0;
const SIG_RECEIVING: u32 = 1;
const SIG_SENDING: u32 = 2;

fn getsig(s: usize) -> usize {
    // SAFETY: querying a disposition with a zeroed out-parameter.
    unsafe {
        let mut old: libc::sigaction = core::mem::zeroed();
        libc::sigaction(s as i32, core::ptr::null(), &mut old);
        old.sa_sigaction
    }
}

/// gc's setsig: `h` is SIG_DFL, SIG_IGN or a handler (SA_SIGINFO |
/// SA_ONSTACK | SA_RESTART, every signal blocked while it runs).
fn setsig(s: usize, h: usize) {
    // SAFETY: a fully initialised sigaction; handlers have the SA_SIGINFO
    // signature.
    unsafe {
        let mut sa: libc::sigaction = core::mem::zeroed();
        sa.sa_sigaction = h;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESTART;
        libc::sigfillset(&mut sa.sa_mask);
        libc::sigaction(s as i32, &sa, core::ptr::null_mut());
    }
}

fn handler_addr() -> usize {
    sighandler as *const () as usize
}

fn is_fault(s: usize) -> bool {
    s == libc::SIGSEGV as usize || s == libc::SIGBUS as usize || s == libc::SIGFPE as usize
}

/// gc's sigInstallGoHandler (no cgo, not a library).
fn install_go_handler(s: usize) -> bool {
    if (s == libc::SIGHUP as usize || s == libc::SIGINT as usize) && FWD[s].load(Relaxed) == libc::SIG_IGN {
        return false;
    }
    flags(s) & SETSTACK == 0
}

/// gc's initsig, run once on the main thread (signal::init): the fault
/// signals keep signal.rs's handler.
pub fn initsig() {
    for s in 1..NSIG {
        let f = flags(s);
        if f == 0 || f & DEFAULT != 0 {
            continue;
        }
        FWD[s].store(getsig(s), Relaxed);
        if is_fault(s) {
            HANDLING[s].store(1, Relaxed);
            continue;
        }
        if !install_go_handler(s) {
            if FWD[s].load(Relaxed) == libc::SIG_IGN {
                init_ignored(s);
            }
            continue;
        }
        HANDLING[s].store(1, Relaxed);
        setsig(s, handler_addr());
    }
}

fn bit(s: usize) -> u32 {
    1 << (s & 31)
}

fn init_ignored(s: usize) {
    SIG.ignored[s / 32].fetch_or(bit(s), SeqCst);
}

/// gc's sigsend: queue `s` for os/signal if it wants it (called from
/// signal handlers; async-signal-safe).
pub fn sigsend(s: usize) -> bool {
    if s >= 32 * WORDS {
        return false;
    }
    SIG.delivering.fetch_add(1, SeqCst);
    if SIG.wanted[s / 32].load(SeqCst) & bit(s) == 0 {
        SIG.delivering.fetch_sub(1, SeqCst);
        return false;
    }
    if SIG.mask[s / 32].fetch_or(bit(s), SeqCst) & bit(s) != 0 {
        SIG.delivering.fetch_sub(1, SeqCst);
        return true; // already queued
    }
    loop {
        match SIG.state.load(SeqCst) {
            SIG_IDLE => {
                if SIG.state.compare_exchange(SIG_IDLE, SIG_SENDING, SeqCst, SeqCst).is_ok() {
                    break;
                }
            }
            SIG_SENDING => break,
            SIG_RECEIVING => {
                if SIG.state.compare_exchange(SIG_RECEIVING, SIG_IDLE, SeqCst, SeqCst).is_ok() {
                    SIG.note.wakeup();
                    break;
                }
            }
            _ => crate::panic::throw_str(b"sigsend: inconsistent state"),
        }
    }
    SIG.delivering.fetch_sub(1, SeqCst);
    true
}

/// gc's signal_recv for os/signal's loop goroutine: the next queued
/// signal, sleeping (as a system call, so its P runs other goroutines)
/// until one arrives.
#[export_name = "runtime.sigrecv"]
pub extern "C" fn sigrecv() -> u32 {
    loop {
        for s in 0..NSIG {
            let w = &SIG.recv[s / 32];
            if w.load(Relaxed) & bit(s) != 0 {
                w.fetch_and(!bit(s), Relaxed);
                return s as u32;
            }
        }
        loop {
            match SIG.state.load(SeqCst) {
                SIG_IDLE => {
                    if SIG.state.compare_exchange(SIG_IDLE, SIG_RECEIVING, SeqCst, SeqCst).is_ok() {
                        crate::sched::entersyscall();
                        SIG.note.sleep();
                        crate::sched::exitsyscall();
                        SIG.note.clear();
                        break;
                    }
                }
                SIG_SENDING => {
                    if SIG.state.compare_exchange(SIG_SENDING, SIG_IDLE, SeqCst, SeqCst).is_ok() {
                        break;
                    }
                }
                _ => crate::panic::throw_str(b"signal_recv: inconsistent state"),
            }
        }
        for i in 0..WORDS {
            SIG.recv[i].store(SIG.mask[i].swap(0, SeqCst), Relaxed);
        }
    }
}

/// signalWaitUntilIdle's two conditions: deliveries in progress, and the
/// receiver asleep (stdlib/runtime polls them with Gosched in between).
#[export_name = "runtime.sigdelivering"]
pub extern "C" fn sigdelivering() -> u32 {
    SIG.delivering.load(SeqCst)
}

#[export_name = "runtime.sigreceiving"]
pub extern "C" fn sigreceiving() -> bool {
    SIG.state.load(SeqCst) == SIG_RECEIVING
}

/// gc's signal_enable (with sigenable): os/signal wants `s`.
#[export_name = "runtime.sigenable"]
pub extern "C" fn signal_enable(s: u32) {
    let s = s as usize;
    if SIG.inuse.swap(1, SeqCst) == 0 {
        SIG.note.clear();
    }
    if s >= 32 * WORDS {
        return;
    }
    SIG.wanted[s / 32].fetch_or(bit(s), SeqCst);
    SIG.ignored[s / 32].fetch_and(!bit(s), SeqCst);
    if s >= NSIG || s == libc::SIGPROF as usize {
        return;
    }
    if flags(s) & NOTIFY != 0 && HANDLING[s].compare_exchange(0, 1, SeqCst, SeqCst).is_ok() {
        FWD[s].store(getsig(s), SeqCst);
        setsig(s, handler_addr());
    }
}

/// gc's signal_disable (with sigdisable): back to the state before Notify.
#[export_name = "runtime.sigdisable"]
pub extern "C" fn signal_disable(s: u32) {
    let s = s as usize;
    if s >= 32 * WORDS {
        return;
    }
    if s < NSIG && s != libc::SIGPROF as usize && flags(s) & NOTIFY != 0 && !install_go_handler(s) {
        HANDLING[s].store(0, SeqCst);
        setsig(s, FWD[s].load(SeqCst));
    }
    SIG.wanted[s / 32].fetch_and(!bit(s), SeqCst);
}

/// gc's signal_ignore (with sigignore): SIG_IGN for `s`.
#[export_name = "runtime.sigignore"]
pub extern "C" fn signal_ignore(s: u32) {
    let s = s as usize;
    if s >= 32 * WORDS {
        return;
    }
    if s < NSIG && s != libc::SIGPROF as usize && flags(s) & NOTIFY != 0 {
        HANDLING[s].store(0, SeqCst);
        setsig(s, libc::SIG_IGN);
    }
    SIG.wanted[s / 32].fetch_and(!bit(s), SeqCst);
    SIG.ignored[s / 32].fetch_or(bit(s), SeqCst);
}

/// gc's signal_ignored.
#[export_name = "runtime.sigignored"]
pub extern "C" fn signal_ignored(s: u32) -> bool {
    let s = s as usize;
    s < 32 * WORDS && SIG.ignored[s / 32].load(SeqCst) & bit(s) != 0
}

/// gc's sigpipe (os.sigpipe, after EPIPE on stdout or stderr): die by
/// SIGPIPE unless os/signal ignores or wants it.
#[export_name = "runtime.sigpipe"]
pub extern "C" fn sigpipe() {
    let s = libc::SIGPIPE as usize;
    if signal_ignored(s as u32) || sigsend(s) {
        return;
    }
    die_from_signal(s)
}

/// gc's clearSignalHandlers, in a forked child before exec: the runtime's
/// handlers become SIG_DFL (exec would reset them anyway; this covers a
/// signal arriving before it), ignored signals stay ignored.
#[export_name = "runtime.sigresetchild"]
pub extern "C" fn sigresetchild() {
    for s in 1..NSIG {
        if HANDLING[s].load(Relaxed) != 0 {
            setsig(s, libc::SIG_DFL);
        }
    }
}

/// gc's dieFromSignal: end the process by `s` (its default action),
/// falling back to exit status 128+s.
pub fn die_from_signal(s: usize) -> ! {
    HANDLING[s].store(0, SeqCst);
    setsig(s, libc::SIG_DFL);
    // SAFETY: unblocking and raising one signal whose action is now the
    // default one.
    unsafe {
        let mut set: libc::sigset_t = core::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, s as i32);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, core::ptr::null_mut());
        libc::raise(s as i32);
        for _ in 0..3 {
            libc::sched_yield();
        }
    }
    crate::proc::exit(128 + s as i32)
}

/// gc's sigFromUser: sent by kill or tgkill.
pub fn from_user(code: i32) -> bool {
    code == libc::SI_USER || code == libc::SI_TKILL
}

/// The handler of every signal but the faults.
extern "C" fn sighandler(sig: i32, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the errno location of this thread.
    let errno = unsafe { *libc::__errno_location() };
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler.
    let code = unsafe { (*info).si_code };
    // SAFETY: and a valid ucontext.
    let uc = unsafe { &*(ctx as *const libc::ucontext_t) };
    handle(sig as usize, code, uc);
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = errno };
}

/// sighandler's decisions for a signal that is not a fault turned into a
/// panic (signal.rs calls it for fault signals sent by a process).
pub fn handle(s: usize, code: i32, uc: &libc::ucontext_t) {
    // gc's SIGPROF is the CPU profiler's alone (rgoc has none): never
    // queued, never fatal.
    if s == libc::SIGPROF as usize {
        return;
    }
    let f = flags(s);
    let user = from_user(code);
    if (user || f & NOTIFY != 0) && sigsend(s) {
        return;
    }
    if user && signal_ignored(s as u32) {
        return;
    }
    if f & KILL != 0 {
        die_from_signal(s)
    }
    if f & (THROW | PANIC) == 0 {
        return;
    }
    signal_throw(s, code, uc)
}

/// gc's fatal signal report (sighandler's tail with fatalsignal): the
/// signal's name, `PC=... m=... sigcode=...`, the goroutine the signal
/// interrupted and every other one at traceback level 2, the registers;
/// exit status 2.
fn signal_throw(s: usize, code: i32, uc: &libc::ucontext_t) -> ! {
    use crate::print::{gwrite, Buf};
    let gr = &uc.uc_mcontext.gregs;
    let pc = gr[libc::REG_RIP as usize] as u64;
    let sp = gr[libc::REG_RSP as usize] as usize;
    let fp = gr[libc::REG_RBP as usize] as usize;
    if crate::panic::startpanic_signal() {
        let mut b = Buf::<128>::new();
        let n = name(s);
        if n.is_empty() {
            b.push(b"Signal ");
            b.push_uint(s as u64);
        } else {
            b.push(n);
        }
        b.push(b"\nPC=");
        b.push_hex(pc);
        b.push(b" m=");
        b.push_int(crate::proc::getm().id);
        b.push(b" sigcode=");
        b.push_int(code as i64);
        b.push(b"\n");
        gwrite(b.as_bytes());
        if s == libc::SIGILL as usize || s == libc::SIGFPE as usize {
            // 16 bytes at the PC, not past its page.
            let n = 16.min(4096 - (pc as usize) % 4096);
            let mut b = Buf::<128>::new();
            b.push(b"instruction bytes:");
            for i in 0..n {
                b.push(b" ");
                // SAFETY: the page holding the PC is mapped (it executed).
                b.push_hex(unsafe { *((pc as usize + i) as *const u8) } as u64);
            }
            b.push(b"\n");
            gwrite(b.as_bytes());
        }
        gwrite(b"\n");
        let (level, _, crash) = crate::proc::gotraceback(true);
        let g = crate::proc::getg();
        let m = crate::proc::getm();
        let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
        let on_g = !core::ptr::eq(g, &m.g0) && sp >= lo && sp < hi;
        let mut o = crate::traceback::Stderr;
        if on_g {
            crate::traceback::print_header(&mut o, g, level);
            let st = (fp >= lo && fp < hi).then_some(crate::traceback::Stack { pc0: pc + 1, fp, lo, hi });
            crate::traceback::print_stack(&mut o, g, st, level);
        }
        crate::traceback::print_others(&mut o, if on_g { g } else { core::ptr::null() }, level);
        gwrite(b"\n");
        const REGS: [(&[u8], i32); 21] = [
            (b"rax    ", libc::REG_RAX),
            (b"rbx    ", libc::REG_RBX),
            (b"rcx    ", libc::REG_RCX),
            (b"rdx    ", libc::REG_RDX),
            (b"rdi    ", libc::REG_RDI),
            (b"rsi    ", libc::REG_RSI),
            (b"rbp    ", libc::REG_RBP),
            (b"rsp    ", libc::REG_RSP),
            (b"r8     ", libc::REG_R8),
            (b"r9     ", libc::REG_R9),
            (b"r10    ", libc::REG_R10),
            (b"r11    ", libc::REG_R11),
            (b"r12    ", libc::REG_R12),
            (b"r13    ", libc::REG_R13),
            (b"r14    ", libc::REG_R14),
            (b"r15    ", libc::REG_R15),
            (b"rip    ", libc::REG_RIP),
            (b"rflags ", libc::REG_EFL),
            (b"cs     ", -1),
            (b"fs     ", -2),
            (b"gs     ", -3),
        ];
        for (label, r) in REGS {
            let v = if r >= 0 {
                gr[r as usize] as u64
            } else {
                // REG_CSGSFS packs cs, gs, fs (16 bits each).
                let w = gr[libc::REG_CSGSFS as usize] as u64;
                match r {
                    -1 => w & 0xffff,
                    -2 => (w >> 32) & 0xffff,
                    _ => (w >> 16) & 0xffff,
                }
            };
            let mut b = Buf::<48>::new();
            b.push(label);
            b.push_hex(v);
            b.push(b"\n");
            gwrite(b.as_bytes());
        }
        if crash {
            crate::panic::crash_abort_pub();
        }
    }
    crate::proc::exit(2)
}
