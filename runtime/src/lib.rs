//! rgo-runtime: the runtime linked into every rgoc program.

pub mod types;
