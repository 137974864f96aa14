//! Program entry and goroutine 1 (the first slice of gc's proc.go).
//!
//! Mechanism: the staticlib defines the C `main`. It records argc/argv/envp
//! (for os.Args and os.Environ later), reads GOTRACEBACK (and GODEBUG's
//! panicnil), installs the fault handlers (signal.rs), allocates goroutine
//! 1's stack (stack.rs) and switches to it. There it publishes the stack
//! guard in `%fs:0x70`, calls the generated `main.init` and `main.main`,
//! and exits the process with status 0 when `main.main` returns.
//!
//! Invariants:
//! - `G1`/`M0` are goroutine 1 and the main thread; sched::schedinit (in
//!   C main) makes the Ps and sysmon; other Ms are threads the scheduler
//!   creates; fatal reports print the current G and M as `gp=`/`mp=`;
//! - `%fs:0x70` holds the running goroutine's stack guard whenever Go code
//!   runs, and 0 (no split-stack check can fire) otherwise;
//! - the process ends through `exit` (exit_group(2) via `_exit`), never by
//!   returning from C main: nothing is buffered (prints use write(2)), and
//!   we do not want libc atexit handlers running under Go semantics.

use core::sync::atomic::{AtomicI32, AtomicPtr, AtomicU32, Ordering};

use crate::runtime2::{G, M};

// --- per-thread words ------------------------------------------------------
//
// Each M keeps its scheduling state in words of glibc's thread control
// block, reached through %fs (the thread pointer) at fixed offsets:
// `tcbhead_t.__private_tm[0..4]` (0x50-0x68, reserved for libitm, which
// rgoc programs never link) and `__private_ss` (0x70, the split-stack
// guard). Generated code reads two of them: the guard (function
// prologues) and the preemption flag (loop back edges).

/// %fs:0x50: the G running on this thread (its M's g0 while the M runs
/// scheduler code on the system stack); 0 before the M is set up.
pub const TLS_G: usize = 0x50;
/// %fs:0x58: this thread's M.
pub const TLS_M: usize = 0x58;
/// %fs:0x60: top of this M's system stack (`__morestack`, mcall).
pub const TLS_SYSSTACK: usize = 0x60;
/// %fs:0x68: preemption request (u32): generated code tests it on loop
/// back edges and calls `runtime.preemptPark` when it is not zero.
pub const TLS_PREEMPT: usize = 0x68;

#[inline(always)]
pub fn tls_load(off: usize) -> usize {
    let v: usize;
    // SAFETY: reads one word of this thread's TCB (see above).
    unsafe {
        core::arch::asm!("mov {}, fs:[{}]", out(reg) v, in(reg) off,
            options(nostack, preserves_flags, readonly))
    }
    v
}

#[inline(always)]
pub fn tls_store(off: usize, v: usize) {
    // SAFETY: writes one word of this thread's TCB reserved for us.
    unsafe {
        core::arch::asm!("mov fs:[{}], {}", in(reg) off, in(reg) v,
            options(nostack, preserves_flags))
    }
}

/// This thread's TCB address (the value of %fs), for writing its words
/// from another thread (sysmon's preemption requests).
pub fn tcb_address() -> usize {
    tls_load(0x10) // tcbhead_t.self
}

/// The running goroutine (gc's getg()); goroutine 1 before the scheduler
/// starts (and on threads that are not Ms, such as unit tests').
#[inline(always)]
pub fn getg() -> &'static G {
    let g = tls_load(TLS_G) as *const G;
    if g.is_null() {
        &G1
    } else {
        // SAFETY: TLS_G only ever holds &G1, an M's g0 or a leaked G.
        unsafe { &*g }
    }
}

/// Set the running goroutine of this thread.
#[inline(always)]
pub fn setg(g: &G) {
    tls_store(TLS_G, g as *const G as usize)
}

/// This thread's M (M0 on the main thread and on threads that are not Ms).
#[inline(always)]
pub fn getm() -> &'static M {
    let m = tls_load(TLS_M) as *const M;
    if m.is_null() {
        &M0
    } else {
        // SAFETY: TLS_M only ever holds &M0 or a leaked M.
        unsafe { &*m }
    }
}

pub static G1: G = G::new(1);

pub static M0: M = M::new(0);

// --- args and environment -------------------------------------------------

static ARGC: AtomicI32 = AtomicI32::new(0);
static ARGV: AtomicPtr<*const u8> = AtomicPtr::new(core::ptr::null_mut());
static ENVP: AtomicPtr<*const u8> = AtomicPtr::new(core::ptr::null_mut());

/// argc and argv as the C runtime gave them (for os.Args).
pub fn args() -> (i32, *const *const u8) {
    (ARGC.load(Ordering::Relaxed), ARGV.load(Ordering::Relaxed))
}

/// The NULL-terminated environment block (for os.Environ).
pub fn envp() -> *const *const u8 {
    ENVP.load(Ordering::Relaxed)
}

/// getenv over the recorded envp, without allocating.
pub fn getenv(name: &[u8]) -> Option<&'static [u8]> {
    let mut p = envp();
    if p.is_null() {
        return None;
    }
    // SAFETY: envp is the NULL-terminated array of NUL-terminated strings
    // the kernel/libc passed to main; it lives for the whole process.
    unsafe {
        while !(*p).is_null() {
            let s = core::ffi::CStr::from_ptr((*p).cast()).to_bytes();
            if s.len() > name.len() && s.starts_with(name) && s[name.len()] == b'=' {
                return Some(&s[name.len() + 1..]);
            }
            p = p.add(1);
        }
    }
    None
}

// --- GOTRACEBACK ----------------------------------------------------------

/// runtime1.go's traceback_cache encoding: level << 2 | all << 0 | crash << 1.
const TRACEBACK_ALL: u32 = 1;
const TRACEBACK_CRASH: u32 = 2;
const TRACEBACK_SHIFT: u32 = 2;
static TRACEBACK: AtomicU32 = AtomicU32::new(1 << TRACEBACK_SHIFT);
/// The GOTRACEBACK setting (debug.SetTraceback cannot go below it).
static TRACEBACK_ENV: AtomicU32 = AtomicU32::new(1 << TRACEBACK_SHIFT);
static PANICNIL: AtomicU32 = AtomicU32::new(0);

/// runtime1.go's setTraceback.
pub fn parse_traceback(level: &[u8]) -> u32 {
    match level {
        b"none" => 0,
        b"single" | b"" => 1 << TRACEBACK_SHIFT,
        b"all" => 1 << TRACEBACK_SHIFT | TRACEBACK_ALL,
        b"system" => 2 << TRACEBACK_SHIFT | TRACEBACK_ALL,
        b"crash" => 2 << TRACEBACK_SHIFT | TRACEBACK_ALL | TRACEBACK_CRASH,
        _ => {
            let mut t = TRACEBACK_ALL;
            let mut n: u64 = 0;
            let ok = level.iter().all(|c| c.is_ascii_digit())
                && level.iter().all(|&c| {
                    n = n * 10 + (c - b'0') as u64;
                    n <= u32::MAX as u64
                });
            if ok {
                t |= (n as u32) << TRACEBACK_SHIFT;
            }
            t
        }
    }
}

/// runtime/debug.SetTraceback (gc's setTraceback: the environment's
/// setting is a floor).
#[export_name = "runtime.setTraceback"]
pub extern "C" fn set_traceback(p: *const u8, n: isize) {
    let level = if p.is_null() || n <= 0 {
        &[][..]
    } else {
        // SAFETY: a Go string (p, n).
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    };
    let t = parse_traceback(level) | TRACEBACK_ENV.load(Ordering::Relaxed);
    TRACEBACK.store(t, Ordering::Relaxed);
}

/// gotraceback(): (level, all, crash). `throwing` forces level 2 as gc does
/// for runtime throws.
pub fn gotraceback(throwing: bool) -> (u32, bool, bool) {
    let t = TRACEBACK.load(Ordering::Relaxed);
    let crash = t & TRACEBACK_CRASH != 0;
    let all = throwing || t & TRACEBACK_ALL != 0;
    let level = if throwing { 2 } else { t >> TRACEBACK_SHIFT };
    (level, all, crash)
}

/// GODEBUG=panicnil=1 restores pre-1.21 `panic(nil)` behaviour.
pub fn panicnil() -> bool {
    PANICNIL.load(Ordering::Relaxed) != 0
}

#[cfg_attr(test, allow(dead_code))]
fn read_godebug() {
    if let Some(v) = getenv(b"GODEBUG") {
        for kv in v.split(|&c| c == b',') {
            if kv == b"panicnil=1" {
                PANICNIL.store(1, Ordering::Relaxed);
            } else if kv == b"panicnil=0" {
                PANICNIL.store(0, Ordering::Relaxed);
            }
        }
    }
}

// --- entry ----------------------------------------------------------------

#[cfg(not(test))]
extern "C" {
    #[link_name = "main.init"]
    fn main_init();
    #[link_name = "main.main"]
    fn main_main();
}

/// Runs on goroutine 1's stack (entered through `stack::call_on_stack`).
#[cfg(not(test))]
extern "C" fn goroutine1_main(_arg: *mut u8) {
    crate::sched::init_g1();
    crate::stack::set_stackguard(G1.stackguard0.load(Ordering::Relaxed));
    // SAFETY: the generated program defines these with the C convention and
    // no arguments; we are on a goroutine stack with the guard published.
    unsafe {
        main_init();
        main_main();
    }
    // main.main may return on any M: end the process here rather than
    // return to the main thread's stack.
    exit(0)
}

/// The process entry point (called by crt1's __libc_start_main).
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn main(argc: i32, argv: *const *const u8, envp: *const *const u8) -> i32 {
    ARGC.store(argc, Ordering::Relaxed);
    ARGV.store(argv as *mut _, Ordering::Relaxed);
    ENVP.store(envp as *mut _, Ordering::Relaxed);
    if let Some(v) = getenv(b"GOTRACEBACK") {
        TRACEBACK.store(parse_traceback(v), Ordering::Relaxed);
        TRACEBACK_ENV.store(parse_traceback(v), Ordering::Relaxed);
    }
    read_godebug();
    crate::stack::init_system_stack(&M0);
    crate::signal::init();
    crate::sched::schedinit();
    crate::malloc::HEAP_LOCK.lock();
    crate::malloc::ensure_init();
    crate::malloc::HEAP_LOCK.unlock();
    let top = crate::stack::alloc_goroutine1_stack(&G1);
    // SAFETY: `top` is the 16-byte aligned top of a fresh, mapped stack;
    // goroutine1_main has the signature call_on_stack expects.
    unsafe { crate::stack::call_on_stack(core::ptr::null_mut(), goroutine1_main, top) };
    exit(0)
}

/// Ends the process with `code` (exit_group), like gc's runtime.exit.
pub fn exit(code: i32) -> ! {
    // SAFETY: _exit has no preconditions; it does not return.
    unsafe { libc::_exit(code) }
}

/// `os.Exit` lands here.
#[export_name = "runtime.exit"]
pub extern "C" fn runtime_exit(code: i64) -> ! {
    exit(code as i32)
}

/// `runtime.Breakpoint()`: executes a breakpoint trap (int3), as gc's does.
/// Under a debugger it stops there; otherwise SIGTRAP ends the process.
#[export_name = "runtime.Breakpoint"]
pub extern "C" fn breakpoint() {
    // SAFETY: int3 only raises SIGTRAP; it touches no memory or registers.
    unsafe { core::arch::asm!("int3", options(nomem, nostack)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceback_levels() {
        assert_eq!(parse_traceback(b"none"), 0);
        assert_eq!(parse_traceback(b""), 4);
        assert_eq!(parse_traceback(b"all"), 5);
        assert_eq!(parse_traceback(b"system"), 9);
        assert_eq!(parse_traceback(b"crash"), 11);
        assert_eq!(parse_traceback(b"2"), 9);
        assert_eq!(parse_traceback(b"bogus"), 1);
    }
}
