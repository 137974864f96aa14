//! System calls for package os: `runtime.write` and `runtime.read` on file
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

/// `runtime.write(fd, p, n) -> written or -errno`.
///
/// # Safety
/// `p` points to `n` readable bytes (or n <= 0).
#[export_name = "runtime.write"]
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
