//! Clocks, sleeping and file system calls for packages time and os.
//!
//! Time: `runtime.nanotime() -> i64` (CLOCK_MONOTONIC, ns),
//! `runtime.walltime(sec *i64, nsec *i32)` (CLOCK_REALTIME),
//! `runtime.nanosleep(ns i64)` (blocks the whole thread; package time
//! sleeps in short slices around `Gosched` so other goroutines run).
//!
//! Files: `runtime.open(path, flags, perm) -> fd`, `runtime.closefd(fd)`,
//! `runtime.lseek(fd, off, whence) -> off`, `runtime.unlink(path)`,
//! `runtime.rmdir(path)`, `runtime.mkdir(path, perm)`,
//! `runtime.rename(old, new)`, `runtime.stat(path, out *[5]int64)`,
//! `runtime.lstat(path, out)`, `runtime.fstat(fd, out)`, `runtime.ftruncate(fd, size)`.
//! Paths are Go strings (ptr, len), copied to a NUL-terminated buffer; a
//! path holding a NUL byte fails with EINVAL, as gc's BytePtrFromString.
//! Every call retries on EINTR and returns the result, or `-errno`.
//! stat's out: size, st_mode, mtime seconds, mtime nanoseconds, 0.

fn errno() -> i64 {
    // SAFETY: the errno location is valid for the current thread.
    unsafe { *libc::__errno_location() as i64 }
}

/// Runs a system call until it does not fail with EINTR; `-errno` on error.
fn retry(mut f: impl FnMut() -> i64) -> i64 {
    loop {
        let r = f();
        if r >= 0 {
            return r;
        }
        let e = errno();
        if e != libc::EINTR as i64 {
            return -e;
        }
    }
}

fn cpath(p: *const u8, n: isize) -> Option<Vec<u8>> {
    let s: &[u8] = if n <= 0 {
        &[]
    } else {
        // SAFETY: the caller passes a Go string (p, n).
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    };
    if s.contains(&0) {
        return None;
    }
    let mut v = Vec::with_capacity(s.len() + 1);
    v.extend_from_slice(s);
    v.push(0);
    Some(v)
}

fn with_path(p: *const u8, n: isize, f: impl FnMut(*const libc::c_char) -> i64) -> i64 {
    let mut f = f;
    match cpath(p, n) {
        Some(c) => retry(|| f(c.as_ptr().cast())),
        None => -(libc::EINVAL as i64),
    }
}

/// Monotonic clock in nanoseconds.
#[export_name = "runtime.nanotime"]
pub extern "C" fn nanotime() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out-parameter.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

/// Wall clock: seconds and nanoseconds since the Unix epoch.
///
/// # Safety
/// `sec` and `nsec` are valid out-parameters.
#[export_name = "runtime.walltime"]
pub unsafe extern "C" fn walltime(sec: *mut i64, nsec: *mut i32) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out-parameter; sec/nsec per the caller.
    unsafe {
        libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts);
        *sec = ts.tv_sec as i64;
        *nsec = ts.tv_nsec as i32;
    }
}

/// Blocks the thread for `ns` nanoseconds (resuming after signals), as a
/// system call (entersyscall/exitsyscall).
#[export_name = "runtime.nanosleep"]
pub extern "C" fn nanosleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let mut req = libc::timespec {
        tv_sec: (ns / 1_000_000_000) as _,
        tv_nsec: (ns % 1_000_000_000) as _,
    };
    let mut rem = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // The M blocks: sysmon may hand its P to another M meanwhile.
    crate::sched::entersyscall();
    // SAFETY: valid timespecs.
    while unsafe { libc::nanosleep(&req, &mut rem) } != 0 && errno() == libc::EINTR as i64 {
        req = rem;
    }
    crate::sched::exitsyscall();
}

/// open(2) with O_CLOEXEC added, as gc's os.OpenFile does.
///
/// # Safety
/// (p, n) is a Go string.
#[export_name = "runtime.open"]
pub unsafe extern "C" fn open(p: *const u8, n: isize, flags: i64, perm: i64) -> i64 {
    // SAFETY: c is NUL-terminated.
    with_path(p, n, |c| unsafe {
        libc::open(c, flags as i32 | libc::O_CLOEXEC, perm as libc::c_uint)
    } as i64)
}

/// close(2) (not retried on EINTR: the descriptor is gone either way).
#[export_name = "runtime.closefd"]
pub extern "C" fn closefd(fd: i64) -> i64 {
    // SAFETY: closing a descriptor has no memory-safety preconditions.
    if unsafe { libc::close(fd as i32) } < 0 {
        -errno()
    } else {
        0
    }
}

/// lseek(2).
#[export_name = "runtime.lseek"]
pub extern "C" fn lseek(fd: i64, off: i64, whence: i64) -> i64 {
    // SAFETY: no memory is passed.
    retry(|| unsafe { libc::lseek(fd as i32, off, whence as i32) })
}

/// ftruncate(2).
#[export_name = "runtime.ftruncate"]
pub extern "C" fn ftruncate(fd: i64, size: i64) -> i64 {
    // SAFETY: no memory is passed.
    retry(|| unsafe { libc::ftruncate(fd as i32, size) } as i64)
}

/// unlink(2).
///
/// # Safety
/// (p, n) is a Go string.
#[export_name = "runtime.unlink"]
pub unsafe extern "C" fn unlink(p: *const u8, n: isize) -> i64 {
    // SAFETY: c is NUL-terminated.
    with_path(p, n, |c| unsafe { libc::unlink(c) } as i64)
}

/// rmdir(2).
///
/// # Safety
/// (p, n) is a Go string.
#[export_name = "runtime.rmdir"]
pub unsafe extern "C" fn rmdir(p: *const u8, n: isize) -> i64 {
    // SAFETY: c is NUL-terminated.
    with_path(p, n, |c| unsafe { libc::rmdir(c) } as i64)
}

/// mkdir(2).
///
/// # Safety
/// (p, n) is a Go string.
#[export_name = "runtime.mkdir"]
pub unsafe extern "C" fn mkdir(p: *const u8, n: isize, perm: i64) -> i64 {
    // SAFETY: c is NUL-terminated.
    with_path(p, n, |c| unsafe { libc::mkdir(c, perm as libc::mode_t) }
        as i64)
}

/// rename(2).
///
/// # Safety
/// (p, n) and (q, m) are Go strings.
#[export_name = "runtime.rename"]
pub unsafe extern "C" fn rename(p: *const u8, n: isize, q: *const u8, m: isize) -> i64 {
    let Some(to) = cpath(q, m) else {
        return -(libc::EINVAL as i64);
    };
    // SAFETY: both paths are NUL-terminated.
    with_path(p, n, |c| unsafe { libc::rename(c, to.as_ptr().cast()) }
        as i64)
}

fn fill(st: &libc::stat, out: *mut [i64; 5]) {
    // SAFETY: out is a valid out-parameter (caller contract).
    unsafe {
        *out = [
            st.st_size,
            st.st_mode as i64,
            st.st_mtime,
            st.st_mtime_nsec,
            0,
        ];
    }
}

/// stat(2): size, mode, mtime into `out`.
///
/// # Safety
/// (p, n) is a Go string; `out` is a valid out-parameter.
#[export_name = "runtime.stat"]
pub unsafe extern "C" fn stat(p: *const u8, n: isize, out: *mut [i64; 5]) -> i64 {
    // SAFETY: a zeroed stat is a valid out-parameter.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: c is NUL-terminated.
    let r = with_path(p, n, |c| unsafe { libc::stat(c, &mut st) } as i64);
    if r == 0 {
        fill(&st, out);
    }
    r
}

/// lstat(2): as stat, without following a final symbolic link.
///
/// # Safety
/// (p, n) is a Go string; `out` is a valid out-parameter.
#[export_name = "runtime.lstat"]
pub unsafe extern "C" fn lstat(p: *const u8, n: isize, out: *mut [i64; 5]) -> i64 {
    // SAFETY: a zeroed stat is a valid out-parameter.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: c is NUL-terminated.
    let r = with_path(p, n, |c| unsafe { libc::lstat(c, &mut st) } as i64);
    if r == 0 {
        fill(&st, out);
    }
    r
}

/// fstat(2).
///
/// # Safety
/// `out` is a valid out-parameter.
#[export_name = "runtime.fstat"]
pub unsafe extern "C" fn fstat(fd: i64, out: *mut [i64; 5]) -> i64 {
    // SAFETY: a zeroed stat is a valid out-parameter.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: st is valid.
    let r = retry(|| unsafe { libc::fstat(fd as i32, &mut st) } as i64);
    if r == 0 {
        fill(&st, out);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_advance() {
        let a = nanotime();
        nanosleep(1_000_000);
        assert!(nanotime() - a >= 1_000_000);
        let (mut s, mut ns) = (0i64, 0i32);
        // SAFETY: valid out-parameters.
        unsafe { walltime(&mut s, &mut ns) };
        assert!(s > 1_600_000_000 && (0..1_000_000_000).contains(&ns));
    }

    #[test]
    fn file_calls() {
        let path = format!("/tmp/rgo-ostime-test-{}", std::process::id());
        let b = path.as_bytes();
        // SAFETY: b is a live byte string.
        unsafe {
            let fd = open(
                b.as_ptr(),
                b.len() as isize,
                (libc::O_CREAT | libc::O_RDWR) as i64,
                0o644,
            );
            assert!(fd >= 0);
            assert_eq!(crate::sys::write(fd, b"abc".as_ptr(), 3), 3);
            assert_eq!(lseek(fd, 0, 1), 3);
            let mut out = [0i64; 5];
            assert_eq!(fstat(fd, &mut out), 0);
            assert_eq!(out[0], 3);
            assert_eq!(closefd(fd), 0);
            assert_eq!(closefd(fd), -(libc::EBADF as i64));
            assert_eq!(unlink(b.as_ptr(), b.len() as isize), 0);
            assert_eq!(unlink(b.as_ptr(), b.len() as isize), -(libc::ENOENT as i64));
            assert_eq!(
                stat(b.as_ptr(), b.len() as isize, &mut out),
                -(libc::ENOENT as i64)
            );
            assert_eq!(open(b"a\0b".as_ptr(), 3, 0, 0), -(libc::EINVAL as i64));
        }
    }
}
