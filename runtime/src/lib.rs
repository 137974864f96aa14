//! rgo-runtime: the runtime linked into every rgoc program.
//!
//! Mechanisms, one per file: `proc` (program entry, goroutine 1, exit),
//! `stack` (goroutine stacks, `__morestack`), `print` (print/println),
//! `panic` (panics, runtime errors, fatal errors), `defer` (deferred calls,
//! recover, setjmp/longjmp), `error` (runtime error values), `iface`
//! (itabs, interface conversions), `signal` (SIGSEGV & co), `types` (type
//! descriptors shared with the compiler), `malloc` (allocation entry
//! points), `string` (string operations).

pub mod defer;
pub mod error;
pub mod iface;
pub mod malloc;
pub mod panic;
pub mod print;
pub mod proc;
pub mod signal;
pub mod stack;
pub mod string;
pub mod types;
