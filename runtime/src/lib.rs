//! rgo-runtime: the runtime linked into every rgoc program.
//!
//! Mechanisms, one per file: `proc` (program entry, goroutine 1, exit),
//! `stack` (goroutine stacks, `__morestack`), `print` (print/println),
//! `panic` (panics, runtime errors, fatal errors), `signal` (SIGSEGV & co),
//! `types` (type descriptors shared with the compiler), `malloc` (allocation
//! entry points), `string` (string operations).

pub mod complex;
pub mod malloc;
pub mod panic;
pub mod print;
pub mod proc;
pub mod signal;
pub mod stack;
pub mod string;
pub mod types;
