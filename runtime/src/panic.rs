//! Panics, runtime errors and fatal errors (gc's panic.go and error.go).
//!
//! Mechanism: `gopanic` receives the panic value as an eface (panic(nil)
//! becomes a *runtime.PanicNilError, as since go1.21), links a [`Panic`]
//! record on the goroutine and runs its deferred calls (defer.rs); a
//! deferred call that recovers resumes the function that deferred it and
//! gopanic never returns. When no deferred call is left it does what gc's
//! preprintpanics + fatalpanic do: converts error/Stringer values of every
//! active panic to their text, marks re-panics of the same value, prints
//! the chain oldest first (`panic: x [recovered]` / `[recovered,
//! repanicked]`, nested panics on `\tpanic: ` lines), the `[signal ...]`
//! line of a signal panic, the report tail (goroutine header, traceback)
//! and exits with status 2. Runtime errors (bounds, divide, shift, nil
//! dereference, ...) are ordinary panics with gc's runtime.Error values
//! (error.rs), so they are recoverable and print their Error() text.
//! `throw` prints `fatal error: ...` and always reports at traceback level
//! 2, as gc does.
//!
//! Invariants:
//! - the report itself does not allocate: messages are built in stack
//!   buffers (print.rs); only the Error/String methods run before it may;
//! - a fatal report is printed under the print lock, once: a second fatal
//!   error while one is being reported prints `panic during panic` and exits
//!   (gc's startpanic_m `dying` levels);
//! - a panic raised by an Error/String method while the report is being
//!   prepared and not recovered is `fatal error: panic while printing
//!   panic value: ...`;
//! - every unrecovered path ends the process with status 2 (or SIGABRT
//!   under GOTRACEBACK=crash), never returns.
//!
//! The goroutine section is traceback.rs: the running goroutine's frames,
//! then (GOTRACEBACK=all and fatal errors) every other goroutine.

use crate::print::{gwrite, Buf};
use crate::proc::{getg, getm, gotraceback};
use crate::types::{kind, Eface, Type};
use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Signal details for the `[signal ...]` line of a fault report.
#[derive(Clone, Copy)]
pub struct SigInfo {
    pub sig: i32,
    pub code: i32,
    pub addr: u64,
    pub pc: u64,
}

/// gc's m.dying: 0 normal, 1 printing a report, 2 failed while printing.
static DYING: AtomicU32 = AtomicU32::new(0);

/// startpanic_m: returns false if the report must not be printed again.
fn startpanic() -> bool {
    crate::print::lock();
    match DYING.fetch_add(1, Ordering::Relaxed) {
        0 => true,
        1 => {
            gwrite(b"panic during panic\n");
            false
        }
        2 => {
            gwrite(b"stack trace unavailable\n");
            crate::proc::exit(4)
        }
        _ => crate::proc::exit(5),
    }
}

fn signame(sig: i32) -> &'static [u8] {
    match sig {
        libc::SIGSEGV => b"SIGSEGV: segmentation violation",
        libc::SIGBUS => b"SIGBUS: bus error",
        libc::SIGFPE => b"SIGFPE: floating-point exception",
        _ => b"",
    }
}

fn print_goroutine_header(level: u32, throwing: bool) {
    let mut b = Buf::<128>::new();
    b.push(b"goroutine ");
    b.push_uint(getg().goid.load(Ordering::Relaxed));
    if throwing || level >= 2 {
        b.push(b" gp=");
        b.push_hex(getg() as *const _ as u64);
        b.push(b" m=");
        b.push_int(getm().id);
        b.push(b" mp=");
        b.push_hex(getm() as *const _ as u64);
    }
    b.push(b" [running]:\n");
    gwrite(b.as_bytes());
}


/// dopanic_m + exit: the tail of every fatal report. `on_system_stack` is
/// true when the failure happened in runtime code on the system stack (gc
/// then prints `runtime stack:` before the goroutine).
fn dopanic(sig: Option<&SigInfo>, throwing: bool, on_system_stack: bool) -> ! {
    if let Some(s) = sig {
        let mut b = Buf::<160>::new();
        b.push(b"[signal ");
        let name = signame(s.sig);
        if name.is_empty() {
            b.push_hex(s.sig as u64);
        } else {
            b.push(name);
        }
        b.push(b" code=");
        b.push_hex(s.code as u32 as u64);
        b.push(b" addr=");
        b.push_hex(s.addr);
        b.push(b" pc=");
        b.push_hex(s.pc);
        b.push(b"]\n");
        gwrite(b.as_bytes());
    }
    let (level, all, crash) = gotraceback(throwing);
    let all = all || FATAL_USER.load(Ordering::Relaxed);
    if level > 0 {
        if on_system_stack {
            gwrite(b"\nruntime stack:\n");
            gwrite(b"runtime.throw({0x0?, 0x0?})\n\t?:0 +0x0\n");
            gwrite(b"runtime.newstack()\n\t?:0 +0x0\n");
            gwrite(b"runtime.morestack()\n\t?:0 +0x0\n");
        }
        gwrite(b"\n");
        print_goroutine_header(level, throwing);
        crate::traceback::print_current(level, all);
    }
    if crash {
        crash_abort();
    }
    crate::proc::exit(2)
}

/// GOTRACEBACK=crash: die by SIGABRT (core dump) as gc's crash() does.
fn crash_abort() -> ! {
    // SAFETY: resetting SIGABRT to its default action, unblocking it and
    // raising it only affects this process's imminent termination.
    unsafe {
        libc::signal(libc::SIGABRT, libc::SIG_DFL);
        let mut set: libc::sigset_t = core::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGABRT);
        libc::sigprocmask(libc::SIG_UNBLOCK, &set, core::ptr::null_mut());
        libc::raise(libc::SIGABRT);
    }
    crate::proc::exit(2)
}

// ---------------------------------------------------------------------------
// Fatal errors.

/// gc's throw: `fatal error: <msg>`, level-2 report, exit 2.
pub fn throw_str(msg: &[u8]) -> ! {
    if startpanic() {
        gwrite(b"fatal error: ");
        printindented(msg);
        gwrite(b"\n");
    }
    dopanic(None, true, false)
}

/// gc's fatal: `fatal error: <msg>` for a fault of the program (concurrent
/// map writes, ...), every goroutine at the GOTRACEBACK level (not the
/// runtime frames a throw shows), exit 2.
pub fn fatal_str(msg: &[u8]) -> ! {
    if startpanic() {
        gwrite(b"fatal error: ");
        printindented(msg);
        gwrite(b"\n");
    }
    FATAL_USER.store(true, Ordering::Relaxed);
    dopanic(None, false, false)
}

/// A Rust panic inside the runtime (a bug of the runtime, never of the Go
/// program): gc's throw, `fatal error: rgo runtime: <message> at
/// <file>:<line>`, then the goroutines, exit 2.
///
/// The link (compiler/src/driver/build.rs) routes core's calls of std's
/// panic handler (`rust_begin_unwind`) here with `--wrap`, so executables
/// carry neither std's panic hook nor the backtrace symbolizer it reaches
/// (gimli, addr2line, rustc-demangle, miniz_oxide: ~200 KB of text, most of
/// it resident at start-up because the kernel maps text in 64 KiB
/// windows). The signature is the panic handler's: Rust ABI, `&PanicInfo`.
#[no_mangle]
pub fn rgo_rust_panic(info: &core::panic::PanicInfo<'_>) -> ! {
    use core::fmt::Write;
    static NESTED: AtomicBool = AtomicBool::new(false);
    if NESTED.swap(true, Ordering::Relaxed) {
        // Formatting the first message panicked: say so and stop.
        gwrite(b"fatal error: rgo runtime: panic while reporting a panic\n");
        crash_abort()
    }
    struct W(Buf<512>);
    impl Write for W {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            self.0.push(s.as_bytes());
            Ok(())
        }
    }
    let mut w = W(Buf::new());
    let _ = write!(w, "rgo runtime: {}", info.message());
    if let Some(l) = info.location() {
        let _ = write!(w, " at {}:{}", l.file(), l.line());
    }
    throw_str(w.0.as_bytes())
}

/// An allocation failure of Rust code inside the runtime (std's
/// `__rust_alloc_error_handler`, wrapped as rgo_rust_panic is): gc's
/// `fatal error: out of memory`.
#[no_mangle]
pub fn rgo_rust_oom(_size: usize, _align: usize) -> ! {
    throw_str(b"out of memory")
}

/// Set by fatal_str: dopanic prints every goroutine.
static FATAL_USER: AtomicBool = AtomicBool::new(false);

#[export_name = "runtime.throw"]
pub extern "C" fn throw(p: *const u8, n: isize) -> ! {
    // SAFETY: generated code passes a Go string (p, n).
    let msg = unsafe { go_bytes(p, n) };
    throw_str(msg)
}

/// `runtime.fatal(s string)`: gc's fatal, for Go code (internal/sync's
/// `fatal("sync: unlock of unlocked mutex")`).
#[export_name = "runtime.fatal"]
pub extern "C" fn fatal(p: *const u8, n: isize) -> ! {
    // SAFETY: generated code passes a Go string (p, n).
    let msg = unsafe { go_bytes(p, n) };
    fatal_str(msg)
}

/// Called by `rgo_newstack` (on the system stack) when goroutine 1 runs
/// out of stack.
pub fn stack_overflow(sp: u64, lo: u64, hi: u64) -> ! {
    if startpanic() {
        let mut b = Buf::<160>::new();
        b.push(b"runtime: goroutine stack exceeds ");
        b.push_uint(crate::stack::max_stack() as u64);
        b.push(b"-byte limit\n");
        gwrite(b.as_bytes());
        let mut b = Buf::<160>::new();
        b.push(b"runtime: sp=");
        b.push_hex(sp);
        b.push(b" stack=[");
        b.push_hex(lo);
        b.push(b", ");
        b.push_hex(hi);
        b.push(b"]\n");
        gwrite(b.as_bytes());
        gwrite(b"fatal error: stack overflow\n");
    }
    dopanic(None, true, true)
}

/// A fault at an address that is not a nil dereference (sigpanic's throw).
pub fn fault_throw(sig: &SigInfo) -> ! {
    if startpanic() {
        let mut b = Buf::<80>::new();
        b.push(b"unexpected fault address ");
        b.push_hex(sig.addr);
        b.push(b"\n");
        gwrite(b.as_bytes());
        gwrite(b"fatal error: fault\n");
    }
    dopanic(Some(sig), true, false)
}

// ---------------------------------------------------------------------------
// Runtime errors: panics with runtime.Error values (error.rs).

/// A runtime error panic: `runtime error: <msg>` (errorString).
fn panic_error(e: Eface) -> ! {
    gopanic(e.typ, e.data)
}

/// Panic with `runtime.errorString(msg)`: recover() returns a
/// runtime.Error whose Error() is `runtime error: ` + msg. (p, n) is a Go
/// string, referenced by the error value (not copied).
#[export_name = "runtime.panicRuntimeError"]
pub extern "C" fn panic_runtime_error(p: *const u8, n: isize) -> ! {
    panic_error(crate::error::string_error(false, p, n))
}

/// Panic with `runtime.plainError(msg)` (Error() = msg, e.g. `assignment
/// to entry in nil map`).
#[export_name = "runtime.panicPlain"]
pub extern "C" fn panic_plain(p: *const u8, n: isize) -> ! {
    panic_error(crate::error::string_error(true, p, n))
}

/// A range-over-func loop's yield function called out of turn (gc's
/// panicrangestate): `state` is the loop's state when it was called.
#[export_name = "runtime.panicrangestate"]
pub extern "C" fn panicrangestate(state: i64) -> ! {
    static DONE: crate::error::SyncCell<crate::types::GoString> =
        crate::error::SyncCell(crate::error::gs(b"range function continued iteration after function for loop body returned false"));
    static PANIC: crate::error::SyncCell<crate::types::GoString> =
        crate::error::SyncCell(crate::error::gs(b"range function continued iteration after loop body panic"));
    static EXHAUSTED: crate::error::SyncCell<crate::types::GoString> =
        crate::error::SyncCell(crate::error::gs(b"range function continued iteration after whole loop exit"));
    let msg = match state {
        2 => &DONE,
        3 => &EXHAUSTED,
        _ => &PANIC,
    };
    panic_error(crate::error::static_error(msg))
}

#[export_name = "runtime.panicdivide"]
pub extern "C" fn panicdivide() -> ! {
    panic_error(crate::error::static_error(&crate::error::DIVIDE_ERROR))
}

#[export_name = "runtime.panicshift"]
pub extern "C" fn panicshift() -> ! {
    panic_error(crate::error::static_error(&crate::error::SHIFT_ERROR))
}

#[export_name = "runtime.panicmem"]
pub extern "C" fn panicmem() -> ! {
    panic_error(crate::error::static_error(&crate::error::MEMORY_ERROR))
}

/// The compiler's explicit nil check failed. gc's nil checks are faulting
/// loads, so its report carries a `[signal SIGSEGV ...]` line: record the
/// fault its handler would have seen (SEGV_MAPERR at address 0; the PC is
/// not known here and left 0), then panic as sigpanic does.
#[export_name = "runtime.panicnilcheck"]
pub extern "C" fn panicnilcheck() -> ! {
    let g = getg();
    g.sig.store(libc::SIGSEGV as u32, Ordering::Relaxed);
    g.sigcode0.store(1, Ordering::Relaxed); // SEGV_MAPERR
    g.sigcode1.store(0, Ordering::Relaxed);
    g.sigpc.store(0, Ordering::Relaxed);
    panicmem()
}

#[export_name = "runtime.panicoverflow"]
pub extern "C" fn panicoverflow() -> ! {
    panic_error(crate::error::static_error(&crate::error::OVERFLOW_ERROR))
}

/// gc's sigpanic, entered (through the `rgo_sigpanic0` stub in signal.rs)
/// on the goroutine stack in place of a faulting instruction, after the
/// fault handler recorded the signal in `G::sig`.
pub extern "C" fn sigpanic() -> ! {
    let g = getg();
    match g.sig.load(Ordering::Relaxed) as i32 {
        libc::SIGFPE => panicdivide(),
        _ => panicmem(),
    }
}

/// abi.BoundsErrorCode values (the `code` argument of panicSlice/panicBounds).
pub mod bounds {
    pub const INDEX: u32 = 0;
    pub const SLICE_ALEN: u32 = 1;
    pub const SLICE_ACAP: u32 = 2;
    pub const SLICE_B: u32 = 3;
    pub const SLICE3_ALEN: u32 = 4;
    pub const SLICE3_ACAP: u32 = 5;
    pub const SLICE3_B: u32 = 6;
    pub const SLICE3_C: u32 = 7;
    pub const CONVERT: u32 = 8;
}

const BOUNDS_FMTS: [&[u8]; 9] = [
    b"index out of range [%x] with length %y",
    b"slice bounds out of range [:%x] with length %y",
    b"slice bounds out of range [:%x] with capacity %y",
    b"slice bounds out of range [%x:%y]",
    b"slice bounds out of range [::%x] with length %y",
    b"slice bounds out of range [::%x] with capacity %y",
    b"slice bounds out of range [:%x:%y]",
    b"slice bounds out of range [%x:%y:]",
    b"cannot convert slice with length %y to array or pointer to array with length %x",
];

const BOUNDS_NEG_FMTS: [&[u8]; 8] = [
    b"index out of range [%x]",
    b"slice bounds out of range [:%x]",
    b"slice bounds out of range [:%x]",
    b"slice bounds out of range [%x:]",
    b"slice bounds out of range [::%x]",
    b"slice bounds out of range [::%x]",
    b"slice bounds out of range [:%x:]",
    b"slice bounds out of range [%x::]",
];

/// boundsError.Error without the `runtime error: ` prefix.
pub fn format_bounds<const N: usize>(out: &mut Buf<N>, code: u32, signed: bool, x: i64, y: i64) {
    let code = (code as usize).min(BOUNDS_FMTS.len() - 1);
    let fmt = if signed && x < 0 && code < BOUNDS_NEG_FMTS.len() {
        BOUNDS_NEG_FMTS[code]
    } else {
        BOUNDS_FMTS[code]
    };
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            out.push_byte(c);
            i += 1;
            continue;
        }
        i += 1;
        match fmt[i] {
            b'x' if signed => out.push_int(x),
            b'x' => out.push_uint(x as u64),
            _ => out.push_int(y),
        }
        i += 1;
    }
}

fn panic_bounds(code: u32, signed: bool, x: i64, y: i64) -> ! {
    panic_error(crate::error::bounds_error(code, signed, x, y))
}

/// `s[x]` with x out of [0, len).
#[export_name = "runtime.panicIndex"]
pub extern "C" fn panic_index(x: i64, len: i64) -> ! {
    panic_bounds(bounds::INDEX, true, x, len)
}

/// `s[x]` with an unsigned index type.
#[export_name = "runtime.panicIndexU"]
pub extern "C" fn panic_index_u(x: u64, len: i64) -> ! {
    panic_bounds(bounds::INDEX, false, x as i64, len)
}

/// Any bounds failure: `code` is an abi.BoundsErrorCode (see [`bounds`]),
/// x and y as in gc's boundsError (x signed).
#[export_name = "runtime.panicSlice"]
pub extern "C" fn panic_slice(code: u32, x: i64, y: i64) -> ! {
    panic_bounds(code, true, x, y)
}

/// As panicSlice, with x of an unsigned type.
#[export_name = "runtime.panicSliceU"]
pub extern "C" fn panic_slice_u(code: u32, x: u64, y: i64) -> ! {
    panic_bounds(code, false, x as i64, y)
}

/// print.go-style printing of s with "\n" replaced by "\n\t" (printindented).
pub fn printindented(mut s: &[u8]) {
    while let Some(i) = s.iter().position(|&c| c == b'\n') {
        gwrite(&s[..=i]);
        gwrite(b"\t");
        s = &s[i + 1..];
    }
    gwrite(s);
}

/// # Safety
/// `p` must point to `n` readable bytes that live for the process (or n <= 0).
unsafe fn go_bytes(p: *const u8, n: isize) -> &'static [u8] {
    if n <= 0 || p.is_null() {
        &[]
    } else {
        // SAFETY: forwarded to the caller.
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    }
}

/// A Go `string` return value as the C ABI returns `{ptr, i64}` (rax:rdx).
#[repr(C)]
struct StrRet {
    ptr: *const u8,
    len: isize,
}

/// If `t` has a method `name` of type `func() string`, call it on `data`
/// (preprintpanics' error / Stringer conversion).
///
/// # Safety
/// `t` must be a valid descriptor and `data` a data word of that type.
unsafe fn call_string_method(t: &Type, data: *mut u8, name: &[u8]) -> Option<&'static [u8]> {
    for i in 0..t.nmethods {
        // SAFETY: methods points to nmethods descriptors (compiler contract).
        let m = unsafe { &*t.methods.add(i) };
        // SAFETY: method names are valid strings.
        if unsafe { m.name.as_bytes() } != name || m.ifn.is_null() || m.mtyp.is_null() {
            continue;
        }
        // SAFETY: mtyp is a valid func type descriptor.
        let ft = unsafe { &*m.mtyp };
        if ft.kind != kind::FUNC || ft.nfields != 1 || ft.nin & !(1 << 63) != 0 {
            continue;
        }
        // SAFETY: fields has nfields entries; its typ is a valid descriptor.
        let rt = unsafe { &*(*ft.fields).typ };
        if rt.kind != kind::STRING || rt.pkgpath.len != 0 {
            continue;
        }
        // SAFETY: ifn is the method's interface entry: receiver is the data
        // word, result a Go string returned in rax:rdx.
        let f: extern "C" fn(*mut u8) -> StrRet = unsafe { core::mem::transmute(m.ifn) };
        let r = f(data);
        // SAFETY: a Go string result (heap or static); we exit right after.
        return Some(unsafe { go_bytes(r.ptr, r.len) });
    }
    None
}

fn is_predeclared(t: &Type) -> bool {
    t.pkgpath.len == 0
}

/// Pointer to the value an eface holds.
fn value_ptr(t: &Type, data: &*mut u8) -> *const u8 {
    if t.is_direct_iface() {
        data as *const *mut u8 as *const u8
    } else {
        *data as *const u8
    }
}

/// Append the value of a basic kind (print's format) to `b`; false if the
/// kind is not basic.
///
/// # Safety
/// `p` must point to a value of `t`.
unsafe fn push_basic<const N: usize>(b: &mut Buf<N>, t: &Type, p: *const u8) -> bool {
    // SAFETY: p points to a value of kind t.kind (caller contract).
    unsafe {
        match t.kind {
            kind::BOOL => b.push_bool(*p != 0),
            kind::INT | kind::INT64 => b.push_int(*(p as *const i64)),
            kind::INT8 => b.push_int(*(p as *const i8) as i64),
            kind::INT16 => b.push_int(*(p as *const i16) as i64),
            kind::INT32 => b.push_int(*(p as *const i32) as i64),
            kind::UINT | kind::UINT64 | kind::UINTPTR => b.push_uint(*(p as *const u64)),
            kind::UINT8 => b.push_uint(*p as u64),
            kind::UINT16 => b.push_uint(*(p as *const u16) as u64),
            kind::UINT32 => b.push_uint(*(p as *const u32) as u64),
            kind::FLOAT32 => b.push_float32(*(p as *const f32)),
            kind::FLOAT64 => b.push_float64(*(p as *const f64)),
            kind::COMPLEX64 => {
                let c = p as *const f32;
                b.push_complex(*c as f64, *c.add(1) as f64, true)
            }
            kind::COMPLEX128 => {
                let c = p as *const f64;
                b.push_complex(*c, *c.add(1), false)
            }
            _ => return false,
        }
    }
    true
}

/// printpanicval + printanycustomtype for a non-nil eface whose type has
/// no Error/String method (those were converted by the caller).
///
/// # Safety
/// `t` must be a valid descriptor and `data` a data word of that type.
unsafe fn printpanicval(t: &Type, data: *mut u8) {
    let p = value_ptr(t, &data);
    let predeclared = is_predeclared(t);
    if t.kind == kind::STRING {
        // SAFETY: p points to a Go string header.
        let s = unsafe { &*(p as *const crate::types::GoString) };
        // SAFETY: a Go string's bytes are readable.
        let bytes = unsafe { s.as_bytes() };
        if predeclared {
            printindented(bytes);
        } else {
            gwrite(t.name());
            gwrite(b"(\"");
            printindented(bytes);
            gwrite(b"\")");
        }
        return;
    }
    let mut b = Buf::<96>::new();
    // SAFETY: p points to a value of t.
    if unsafe { push_basic(&mut b, t, p) } {
        if predeclared {
            gwrite(b.as_bytes());
        } else if t.kind == kind::COMPLEX64 || t.kind == kind::COMPLEX128 {
            gwrite(t.name());
            gwrite(b.as_bytes());
        } else {
            gwrite(t.name());
            gwrite(b"(");
            gwrite(b.as_bytes());
            gwrite(b")");
        }
        return;
    }
    gwrite(b"(");
    gwrite(t.name());
    gwrite(b") ");
    let mut b = Buf::<24>::new();
    b.push_hex(data as u64);
    gwrite(b.as_bytes());
}

/// An active panic (gc's _panic). Lives in its `gopanic` frame and is
/// linked on `G::panic` (innermost first) until recovered or fatal.
#[repr(C)]
pub struct Panic {
    /// The panic value (for panic(nil): a *PanicNilError, unless
    /// GODEBUG=panicnil=1).
    pub arg: Eface,
    /// The panic that was active when this one started (printed first).
    pub link: *mut Panic,
    /// While a deferred call runs for this panic: the address of the slot
    /// holding its return address into the trampoline (defer.rs); 0 else.
    pub argp: usize,
    /// An address in this panic's gopanic frame: a recovery of a frame
    /// whose SP is above it abandons this panic.
    pub start_sp: usize,
    /// recover() returned this panic's value.
    pub recovered: bool,
    /// The next newer panic re-panicked with the same value (printed once).
    pub repanicked: bool,
    /// preprintpanics: the value's Error()/String() text, if converted.
    pub text: Option<&'static [u8]>,
}

/// `panic(v)` with v an `interface{}` (type descriptor, data word).
///
/// Runs the goroutine's deferred calls, innermost first; a deferred call
/// that recovers makes the function that deferred it return normally (see
/// defer.rs) and this call never returns. When no deferred call is left,
/// prints the panic chain (gc's printpanics) and exits with status 2.
#[export_name = "runtime.gopanic"]
pub extern "C" fn gopanic(typ: *const Type, data: *mut u8) -> ! {
    let g = getg();
    let mut arg = Eface { typ, data };
    if typ.is_null() && !crate::proc::panicnil() {
        // go1.21+: panic(nil) panics with a *runtime.PanicNilError.
        arg = crate::error::panic_nil_error();
    }
    let mut p = Panic {
        arg,
        link: g.panic.load(Ordering::Relaxed),
        argp: 0,
        start_sp: 0,
        recovered: false,
        repanicked: false,
        text: None,
    };
    let pp: *mut Panic = &mut p;
    // SAFETY: pp points to the local record, which outlives its time on the
    // list: it is unlinked by a recovery (which abandons this frame) or the
    // process ends below.
    unsafe {
        (*pp).start_sp = pp as usize;
        g.panic.store(pp, Ordering::Relaxed);
        crate::defer::run_panic_defers(pp);
    }
    if g.preprinting.load(Ordering::Relaxed) != 0 {
        // An Error/String method called for the report panicked and nothing
        // recovered it (gc: preprintpanics' deferred function).
        // SAFETY: pp is live.
        panic_while_printing(unsafe { (*pp).arg })
    }
    // SAFETY: pp is live and heads the panic list.
    unsafe {
        preprintpanics(pp);
        fatalpanic(pp)
    }
}

/// gc's preprintpanics' recover branch: a throw naming the inner value.
fn panic_while_printing(v: Eface) -> ! {
    let mut text = b"panic while printing panic value: ".to_vec();
    // SAFETY: non-null type descriptors are valid; a `string` value's data
    // word points to a string header.
    unsafe {
        match v.typ.as_ref() {
            Some(t) if t.kind == kind::STRING && is_predeclared(t) && t.name() == b"string" => {
                text.extend_from_slice((*(v.data as *const crate::types::GoString)).as_bytes())
            }
            Some(t) => {
                text.extend_from_slice(b"type ");
                text.extend_from_slice(t.name());
            }
            None => text.extend_from_slice(b"type <nil>"),
        }
    }
    throw_str(&text)
}

/// gc's preprintpanics: mark repanics and convert error/Stringer values to
/// their text before the report is printed (this runs Go code).
///
/// # Safety
/// `p` heads a list of live panic records.
unsafe fn preprintpanics(mut p: *mut Panic) {
    let g = getg();
    g.preprinting.store(1, Ordering::Relaxed);
    // SAFETY: records on the list are live (caller contract); descriptors
    // are valid for their data words.
    unsafe {
        while !p.is_null() {
            let link = (*p).link;
            if !link.is_null()
                && (*link).arg.typ == (*p).arg.typ
                && (*link).arg.data == (*p).arg.data
            {
                (*link).repanicked = true;
                p = link;
                continue;
            }
            if let Some(t) = (*p).arg.typ.as_ref() {
                let data = (*p).arg.data;
                (*p).text = call_string_method(t, data, b"Error")
                    .or_else(|| call_string_method(t, data, b"String"));
            }
            p = link;
        }
    }
    g.preprinting.store(0, Ordering::Relaxed);
}

/// gc's printpanics: oldest panic first, nested ones indented by a tab.
///
/// # Safety
/// `p` is a live panic record after preprintpanics.
unsafe fn printpanics(p: *const Panic) {
    // SAFETY: caller contract; records on the list are live.
    let p = unsafe { &*p };
    if !p.link.is_null() {
        // SAFETY: as above.
        unsafe {
            printpanics(p.link);
            if (*p.link).repanicked {
                return;
            }
        }
        gwrite(b"\t");
    }
    gwrite(b"panic: ");
    match (p.text, p.arg.typ.is_null()) {
        (Some(s), _) => printindented(s),
        (None, true) => gwrite(b"nil"),
        // SAFETY: a non-null descriptor with its data word.
        (None, false) => unsafe { printpanicval(&*p.arg.typ, p.arg.data) },
    }
    if p.recovered && p.repanicked {
        gwrite(b" [recovered, repanicked]");
    } else if p.recovered {
        gwrite(b" [recovered]");
    }
    gwrite(b"\n");
}

/// gc's fatalpanic: print the panic chain, the signal line of a signal
/// panic, the goroutine, and exit 2.
///
/// # Safety
/// `p` heads the live panic list, after preprintpanics.
unsafe fn fatalpanic(p: *const Panic) -> ! {
    if startpanic() {
        // SAFETY: caller contract.
        unsafe { printpanics(p) };
    }
    let g = getg();
    let sig = g.sig.load(Ordering::Relaxed);
    let si = SigInfo {
        sig: sig as i32,
        code: g.sigcode0.load(Ordering::Relaxed) as i32,
        addr: g.sigcode1.load(Ordering::Relaxed),
        pc: g.sigpc.load(Ordering::Relaxed),
    };
    dopanic(if sig != 0 { Some(&si) } else { None }, false, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds_str(code: u32, signed: bool, x: i64, y: i64) -> String {
        let mut b = Buf::<128>::new();
        format_bounds(&mut b, code, signed, x, y);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    // Expected texts from go 1.27.3 runs (see the report) and error.go.
    #[test]
    fn bounds_messages() {
        assert_eq!(
            bounds_str(bounds::INDEX, true, 5, 3),
            "index out of range [5] with length 3"
        );
        assert_eq!(
            bounds_str(bounds::INDEX, true, -1, 3),
            "index out of range [-1]"
        );
        assert_eq!(
            bounds_str(bounds::SLICE_ACAP, true, 7, 5),
            "slice bounds out of range [:7] with capacity 5"
        );
        assert_eq!(
            bounds_str(bounds::SLICE_B, true, 3, 1),
            "slice bounds out of range [3:1]"
        );
        assert_eq!(
            bounds_str(bounds::SLICE3_ACAP, true, 9, 5),
            "slice bounds out of range [::9] with capacity 5"
        );
        assert_eq!(
            bounds_str(bounds::INDEX, false, -1, 3),
            "index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(
            bounds_str(bounds::CONVERT, true, 4, 2),
            "cannot convert slice with length 2 to array or pointer to array with length 4"
        );
    }
}

/// startpanic for sigqueue.rs's fatal signal report.
pub fn startpanic_signal() -> bool {
    startpanic()
}

/// crash_abort for sigqueue.rs's fatal signal report (GOTRACEBACK=crash).
pub fn crash_abort_pub() -> ! {
    crash_abort()
}
