//! Go maps (in progress).
