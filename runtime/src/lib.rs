//! rgo-runtime: the runtime linked into every rgoc program.
//!
//! Mechanisms, one per file: `proc` (program entry, goroutine 1, exit),
//! `stack` (goroutine stacks, `__morestack`), `print` (print/println),
//! `panic` (panics, runtime errors, fatal errors), `defer` (deferred calls,
//! recover, setjmp/longjmp), `error` (runtime error values), `iface`
//! (itabs, interface conversions), `signal` (SIGSEGV & co), `sigqueue` (the other signals: os/signal's queue, gc's default actions), `types` (type
//! descriptors shared with the compiler), `malloc` (allocation entry
//! points, size classes, per-P cache), `mheap` (page heap, spans, pointer
//! bitmap, scavenger), `mgc` (the collector's cycle: concurrent mark, lazy sweep,
//! pacing, MemStats, runtime/debug knobs), `mgcmark` (marking, work queue,
//! shading), `mgcsweep` (lazy sweeping), `mbarrier` (write barriers), `mfinal` (finalizers), `mcleanup` (AddCleanup, weak pointers), `string` (string operations and conversions), `alg` (hashing
//! and equality over type descriptors, random numbers), `map` (Go maps:
//! swiss-table style groups), `slice` (makeslice, growslice, copy),
//! `complex` (complex division), `env` (arguments and environment for os),
//! `runtime2` (the G, M and P records and their status values, declared
//! together), `sched` (the M:N scheduler: run queues, stealing,
//! syscalls, sysmon, preemption, deadlock), `asm` (all the assembly:
//! goroutine switches, `__morestack`, setjmp/longjmp, trampolines), `lock` (futex locks and
//! notes), `chan` (channels and select), `sys` (read/write system calls), `timer` (sleep timers), `ostime` (clocks,
//! sleep and file system calls for time and os), `atomic` (sync/atomic's
//! operations), `sema` (semaphores for package sync).

pub mod alg;
mod asm;
pub mod atomic;
pub mod bytealg;
pub mod chan;
pub mod complex;
pub mod defer;
pub mod env;
pub mod error;
pub mod iface;
pub mod lock;
pub mod malloc;
pub mod map;
pub mod mbarrier;
pub mod mcleanup;
pub mod mfinal;
pub mod mgc;
pub mod mgcmark;
pub mod mgcsweep;
pub mod mheap;
pub mod netpoll;
pub mod ostime;
pub mod panic;
pub mod print;
pub mod proc;
pub mod runtime2;
pub mod sched;
pub mod sema;
pub mod signal;
pub mod sigqueue;
pub mod slice;
pub mod stack;
pub mod string;
pub mod symtab;
pub mod sys;
pub mod timer;
pub mod traceback;
pub mod types;
