// Package maps is gc's map implementation (swiss tables over gc's type
// layout). rgoc's maps are the Rust runtime's (runtime/src/map.rs), so
// this overlay keeps only what packages outside gc's runtime use:
// hash/maphash reads Use64BitHash (its hashing goes through the map
// type's Hasher, runtime/src/alg.rs). Anything else of gc's package is
// absent and fails to compile.
package maps

// Use64BitHash reports whether the runtime's hash functions produce 64
// bits (gc: not on 32-bit platforms and wasm).
const Use64BitHash = true
