//! Process arguments and environment for package os (os.Args, Getenv,
//! LookupEnv, Environ): read-only views of what the kernel passed to main.

use crate::types::GoString;

fn gostr(s: &'static [u8]) -> GoString {
    GoString {
        ptr: s.as_ptr(),
        len: s.len() as isize,
    }
}

/// Looks `name` up in the environment: stores the value in `out` and
/// returns 1, or returns 0 when unset. The first definition wins, as in gc.
///
/// # Safety
/// (p, n) is a Go string; `out` points to a Go string slot.
#[export_name = "runtime.envlookup"]
pub unsafe extern "C" fn envlookup(p: *const u8, n: isize, out: *mut GoString) -> u8 {
    let name: &[u8] = if n <= 0 {
        &[]
    } else {
        // SAFETY: the caller passes a Go string (p, n).
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    };
    match crate::proc::getenv(name) {
        Some(v) => {
            // SAFETY: out is a valid slot (caller contract).
            unsafe { *out = gostr(v) };
            1
        }
        None => 0,
    }
}

fn cstr_at(base: *const *const u8, i: usize) -> &'static [u8] {
    // SAFETY: argv/envp are NULL-terminated arrays of NUL-terminated
    // strings that live for the whole process; callers stay in bounds.
    unsafe { core::ffi::CStr::from_ptr((*base.add(i)).cast()).to_bytes() }
}

/// Number of command-line arguments (os.Args).
#[export_name = "runtime.nargs"]
pub extern "C" fn nargs() -> i64 {
    crate::proc::args().0 as i64
}

/// Argument `i` (0 <= i < nargs).
#[export_name = "runtime.argat"]
pub extern "C" fn argat(i: i64) -> GoString {
    gostr(cstr_at(crate::proc::args().1, i as usize))
}

/// Number of environment entries.
#[export_name = "runtime.nenv"]
pub extern "C" fn nenv() -> i64 {
    let p = crate::proc::envp();
    if p.is_null() {
        return 0;
    }
    let mut n = 0;
    // SAFETY: envp is NULL-terminated.
    while !unsafe { *p.add(n) }.is_null() {
        n += 1;
    }
    n as i64
}

/// Environment entry `i` ("KEY=value").
#[export_name = "runtime.envat"]
pub extern "C" fn envat(i: i64) -> GoString {
    gostr(cstr_at(crate::proc::envp(), i as usize))
}

/// runtime.NumCPU: the CPUs this process may run on (sched_getaffinity).
#[export_name = "runtime.NumCPU"]
pub extern "C" fn numcpu() -> i64 {
    // SAFETY: a zeroed cpu_set_t is a valid out-parameter for
    // sched_getaffinity on the calling thread.
    unsafe {
        let mut set: libc::cpu_set_t = core::mem::zeroed();
        if libc::sched_getaffinity(0, core::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0 {
            let n = libc::CPU_COUNT(&set);
            if n > 0 {
                return n as i64;
            }
        }
        libc::sysconf(libc::_SC_NPROCESSORS_ONLN).max(1) as i64
    }
}
