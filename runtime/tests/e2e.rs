//! Runs tests/e2e/run.sh (C + LLVM IR harness linked against the staticlib;
//! see tests/e2e/README.md). Deliberately does not use the `rgo_runtime`
//! rlib: the runtime defines the C `main`, which would clash with the test
//! harness's.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn e2e_harness() {
    if Command::new("clang-19").arg("--version").output().is_err() {
        eprintln!("clang-19 not found: skipping the end-to-end runtime test");
        return;
    }
    // Cargo builds the library (crate-types staticlib + rlib) into
    // target/debug/deps before running integration tests, but does not
    // copy that build to target/debug/librgo_runtime.a (that is `cargo
    // build`'s). Take the newest librgo_runtime-*.a next to this test.
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    let lib: PathBuf = std::fs::read_dir(deps)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("librgo_runtime-") && n.ends_with(".a")
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .expect("no librgo_runtime-*.a in target/debug/deps");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/run.sh");
    let out = Command::new("sh").arg(&script).arg(&lib).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "end-to-end runtime test failed");
}
