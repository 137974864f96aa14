//! Write barrier emission (compiler/src/codegen/wb.rs): a small program is
//! built with `RGOC_DUMP_IR=1` (codegen's IR, before LLVM's passes) and each
//! function's body is checked for the barrier's flag test
//! (`load ... @runtime.writeBarrier`) and slow-path calls. The stores that
//! may hit the heap or a global must have them; stores into the frame's own
//! variables and pointer-free stores must not.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::{env, fs};

const PROGRAM: &str = r#"package main

type Node struct {
	next *Node
	val  int
	name string
	any  interface{}
}

type Big struct {
	a [10]*Node
	s string
}

type Pair struct{ a, b int }

var globalPtr *Node
var globalBig Big

//go:noinline
func setNext(p, q *Node) { p.next = q }

//go:noinline
func storeThrough(pp **Node, x *Node) { *pp = x }

//go:noinline
func setGlobal(q *Node) { globalPtr = q }

//go:noinline
func setStr(s []string, i int, str string) { s[i] = str }

//go:noinline
func setMap(m map[int]*Node, k int, p *Node) { m[k] = p }

//go:noinline
func copyBig(dst *Big, b Big) { *dst = b }

//go:noinline
func setIface(x *Node, v interface{}) { x.any = v }

//go:noinline
func appendPtrs(s []*Node, t []*Node) []*Node { return append(s, t...) }

//go:noinline
func clearStrs(s []string) { clear(s) }

//go:noinline
func copyStrs(d, s []string) int { return copy(d, s) }

//go:noinline
func newLit(q *Node) *Node { return &Node{next: q, val: 1} }

//go:noinline
func localOnly(n int) int {
	var a [4]*int
	x := 0
	for i := 0; i < n; i++ {
		a[i%4] = &x
	}
	s := "a"
	for i := 0; i < n; i++ {
		s = s + "b"
	}
	return len(s) + len(a)
}

//go:noinline
func noPtrs(p *[4]int, q *Pair, m map[int]int) {
	p[1] = 5
	q.a = 7
	m[1] = 2
}

//go:noinline
func constLit() *Node { return &Node{name: "x", val: 1} }

//go:noinline
func constSlice() []string { return []string{"a", "b", "c"} }

func main() {
	a, b := &Node{}, &Node{}
	setNext(a, b)
	storeThrough(&a.next, b)
	setGlobal(a)
	s := make([]string, 3)
	setStr(s, 1, "hi")
	m := map[int]*Node{}
	setMap(m, 1, a)
	var big Big
	copyBig(&globalBig, big)
	setIface(a, 5)
	_ = appendPtrs(nil, []*Node{a})
	clearStrs(s)
	_ = copyStrs(s, constSlice())
	var arr [4]int
	noPtrs(&arr, &Pair{}, map[int]int{})
	println(newLit(a).val, constLit().name, localOnly(3))
}
"#;

/// The bodies of the `main.*` functions in an LLVM IR module's text.
fn functions(ir: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut cur: Option<(String, String)> = None;
    for line in ir.lines() {
        if let Some(rest) = line.strip_prefix("define ") {
            let name = rest
                .split('@')
                .nth(1)
                .and_then(|r| r.split('(').next())
                .unwrap_or("")
                .trim_matches('"')
                .to_string();
            cur = Some((name, String::new()));
        } else if line == "}" {
            if let Some((n, body)) = cur.take() {
                out.insert(n, body);
            }
        } else if let Some((_, body)) = cur.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

#[test]
fn barriers_where_needed_and_only_there() {
    let dir = env::temp_dir().join(format!("rgoc-wb-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let src = dir.join("wb.go");
    fs::write(&src, PROGRAM).unwrap();
    let exe = dir.join("wb");
    let out = Command::new(PathBuf::from(env!("CARGO_BIN_EXE_rgoc")))
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .arg(&src)
        .env("RGOC_DUMP_IR", "1")
        .output()
        .expect("run rgoc");
    let ir = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "rgoc build failed:\n{}",
        &ir[ir.len().saturating_sub(2000)..]
    );
    // The program runs the same with barriers forced on.
    for force in [false, true] {
        let mut cmd = Command::new(&exe);
        if force {
            cmd.env("GODEBUG", "wbforce=1");
        }
        let run = cmd.output().expect("run program");
        assert!(run.status.success(), "wbforce={force}: {:?}", run);
        assert_eq!(
            String::from_utf8_lossy(&run.stderr),
            "1 x 8\n",
            "wbforce={force}"
        );
    }
    let _ = fs::remove_dir_all(&dir);
    let fns = functions(&ir);
    let body = |name: &str| -> &str {
        fns.get(&format!("main.{name}"))
            .unwrap_or_else(|| panic!("no function main.{name} in the IR"))
    };
    let flag = "@runtime.writeBarrier";
    // (function, the slow-path call it must contain)
    let with = [
        ("setNext", "@runtime.gcWriteBarrier("),
        ("storeThrough", "@runtime.gcWriteBarrier("),
        ("setGlobal", "@runtime.gcWriteBarrier(ptr @main.globalPtr"),
        ("setStr", "@runtime.wbCopy("),
        ("setMap", "@runtime.gcWriteBarrier("),
        ("copyBig", "@runtime.wbCopy("),
        ("setIface", "@runtime.wbCopy("),
        ("appendPtrs", "@runtime.wbCopy("),
        ("clearStrs", "@runtime.wbClear("),
        ("copyStrs", "@runtime.typedslicecopy("),
    ];
    for (f, call) in with {
        let b = body(f);
        assert!(b.contains(call), "main.{f}: no `{call}` in\n{b}");
        if !call.contains("typedslicecopy") {
            assert!(b.contains(flag), "main.{f}: no flag test in\n{b}");
        }
    }
    // newLit initialises a fresh object: no barrier (stacks are all
    // scanned when marking starts; see codegen/wb.rs).
    for f in ["localOnly", "noPtrs", "constLit", "constSlice", "newLit"] {
        let b = body(f);
        assert!(
            !b.contains(flag),
            "main.{f}: unexpected write barrier in\n{b}"
        );
    }
}
