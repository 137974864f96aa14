//! System calls for package os: `runtime.write64` and `runtime.read` on file
//! descriptors (arguments and environment are in env.rs).
//!
//! Both are system calls for the scheduler (entersyscall/exitsyscall: a
//! blocked read does not hold up other goroutines).
//!
//! Invariants: `write` writes all `n` bytes unless an error other than
//! EINTR occurs (partial writes are continued); both return the number of
//! bytes transferred, or `-errno` when nothing could be transferred.

fn errno() -> i32 {
    // SAFETY: the errno location is valid for the current thread.
    unsafe { *libc::__errno_location() }
}

/// gc's `runtime.write(fd uintptr, p unsafe.Pointer, n int32) int32`
/// (internal/godebug pulls it): `write64` with 32-bit counts.
///
/// # Safety
/// `p` points to `n` readable bytes (or n <= 0).
#[export_name = "runtime.write"]
pub unsafe extern "C" fn write32(fd: usize, p: *const u8, n: i32) -> i32 {
    // SAFETY: forwarded.
    unsafe { write(fd as i64, p, n as i64) as i32 }
}

/// `runtime.write64(fd, p, n) -> written or -errno` (package os).
///
/// # Safety
/// `p` points to `n` readable bytes (or n <= 0).
#[export_name = "runtime.write64"]
pub unsafe extern "C" fn write(fd: i64, p: *const u8, n: i64) -> i64 {
    crate::sched::entersyscall();
    // SAFETY: forwarded.
    let r = unsafe { write1(fd, p, n) };
    crate::sched::exitsyscall();
    r
}

unsafe fn write1(fd: i64, p: *const u8, n: i64) -> i64 {
    let mut done: i64 = 0;
    while done < n {
        // SAFETY: p[done..n] is readable per the caller.
        let r = unsafe { libc::write(fd as i32, p.add(done as usize).cast(), (n - done) as usize) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return if done > 0 { done } else { -(e as i64) };
        }
        if r == 0 {
            break;
        }
        done += r as i64;
    }
    done
}

/// `runtime.read(fd, p, n) -> read (0 at end of file) or -errno`.
///
/// # Safety
/// `p` points to `n` writable bytes (or n <= 0).
#[export_name = "runtime.read"]
pub unsafe extern "C" fn read(fd: i64, p: *mut u8, n: i64) -> i64 {
    if n <= 0 {
        return 0;
    }
    crate::sched::entersyscall();
    // SAFETY: forwarded.
    let r = unsafe { read1(fd, p, n) };
    crate::sched::exitsyscall();
    r
}

unsafe fn read1(fd: i64, p: *mut u8, n: i64) -> i64 {
    loop {
        // SAFETY: p[..n] is writable per the caller.
        let r = unsafe { libc::read(fd as i32, p.cast(), n as usize) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return -(e as i64);
        }
        return r as i64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_and_read_through_a_pipe() {
        let mut fds = [0i32; 2];
        // SAFETY: fds has room for two descriptors.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: the buffers are valid for their lengths.
        unsafe {
            assert_eq!(write(fds[1] as i64, b"hello".as_ptr(), 5), 5);
            let mut b = [0u8; 8];
            assert_eq!(read(fds[0] as i64, b.as_mut_ptr(), 8), 5);
            assert_eq!(&b[..5], b"hello");
            libc::close(fds[1]);
            assert_eq!(read(fds[0] as i64, b.as_mut_ptr(), 8), 0);
            libc::close(fds[0]);
            assert_eq!(write(-1, b"x".as_ptr(), 1), -(libc::EBADF as i64));
        }
    }
}

/// `CPUID` with leaf `eax` and sub-leaf `ecx`, the results in
/// `out[0..4]` = eax, ebx, ecx, edx: the Go side of the runtime turns it
/// into internal/cpu.cpuid (gc's cpu_x86.s).
///
/// # Safety
/// `out` points to four writable u32s.
#[export_name = "runtime.cpuid"]
pub unsafe extern "C" fn cpuid(eax: u32, ecx: u32, out: *mut [u32; 4]) {
    // CPUID exists on every x86-64 processor.
    let r = core::arch::x86_64::__cpuid_count(eax, ecx);
    // SAFETY: the caller passes a valid out-parameter.
    unsafe { *out = [r.eax, r.ebx, r.ecx, r.edx] };
}

/// `XGETBV` with ecx = 0 (XCR0), as (eax, edx) in `out` (internal/cpu.xgetbv);
/// zeros when the OS has not enabled XSAVE (then the instruction faults).
///
/// # Safety
/// `out` points to two writable u32s.
#[export_name = "runtime.xgetbv"]
pub unsafe extern "C" fn xgetbv(out: *mut [u32; 2]) {
    // CPUID leaf 1 is always valid.
    let osxsave = core::arch::x86_64::__cpuid_count(1, 0).ecx & (1 << 27) != 0;
    let (mut a, mut d) = (0u32, 0u32);
    if osxsave {
        // SAFETY: OSXSAVE set means XGETBV is enabled; it reads XCR0 only.
        unsafe { core::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") a, out("edx") d, options(nomem, nostack)) };
    }
    // SAFETY: the caller passes a valid out-parameter.
    unsafe { *out = [a, d] };
}

/// A raw Linux system call with six arguments: `out` = (r1, r2, errno)
/// as gc's internal/runtime/syscall/linux.Syscall6 returns them (r1 = -1,
/// r2 = 0 and errno set when the kernel returns -4095..-1). No scheduler
/// interaction: syscall.Syscall brackets it with entersyscall/exitsyscall.
///
/// # Safety
/// The call does whatever the system call does with its arguments;
/// `out` points to three writable words.
#[export_name = "runtime.syscall6"]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn syscall6(num: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize, out: *mut [usize; 3]) {
    let (r1, r2): (usize, usize);
    // SAFETY: a system call; the kernel clobbers rcx and r11 only.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") num => r1,
            in("rdi") a1, in("rsi") a2, inlateout("rdx") a3 => r2,
            in("r10") a4, in("r8") a5, in("r9") a6,
            lateout("rcx") _, lateout("r11") _,
            options(nostack)
        );
    }
    let res = if r1 > (-4096isize) as usize { [usize::MAX, 0, r1.wrapping_neg()] } else { [r1, r2, 0] };
    // SAFETY: the caller passes a valid out-parameter.
    unsafe { *out = res };
}

/// gc's runtime.entersyscall for Go code (package syscall's Syscall and
/// friends, which are nosplit): the P may go to another M meanwhile.
#[export_name = "runtime.entersyscall"]
pub extern "C" fn entersyscall_go() {
    crate::sched::entersyscall();
}

/// gc's runtime.exitsyscall for Go code.
#[export_name = "runtime.exitsyscall"]
pub extern "C" fn exitsyscall_go() {
    crate::sched::exitsyscall();
}

/// The running goroutine's FIPS word (G::fips).
#[export_name = "runtime.getgfips"]
pub extern "C" fn getgfips() -> u32 {
    crate::proc::getg().fips.load(core::sync::atomic::Ordering::Relaxed)
}

/// Sets the running goroutine's FIPS word (G::fips).
#[export_name = "runtime.setgfips"]
pub extern "C" fn setgfips(v: u32) {
    crate::proc::getg().fips.store(v, core::sync::atomic::Ordering::Relaxed)
}

/// First thing a forked child does (syscall.rawVforkSyscall's child
/// side): drop a preemption request copied from the parent's thread (a
/// collection or sysmon may have set it just before the fork). The child
/// has no other thread and no scheduler to yield to: a loop poll that
/// saw the request would park it forever.
#[export_name = "runtime.forkchild"]
pub extern "C" fn forkchild() {
    crate::proc::tls_store(crate::proc::TLS_PREEMPT, 0);
}

/// Two words returned in rax:rdx (a Go function with two uintptr results).
#[repr(C)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
}

/// A raw Linux system call returning (r1, errno) by value (errno 0 on
/// success, r1 = -1 on failure), for the Go hooks that run in a forked
/// child (syscall.RawSyscall6, rawSyscallNoError, the fork hooks):
/// `syscall6`'s out-parameter would be a local whose address escapes,
/// i.e. a heap allocation, and an allocation in the child may start a
/// collection whose stop-the-world waits for threads the child does not
/// have.
///
/// # Safety
/// The call does whatever the system call does with its arguments.
#[export_name = "runtime.rawsyscall6"]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn rawsyscall6(num: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> Pair {
    let r1: usize;
    // SAFETY: a system call; the kernel clobbers rcx and r11 only.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") num => r1,
            in("rdi") a1, in("rsi") a2, in("rdx") a3,
            in("r10") a4, in("r8") a5, in("r9") a6,
            lateout("rcx") _, lateout("r11") _,
            options(nostack)
        );
    }
    if r1 > (-4096isize) as usize {
        Pair { a: usize::MAX, b: r1.wrapping_neg() }
    } else {
        Pair { a: r1, b: 0 }
    }
}
