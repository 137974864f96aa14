//! Escape analysis of address-taken locals (compiler/src/codegen/escape.rs):
//! which variables of a small program stay in their frames, as
//! `RGOC_ESCAPE_DEBUG=1` lists them, with the analysis on (the default) and
//! off (`RGOC_ESCAPE=0`). Whether the program still runs correctly is the
//! golden tests' business (testdata/run/escape_flows.go, escape_stack.go).

use std::path::PathBuf;
use std::process::Command;
use std::{env, fs};

const PROGRAM: &str = r#"package main

type frame struct {
	parent *frame
	depth  int
}

// f stays: its address goes to the recursive call and to q, and p only
// into f (a parameter that does not leak).
func walk(p *frame, n int) int {
	var f frame
	f.parent = p
	f.depth = p.depth + 1
	if n == 0 {
		s := 0
		for q := &f; q != nil; q = q.parent {
			s += q.depth
		}
		return s
	}
	return walk(&f, n-1)
}

var g *int

func leak(p *int) { g = p }

func through(pp **int, p *int) { *pp = p }

type holder struct{ p *int }

func main() {
	var root frame
	println(walk(&root, 10))
	var leaked int
	leak(&leaked)
	var stored int
	h := &holder{}
	h.p = &stored
	var viaPtr int
	through(&h.p, &viaPtr)
	var ptrs [2]*int
	for i := 0; i < 2; i++ {
		perIter := i
		ptrs[i] = &perIter
	}
	var buf [8]byte
	n := copy(buf[:], "frame")
	println(string(buf[:n]), *ptrs[0])
}
"#;

/// `name@line` of each variable rgoc keeps in its frame in package main.
fn frame_vars(escape: Option<&str>) -> Vec<String> {
    let dir = env::temp_dir().join(format!("rgoc-escape-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let src = dir.join("esc.go");
    // A fresh main package each time: a cached one is not compiled again
    // and prints nothing.
    let stamp = format!("{:?}", std::time::SystemTime::now());
    fs::write(&src, format!("{PROGRAM}\n// {stamp} {escape:?}\n")).unwrap();
    let mut cmd = Command::new(PathBuf::from(env!("CARGO_BIN_EXE_rgoc")));
    cmd.arg("build").arg("-o").arg(dir.join("esc")).arg(&src).env("RGOC_ESCAPE_DEBUG", "1");
    match escape {
        Some(v) => cmd.env("RGOC_ESCAPE", v),
        None => cmd.env_remove("RGOC_ESCAPE"),
    };
    let out = cmd.output().expect("run rgoc");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "rgoc build failed:\n{err}");
    let _ = fs::remove_dir_all(&dir);
    let mut vars: Vec<String> = err
        .lines()
        .filter_map(|l| l.strip_prefix("escape: main: "))
        .filter_map(|l| {
            let (pos, rest) = l.split_once(": ")?;
            let line = pos.split(':').next()?;
            Some(format!("{}@{}", rest.strip_suffix(" stays in its frame")?, line))
        })
        .collect();
    vars.sort();
    vars
}

#[test]
fn frame_variables() {
    // walk's f, main's root (passed to walk) and buf (only copied out of);
    // not leaked (stored in a global by leak), stored (in a heap object),
    // viaPtr (stored through a pointer) or perIter (kept beyond its
    // iteration in an array declared outside the loop).
    assert_eq!(frame_vars(None), ["buf@47", "f@11", "root@33"]);
    assert!(frame_vars(Some("0")).is_empty());
}
