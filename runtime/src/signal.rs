//! Synchronous fault signals: SIGSEGV, SIGBUS, SIGFPE (gc's signal_unix.go
//! sighandler + sigpanic, first slice).
//!
//! Mechanism: `init` gives the thread an alternate signal stack and installs
//! one SA_SIGINFO|SA_ONSTACK handler for the three signals. The handler
//! classifies the fault as gc's sigpanic does:
//! - SIGSEGV with code 0/SEGV_MAPERR/SEGV_ACCERR, or SIGBUS with
//!   BUS_ADRERR, at an address below 0x1000: nil dereference panic;
//! - SIGFPE with FPE_INTDIV: integer divide by zero panic;
//! - a fault in goroutine 1's guard page: the stack overflow report;
//! - anything else: `unexpected fault address` + `fatal error: fault`.
//!
//! Fatal faults are reported from the handler. For the two panics it does
//! what gc's sighandler/preparePanic do: it records the signal in the G
//! (`sig`, `sigcode0`, `sigcode1` = address, `sigpc`), pushes the faulting
//! PC on the goroutine stack as a return address and sets RIP to
//! `rgo_sigpanic0`. On return from the handler the goroutine "calls"
//! sigpanic (panic.rs), which panics with gc's memoryError/divideError on
//! the goroutine stack like any other panic, so deferred calls run and
//! `recover` works; the report of an unrecovered one adds the `[signal
//! ...]` line from the G.
//!
//! Invariants:
//! - the handler runs on the alternate stack, never on the faulting
//!   goroutine stack (which may be the exhausted one);
//! - it does not allocate and uses only async-signal-safe calls (write(2),
//!   _exit, raise) - the panic itself happens after it returned;
//! - a fault becomes a panic only if its SP is inside goroutine 1's stack
//!   with SIGPANIC_ROOM to spare; the signal mask is restored by sigreturn
//!   as usual, so nested faults in sigpanic's callees are handled again.

use crate::panic::{fault_throw, SigInfo};
use core::sync::atomic::Ordering::Relaxed;

/// Size of the alternate signal stack.
const SIGSTACK_SIZE: usize = 64 << 10;

// si_code values (asm-generic/siginfo.h).
const SEGV_MAPERR: i32 = 1;
const SEGV_ACCERR: i32 = 2;
const BUS_ADRERR: i32 = 2;
const FPE_INTDIV: i32 = 1;

/// Room the injected sigpanic call needs below the faulting SP: the pushed
/// PC plus sigpanic's own frames (gopanic, the defer loop), which then
/// grow the stack like any runtime entry point does.
/// Go code runs with SP at least STACK_GUARD - SPLIT_SLACK above the stack's
/// low end (less only inside nosplit code); half the guard is left for
/// sigpanic's Rust frames.
const SIGPANIC_ROOM: u64 = (crate::stack::STACK_GUARD / 2) as u64;

// The assembly of rgo_sigpanic0 is in asm.rs.

extern "C" {
    fn rgo_sigpanic0();
}

extern "C" fn handler(sig: i32, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an
    // SA_SIGINFO handler.
    let uc = unsafe { &mut *(ctx as *mut libc::ucontext_t) };
    // SAFETY: as above.
    let (code, addr) = unsafe { ((*info).si_code, (*info).si_addr() as u64) };
    let pc = uc.uc_mcontext.gregs[libc::REG_RIP as usize] as u64;
    let sp = uc.uc_mcontext.gregs[libc::REG_RSP as usize] as u64;
    // A fault signal sent by kill or tgkill is not a fault: gc queues it
    // for os/signal or reports it (sighandler's sigFromUser cases).
    if crate::sigqueue::from_user(code) {
        // SAFETY: the errno location of this thread.
        let errno = unsafe { *libc::__errno_location() };
        crate::sigqueue::handle(sig as usize, code, uc);
        // SAFETY: as above.
        unsafe { *libc::__errno_location() = errno };
        return;
    }
    let si = SigInfo {
        sig,
        code,
        addr,
        pc,
    };
    let g = crate::proc::getg();
    // A touch of the guard page below a goroutine stack: code without a stack check
    // (nosplit code, runtime fast paths) ran past the guard margin. Report
    // it as the stack overflow it is rather than as an unexpected fault.
    let lo = g.stack_lo.load(Relaxed) as u64;
    let hi = g.stack_hi.load(Relaxed) as u64;
    if sig == libc::SIGSEGV && lo != 0 && addr < lo && addr >= lo - crate::stack::PAGE as u64 {
        crate::panic::stack_overflow(sp, lo, hi);
    }
    let panics = match sig {
        libc::SIGSEGV => (code == 0 || code == SEGV_MAPERR || code == SEGV_ACCERR) && addr < 0x1000,
        libc::SIGBUS => code == BUS_ADRERR && addr < 0x1000,
        libc::SIGFPE => code == FPE_INTDIV,
        _ => false,
    };
    // Only a fault on the goroutine stack, with room left, can become a
    // panic; anything else (a fault on the system stack, in the handler's
    // own callees) stays fatal.
    if !panics || sp < lo + SIGPANIC_ROOM || sp > hi {
        fault_throw(&si)
    }
    // gc's preparePanic: record the signal, push the faulting PC as if the
    // faulting instruction had called sigpanic, and return into it.
    g.sig.store(sig as u32, Relaxed);
    g.sigcode0.store(code as u32, Relaxed);
    g.sigcode1.store(addr, Relaxed);
    g.sigpc.store(pc, Relaxed);
    let nsp = sp - 8;
    // SAFETY: nsp lies inside the goroutine stack above its guard margin
    // (checked above); the word below the faulting SP is dead (red zone of
    // a frame that will never resume).
    unsafe { *(nsp as *mut u64) = pc };
    uc.uc_mcontext.gregs[libc::REG_RSP as usize] = nsp as i64;
    uc.uc_mcontext.gregs[libc::REG_RIP as usize] = rgo_sigpanic0 as *const () as usize as i64;
}

/// Install the alternate stack and the fault handlers (process-wide) on
/// the main thread.
pub fn init() {
    init_thread();
    // SAFETY: sigaction gets a fully initialised structure; the handler
    // has the SA_SIGINFO signature.
    unsafe {
        let mut sa: libc::sigaction = core::mem::zeroed();
        sa.sa_sigaction = handler as *const () as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigfillset(&mut sa.sa_mask);
        for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE] {
            libc::sigaction(sig, &sa, core::ptr::null_mut());
        }
    }
    // Every other signal gc's runtime handles (sigqueue.rs).
    crate::sigqueue::initsig();
}

/// Give this thread (every M) its own alternate signal stack.
pub fn init_thread() {
    // SAFETY: anonymous mapping, checked; sigaltstack gets a fully
    // initialised structure.
    unsafe {
        let p = libc::mmap(
            core::ptr::null_mut(),
            SIGSTACK_SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if p == libc::MAP_FAILED {
            crate::panic::throw_str(b"cannot allocate signal stack");
        }
        let ss = libc::stack_t {
            ss_sp: p,
            ss_flags: 0,
            ss_size: SIGSTACK_SIZE,
        };
        libc::sigaltstack(&ss, core::ptr::null_mut());
    }
}
