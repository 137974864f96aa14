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
//! and prints the report and exits from the handler (panics are not
//! recoverable yet; later the handler will redirect the goroutine to
//! sigpanic instead).
//!
//! Invariants:
//! - the handler runs on the alternate stack, never on the faulting
//!   goroutine stack (which may be the exhausted one);
//! - it does not allocate and uses only async-signal-safe calls (write(2),
//!   _exit, raise).

use crate::panic::{fault_panicdivide, fault_panicmem, fault_throw, SigInfo};

/// Size of the alternate signal stack.
const SIGSTACK_SIZE: usize = 64 << 10;

// si_code values (asm-generic/siginfo.h).
const SEGV_MAPERR: i32 = 1;
const SEGV_ACCERR: i32 = 2;
const BUS_ADRERR: i32 = 2;
const FPE_INTDIV: i32 = 1;

extern "C" fn handler(sig: i32, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an
    // SA_SIGINFO handler.
    let (code, addr, pc) = unsafe {
        let uc = &*(ctx as *const libc::ucontext_t);
        (
            (*info).si_code,
            (*info).si_addr() as u64,
            uc.uc_mcontext.gregs[libc::REG_RIP as usize] as u64,
        )
    };
    let si = SigInfo { sig, code, addr, pc };
    // A touch of goroutine 1's guard page: code without a stack check
    // (nosplit code, runtime fast paths) ran past the guard margin. Report
    // it as the stack overflow it is rather than as an unexpected fault.
    let lo = crate::proc::G1.stack_lo.load(core::sync::atomic::Ordering::Relaxed) as u64;
    if sig == libc::SIGSEGV && lo != 0 && addr < lo && addr >= lo - crate::stack::PAGE as u64 {
        // SAFETY: as above, ctx is the interrupted context.
        let sp = unsafe {
            (*(ctx as *const libc::ucontext_t)).uc_mcontext.gregs[libc::REG_RSP as usize] as u64
        };
        let hi = crate::proc::G1.stack_hi.load(core::sync::atomic::Ordering::Relaxed) as u64;
        crate::panic::stack_overflow(sp, lo, hi);
    }
    match sig {
        libc::SIGSEGV
            if (code == 0 || code == SEGV_MAPERR || code == SEGV_ACCERR) && addr < 0x1000 =>
        {
            fault_panicmem(&si)
        }
        libc::SIGBUS if code == BUS_ADRERR && addr < 0x1000 => fault_panicmem(&si),
        libc::SIGFPE if code == FPE_INTDIV => fault_panicdivide(&si),
        _ => fault_throw(&si),
    }
}

/// Install the alternate stack and the fault handlers on this thread.
pub fn init() {
    // SAFETY: anonymous mapping, checked; sigaltstack/sigaction get fully
    // initialised structures; the handler has the SA_SIGINFO signature.
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
        let ss = libc::stack_t { ss_sp: p, ss_flags: 0, ss_size: SIGSTACK_SIZE };
        libc::sigaltstack(&ss, core::ptr::null_mut());

        let mut sa: libc::sigaction = core::mem::zeroed();
        sa.sa_sigaction = handler as *const () as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigfillset(&mut sa.sa_mask);
        for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE] {
            libc::sigaction(sig, &sa, core::ptr::null_mut());
        }
    }
}
