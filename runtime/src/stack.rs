//! Goroutine stacks and the split-stack check (`__morestack`).
//!
//! Mechanism: every Go function carries LLVM's "split-stack" prologue, which
//! compares SP (or SP - frame for frames >= 256 bytes) with the guard in
//! `%fs:0x70` (glibc reserves that TCB word, `__private_ss`, for split
//! stacks) and calls `__morestack` when the frame would not fit. The prologue
//! is `mov $frame,%r10; mov $args,%r11; call __morestack; ret; body:` — the
//! body is at return address + 1.
//!
//! `__morestack` (assembly below) saves every register the prologue's
//! caller may still need (rax, rdi, rsi, rdx, rcx, r8, r9, xmm0-7) and the
//! callee-saved ones (rbx, r12-r15, rbp: callers up the stack may keep
//! pointers into it there), plus r10/r11 as inputs, switches to the M's
//! system stack and calls [`rgo_newstack`] with a pointer to the saved
//! frame ([`MorestackFrame`]). `rgo_newstack` returns where that frame
//! lives now (on the new stack after a copy); `__morestack` restores the
//! registers from it, drops the return address into the prologue and jumps
//! to the body with the function's entry SP, as if the check had passed.
//!
//! Stacks grow by copying (gc's design, runtime/stack.go): a goroutine
//! starts with a STACK_MIN stack; when a frame does not fit,
//! [`rgo_newstack`] allocates a stack twice as large (more if the frame
//! needs it), copies the used part to its top, moves every word of it that
//! points into the old stack (conservatively: any value in [old_lo,
//! old_hi) - frame pointers, saved registers, jump buffers, spilled
//! addresses), fixes the runtime structures outside the stack that point
//! into it ([`copystack`]) and resumes the function on the new stack.
//! Stacks come from per-size pools ([`stackalloc`]); [`shrinkstack`] halves
//! the stack of a stopped goroutine that uses a quarter of it or less.
//! Growing past MAX_STACK_SIZE is gc's fatal "stack overflow".
//!
//! Invariants:
//! - [stack_lo, stack_hi) is the usable stack, STACK_MIN << k bytes;
//!   stacks of SMALL_STACK_LIMIT bytes and more (and goroutine 1's
//!   first stack) have a PROT_NONE guard page below stack_lo, smaller ones
//!   are carved from shared chunks and have none;
//! - the guard kept in `%fs:0x70` is stack_lo + STACK_GUARD (see below);
//! - Rust runtime code has no split-stack prologue: runtime entry points
//!   called from Go code run on the goroutine stack inside the guard margin
//!   and must keep their stack use small and bounded (no recursion, no big
//!   buffers), or switch to the system stack.

use crate::runtime2::{G, M};
use core::sync::atomic::Ordering;

/// gc's maxstacksize on 64-bit (runtime/proc.go: 1e9).
pub const MAX_STACK_SIZE: usize = 1_000_000_000;

/// The limit in force: MAX_STACK_SIZE unless runtime/debug.SetMaxStack
/// changed it.
static MAX_STACK: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(MAX_STACK_SIZE);

pub fn max_stack() -> usize {
    MAX_STACK.load(Ordering::Relaxed)
}

/// runtime/debug.SetMaxStack: sets the limit and returns the previous one.
#[export_name = "runtime.setMaxStack"]
pub extern "C" fn set_max_stack(n: i64) -> i64 {
    MAX_STACK.swap(n.max(0) as usize, Ordering::Relaxed) as i64
}

/// Size of a new goroutine's stack; stacks grow by
/// doubling, so their sizes are STACK_MIN << k. gc starts at 2 KiB with a
/// 928-byte guard, leaving 1120 bytes for Go frames before the first
/// growth; our guard is larger (see STACK_GUARD), and 3 KiB leaves 1 KiB.
/// Below 4 KiB, the used tops of several parked goroutines' stacks share
/// pages (four 3 KiB stacks touch three pages), which is what keeps a
/// parked goroutine under 4 KiB of memory.
pub const STACK_MIN: usize = 3 << 10;

/// Distance between the real end of a goroutine stack and the guard stored
/// in `%fs:0x70` (gc's StackGuard). LLVM's prologue for frames under 256
/// bytes compares SP itself with the guard, so such a frame may extend up
/// to SPLIT_SLACK bytes below it; after that, nosplit Go functions (no
/// check; the stdlib has none) and the runtime's own entry points run
/// below the guard: Rust code until it calls back into Go code (deferred
/// calls, Error methods), which checks again, and the libc functions it
/// calls (calloc, write). Signals use sigaltstack and are not included.
///
/// Budget (measured on the disassembly of linked programs with a call-graph
/// walk over direct calls, pushes and `sub rsp` of each function; see
/// ARCHITECTURE.md "Goroutine stacks"): the deepest Rust path from an entry
/// point is about 1.1 KiB (`runtime.efaceeq` building its "comparing
/// uncomparable type" error), a fatal panic report about 0.7 KiB, map
/// operations 0.35 KiB, channel operations and the switch in `gopark` 0.25
/// KiB. 2 KiB = 256 (SPLIT_SLACK) + 1.1 KiB + ~0.6 KiB for glibc's malloc
/// and write. The walk does not follow indirect calls or libc, so this is a
/// measured bound, not a proof.
pub const STACK_GUARD: usize = 2 << 10;

/// How far below the guard a small frame that passed the check may reach.
pub const SPLIT_SLACK: usize = 256;

/// Size of the M's system stack (where `__morestack` runs Rust code). It
/// cannot grow; fatal-error printing and (later) stack copying run here.
pub const SYSTEM_STACK_SIZE: usize = 256 << 10;

pub const PAGE: usize = 4096;

/// The saved state `__morestack` builds on the goroutine stack. Layout is
/// fixed by the assembly below.
#[repr(C)]
pub struct MorestackFrame {
    pub rax: u64,
    pub rdi: u64,
    pub rsi: u64,
    pub rdx: u64,
    pub rcx: u64,
    pub r8: u64,
    pub r9: u64,
    /// Frame size the function needs (r10 at the call).
    pub frame_size: u64,
    /// Size of its stack arguments (r11 at the call).
    pub arg_size: u64,
    pub _pad: u64,
    pub xmm: [[u64; 2]; 8],
    /// Callee-saved registers: callers up the stack may keep pointers into
    /// the stack in them, so they are saved here to be adjusted with the
    /// rest of the frame when the stack moves.
    pub rbx: u64,
    pub r12: u64,
    pub r13: u64,
    pub r14: u64,
    pub r15: u64,
    pub _pad2: u64,
    /// The function's frame pointer at entry (its caller's rbp).
    pub rbp: u64,
    /// Return address into the prologue: points at its one-byte `ret`;
    /// the body starts at this + 1.
    pub morestack_ret: u64,
    /// The function's own return address; its address is the function's SP
    /// at entry.
    pub caller_ret: u64,
}

const _: () = assert!(core::mem::size_of::<MorestackFrame>() == 0x100 + 24);

// The assembly of __morestack, __morestack_allocate_stack_space,
// rgo_call_on_stack is in asm.rs.

extern "C" {
    fn rgo_call_on_stack(arg: *mut u8, f: extern "C" fn(*mut u8), stack_top: *mut u8);
}

/// Run `f(arg)` on the stack whose (16-byte aligned) top is `top`.
///
/// # Safety
/// `top` must be the top of a mapped, writable stack large enough for `f`.
pub unsafe fn call_on_stack(arg: *mut u8, f: extern "C" fn(*mut u8), top: *mut u8) {
    // SAFETY: forwarded to the caller.
    unsafe { rgo_call_on_stack(arg, f, top) }
}

/// gc's stackPreempt: a guard no SP can be above, so the next split-stack
/// check of the goroutine enters `__morestack` (preemption requests).
pub const STACK_PREEMPT: usize = 0xffff_ffff_ffff_fade;

/// Poison the running goroutine's guard so its next function call enters
/// `__morestack`, which restores it and resumes (the preemption path, used
/// for now by the end-to-end test of `__morestack`'s resume path).
#[no_mangle]
pub extern "C" fn rgo_stackguard_poison() {
    set_stackguard(STACK_PREEMPT)
}

/// Publish the split-stack guard for the running goroutine.
#[inline(always)]
pub fn set_stackguard(v: usize) {
    // SAFETY: %fs:0x70 is glibc's tcbhead_t.__private_ss, reserved for the
    // split-stack limit of the current thread; writing it affects only the
    // prologue checks of split-stack code on this thread.
    unsafe { core::arch::asm!("mov fs:0x70, {}", in(reg) v, options(nostack, preserves_flags)) }
}

/// Read the current split-stack guard.
#[inline(always)]
pub fn stackguard() -> usize {
    let v: usize;
    // SAFETY: see set_stackguard; reading the TCB word has no side effect.
    unsafe {
        core::arch::asm!("mov {}, fs:0x70", out(reg) v, options(nostack, preserves_flags, readonly))
    }
    v
}

/// mmap `size` bytes plus a PROT_NONE guard page below them; returns the
/// usable [lo, hi). Fatal if the kernel refuses.
fn map_stack(size: usize, noreserve: bool) -> (usize, usize) {
    let p = map_raw(size + PAGE, noreserve);
    // SAFETY: p..p+PAGE is the first page of the mapping just created.
    unsafe { libc::mprotect(p as *mut libc::c_void, PAGE, libc::PROT_NONE) };
    let lo = p + PAGE;
    (lo, lo + size)
}

/// mmap `size` bytes of anonymous memory (fatal if the kernel refuses).
fn map_raw(size: usize, noreserve: bool) -> usize {
    let flags =
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | if noreserve { libc::MAP_NORESERVE } else { 0 };
    // SAFETY: anonymous mapping with no address hint; the result is checked.
    let p = unsafe {
        libc::mmap(
            core::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            flags,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        crate::print::write_err(b"runtime: cannot allocate goroutine stack\n");
        crate::panic::throw_str(b"out of memory");
    }
    p as usize
}

// --- stack pools (gc's stackalloc / stackfree) ------------------------------

/// Stack sizes are STACK_MIN << order.
const MAX_ORDER: usize = 24;

/// Sizes below this are carved from shared chunks without guard pages
/// (gc's stackpool: _StackCacheSize = 32 KiB); larger stacks get their own
/// mapping with a guard page below (gc's stackLarge).
pub const SMALL_STACK_LIMIT: usize = 32 << 10;

/// Size of the chunks small stacks are carved from.
const STACK_CHUNK: usize = 256 << 10;

/// Free stacks at least this large have their pages released to the
/// kernel when pooled (stackfree).
const RELEASE_STACK_SIZE: usize = 1 << 20;

/// Free large stacks kept for reuse, in bytes; beyond that they are unmapped.
const LARGE_POOL_CAP: usize = 64 << 20;

struct Pools {
    /// free[order]: low ends of free stacks of size STACK_MIN << order.
    free: [Vec<usize>; MAX_ORDER + 1],
    /// Bytes held in free large stacks.
    large_bytes: usize,
    /// Counters for tests and the benchmark notes.
    mapped_chunks: usize,
}

struct PoolCell(core::cell::UnsafeCell<Pools>);
// SAFETY: every access holds POOL_LOCK (with_pools), in short
// non-reentrant sections.
unsafe impl Sync for PoolCell {}

static POOL_LOCK: crate::lock::Mutex = crate::lock::Mutex::new();

static POOLS: PoolCell = PoolCell(core::cell::UnsafeCell::new(Pools {
    free: [const { Vec::new() }; MAX_ORDER + 1],
    large_bytes: 0,
    mapped_chunks: 0,
}));

fn with_pools<R>(f: impl FnOnce(&mut Pools) -> R) -> R {
    POOL_LOCK.lock();
    // SAFETY: see PoolCell; `f` does not call back into the pools.
    let r = f(unsafe { &mut *POOLS.0.get() });
    POOL_LOCK.unlock();
    r
}

fn order_of(size: usize) -> usize {
    debug_assert!(size.is_multiple_of(STACK_MIN) && (size / STACK_MIN).is_power_of_two());
    (size / STACK_MIN).trailing_zeros() as usize
}

/// Allocate a stack of `size` bytes (STACK_MIN << order); returns its low
/// end.
pub fn stackalloc(size: usize) -> usize {
    let order = order_of(size);
    if let Some(lo) = with_pools(|p| {
        let lo = p.free[order].pop();
        if lo.is_some() && size >= SMALL_STACK_LIMIT {
            p.large_bytes -= size;
        }
        lo
    }) {
        return lo;
    }
    if size >= SMALL_STACK_LIMIT {
        return map_stack(size, true).0;
    }
    // Carve a fresh chunk into stacks of this size.
    let base = map_raw(STACK_CHUNK, true);
    with_pools(|p| {
        p.mapped_chunks += 1;
        let n = STACK_CHUNK / size;
        // Hand out the lowest, pool the rest highest first so the pool
        // pops them in address order.
        for i in (1..n).rev() {
            p.free[order].push(base + i * size);
        }
    });
    base
}

/// Return a stack to its pool (large ones beyond the pool cap go back to
/// the kernel). The caller must not be running on it.
pub fn stackfree(lo: usize, size: usize) {
    let order = order_of(size);
    if size >= RELEASE_STACK_SIZE {
        // A stack this large was copied away from (it grew) or its
        // goroutine exited: give its pages back before pooling it (while
        // it is still ours alone), so the pool holds address space, not
        // resident memory. Reuse faults in fresh zero pages.
        // SAFETY: [lo, lo + size) is this stack's mapping; nothing runs on
        // it or refers to it any more.
        unsafe { libc::madvise(lo as *mut libc::c_void, size, libc::MADV_DONTNEED) };
    }
    let keep = with_pools(|p| {
        if size < SMALL_STACK_LIMIT {
            p.free[order].push(lo);
            return true;
        }
        if p.large_bytes + size <= LARGE_POOL_CAP {
            p.large_bytes += size;
            p.free[order].push(lo);
            return true;
        }
        false
    });
    if !keep {
        // SAFETY: a large stack is its own mapping with a guard page below;
        // nothing runs on it or refers to it any more.
        unsafe { libc::munmap((lo - PAGE) as *mut libc::c_void, size + PAGE) };
    }
}

/// Number of free stacks pooled for `size` (tests).
pub fn pooled(size: usize) -> usize {
    with_pools(|p| p.free[order_of(size)].len())
}

fn set_bounds(g: &G, lo: usize, hi: usize) {
    g.stack_lo.store(lo, Ordering::Relaxed);
    g.stack_hi.store(hi, Ordering::Relaxed);
    g.stackguard0.store(lo + STACK_GUARD, Ordering::Relaxed);
}

/// Size of goroutine 1's first stack: there is one goroutine 1, so its
/// size does not matter for memory; starting at 12 KiB saves the first
/// copies of every program and leaves room for nosplit code called by
/// main.main (the runtime's C test harness plays main.main in C).
pub const G1_STACK_MIN: usize = STACK_MIN << 2;

/// Map goroutine 1's first stack (G1_STACK_MIN bytes with a guard page
/// below, so a runaway nosplit recursion faults there), record it in `g`
/// and return its top.
pub fn alloc_goroutine1_stack(g: &G) -> *mut u8 {
    let (lo, hi) = map_stack(G1_STACK_MIN, false);
    set_bounds(g, lo, hi);
    hi as *mut u8
}

/// Give a new goroutine a STACK_MIN stack from the pool and return its top.
pub fn alloc_goroutine_stack(g: &G) -> *mut u8 {
    let lo = stackalloc(STACK_MIN);
    set_bounds(g, lo, lo + STACK_MIN);
    (lo + STACK_MIN) as *mut u8
}

/// Release a dead goroutine's stack (the caller is not running on it).
pub fn free_goroutine_stack(g: &G) {
    let lo = g.stack_lo.swap(0, Ordering::Relaxed);
    let hi = g.stack_hi.swap(0, Ordering::Relaxed);
    g.stackguard0.store(0, Ordering::Relaxed);
    if lo != 0 {
        stackfree(lo, hi - lo);
    }
}

/// Map the M's system stack and point `__morestack` at it; called on the
/// M's own thread (the TCB words are per thread), which it makes an M.
pub fn init_system_stack(m: &'static M) {
    let (lo, hi) = map_stack(SYSTEM_STACK_SIZE, false);
    m.g0_stack_hi.store(hi, Ordering::Relaxed);
    m.g0_stack_lo.store(lo, Ordering::Relaxed);
    m.g0.stack_lo.store(lo, Ordering::Relaxed);
    m.g0.stack_hi.store(hi, Ordering::Relaxed);
    m.tcb.store(crate::proc::tcb_address(), Ordering::Relaxed);
    crate::proc::tls_store(crate::proc::TLS_SYSSTACK, hi);
    crate::proc::tls_store(crate::proc::TLS_M, m as *const M as usize);
    crate::proc::tls_store(crate::proc::TLS_PREEMPT, 0);
}

/// Top of this M's system stack (for runtime work that must not run on a
/// goroutine stack, such as shrinking another goroutine's stack).
pub fn system_stack_top() -> *mut u8 {
    crate::proc::tls_load(crate::proc::TLS_SYSSTACK) as *mut u8
}

/// gc's systemstack: run `f(arg)` on the M's system stack, directly when
/// already there (scheduler code runs on g0) or when this thread is not an
/// M at all.
pub fn systemstack(arg: *mut u8, f: extern "C" fn(*mut u8)) {
    let g = crate::proc::tls_load(crate::proc::TLS_G);
    let m = crate::proc::getm();
    if g == 0 || g == &m.g0 as *const G as usize || system_stack_top().is_null() {
        f(arg)
    } else {
        // SAFETY: a goroutine runs on this M, so its system stack is free
        // (mcall and __morestack start from its top and nothing stays
        // suspended there while a goroutine runs).
        unsafe { call_on_stack(arg, f, system_stack_top()) }
    }
}

// --- copying (gc's copystack / adjustpointers) ------------------------------

/// gc's adjustpointers, conservatively, fused with the copy: every word of
/// `src` is written to `dst`, moved by `delta` when it holds a value in
/// [old_lo, old_hi) (taken for a pointer into the old stack). One pass
/// over the used part of the stack. Returns how many words changed.
pub fn copy_adjusted(src: &[usize], dst: &mut [usize], old_lo: usize, old_hi: usize, delta: isize) -> usize {
    let mut n = 0;
    for (d, &w) in dst.iter_mut().zip(src) {
        let moved = w.wrapping_sub(old_lo) < old_hi - old_lo;
        *d = if moved { w.wrapping_add(delta as usize) } else { w };
        n += moved as usize;
    }
    n
}

#[inline]
fn adjust_one(p: usize, old_lo: usize, old_hi: usize, delta: isize) -> usize {
    if p >= old_lo && p < old_hi {
        p.wrapping_add(delta as usize)
    } else {
        p
    }
}

/// gc's copystack: move the used part [sp, hi) of `g`'s stack to the top of
/// a fresh stack of `newsize` bytes, adjust every word of it and every
/// runtime structure outside it that points into the old stack, install
/// the new bounds (and the guard in `%fs:0x70` when `g` is running) and
/// release the old stack. Returns the displacement (new - old).
///
/// What points into a goroutine stack from outside it: the defer records'
/// frame pointers (`Defer::frame`), `G::panic` (panic records live in their
/// gopanic frames), `G::param` (the sudog that woke it, on its stack),
/// `G::sched_sp` of a goroutine that is not running, and the element slots
/// of a parked select's sudogs (`G::waiting`, heap-allocated). Sudogs of
/// plain channel operations live on the stack and are unlinked from their
/// channel before the goroutine can be moved (see `shrinkstack`).
///
/// # Safety
/// `sp` is at or below every live word of `g`'s stack (the saved registers
/// included) and nothing else refers to the old stack; the caller does not
/// run on it.
pub unsafe fn copystack(g: &G, sp: usize, newsize: usize) -> isize {
    let old_lo = g.stack_lo.load(Ordering::Relaxed);
    let old_hi = g.stack_hi.load(Ordering::Relaxed);
    let used = old_hi - sp;
    let new_lo = stackalloc(newsize);
    let new_hi = new_lo + newsize;
    let delta = new_hi.wrapping_sub(old_hi) as isize;
    let new_sp = new_hi - used;
    // SAFETY: [sp, old_hi) is the used part of the old stack, [new_sp,
    // new_hi) fits in the new one (newsize >= used, checked by callers);
    // the two stacks are distinct allocations. Both are 8-byte aligned.
    unsafe {
        let src = core::slice::from_raw_parts(sp as *const usize, used / 8);
        let dst = core::slice::from_raw_parts_mut(new_sp as *mut usize, used / 8);
        copy_adjusted(src, dst, old_lo, old_hi, delta);
    }
    let adj = |p: usize| adjust_one(p, old_lo, old_hi, delta);
    // Defer records (heap) point at their functions' frame records.
    let mut d = g.defers.load(Ordering::Relaxed);
    while !d.is_null() {
        // SAFETY: records on the defer list are live.
        unsafe {
            (*d).frame = adj((*d).frame as usize) as *mut crate::defer::Frame;
            d = (*d).link;
        }
    }
    // Panic records live on the stack: their fields were adjusted with it,
    // only the head pointer is outside.
    let p = g.panic.load(Ordering::Relaxed);
    g.panic.store(
        adj(p as usize) as *mut crate::panic::Panic,
        Ordering::Relaxed,
    );
    let param = g.param.load(Ordering::Relaxed);
    g.param
        .store(adj(param as usize) as *mut u8, Ordering::Relaxed);
    let sched_sp = g.sched_sp.load(Ordering::Relaxed);
    g.sched_sp.store(adj(sched_sp), Ordering::Relaxed);
    // gc's adjustsudogs: a parked select's sudogs (heap) point at element
    // slots in the stack.
    let sgs = g.waiting.load(Ordering::Relaxed);
    for i in 0..g.nwaiting.load(Ordering::Relaxed) {
        // SAFETY: `waiting` lists `nwaiting` live sudogs while set.
        unsafe {
            let sg = sgs.add(i);
            (*sg).elem = adj((*sg).elem as usize) as *mut u8;
        }
    }
    set_bounds(g, new_lo, new_hi);
    if core::ptr::eq(g, crate::proc::getg()) {
        set_stackguard(new_lo + STACK_GUARD);
    }
    stackfree(old_lo, old_hi - old_lo);
    delta
}

/// gc's newstack, called by `__morestack` on the system stack when a
/// function's frame does not fit above the guard: allocate a stack twice as
/// large (or large enough for the frame), copy the used part including the
/// saved registers in `frame`, and return where `frame` lives now;
/// `__morestack` resumes the function there. Growth past MAX_STACK_SIZE is
/// gc's fatal "stack overflow".
///
/// # Safety
/// Called only by `__morestack`, with the frame it built on the running
/// goroutine's stack.
#[no_mangle]
pub unsafe extern "C" fn rgo_newstack(frame: *mut MorestackFrame) -> *mut MorestackFrame {
    let g = crate::proc::getg();
    if stackguard() == STACK_PREEMPT {
        // A poisoned guard (gc's stackPreempt): not an overflow. There is no
        // preemption yet, so restore the real guard and resume.
        set_stackguard(g.stackguard0.load(Ordering::Relaxed));
        return frame;
    }
    // SAFETY: frame points at the save area __morestack just built.
    let (entry_sp, frame_size) = unsafe {
        (
            core::ptr::addr_of!((*frame).caller_ret) as usize,
            (*frame).frame_size as usize,
        )
    };
    let lo = g.stack_lo.load(Ordering::Relaxed);
    let hi = g.stack_hi.load(Ordering::Relaxed);
    let oldsize = hi - lo;
    let used = hi - frame as usize;
    let mut newsize = oldsize * 2;
    // The resumed body needs its frame below the entry SP, and the callees
    // it may run without a check (nosplit code, runtime entry points) need
    // the guard margin below that.
    while newsize < used + frame_size + STACK_GUARD + 2 * SPLIT_SLACK {
        newsize *= 2;
    }
    if newsize > max_stack() {
        // SAFETY: frame points at the save area (as above).
        unsafe { crate::traceback::set_fatal_start((*frame).morestack_ret, (*frame).rbp) };
        crate::panic::stack_overflow(entry_sp as u64, lo as u64, hi as u64)
    }
    // SAFETY: the goroutine is suspended in __morestack: every live word
    // of its stack lies in [frame, hi) (frame holds all its registers).
    let delta = unsafe { copystack(g, frame as usize, newsize) };
    (frame as usize).wrapping_add(delta as usize) as *mut MorestackFrame
}

/// gc's shrinkstack: halve the stack of a goroutine that is not running if
/// it uses a quarter of it or less. Called by `goready` (sched.rs) on the
/// goroutine it readies: a point where it is stopped (its registers are
/// saved on its stack under `sched_sp`) and its own sudogs are off every
/// channel queue (or, for a select, on the heap) — the safe point that
/// stands in for gc's shrinking during the GC's stack scan. Runs on the
/// system stack.
pub fn shrinkstack(g: &'static G) {
    if core::ptr::eq(g, crate::proc::getg()) || !worth_shrinking(g) {
        return;
    }
    extern "C" fn on_system_stack(arg: *mut u8) {
        // SAFETY: arg is the &'static G passed below.
        let g = unsafe { &*(arg as *const G) };
        let hi = g.stack_hi.load(Ordering::Relaxed);
        let lo = g.stack_lo.load(Ordering::Relaxed);
        let sp = g.sched_sp.load(Ordering::Relaxed);
        // SAFETY: g is stopped: everything live is in [sched_sp, hi).
        unsafe { copystack(g, sp, (hi - lo) / 2) };
    }
    systemstack(g as *const G as *mut u8, on_system_stack);
}

/// Whether the stopped goroutine `g` uses a quarter of its stack or less
/// (and the stack is above the minimum size).
fn worth_shrinking(g: &G) -> bool {
    let lo = g.stack_lo.load(Ordering::Relaxed);
    let hi = g.stack_hi.load(Ordering::Relaxed);
    let oldsize = hi - lo;
    if oldsize / 2 < STACK_MIN {
        return false;
    }
    let used = hi - g.sched_sp.load(Ordering::Relaxed);
    // gc: shrink if less than a quarter of the usable part is in use.
    used < (oldsize - STACK_GUARD) / 4
}

/// Shrinking during the collector's stop-the-world (gc shrinks stacks
/// while scanning them): `g` is runnable, not running — preempted or
/// readied (readied ones went through `shrinkstack` already), so no sudog
/// of a channel queue is on its stack. The caller runs on a system stack
/// with the world stopped.
pub fn shrink_runnable(g: &'static G) {
    if worth_shrinking(g) {
        let hi = g.stack_hi.load(Ordering::Relaxed);
        let lo = g.stack_lo.load(Ordering::Relaxed);
        let sp = g.sched_sp.load(Ordering::Relaxed);
        // SAFETY: g is stopped: everything live is in [sched_sp, hi).
        unsafe { copystack(g, sp, (hi - lo) / 2) };
    }
}

/// `__morestack_allocate_stack_space` lands here (on the system stack).
#[no_mangle]
pub extern "C" fn rgo_alloca_overflow(_size: usize, sp: u64) -> ! {
    let g = crate::proc::getg();
    let lo = g.stack_lo.load(Ordering::Relaxed) as u64;
    let hi = g.stack_hi.load(Ordering::Relaxed) as u64;
    crate::panic::stack_overflow(sp, lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A synthetic stack: frame-pointer chain, saved registers, return
    /// addresses and plain integers; after a move only the words pointing
    /// into the old stack change, and the chain is intact in the new one.
    #[test]
    fn adjust_synthetic_stack() {
        const N: usize = 64;
        let mut old = vec![0usize; N];
        let old_lo = old.as_ptr() as usize;
        let old_hi = old_lo + N * 8;
        let addr = |i: usize| old_lo + i * 8;
        // Frames at words 8, 24, 40 (rbp chain upwards), terminated by 0.
        old[8] = addr(24);
        old[9] = 0x40_1000; // return address (code)
        old[24] = addr(40);
        old[25] = 0x40_2000;
        old[40] = 0;
        old[41] = 0x40_3000;
        old[12] = addr(30); // pointer to a local of an outer frame
        old[13] = 12345; // an integer
        old[14] = old_hi; // one past the end: not a pointer into the stack
        old[15] = old_lo - 8; // just below: not either
        old[16] = old_lo; // lowest word: adjusted
        old[17] = addr(N - 1); // highest word: adjusted
        let mut new = vec![0usize; N * 2];
        let new_hi = new.as_ptr() as usize + N * 2 * 8;
        let delta = new_hi.wrapping_sub(old_hi) as isize;
        // Copy the used part [word 8, hi).
        let n = copy_adjusted(&old[8..], &mut new[N + 8..], old_lo, old_hi, delta);
        assert_eq!(n, 5);
        let nw = |i: usize| new[N + i];
        let naddr = |i: usize| (new_hi - N * 8) + i * 8;
        assert_eq!(nw(8), naddr(24));
        assert_eq!(nw(24), naddr(40));
        assert_eq!(nw(40), 0);
        assert_eq!(nw(9), 0x40_1000);
        assert_eq!(nw(12), naddr(30));
        assert_eq!(nw(13), 12345);
        assert_eq!(nw(14), old_hi);
        assert_eq!(nw(15), old_lo - 8);
        assert_eq!(nw(16), naddr(0));
        assert_eq!(nw(17), naddr(N - 1));
        // Walk the moved chain.
        let mut fp = nw(8);
        let mut rets = vec![];
        while fp != 0 {
            let i = (fp - (new_hi - N * 8)) / 8;
            rets.push(nw(i + 1));
            fp = nw(i);
        }
        assert_eq!(rets, vec![0x40_2000, 0x40_3000]);
    }

    #[test]
    fn pools_reuse_by_size() {
        let a = stackalloc(STACK_MIN);
        let b = stackalloc(STACK_MIN);
        assert_ne!(a, b);
        let before = pooled(STACK_MIN);
        stackfree(a, STACK_MIN);
        assert_eq!(pooled(STACK_MIN), before + 1);
        assert_eq!(stackalloc(STACK_MIN), a);
        let size = STACK_MIN << 9;
        let big = stackalloc(size);
        // SAFETY: a fresh, mapped stack of `size` bytes.
        unsafe { *((big + size - 8) as *mut usize) = 7 };
        stackfree(big, size);
        assert_eq!(stackalloc(size), big);
        stackfree(big, size);
        stackfree(b, STACK_MIN);
    }
}
