//! Golden tests of the go command's shape: `testdata/modules/NAME.cmds`
//! lists commands run in the module `testdata/modules/NAME` (see
//! `scripts/golden-modules`, which produced `NAME.golden` with the
//! reference go); here each `go ...` line runs rgoc instead and stdout,
//! stderr and the exit status must equal the golden file's, normalised on
//! both sides (durations, benchmark numbers, the cpu line, temporary and
//! module directories).
//!
//! `compiler/tests/modules.rs` also checks the package cache: after an
//! edit of one leaf package, `rgoc build -v` recompiles exactly it and its
//! importers, and a no-change rebuild compiles nothing.
//!
//! `RGOC_BIN` overrides the compiler under test.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

fn rgoc() -> PathBuf {
    env::var_os("RGOC_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rgoc")))
}

fn modules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/modules")
}

/// Keep in step with normalise in scripts/golden-modules.
fn normalise(text: &str, tmp: &str, moddir: &str) -> String {
    let duration = Regex::new(r"\b\d+\.\d+s\b").unwrap();
    let bench = Regex::new(r"^(Benchmark\S*)\s+\d+(\s+.*)$").unwrap();
    let number_unit = Regex::new(r"[-+]?\d+(\.\d+)?\s+(\S+)").unwrap();
    let procs = Regex::new(r"-\d+$").unwrap();
    let text = text.replace(tmp, "$TMP").replace(moddir, "$DIR");
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut line = line.to_string();
        if let Some(m) = bench.captures(&line).filter(|_| line.contains("ns/op")) {
            let units: Vec<String> = number_unit.captures_iter(&m[2]).map(|u| format!(" N {}", &u[2])).collect();
            line = format!("{} N{}", procs.replace(&m[1], ""), units.concat());
        } else if line.starts_with("cpu: ") {
            line = "cpu: X".into();
        }
        out.push(duration.replace_all(&line, "N.NNs").into_owned());
    }
    out.join("\n")
}

fn with_newline(s: String) -> String {
    if s.ends_with('\n') {
        s
    } else {
        s + "\n"
    }
}

fn run_cmds(name: &str) -> Result<(), String> {
    let dir = modules_dir();
    let cmds = fs::read_to_string(dir.join(format!("{name}.cmds"))).unwrap();
    let want = fs::read_to_string(dir.join(format!("{name}.golden"))).unwrap();
    let moddir = fs::canonicalize(dir.join(name)).unwrap();
    let tmp = env::temp_dir().join(format!("rgoc-modules-{}-{}", name, std::process::id()));
    fs::create_dir_all(&tmp).unwrap();
    let tmp_s = tmp.display().to_string();
    let mod_s = moddir.display().to_string();
    let mut got = String::new();
    for line in cmds.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (d, cmd) = line.split_once(": ").expect("DIR: COMMAND");
        let mut argv: Vec<String> = cmd.split_whitespace().map(|a| a.replace("$TMP", &tmp_s)).collect();
        let prog = if argv[0] == "go" { rgoc().display().to_string() } else { argv[0].clone() };
        argv.remove(0);
        let out = Command::new(&prog)
            .args(&argv)
            .current_dir(moddir.join(d))
            .env_remove("GOFLAGS")
            .output()
            .unwrap_or_else(|e| panic!("{prog}: {e}"));
        got.push_str(&format!("$ {d}: {cmd}\n"));
        got.push_str(&with_newline(format!("--- stdout\n{}", normalise(&String::from_utf8_lossy(&out.stdout), &tmp_s, &mod_s))));
        got.push_str(&with_newline(format!("--- stderr\n{}", normalise(&String::from_utf8_lossy(&out.stderr), &tmp_s, &mod_s))));
        got.push_str(&format!("--- exit {}\n", out.status.code().unwrap_or(-1)));
    }
    let _ = fs::remove_dir_all(&tmp);
    if got == want {
        return Ok(());
    }
    // The first differing command, for the report.
    let split = |s: &str| -> Vec<String> { s.split("\n$ ").map(String::from).collect() };
    let (g, w) = (split(&got), split(&want));
    for (a, b) in g.iter().zip(&w) {
        if a != b {
            return Err(format!("{name}: mismatch\n--- want\n$ {b}\n--- got\n$ {a}"));
        }
    }
    Err(format!("{name}: {} commands run, {} expected", g.len(), w.len()))
}

#[test]
fn module_commands() {
    let mut names: Vec<String> = fs::read_dir(modules_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".cmds")).map(String::from))
        .collect();
    names.sort();
    let failures: Vec<String> = names.iter().filter_map(|n| run_cmds(n).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn build_v(dir: &Path, cache: &Path) -> (Vec<String>, std::time::Duration) {
    let start = std::time::Instant::now();
    let out = Command::new(rgoc()).args(["build", "-v", "./..."]).current_dir(dir).env("RGOC_CACHE", cache).output().unwrap();
    let took = start.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = String::from_utf8_lossy(&out.stderr).lines().map(String::from).collect();
    (lines, took)
}

/// An edit of a leaf package rebuilds it and its importers only; a
/// no-change rebuild compiles nothing.
#[test]
fn package_cache_rebuilds_dependents_only() {
    let tmp = env::temp_dir().join(format!("rgoc-cache-test-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let dir = tmp.join("basic");
    copy_dir(&modules_dir().join("basic"), &dir);
    // The user's cache holds the standard library already (or gets it).
    let cache = env::var_os("RGOC_CACHE").map(PathBuf::from).unwrap_or_else(|| tmp.join("cache"));
    build_v(&dir, &cache);
    let (lines, _) = build_v(&dir, &cache);
    assert!(lines.is_empty(), "no-change rebuild compiled {lines:?}");
    let f = dir.join("geom/geom.go");
    let mut src = fs::read_to_string(&f).unwrap();
    src.push_str("\nfunc Extra() int { return 1 }\n");
    fs::write(&f, src).unwrap();
    let (lines, _) = build_v(&dir, &cache);
    assert_eq!(lines, ["example.com/shapes/geom", "example.com/shapes/cmd/shapes"]);
    let f = dir.join("internal/fmtx/fmtx.go");
    let mut src = fs::read_to_string(&f).unwrap();
    src.push_str("\n// edited\n");
    fs::write(&f, src).unwrap();
    let (lines, _) = build_v(&dir, &cache);
    assert_eq!(lines, ["example.com/shapes/internal/fmtx", "example.com/shapes/cmd/shapes"]);
    let (lines, took) = build_v(&dir, &cache);
    assert!(lines.is_empty());
    assert!(took.as_secs_f64() < 1.0, "no-change rebuild took {took:?}");
    let _ = fs::remove_dir_all(&tmp);
}

/// Instances of generic code that involve nothing of the main package
/// (here `slices.Index[[]string,string]`) are compiled in a module of
/// their own, cached across edits of the main package; a new instance
/// recompiles that module.
#[test]
fn shared_instances_survive_main_edits() {
    let tmp = env::temp_dir().join(format!("rgoc-shared-inst-test-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).unwrap();
    let cache = env::var_os("RGOC_CACHE").map(PathBuf::from).unwrap_or_else(|| tmp.join("cache"));
    let main = tmp.join("main.go");
    let build = |extra: &str| -> (String, String) {
        let src = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\nfunc first[T any](s []T) T {{ return s[0] }}\n\nfunc main() {{\n\ts := []string{{\"a\", \"b\"}}\n\tfmt.Println(slices.Index(s, \"b\"), first(s))\n{extra}}}\n"
        );
        fs::write(&main, src).unwrap();
        let exe = tmp.join("prog");
        let out = Command::new(rgoc()).args(["build", "-x", "-o"]).arg(&exe).arg(&main).env("RGOC_CACHE", &cache).output().unwrap();
        let log = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{log}");
        let run = Command::new(&exe).output().unwrap();
        (log, String::from_utf8_lossy(&run.stdout).into_owned())
    };
    let (_, out) = build("");
    assert_eq!(out, "1 a\n");
    let (log, out) = build("\t// edited\n");
    assert_eq!(out, "1 a\n");
    assert!(log.contains("rgoc compile -p main -o"), "main not recompiled:\n{log}");
    assert!(log.contains("# cache hit: shared instances"), "shared instances recompiled after an edit of main:\n{log}");
    let (log, out) = build("\tfmt.Println(slices.Contains([]complex64{3}, 3), first([]int{7}))\n");
    assert_eq!(out, "1 a\ntrue 7\n");
    assert!(log.contains("-shared-instances -o"), "a new instance did not recompile the shared instances:\n{log}");
    let _ = fs::remove_dir_all(&tmp);
}

#[test]
fn race_is_rejected() {
    let out = Command::new(rgoc()).args(["build", "-race", "."]).current_dir(modules_dir().join("basic")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-race is not supported"));
}
