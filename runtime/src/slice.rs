//! Slices (in progress).
