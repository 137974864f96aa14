//! The runtime's assembly, in one place (gc: asm_amd64.s): switching
//! goroutines (`rgo_mcall`, `rgo_gogo`, `rgo_gostart`), running on another
//! stack (`rgo_call_on_stack`, `rgo_gc_enter`), the split-stack entry
//! `__morestack`, the signal-panic entry, setjmp/longjmp and the
//! deferred-call trampolines, and the sections whose bounds the collector
//! and the traceback read. The Rust side of each is named beside it; the
//! `extern "C"` declarations stay with their callers.
//!
//! Every block is in this one module, so one object of the staticlib holds
//! them all: whatever pulls in any of them pulls in the section bounds too.

/// An assembly function: `.globl`, `.type`, 16-byte alignment, the label,
/// the body's lines (literals or the fragments below) and `.size`.
macro_rules! func {
    ($name:literal, $($line:expr),* $(,)?) => {
        concat!(
            ".globl ", $name, "\n",
            ".type ", $name, ",@function\n",
            ".p2align 4\n",
            $name, ":\n",
            $($line, "\n",)*
            ".size ", $name, ", .-", $name
        )
    };
}

/// Pushes rbp and makes it the frame pointer, with the call-frame
/// information that lets unwinders and debuggers walk through.
macro_rules! frame_enter {
    () => {
        concat!(
            ".cfi_startproc\n",
            "push rbp\n",
            ".cfi_def_cfa_offset 16\n",
            ".cfi_offset rbp, -16\n",
            "mov rbp, rsp\n",
            ".cfi_def_cfa_register rbp"
        )
    };
}

/// Undoes `frame_enter!` (SP back at the saved rbp) and returns.
macro_rules! frame_leave {
    () => {
        concat!("pop rbp\n", ".cfi_def_cfa rsp, 8\n", "ret\n", ".cfi_endproc")
    };
}

/// The System V callee-saved registers, pushed in the order `rgo_gogo`
/// and `rgo_gc_enter` pop them.
macro_rules! push_callee_saved {
    () => {
        concat!("push rbp\n", "push rbx\n", "push r12\n", "push r13\n", "push r14\n", "push r15")
    };
}

macro_rules! pop_callee_saved {
    () => {
        concat!("pop r15\n", "pop r14\n", "pop r13\n", "pop r12\n", "pop rbx\n", "pop rbp")
    };
}

core::arch::global_asm!(
    // -----------------------------------------------------------------------
    // Goroutine switches (sched.rs).

    // rgo_mcall(save: *mut usize, f, arg, g0top): save the callee-saved
    // registers and SP of the running goroutine (SP into *save), switch to the
    // system stack top `g0top` and call f(arg); f does not return.
    //
    // rgo_gogo(sp): resume the goroutine whose registers are saved at `sp`.
    //
    // rgo_gostart: where a new goroutine's first switch returns to. The frame
    // built by `newproc` makes rbp 0 (the end of the frame-pointer chain).
    ".text",
    func!(
        "rgo_mcall",
        push_callee_saved!(),
        "mov [rdi], rsp",
        "mov rsp, rcx",
        "xor ebp, ebp",
        "mov rdi, rdx",
        "call rsi",
        "ud2",
    ),
    "",
    func!(
        "rgo_gogo",
        "mov rsp, rdi",
        pop_callee_saved!(),
        "ret",
    ),
    "",
    func!(
        "rgo_gostart",
        "xor ebp, ebp",
        "and rsp, -16",
        "call {goentry}",
        "ud2",
    ),

    // -----------------------------------------------------------------------
    // Other stacks and stack growth (stack.rs).

    // call_on_stack(arg: rdi, f: rsi, stack_top: rdx): run f(arg) on the stack
    // whose top is stack_top, then come back. rbp keeps the old SP (callee-saved,
    // so f preserves it).
    //
    // __morestack: see the module comment. Offsets match MorestackFrame.
    ".text",
    func!(
        "rgo_call_on_stack",
        frame_enter!(),
        "mov rsp, rdx",
        "call rsi",
        "mov rsp, rbp",
        frame_leave!(),
    ),
    "",
    func!(
        "__morestack",
        // Entry: [rsp] = return into prologue, [rsp+8] = function's return addr.
        frame_enter!(),
        "sub rsp, 0x100",
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
        "mov [rsp + 0xD0], rbx",
        "mov [rsp + 0xD8], r12",
        "mov [rsp + 0xE0], r13",
        "mov [rsp + 0xE8], r14",
        "mov [rsp + 0xF0], r15",
        "mov rdi, rsp",
        // Switch to the M's system stack (16-byte aligned top, kept in the
        // TCB word %fs:0x60, proc::TLS_SYSSTACK) and call newstack.
        "mov rsp, qword ptr fs:[0x60]",
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
        "mov rbx, [rsp + 0xD0]",
        "mov r12, [rsp + 0xD8]",
        "mov r13, [rsp + 0xE0]",
        "mov r14, [rsp + 0xE8]",
        "mov r15, [rsp + 0xF0]",
        "add rsp, 0x100",
        "pop rbp",
        // [rsp] = return into prologue (at its `ret`); resume at ret + 1 with
        // SP as at the function's entry.
        "pop r11",
        "inc r11",
        "jmp r11",
        ".cfi_endproc",
    ),
    "",
    // LLVM's split-stack lowering of a dynamic alloca calls this (rdi =
    // size) when the allocation would cross the guard. Go code has no
    // dynamic allocas that could be large, and contiguous stacks cannot
    // hand out memory elsewhere, so it is a stack overflow. Defining it
    // here also keeps libgcc's generic-morestack.o (and with it libgcc's
    // own __morestack) out of the link.
    func!(
        "__morestack_allocate_stack_space",
        "mov rsi, rsp",
        "mov rsp, qword ptr fs:[0x60]",
        "call {allocaoverflow}",
        "ud2",
    ),

    // -----------------------------------------------------------------------
    // The collector (mgc.rs).

    // rgo_gc_enter(arg, f, stack_top): push the callee-saved registers (so the
    // running goroutine's register-held pointers are on its stack), then call
    // f(arg, sp) on the stack whose top is `stack_top`, sp being the goroutine's
    // SP after the pushes; restore and return.
    ".text",
    func!(
        "rgo_gc_enter",
        push_callee_saved!(),
        "mov rbp, rsp",
        "mov rax, rsi",
        "mov rsi, rsp",
        "mov rsp, rdx",
        "call rax",
        "mov rsp, rbp",
        pop_callee_saved!(),
        "ret",
    ),
    "",
    // A zero entry keeps the section (and its __start/__stop symbols)
    // defined in programs with no pointerful globals.
    ".section rgo_roots,\"awR\",@progbits",
    ".p2align 3",
    "rgo_roots_placeholder:",
    ".quad 0, 0",
    "",
    ".section .data.rel.ro.rgo_roots_bounds,\"aw\",@progbits",
    ".p2align 3",
    ".globl rgo_roots_bounds",
    "rgo_roots_bounds:",
    ".quad __start_rgo_roots",
    ".quad __stop_rgo_roots",
    "",
    // The compiler's table of every type descriptor a package emitted
    // (reflect's typelinks: PointerTo, SliceOf, MapOf find the program's own
    // descriptor of a composite type through it, keeping identity).
    ".section rgo_typelinks,\"awR\",@progbits",
    ".p2align 3",
    "rgo_typelinks_placeholder:",
    ".quad 0",
    "",
    ".section .data.rel.ro.rgo_typelinks_bounds,\"aw\",@progbits",
    ".p2align 3",
    ".globl rgo_typelinks_bounds",
    "rgo_typelinks_bounds:",
    ".quad __start_rgo_typelinks",
    ".quad __stop_rgo_typelinks",
    ".text",

    // -----------------------------------------------------------------------
    // Signal panics (signal.rs, panic.rs).

    // rgo_sigpanic0: "called" by the interrupted code (the handler pushed the
    // faulting PC as return address, so the frame chain and a debugger see the
    // faulting function as caller). The SP at the fault has arbitrary
    // alignment: keep a frame pointer, align, call sigpanic (never returns).
    ".text",
    func!(
        "rgo_sigpanic0",
        "push rbp",
        "mov rbp, rsp",
        "and rsp, -16",
        "call {sigpanic}",
        "ud2",
    ),

    // -----------------------------------------------------------------------
    // Defer and recover (defer.rs).

    // setjmp / longjmp, the deferred-call trampolines, the gorecover shim and
    // the `rgo_wrappers` section (one `ud2` so the section, and with it
    // __start_/__stop_rgo_wrappers, exists in every program).
    ".text",
    func!(
        "runtime.setjmp",
        "mov [rdi], rbx",
        "mov [rdi + 8], rbp",
        "mov [rdi + 16], r12",
        "mov [rdi + 24], r13",
        "mov [rdi + 32], r14",
        "mov [rdi + 40], r15",
        "lea rdx, [rsp + 8]",
        "mov [rdi + 48], rdx",
        "mov rdx, [rsp]",
        "mov [rdi + 56], rdx",
        "xor eax, eax",
        "ret",
    ),
    "",
    func!(
        "rgo_longjmp",
        "mov rbx, [rdi]",
        "mov rbp, [rdi + 8]",
        "mov r12, [rdi + 16]",
        "mov r13, [rdi + 24]",
        "mov r14, [rdi + 32]",
        "mov r15, [rdi + 40]",
        "mov rsp, [rdi + 48]",
        "mov eax, 1",
        "jmp qword ptr [rdi + 56]",
    ),
    "",
    // rgo_defer_call(closure: rdi, argp: rsi). After `push rbp` the SP is
    // 16-byte aligned; the call's return address goes to [rsp - 8].
    ".globl rgo_defer_call_ret",
    func!(
        "rgo_defer_call",
        frame_enter!(),
        "lea rax, [rsp - 8]",
        "mov [rsi], rax",
        "call qword ptr [rdi]",
        "rgo_defer_call_ret:",
        frame_leave!(),
    ),
    "",
    ".globl rgo_defer_call_plain_ret",
    // rgo_defer_call_plain(closure: rdi, frame: rsi): keeps `frame` at
    // [rbp - 8] for gorecover (the SP stays 16-byte aligned at the call).
    func!(
        "rgo_defer_call_plain",
        frame_enter!(),
        "push rsi",
        "sub rsp, 8",
        "call qword ptr [rdi]",
        "rgo_defer_call_plain_ret:",
        "add rsp, 16",
        frame_leave!(),
    ),
    "",
    // runtime.gorecover(fp: rdi) -> eface: add the return address, the
    // address of that return address and rbp as arguments 2-4.
    func!(
        "runtime.gorecover",
        "mov rsi, [rsp]",
        "mov rdx, rsp",
        "mov rcx, rbp",
        "jmp {gorecover}",
    ),
    "",
    ".section rgo_wrappers,\"axR\",@progbits",
    ".p2align 4",
    "rgo_wrappers_placeholder:",
    "ud2",
    "",
    ".section .data.rel.ro.rgo_wrappers_bounds,\"aw\",@progbits",
    ".p2align 3",
    ".globl rgo_wrappers_bounds",
    "rgo_wrappers_bounds:",
    ".quad __start_rgo_wrappers",
    ".quad __stop_rgo_wrappers",
    ".text",

    // -----------------------------------------------------------------------
    // Write barriers (mbarrier.rs).

    // `rgo_wb_scratch`: per-thread scratch where generated code spills a
    // multi-word value (at most 64 bytes, codegen's BIG) on a barrier slow path
    // before calling wbCopy. Thread-local rather than a stack slot so that no
    // frame holds a slot written only while barriers are on (stale words there
    // would be conservative roots); not a root itself: wbCopy has copied the
    // value to its destination before the thread can reach a safe point.
    ".pushsection .tbss,\"awT\",@nobits",
    ".p2align 4",
    ".globl rgo_wb_scratch",
    ".type rgo_wb_scratch,@object",
    ".size rgo_wb_scratch,64",
    "rgo_wb_scratch:",
    ".zero 64",
    ".popsection",

    // -----------------------------------------------------------------------
    // Tracebacks (traceback.rs).

    // rgo_frame_pointer: returns the caller's rbp. A call cannot precede the
    // caller's frame setup, whereas an inline `mov {}, rbp` may be scheduled
    // before a shrink-wrapped prologue.
    ".text",
    func!(
        "rgo_frame_pointer",
        "mov rax, rbp",
        "ret",
    ),

    // The Rust functions the assembly calls.
    goentry = sym crate::sched::goentry,
    newstack = sym crate::stack::rgo_newstack,
    allocaoverflow = sym crate::stack::rgo_alloca_overflow,
    sigpanic = sym crate::panic::sigpanic,
    gorecover = sym crate::defer::gorecover_impl,
);
