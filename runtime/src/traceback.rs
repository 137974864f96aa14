//! Stack walking and tracebacks in gc's format (gc's traceback.go), and the
//! call-stack APIs built on them (runtime.Callers, Caller, Stack).
//!
//! Walking: Go code and the runtime both keep frame pointers (codegen's
//! `"frame-pointer"="all"`, `-C force-frame-pointers` for the runtime), so a
//! stack is the rbp chain: at a frame pointer `fp`, `[fp]` is the caller's
//! frame pointer and `[fp+8]` the return address into the caller. The walk
//! stays inside the goroutine's stack bounds and stops at a zero or
//! non-increasing frame pointer (`rgo_gostart` and goroutine 1's entry
//! start the chain with rbp = 0). Stacks grown by `__morestack` are copies
//! with adjusted frame pointers, so no special frame sits between
//! segments. Where a walk starts:
//! - the running goroutine: the walker's own frame (runtime frames are
//!   hidden as gc hides them at GOTRACEBACK<=all);
//! - a parked or runnable goroutine: the rbp that `rgo_mcall` pushed just
//!   below its `sched_sp` return address (sched.rs);
//! - a goroutine in a system call: the rbp recorded at entersyscall.
//!
//! Symbolisation is symtab.rs; a return address is looked up at pc-1 (the
//! call instruction) except the faulting PC that a signal panic pushed
//! (`G::sigpc`). Nothing here allocates; reports run on the system stack
//! when they come from a goroutine (stack use of the symboliser: ~1 KiB).
//!
//! Frame filter (gc's showframe at level <= 1): compiler wrappers (code in
//! the `rgo_wrappers` section, or artificial functions) and functions
//! outside the table (the Rust runtime, libc) are hidden, as are `runtime.`
//! functions that are not exported; frames inlined into a wrapper are shown.

use crate::print::Buf;
use crate::runtime2::G;
use crate::symtab::{self, Frame, MAX_INLINE};
use core::sync::atomic::Ordering::Relaxed;

/// gc's tracebackInnerFrames / tracebackOuterFrames.
const INNER_FRAMES: usize = 50;
const OUTER_FRAMES: usize = 50;

fn in_wrappers(pc: u64) -> bool {
    crate::defer::in_wrappers(pc as usize)
}

// rgo_frame_pointer (asm.rs) returns the caller's rbp: a call cannot
// precede the caller's frame setup, whereas an inline `mov {}, rbp` may be
// scheduled before a shrink-wrapped prologue.
extern "C" {
    fn rgo_frame_pointer() -> usize;
}

/// The frame pointer of the calling function.
#[inline(always)]
pub fn current_fp() -> usize {
    // SAFETY: the stub only reads rbp.
    unsafe { rgo_frame_pointer() }
}

/// The return address of the function this is inlined into.
#[inline(always)]
pub fn caller_pc() -> u64 {
    let fp = current_fp();
    // SAFETY: [rbp+8] is the return address of a frame-pointer frame.
    unsafe { *((fp + 8) as *const u64) }
}

/// A stack to walk: the first frame pointer and the bounds of the stack.
#[derive(Clone, Copy)]
pub struct Stack {
    /// A return address of the innermost frame, reported before the
    /// chain's (the function that called `__morestack`; 0 = none).
    pub pc0: u64,
    pub fp: usize,
    pub lo: usize,
    pub hi: usize,
}

impl Stack {
    /// Calls `f(return address)` for each frame, innermost first, until it
    /// returns false.
    pub fn each_pc(&self, mut f: impl FnMut(u64) -> bool) {
        if self.pc0 != 0 && !f(self.pc0) {
            return;
        }
        let mut fp = self.fp;
        while fp >= self.lo && fp + 16 <= self.hi && fp & 7 == 0 {
            // SAFETY: fp lies inside the stack's mapped bounds.
            let (next, pc) = unsafe { (*(fp as *const usize), *((fp + 8) as *const u64)) };
            if pc == 0 || !f(pc) || next <= fp {
                break;
            }
            fp = next;
        }
    }
}

/// The running goroutine's stack from the caller's frame.
#[inline(always)]
pub fn here(g: &G) -> Option<Stack> {
    let fp = current_fp();
    let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
    (fp >= lo && fp < hi).then_some(Stack { pc0: 0, fp, lo, hi })
}

/// The stack of a goroutine that is not running.
pub fn of_stopped(g: &G) -> Option<Stack> {
    let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
    let st = g.status.load(Relaxed);
    let fp = if st == crate::runtime2::G_SYSCALL {
        g.syscallregs[1].load(Relaxed)
    } else {
        let sp = g.sched_sp.load(Relaxed);
        if sp < lo || sp + 56 > hi {
            return None;
        }
        // SAFETY: rgo_mcall pushed rbp, rbx, r12-r15 below sched_sp+48.
        unsafe { *((sp + 40) as *const usize) }
    };
    (fp >= lo && fp < hi).then_some(Stack { pc0: 0, fp, lo, hi })
}

/// Where output goes: stderr or a caller's buffer (runtime.Stack).
pub trait Out {
    fn put(&mut self, b: &[u8]);
}

pub struct Stderr;
impl Out for Stderr {
    fn put(&mut self, b: &[u8]) {
        crate::print::gwrite(b)
    }
}

/// A byte buffer that drops what does not fit.
pub struct SliceOut<'a> {
    pub buf: &'a mut [u8],
    pub n: usize,
}
impl Out for SliceOut<'_> {
    fn put(&mut self, b: &[u8]) {
        let k = b.len().min(self.buf.len() - self.n);
        self.buf[self.n..self.n + k].copy_from_slice(&b[..k]);
        self.n += k;
    }
}

fn is_exported_runtime(name: &[u8]) -> bool {
    name.len() > 8 && name.starts_with(b"runtime.") && name[8].is_ascii_uppercase()
}

/// gc's showfuncinfo for a logical frame.
fn show_name(name: &[u8], level: u32) -> bool {
    if level > 1 {
        return true;
    }
    name.contains(&b'.') && (!name.starts_with(b"runtime.") || is_exported_runtime(name))
}

/// The PC to symbolise for return address `pc` of goroutine `g`.
fn lookup_pc(g: &G, pc: u64) -> u64 {
    if g.sig.load(Relaxed) != 0 && g.sigpc.load(Relaxed) == pc {
        pc
    } else {
        pc - 1
    }
}

/// The shown logical frames at return address `pc`, innermost first, into
/// `out`; returns (count, physical function, whether the physical frame
/// itself is shown).
fn shown_frames(g: &G, pc: u64, level: u32, out: &mut [Frame; MAX_INLINE]) -> (usize, Option<symtab::Func>) {
    let tpc = lookup_pc(g, pc);
    let Some(f) = symtab::findfunc(tpc) else { return (0, None) };
    let n = symtab::frames_at(&f, tpc, out);
    let wrapper = f.flags & symtab::FLAG_WRAPPER != 0 || in_wrappers(tpc);
    let mut k = 0;
    for i in 0..n {
        let fr = out[i];
        let physical = i == n - 1;
        if physical && wrapper {
            continue;
        }
        if !show_name(fr.name, level) {
            continue;
        }
        out[k] = fr;
        k += 1;
    }
    (k, Some(f))
}

fn print_name(o: &mut dyn Out, name: &[u8]) {
    if name == b"runtime.gopanic" {
        o.put(b"panic");
    } else {
        o.put(name);
    }
}

fn print_frame(o: &mut dyn Out, fr: &Frame, f: &symtab::Func, pc: u64, level: u32) {
    print_name(o, fr.name);
    if fr.inlined || f.nparams > 0 {
        o.put(b"(...)\n\t");
    } else {
        o.put(b"()\n\t");
    }
    o.put(fr.file);
    let mut b = Buf::<64>::new();
    b.push(b":");
    b.push_uint(fr.line as u64);
    if !fr.inlined && pc > f.entry {
        b.push(b" +");
        b.push_hex(pc - f.entry);
    }
    if level >= 2 && !fr.inlined {
        b.push(b" pc=");
        b.push_hex(pc);
    }
    b.push(b"\n");
    o.put(b.as_bytes());
}

/// gc's traceback1 for one goroutine's stack: its frames (the first 50 and
/// the last 50 when there are more than 100) and `created by`.
pub fn print_stack(o: &mut dyn Out, g: &G, st: Option<Stack>, level: u32) {
    let mut frames = [Frame { name: b"", file: b"", line: 0, inlined: false }; MAX_INLINE];
    if let Some(st) = st {
        // Count the physical frames first, to elide the middle of deep
        // stacks (gc's first 50 and last 50 frames).
        let mut total = 0usize;
        st.each_pc(|_| {
            total += 1;
            true
        });
        let mut i = 0usize;
        let mut elided = 0usize;
        st.each_pc(|pc| {
            let skip = total > INNER_FRAMES + OUTER_FRAMES && i >= INNER_FRAMES && i < total - OUTER_FRAMES;
            i += 1;
            if skip {
                elided += 1;
                return true;
            }
            if elided > 0 {
                let mut b = Buf::<64>::new();
                b.push(b"...");
                b.push_uint(elided as u64);
                b.push(b" frames elided...\n");
                o.put(b.as_bytes());
                elided = 0;
            }
            let (n, f) = shown_frames(g, pc, level, &mut frames);
            for fr in frames.iter().take(n) {
                print_frame(o, fr, f.as_ref().expect("shown frame has a function"), pc, level);
            }
            true
        });
    }
    print_created_by(o, g, level);
}

fn print_created_by(o: &mut dyn Out, g: &G, level: u32) {
    let pc = g.gopc.load(Relaxed);
    if pc == 0 || core::ptr::eq(g, &crate::proc::G1) {
        return;
    }
    let Some(f) = symtab::findfunc(pc - 1) else { return };
    let name = symtab::funcname(&f);
    if !show_name(name, level) {
        return;
    }
    o.put(b"created by ");
    print_name(o, name);
    let parent = g.parentgoid.load(Relaxed);
    let mut b = Buf::<64>::new();
    if parent != 0 {
        b.push(b" in goroutine ");
        b.push_uint(parent);
    }
    b.push(b"\n\t");
    o.put(b.as_bytes());
    let (file, line) = symtab::funcline(&f, pc - 1);
    o.put(file);
    let mut b = Buf::<64>::new();
    b.push(b":");
    b.push_uint(line as u64);
    if pc > f.entry {
        b.push(b" +");
        b.push_hex(pc - f.entry);
    }
    b.push(b"\n");
    o.put(b.as_bytes());
}

/// gc's goroutineheader: `goroutine N [status]:`.
pub fn print_header(o: &mut dyn Out, g: &G, level: u32) {
    let mut b = Buf::<192>::new();
    b.push(b"goroutine ");
    b.push_uint(g.goid.load(Relaxed));
    if level >= 2 {
        b.push(b" gp=");
        b.push_hex(g as *const G as u64);
        let m = g.m.load(Relaxed);
        if m.is_null() {
            b.push(b" m=nil");
        } else {
            // SAFETY: Ms are never freed.
            b.push(b" m=");
            b.push_int(unsafe { (*m).id });
            b.push(b" mp=");
            b.push_hex(m as u64);
        }
    }
    b.push(b" [");
    let st = g.status.load(Relaxed);
    b.push(match st {
        crate::runtime2::G_IDLE => b"idle",
        crate::runtime2::G_RUNNABLE => b"runnable",
        crate::runtime2::G_RUNNING => b"running",
        crate::runtime2::G_SYSCALL => b"syscall",
        crate::runtime2::G_WAITING => crate::runtime2::WaitReason::text(g.waitreason.load(Relaxed)),
        crate::runtime2::G_DEAD => b"dead",
        _ => b"???",
    });
    if !g.lockedm.load(Relaxed).is_null() {
        b.push(b", locked to thread");
    }
    b.push(b"]:\n");
    o.put(b.as_bytes());
}

/// gc's tracebackothers: every other goroutine (system ones only at level
/// >= 2), each after a blank line.
pub fn print_others(o: &mut dyn Out, me: *const G, level: u32) {
    crate::sched::for_each_g(|g| {
        if core::ptr::eq(g, me) {
            return;
        }
        let st = g.status.load(Relaxed);
        if st == crate::runtime2::G_DEAD || st == crate::runtime2::G_IDLE {
            return;
        }
        if level < 2 && crate::mfinal::is_system_goroutine(g) {
            return;
        }
        o.put(b"\n");
        print_header(o, g, level);
        if st == crate::runtime2::G_RUNNING {
            o.put(b"\tgoroutine running on other thread; stack unavailable\n");
            print_created_by(o, g, level);
            return;
        }
        print_stack(o, g, of_stopped(g), level);
    });
}

struct CurrentArgs {
    g: *const G,
    st: Option<Stack>,
    level: u32,
    all: bool,
}

extern "C" fn print_current_on_system_stack(arg: *mut u8) {
    // SAFETY: arg is the CurrentArgs of print_current, alive during the call.
    let a = unsafe { &*(arg as *const CurrentArgs) };
    // SAFETY: a G record is never freed.
    let g = unsafe { &*a.g };
    print_stack(&mut Stderr, g, a.st, a.level);
    if a.all {
        print_others(&mut Stderr, a.g, a.level);
    }
}

/// The running goroutine's frames (after its header), then the other
/// goroutines when `all`; runs on the system stack.
#[inline(never)]
pub fn print_current(level: u32, all: bool) {
    let g = crate::proc::getg();
    let st = here(g).or_else(|| {
        let (pc0, fp) = (FATAL_PC.load(Relaxed), FATAL_FP.load(Relaxed) as usize);
        let (lo, hi) = (g.stack_lo.load(Relaxed), g.stack_hi.load(Relaxed));
        (pc0 != 0 && fp >= lo && fp < hi).then_some(Stack { pc0, fp, lo, hi })
    });
    let on_g = here(g).is_some();
    let a = CurrentArgs { g, st, level, all };
    if on_g {
        crate::stack::systemstack(&a as *const CurrentArgs as *mut u8, print_current_on_system_stack);
    } else {
        // Already off the goroutine stack (a stack overflow on the system
        // stack, a fault on the signal stack).
        print_current_on_system_stack(&a as *const CurrentArgs as *mut u8);
    }
}

static FATAL_PC: core::sync::atomic::AtomicU64 = core::sync::atomic::AtomicU64::new(0);
static FATAL_FP: core::sync::atomic::AtomicU64 = core::sync::atomic::AtomicU64::new(0);

/// Where the running goroutine's traceback starts when the report is
/// printed off its stack (a stack overflow, from `__morestack`'s frame):
/// the return address into the function's prologue and its caller's rbp.
pub fn set_fatal_start(pc: u64, fp: u64) {
    // gc reports a function that overflowed in its prologue at its entry
    // (the declaration's line).
    let pc = symtab::findfunc(pc - 1).map_or(pc, |f| f.entry + 1);
    FATAL_FP.store(fp, Relaxed);
    FATAL_PC.store(pc, Relaxed);
}

// ---------------------------------------------------------------------------
// The call-stack API (stdlib/runtime/extern.go).

/// A logical frame for Go (extern.go `rawFrame`): strings point into the
/// PC table, which lives for the process.
#[repr(C)]
pub struct RawFrame {
    name: *const u8,
    nlen: i64,
    file: *const u8,
    flen: i64,
    line: i64,
    entry: u64,
}

/// The logical frames at `pc` that Callers and tracebacks show, innermost
/// first (a wrapper's own frame is dropped, frames inlined into it kept).
fn logical_frames(pc: u64, out: &mut [Frame; MAX_INLINE]) -> (usize, Option<symtab::Func>) {
    let Some(f) = symtab::findfunc(pc) else { return (0, None) };
    let mut n = symtab::frames_at(&f, pc, out);
    if f.flags & symtab::FLAG_WRAPPER != 0 || in_wrappers(pc) {
        n -= 1;
    }
    (n, Some(f))
}

/// `runtime.pcFrames(pc, out, max)`: the logical frames at `pc` (a call
/// instruction's address, not a return address).
#[export_name = "runtime.pcFrames"]
pub extern "C" fn pc_frames(pc: u64, out: *mut RawFrame, max: i64) -> i64 {
    let mut frames = [Frame { name: b"", file: b"", line: 0, inlined: false }; MAX_INLINE];
    let (n, f) = logical_frames(pc, &mut frames);
    let Some(f) = f else { return 0 };
    let n = n.min(max.max(0) as usize);
    for (i, fr) in frames.iter().take(n).enumerate() {
        // SAFETY: out points to `max` RawFrames (extern.go's array).
        unsafe {
            *out.add(i) = RawFrame {
                name: fr.name.as_ptr(),
                nlen: fr.name.len() as i64,
                file: fr.file.as_ptr(),
                flen: fr.file.len() as i64,
                line: fr.line as i64,
                entry: f.entry,
            };
        }
    }
    n as i64
}

/// `runtime.callers(skip, pcs, n)`: called by runtime.Callers and Caller
/// (Go, in stdlib/runtime): the return addresses of the calling
/// goroutine's Go frames, the first one being in that Go function (skip
/// 0 = "Callers itself"). `skip` counts logical frames (inlined ones too);
/// frames outside the table and wrappers are left out.
#[export_name = "runtime.callers"]
#[inline(never)]
pub extern "C" fn callers_export(skip: i64, pcs: *mut u64, n: i64) -> i64 {
    let g = crate::proc::getg();
    let Some(st) = here(g) else { return 0 };
    let mut skip = skip.max(0) as usize;
    let mut k = 0usize;
    let n = n.max(0) as usize;
    let mut frames = [Frame { name: b"", file: b"", line: 0, inlined: false }; MAX_INLINE];
    st.each_pc(|pc| {
        if k == n {
            return false;
        }
        let (m, _) = logical_frames(lookup_pc(g, pc), &mut frames);
        if m == 0 {
            return true;
        }
        if skip >= m {
            skip -= m;
            return true;
        }
        skip = 0;
        // SAFETY: pcs points to n words (a Go slice's array).
        unsafe { *pcs.add(k) = pc };
        k += 1;
        true
    });
    k as i64
}

struct StackArgs {
    g: *const G,
    st: Option<Stack>,
    all: bool,
    buf: *mut u8,
    len: usize,
    n: usize,
}

extern "C" fn stack_on_system_stack(arg: *mut u8) {
    // SAFETY: arg is the StackArgs of stack_export, alive during the call.
    let a = unsafe { &mut *(arg as *mut StackArgs) };
    // SAFETY: the Go buffer holds len bytes; G records are never freed.
    let (buf, g) = unsafe { (core::slice::from_raw_parts_mut(a.buf, a.len), &*a.g) };
    let mut o = SliceOut { buf, n: 0 };
    let (level, _, _) = crate::proc::gotraceback(false);
    print_header(&mut o, g, 0);
    print_stack(&mut o, g, a.st, level.min(1).max(1));
    if a.all {
        print_others(&mut o, a.g, level.min(1).max(1));
    }
    a.n = o.n;
}

/// `runtime.stack(buf, n, all)` (runtime.Stack): the calling goroutine's
/// traceback from the caller of runtime.Stack, then with `all` every other
/// goroutine's, with the world stopped.
#[export_name = "runtime.stack"]
#[inline(never)]
pub extern "C" fn stack_export(buf: *mut u8, len: i64, all: i8) -> i64 {
    let g = crate::proc::getg();
    // Skip runtime.Stack's own frame: start at its caller.
    let st = here(g).map(|s| Stack {
        // SAFETY: s.fp is a frame pointer inside the stack (here()).
        fp: unsafe { *(s.fp as *const usize) },
        ..s
    });
    let mut a = StackArgs { g, st, all: all != 0, buf, len: len.max(0) as usize, n: 0 };
    if a.all {
        extern "C" fn call(p: usize) {
            stack_on_system_stack(p as *mut u8)
        }
        crate::mgc::with_world_stopped_call(&mut a as *mut StackArgs as usize, call);
    } else {
        crate::stack::systemstack(&mut a as *mut StackArgs as *mut u8, stack_on_system_stack);
    }
    a.n as i64
}
