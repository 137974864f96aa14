//! Deferred calls and recover (gc's panic.go: deferproc, deferreturn,
//! the defer loop of gopanic, recovery, gorecover), on setjmp/longjmp.
//!
//! Mechanism (ABI v1, "Defer"):
//! - A function containing `defer` owns a *frame record*: a jump buffer of
//!   8 words in its own stack frame ([`Frame`]). At entry it calls
//!   `runtime.setjmp(frame)` (LLVM `returns_twice`), which saves the
//!   callee-saved registers, the SP after return and the return address and
//!   returns 0.
//! - `defer f(args)` builds a closure `void(ctx)` and calls
//!   `runtime.deferproc(frame, closure)`, which pushes a [`Defer`] record
//!   on the goroutine's LIFO list (`G::defers`).
//! - Every return path calls `runtime.deferreturn(frame)`: it pops and runs,
//!   innermost first, the records of that frame (they are the top of the
//!   list: records of deeper frames were run when those frames returned).
//! - `gopanic` (panic.rs) calls [`run_panic_defers`]: it pops the top
//!   record and runs it through the trampoline `rgo_defer_call`, which
//!   stores in the panic record the address of the deferred function's
//!   return-address slot (`Panic::argp`). If the call recovered the panic,
//!   [`recovery`] unlinks every panic that started below the recovering
//!   frame and long-jumps to the frame record: setjmp returns 1 there, and
//!   the function runs `deferreturn(frame)` and returns its result slots.
//!   Records are popped *before* their call (gc >= 1.22), so a panic raised
//!   by a deferred call simply continues with the next record.
//! - `recover()` is `runtime.gorecover(frameaddress(0))`: an asm shim adds
//!   its own return address (a PC inside the function that called recover)
//!   and [`gorecover_impl`] applies gc's rule, *exactly one non-wrapper
//!   frame between the panic's deferred-call trampoline and recover*:
//!   walking the frame-pointer chain from the caller of recover, frames
//!   whose PC lies in the ELF section `rgo_wrappers` (compiler thunks and
//!   wrappers) are skipped, other frames are counted, and the walk must
//!   reach the return site `rgo_defer_call_ret` through the slot recorded
//!   in the current panic's `argp` with a count of 1. So `defer recover()`
//!   run by the panic (0 frames), recover in a helper called by the
//!   deferred function (2 frames), recover in a function deferred by a
//!   frame that returns normally during the panic (run by deferreturn, not
//!   by the trampoline) and a second recover all return nil, as in gc.
//!   `defer recover()` run by deferreturn of a function F acts as recover
//!   called by F (gc calls the wrapper from F's frame): the walk meets the
//!   return site of `rgo_defer_call_plain` with only wrappers below it and
//!   continues from F's frame record, which that trampoline keeps.
//!
//! Requirements on generated code (the compiler's side of the contract):
//! - every Go function and wrapper keeps a frame pointer ("frame-pointer"
//!   = "all"): rbp chains are what gorecover walks;
//! - a function that calls recover() must not be inlined into its caller
//!   (noinline), since recover identifies it by its frame; deferred
//!   closures are called indirectly, so only wrappers calling such a
//!   function directly matter;
//! - the call to `runtime.gorecover` should be `notail` (LLVM turns `call;
//!   ret` into a jump at -O2). A tail call from an ordinary function is
//!   detected and handled, but one from a wrapper (`defer recover()`)
//!   would then be mistaken for an ordinary function and recover;
//! - every function that calls setjmp is `returns_twice`-safe (LLVM
//!   handles it given the attribute on the callee) and deferreturn is
//!   called on every return path, including the setjmp() == 1 one.
//!
//! Invariants:
//! - `G::defers` lists records of live frames, innermost frame first;
//! - a `Panic` is linked on `G::panic` from its `gopanic` until it is
//!   recovered or the program dies; a recovery unlinks all panics whose
//!   `gopanic` frame lies below the recovering frame's SP;
//! - no Rust frame that is jumped over by `longjmp` owns resources (no
//!   locks held, nothing to drop): only `gopanic`, `run_panic_defers` and
//!   the trampoline lie between a recovering deferred call and its frame.

use crate::panic::Panic;
use crate::proc::getg;
use crate::types::Eface;
use core::ptr::null_mut;
use core::sync::atomic::Ordering::Relaxed;

/// The jump buffer a deferring function allocates: rbx, rbp, r12, r13,
/// r14, r15, rsp (after setjmp returns), rip (setjmp's return address).
#[repr(C)]
pub struct Frame {
    pub regs: [u64; 8],
}

const FRAME_RSP: usize = 6;

/// A pending deferred call.
#[repr(C)]
pub struct Defer {
    /// The closure: first word is `code(ctx)`.
    pub closure: *mut u8,
    /// The frame record of the function that deferred it.
    pub frame: *mut Frame,
    /// Next (outer) record.
    pub link: *mut Defer,
}

extern "C" {
    /// Restores the registers saved in `frame` and resumes after its setjmp
    /// call with 1 as setjmp's result.
    fn rgo_longjmp(frame: *mut Frame) -> !;
    /// Calls `closure`'s code with `closure` as its argument, after storing
    /// at `*argp` the address of the slot holding its return address
    /// (`rgo_defer_call_ret`).
    fn rgo_defer_call(closure: *mut u8, argp: *mut usize);
    /// Calls `closure` from deferreturn of `frame`'s function, keeping
    /// `frame` in the trampoline's frame at `[rbp - 8]`.
    fn rgo_defer_call_plain(closure: *mut u8, frame: *mut Frame);
    /// Return site of the call in `rgo_defer_call_plain`.
    fn rgo_defer_call_plain_ret();
    /// Return site of the call in `rgo_defer_call` (a label, not a function).
    fn rgo_defer_call_ret();
    /// [__start_rgo_wrappers, __stop_rgo_wrappers).
    static rgo_wrappers_bounds: [usize; 2];
}

// The assembly of rgo_defer_call, rgo_defer_call_plain,
// rgo_defer_call_plain_ret, rgo_defer_call_ret, rgo_longjmp,
// rgo_wrappers_bounds, runtime.gorecover, runtime.setjmp is in asm.rs.

fn alloc_defer() -> *mut Defer {
    let g = getg();
    let d = g.deferpool.load(Relaxed);
    if !d.is_null() {
        // SAFETY: pool records are valid, owned by the pool.
        g.deferpool.store(unsafe { (*d).link }, Relaxed);
        return d;
    }
    Box::into_raw(Box::new(Defer {
        closure: null_mut(),
        frame: null_mut(),
        link: null_mut(),
    }))
}

fn free_defer(d: *mut Defer) {
    let g = getg();
    // SAFETY: d was just unlinked from the defer list; nothing else refers
    // to it. Clear the closure so the pool holds no heap pointer.
    unsafe {
        (*d).closure = null_mut();
        (*d).frame = null_mut();
        (*d).link = g.deferpool.load(Relaxed);
    }
    g.deferpool.store(d, Relaxed);
}

/// `defer`: push `closure` as a deferred call of `frame`.
#[export_name = "runtime.deferproc"]
pub extern "C" fn deferproc(frame: *mut Frame, closure: *mut u8) {
    let g = getg();
    let d = new_defer(frame, closure);
    // SAFETY: d is a fresh record owned by this function until linked.
    unsafe { (*d).link = g.defers.load(Relaxed) };
    g.defers.store(d, Relaxed);
}

/// A record of `closure` deferred by `frame`, not linked yet.
fn new_defer(frame: *mut Frame, closure: *mut u8) -> *mut Defer {
    let d = alloc_defer();
    // The record is a root the collector may have scanned already this
    // cycle: shade the closure (the barrier of a pointer store).
    // SAFETY: d is a valid record (alloc_defer).
    let slot = unsafe { core::ptr::addr_of!((*d).closure) } as usize;
    crate::mbarrier::wb_store(slot, closure as usize);
    // SAFETY: d is a fresh record owned by the caller until linked.
    unsafe {
        (*d).closure = closure;
        (*d).frame = frame;
    }
    d
}

/// A range-over-func loop whose body defers (the compiler's rewrite,
/// compiler/types/src/rangefunc.rs): the enclosing function's token for
/// its frame record, which the loop body (a yield closure, called by the
/// iterator) hands to [`deferprocat`]. The token is the frame's distance
/// from the top of the goroutine stack, which stack copying preserves
/// (a pointer kept in a closure's heap box would not be adjusted).
#[export_name = "runtime.deferrangefunc"]
pub extern "C" fn deferrangefunc(frame: *mut Frame) -> usize {
    getg().stack_hi.load(Relaxed) - frame as usize
}

/// `defer` in a range-over-func loop body: push `closure` as a deferred
/// call of the enclosing function's frame (`token` from
/// [`deferrangefunc`]). The iterator's and the body's own frames lie
/// below it and may have records of their own on top of the list: the
/// record goes in front of the first record of the enclosing frame or of
/// a frame outside it (higher on the stack), keeping the list innermost
/// first.
#[export_name = "runtime.deferprocat"]
pub extern "C" fn deferprocat(token: usize, closure: *mut u8) {
    let g = getg();
    let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
    let frame = hi.wrapping_sub(token);
    if token == 0 || frame < lo || frame >= hi {
        crate::panic::throw_str(b"defer in a range-over-func loop body run outside its function's goroutine");
    }
    let d = new_defer(frame as *mut Frame, closure);
    // SAFETY: records on the list are valid; d is owned here until linked.
    unsafe {
        let mut prev: *mut Defer = null_mut();
        let mut cur = g.defers.load(Relaxed);
        while !cur.is_null() && ((*cur).frame as usize) < frame {
            prev = cur;
            cur = (*cur).link;
        }
        (*d).link = cur;
        if prev.is_null() {
            g.defers.store(d, Relaxed);
        } else {
            (*prev).link = d;
        }
    }
}

/// Unlink the top record if it belongs to `frame` (any frame if null);
/// returns its closure and frame.
fn pop_defer(frame: *mut Frame) -> Option<(*mut u8, *mut Frame)> {
    let g = getg();
    let d = g.defers.load(Relaxed);
    if d.is_null() {
        return None;
    }
    // SAFETY: records on the list are valid.
    let (closure, dframe, link) = unsafe { ((*d).closure, (*d).frame, (*d).link) };
    if !frame.is_null() && dframe != frame {
        return None;
    }
    g.defers.store(link, Relaxed);
    free_defer(d);
    Some((closure, dframe))
}

/// Function return: run `frame`'s deferred calls, innermost first.
#[export_name = "runtime.deferreturn"]
pub extern "C" fn deferreturn(frame: *mut Frame) {
    if frame.is_null() {
        return;
    }
    while let Some((closure, _)) = pop_defer(frame) {
        // SAFETY: closure is a Go func value (a nil one faults in the
        // trampoline at address 0, which is a nil-dereference panic).
        unsafe { rgo_defer_call_plain(closure, frame) };
    }
}

/// runtime.Goexit: run every pending deferred call of the goroutine,
/// innermost first (recover returns nil in them: no panic is running).
pub fn run_goexit_defers() {
    while let Some((closure, frame)) = pop_defer(null_mut()) {
        // SAFETY: as in deferreturn.
        unsafe { rgo_defer_call_plain(closure, frame) };
    }
}

/// The defer loop of `gopanic`: run deferred calls, innermost first, until
/// none remain (then return) or one recovers `p` (then do not return).
///
/// # Safety
/// `p` is the panic record of the calling `gopanic`, linked on `G::panic`.
pub unsafe fn run_panic_defers(p: *mut Panic) {
    while let Some((closure, frame)) = pop_defer(null_mut()) {
        // SAFETY: p is valid (caller contract); the closure is a Go func
        // value, called with the trampoline recover looks for.
        unsafe {
            rgo_defer_call(closure, core::ptr::addr_of_mut!((*p).argp));
            (*p).argp = 0;
            if (*p).recovered {
                recovery(frame);
            }
        }
    }
}

/// gc's recovery: unwind the panic list to the panics that started above
/// `frame`'s SP and resume `frame`'s function after its setjmp with 1.
///
/// # Safety
/// `frame` is the frame record of a live function (the one whose deferred
/// call just recovered).
unsafe fn recovery(frame: *mut Frame) -> ! {
    let g = getg();
    // SAFETY: frame is a live frame record (caller contract).
    let sp = unsafe { (*frame).regs[FRAME_RSP] } as usize;
    let mut q = g.panic.load(Relaxed);
    // SAFETY: panic records on the list are live (their gopanic frames are
    // still on the stack until the jump below).
    while !q.is_null() && unsafe { (*q).start_sp } < sp {
        q = unsafe { (*q).link };
    }
    g.panic.store(q, Relaxed);
    if q.is_null() {
        g.sig.store(0, Relaxed);
    }
    // Defer records of frames below the target would be stale after the
    // jump. There are none when frames run their defers in order; drop any
    // defensively (a frame record lives in its function's frame, so below
    // that function's SP means a dead frame).
    while let Some(d) = Some(g.defers.load(Relaxed)).filter(|d| !d.is_null()) {
        // SAFETY: records on the list are valid.
        let (df, link) = unsafe { ((*d).frame, (*d).link) };
        if (df as usize) >= sp {
            break;
        }
        g.defers.store(link, Relaxed);
        free_defer(d);
    }
    // SAFETY: frame holds the registers saved by setjmp in a function that
    // is still active (its frame is above every frame being abandoned).
    unsafe { rgo_longjmp(frame) }
}

pub(crate) fn in_wrappers(pc: usize) -> bool {
    // SAFETY: a static defined in the asm above.
    let [lo, hi] = unsafe { rgo_wrappers_bounds };
    pc >= lo && pc < hi
}

/// How far the gorecover walk may go (wrapper chains are short).
const MAX_RECOVER_WALK: usize = 16;

/// `runtime.gorecover(fp)` (via the asm shim, which adds `pc` = its
/// return address, `sp` = the address of that return address and `rbp` =
/// rbp at the call; `fp` is the frame address of the function F that called
/// recover). Returns the current panic's value and marks it recovered if
/// recover was called directly by a deferred call the panic is running;
/// nil otherwise.
///
/// Normally `pc` is inside F and F's return address is at `fp + 8`. If F
/// tail-called gorecover (`call; ret` becomes `jmp` at -O2 unless the call
/// is `notail`), F's frame is gone: then `fp + 8 == sp`, `pc` is F's return
/// address and `rbp` its caller's frame. F is then assumed not to be a
/// wrapper (codegen must use `notail` for recover calls in wrappers).
pub extern "C" fn gorecover_impl(fp: *const usize, pc: usize, sp: usize, rbp: usize) -> Eface {
    let nil = Eface {
        typ: core::ptr::null(),
        data: null_mut(),
    };
    let g = getg();
    let p = g.panic.load(Relaxed);
    // SAFETY: a linked panic record is live.
    if p.is_null() || unsafe { (*p).recovered } || unsafe { (*p).argp } == 0 {
        return nil;
    }
    // SAFETY: as above.
    let argp = unsafe { (*p).argp };
    let lo = g.stack_lo.load(Relaxed);
    let hi = g.stack_hi.load(Relaxed);
    let tramp = rgo_defer_call_ret as *const () as usize;
    let plain = rgo_defer_call_plain_ret as *const () as usize;
    let recovered = || {
        // SAFETY: p is live (see above).
        unsafe {
            (*p).recovered = true;
            (*p).arg
        }
    };
    // (pc, fp): a PC inside a function and that function's frame.
    let mut fp = fp as usize;
    let mut pc = pc;
    let mut nonwrapper = 0;
    if fp + 8 == sp {
        // Tail call: F's return address is `pc`, in slot `sp`.
        nonwrapper = 1;
        if pc == tramp {
            return if sp == argp { recovered() } else { nil };
        }
        fp = rbp;
    }
    for _ in 0..MAX_RECOVER_WALK {
        if !in_wrappers(pc) {
            nonwrapper += 1;
            if nonwrapper > 1 {
                return nil;
            }
        }
        if fp < lo || fp + 16 > hi || fp & 7 != 0 {
            return nil;
        }
        // SAFETY: fp is an aligned address inside the goroutine stack: a
        // frame-pointer record {saved rbp, return address}.
        let (next_fp, ret) = unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) };
        if ret == tramp {
            return if nonwrapper == 1 && fp + 8 == argp {
                recovered()
            } else {
                nil
            };
        }
        if ret == plain && nonwrapper == 0 {
            // `defer recover()` run by deferreturn of a function F: only
            // wrappers lie between recover and the trampoline, so recover
            // acts as if F called it (gc: the deferred wrapper is called
            // from F's frame). Continue the walk from F, whose frame
            // record the trampoline keeps at [its rbp - 8].
            if next_fp < lo + 8 || next_fp + 16 > hi || next_fp & 7 != 0 {
                return nil;
            }
            // SAFETY: next_fp is the trampoline's frame inside the stack;
            // the slot below it holds a live frame record (its function
            // is running deferreturn).
            let frame = unsafe { *((next_fp - 8) as *const *const Frame) };
            if frame.is_null() {
                return nil;
            }
            // SAFETY: as above; regs[1] is F's rbp, regs[7] a PC in F.
            unsafe {
                fp = (*frame).regs[1] as usize;
                pc = (*frame).regs[7] as usize;
            }
            continue;
        }
        if next_fp <= fp {
            return nil;
        }
        fp = next_fp;
        pc = ret;
    }
    nil
}
