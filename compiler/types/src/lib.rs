//! rgoc-types: the Go type checker.
