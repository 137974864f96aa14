//! Runtime locks and notes (gc's lock_futex.go).
//!
//! Mechanism: [`Mutex`] is a futex word: 0 unlocked, 1 locked, 2 locked
//! with possible sleepers. `lock` tries a CAS, spins a little, then marks
//! the word 2 and sleeps in FUTEX_WAIT; `unlock` wakes one sleeper when
//! the word was 2. [`Note`] is a one-shot wakeup for an M (gc's note):
//! `sleep` blocks the thread until `wakeup`, `clear` rearms it.
//!
//! Invariants: a runtime lock is held only in short runtime sections; it is
//! never held across a goroutine switch except by `gopark`'s unlock
//! function, which releases it on the system stack after the parked
//! goroutine's registers were saved. The zero value is an unlocked mutex
//! (channels get theirs from zeroed heap memory).

use core::sync::atomic::{AtomicU32, Ordering::*};

fn futex_wait(addr: &AtomicU32, val: u32, ns: i64) {
    let ts = libc::timespec {
        tv_sec: ns / 1_000_000_000,
        tv_nsec: ns % 1_000_000_000,
    };
    let tsp = if ns < 0 {
        core::ptr::null()
    } else {
        &ts as *const libc::timespec
    };
    // SAFETY: addr is a live u32; FUTEX_WAIT only reads it.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            addr.as_ptr(),
            libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG,
            val,
            tsp,
        )
    };
}

fn futex_wake(addr: &AtomicU32, n: i32) {
    // SAFETY: addr is a live u32.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            addr.as_ptr(),
            libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG,
            n,
        )
    };
}

#[repr(C)]
pub struct Mutex {
    key: AtomicU32,
}

impl Default for Mutex {
    fn default() -> Self {
        Self::new()
    }
}

impl Mutex {
    pub const fn new() -> Mutex {
        Mutex {
            key: AtomicU32::new(0),
        }
    }

    #[inline]
    pub fn lock(&self) {
        if self.key.compare_exchange(0, 1, Acquire, Relaxed).is_err() {
            self.lock_slow();
        }
    }

    #[cold]
    fn lock_slow(&self) {
        for _ in 0..100 {
            core::hint::spin_loop();
            if self.key.load(Relaxed) == 0
                && self.key.compare_exchange(0, 1, Acquire, Relaxed).is_ok()
            {
                return;
            }
        }
        loop {
            if self.key.swap(2, Acquire) == 0 {
                return;
            }
            futex_wait(&self.key, 2, -1);
        }
    }

    #[inline]
    pub fn try_lock(&self) -> bool {
        self.key.compare_exchange(0, 1, Acquire, Relaxed).is_ok()
    }

    #[inline]
    pub fn unlock(&self) {
        if self.key.swap(0, Release) == 2 {
            futex_wake(&self.key, 1);
        }
    }
}

/// One-shot sleep/wakeup for an M (gc's note).
#[repr(C)]
pub struct Note {
    key: AtomicU32,
}

impl Note {
    pub const fn new() -> Note {
        Note {
            key: AtomicU32::new(0),
        }
    }

    pub fn clear(&self) {
        self.key.store(0, Release);
    }

    pub fn wakeup(&self) {
        if self.key.swap(1, Release) != 0 {
            crate::panic::throw_str(b"notewakeup - double wakeup");
        }
        futex_wake(&self.key, 1);
    }

    /// Wake the sleeper if it is not awake already (may be repeated).
    pub fn poke(&self) {
        if self.key.swap(1, Release) == 0 {
            futex_wake(&self.key, 1);
        }
    }

    pub fn sleep(&self) {
        while self.key.load(Acquire) == 0 {
            futex_wait(&self.key, 0, -1);
        }
    }

    /// Sleep at most `ns` nanoseconds; true if woken.
    pub fn sleep_timeout(&self, ns: i64) -> bool {
        if self.key.load(Acquire) == 0 {
            futex_wait(&self.key, 0, ns);
        }
        self.key.load(Acquire) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutex_counts_under_contention() {
        static M: Mutex = Mutex::new();
        static mut N: u64 = 0;
        let ts: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for _ in 0..20000 {
                        M.lock();
                        // SAFETY: protected by M.
                        unsafe { *core::ptr::addr_of_mut!(N) += 1 };
                        M.unlock();
                    }
                })
            })
            .collect();
        for t in ts {
            t.join().unwrap();
        }
        // SAFETY: all writers joined.
        assert_eq!(unsafe { *core::ptr::addr_of!(N) }, 80000);
    }

    #[test]
    fn note_wakes_sleeper() {
        static N: Note = Note::new();
        let t = std::thread::spawn(|| N.sleep());
        std::thread::sleep(std::time::Duration::from_millis(5));
        N.wakeup();
        t.join().unwrap();
        N.clear();
        assert!(!N.sleep_timeout(1_000_000));
    }
}
