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
//! caller may still need (rax, rdi, rsi, rdx, rcx, r8, r9, xmm0-7, plus
//! r10/r11 as inputs), switches to the M's system stack and calls
//! [`rgo_newstack`] with a pointer to the saved frame ([`MorestackFrame`]).
//! `rgo_newstack` returns where that frame lives now (a later version will
//! copy the stack and return the moved frame); `__morestack` restores the
//! registers from it, drops the return address into the prologue and jumps
//! to the body with the function's entry SP, as if the check had passed.
//!
//! This slice has no stack growth: goroutine 1 gets a 1 GiB stack (gc's
//! limit is 1e9 bytes, so a Go program that runs under gc fits) reserved
//! with MAP_NORESERVE, so pages cost only when touched. Reaching
//! `__morestack` therefore means the goroutine exceeded the limit, and
//! `rgo_newstack` reports gc's "stack overflow" fatal error.
//!
//! Invariants:
//! - [stack_lo, stack_hi) is the usable stack; one PROT_NONE guard page sits
//!   below stack_lo;
//! - the guard kept in `%fs:0x70` is stack_lo + STACK_GUARD (see below);
//! - Rust runtime code has no split-stack prologue: runtime entry points
//!   called from Go code run on the goroutine stack inside the guard margin
//!   and must keep their stack use small and bounded (no recursion, no big
//!   buffers), or switch to the system stack.

use crate::proc::{G, M};
use core::sync::atomic::Ordering;

/// gc's maxstacksize on 64-bit (runtime/proc.go: 1e9).
pub const MAX_STACK_SIZE: usize = 1_000_000_000;

/// Size of goroutine 1's stack mapping: 1 GiB (> MAX_STACK_SIZE, so every
/// program gc can run fits).
pub const G1_STACK_SIZE: usize = 1 << 30;

/// Distance between the real end of a goroutine stack and the guard stored
/// in `%fs:0x70`. LLVM's prologue for frames under 256 bytes compares SP
/// itself with the guard, so such a frame may extend up to 256 bytes below
/// it; after that, nosplit Go functions (no check) and the runtime's own
/// entry points (print*, the first part of panics, `__morestack`'s 224-byte
/// save area, a signal frame is *not* included: signals use sigaltstack) run
/// below the guard too. 16 KiB covers 256 bytes + the nosplit budget gc
/// allows (800 bytes) + the largest Rust fast path here (float formatting,
/// ~1-2 KiB) with a wide margin, and is still negligible against the stack.
pub const STACK_GUARD: usize = 16 << 10;

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
    /// The function's frame pointer at entry (its caller's rbp).
    pub rbp: u64,
    /// Return address into the prologue: points at its one-byte `ret`;
    /// the body starts at this + 1.
    pub morestack_ret: u64,
    /// The function's own return address; its address is the function's SP
    /// at entry.
    pub caller_ret: u64,
}

const _: () = assert!(core::mem::size_of::<MorestackFrame>() == 0xD0 + 24);

// call_on_stack(arg: rdi, f: rsi, stack_top: rdx): run f(arg) on the stack
// whose top is stack_top, then come back. rbp keeps the old SP (callee-saved,
// so f preserves it).
//
// __morestack: see the module comment. Offsets match MorestackFrame.
core::arch::global_asm!(
    ".text",
    ".globl rgo_call_on_stack",
    ".type rgo_call_on_stack,@function",
    ".p2align 4",
    "rgo_call_on_stack:",
    ".cfi_startproc",
    "push rbp",
    ".cfi_def_cfa_offset 16",
    ".cfi_offset rbp, -16",
    "mov rbp, rsp",
    ".cfi_def_cfa_register rbp",
    "mov rsp, rdx",
    "call rsi",
    "mov rsp, rbp",
    "pop rbp",
    ".cfi_def_cfa rsp, 8",
    "ret",
    ".cfi_endproc",
    ".size rgo_call_on_stack, .-rgo_call_on_stack",
    "",
    ".globl __morestack",
    ".type __morestack,@function",
    ".p2align 4",
    "__morestack:",
    ".cfi_startproc",
    // Entry: [rsp] = return into prologue, [rsp+8] = function's return addr.
    "push rbp",
    ".cfi_def_cfa_offset 16",
    ".cfi_offset rbp, -16",
    "mov rbp, rsp",
    ".cfi_def_cfa_register rbp",
    "sub rsp, 0xD0",
    "mov [rsp + 0x00], rax",
    "mov [rsp + 0x08], rdi",
    "mov [rsp + 0x10], rsi",
    "mov [rsp + 0x18], rdx",
    "mov [rsp + 0x20], rcx",
    "mov [rsp + 0x28], r8",
    "mov [rsp + 0x30], r9",
    "mov [rsp + 0x38], r10",
    "mov [rsp + 0x40], r11",
    "movdqu [rsp + 0x50], xmm0",
    "movdqu [rsp + 0x60], xmm1",
    "movdqu [rsp + 0x70], xmm2",
    "movdqu [rsp + 0x80], xmm3",
    "movdqu [rsp + 0x90], xmm4",
    "movdqu [rsp + 0xA0], xmm5",
    "movdqu [rsp + 0xB0], xmm6",
    "movdqu [rsp + 0xC0], xmm7",
    "mov rdi, rsp",
    // Switch to the system stack (16-byte aligned top) and call newstack.
    "mov rsp, [rip + {sysstack}]",
    "call {newstack}",
    // rax = (possibly moved) MorestackFrame.
    "mov rsp, rax",
    "movdqu xmm0, [rsp + 0x50]",
    "movdqu xmm1, [rsp + 0x60]",
    "movdqu xmm2, [rsp + 0x70]",
    "movdqu xmm3, [rsp + 0x80]",
    "movdqu xmm4, [rsp + 0x90]",
    "movdqu xmm5, [rsp + 0xA0]",
    "movdqu xmm6, [rsp + 0xB0]",
    "movdqu xmm7, [rsp + 0xC0]",
    "mov rax, [rsp + 0x00]",
    "mov rdi, [rsp + 0x08]",
    "mov rsi, [rsp + 0x10]",
    "mov rdx, [rsp + 0x18]",
    "mov rcx, [rsp + 0x20]",
    "mov r8,  [rsp + 0x28]",
    "mov r9,  [rsp + 0x30]",
    "add rsp, 0xD0",
    "pop rbp",
    // [rsp] = return into prologue (at its `ret`); resume at ret + 1 with
    // SP as at the function's entry.
    "pop r11",
    "inc r11",
    "jmp r11",
    ".cfi_endproc",
    ".size __morestack, .-__morestack",
    "",
    // LLVM's split-stack lowering of a dynamic alloca calls this (rdi =
    // size) when the allocation would cross the guard. Go code has no
    // dynamic allocas that could be large, and contiguous stacks cannot
    // hand out memory elsewhere, so it is a stack overflow. Defining it
    // here also keeps libgcc's generic-morestack.o (and with it libgcc's
    // own __morestack) out of the link.
    ".globl __morestack_allocate_stack_space",
    ".type __morestack_allocate_stack_space,@function",
    ".p2align 4",
    "__morestack_allocate_stack_space:",
    "mov rsi, rsp",
    "mov rsp, [rip + {sysstack}]",
    "call {allocaoverflow}",
    "ud2",
    ".size __morestack_allocate_stack_space, .-__morestack_allocate_stack_space",
    sysstack = sym MORESTACK_SP,
    newstack = sym rgo_newstack,
    allocaoverflow = sym rgo_alloca_overflow,
);

/// Top of the system stack `__morestack` switches to. Read by the assembly;
/// per-M once there are several Ms.
#[no_mangle]
static mut MORESTACK_SP: usize = 0;

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
    let flags =
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | if noreserve { libc::MAP_NORESERVE } else { 0 };
    // SAFETY: anonymous mapping with no address hint; the result is checked.
    let p = unsafe {
        libc::mmap(
            core::ptr::null_mut(),
            size + PAGE,
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
    // SAFETY: p..p+PAGE is the first page of the mapping just created.
    unsafe { libc::mprotect(p, PAGE, libc::PROT_NONE) };
    let lo = p as usize + PAGE;
    (lo, lo + size)
}

/// Map goroutine 1's stack, record it in `g` and return its top.
pub fn alloc_goroutine1_stack(g: &G) -> *mut u8 {
    let (lo, hi) = map_stack(G1_STACK_SIZE, true);
    g.stack_lo.store(lo, Ordering::Relaxed);
    g.stack_hi.store(hi, Ordering::Relaxed);
    g.stackguard0.store(lo + STACK_GUARD, Ordering::Relaxed);
    hi as *mut u8
}

/// Size of the stack mapping of every goroutine but goroutine 1: 64 MiB of
/// reserved address space (MAP_NORESERVE: only touched pages cost), so deep
/// recursion works without stack growth. Stacks are pooled with their G
/// records when goroutines exit (sched.rs). Copying stacks will replace
/// this with small stacks that grow.
pub const GOROUTINE_STACK_SIZE: usize = 64 << 20;

/// Map a stack for a new goroutine, record it in `g` and return its top.
pub fn alloc_goroutine_stack(g: &G) -> *mut u8 {
    let (lo, hi) = map_stack(GOROUTINE_STACK_SIZE, true);
    g.stack_lo.store(lo, Ordering::Relaxed);
    g.stack_hi.store(hi, Ordering::Relaxed);
    g.stackguard0.store(lo + STACK_GUARD, Ordering::Relaxed);
    hi as *mut u8
}

/// Map the M's system stack and point `__morestack` at it.
pub fn init_system_stack(m: &M) {
    let (_lo, hi) = map_stack(SYSTEM_STACK_SIZE, false);
    m.g0_stack_hi.store(hi, Ordering::Relaxed);
    // SAFETY: single-threaded start-up; the assembly only reads it later.
    unsafe { *core::ptr::addr_of_mut!(MORESTACK_SP) = hi };
}

/// gc's newstack, called by `__morestack` on the system stack. Returns the
/// address of the (possibly moved) frame to resume from. For now stacks do
/// not grow: this is reached only when goroutine 1 overflows its 1 GiB stack.
#[no_mangle]
pub extern "C" fn rgo_newstack(frame: *mut MorestackFrame) -> *mut MorestackFrame {
    let g = crate::proc::getg();
    if stackguard() == STACK_PREEMPT {
        // A poisoned guard (gc's stackPreempt): not an overflow. There is no
        // scheduler to yield to yet, so restore the real guard and resume.
        set_stackguard(g.stackguard0.load(Ordering::Relaxed));
        return frame;
    }
    // The function's SP at entry: the address of its return address.
    // SAFETY: frame points at the save area __morestack just built.
    let sp = unsafe { core::ptr::addr_of!((*frame).caller_ret) } as u64;
    let lo = g.stack_lo.load(Ordering::Relaxed) as u64;
    let hi = g.stack_hi.load(Ordering::Relaxed) as u64;
    crate::panic::stack_overflow(sp, lo, hi)
}

/// `__morestack_allocate_stack_space` lands here (on the system stack).
#[no_mangle]
pub extern "C" fn rgo_alloca_overflow(_size: usize, sp: u64) -> ! {
    let g = crate::proc::getg();
    let lo = g.stack_lo.load(Ordering::Relaxed) as u64;
    let hi = g.stack_hi.load(Ordering::Relaxed) as u64;
    crate::panic::stack_overflow(sp, lo, hi)
}
