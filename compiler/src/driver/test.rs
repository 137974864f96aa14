//! `rgoc test`: for each package, a test binary made of the package with
//! its in-package `_test.go` files, the external `_test` package and a
//! generated main (`_testmain.go`) calling `testing.MainStart`; it runs in
//! the package directory and its output is reported as go test does
//! (`ok  \tpkg\t0.012s`, `FAIL\tpkg\t0.012s`, `?   \tpkg\t[no test files]`).
//!
//! Logging calls in test files (`t.Errorf(...)` on a variable declared
//! `*testing.T`/`B`/`F` or `testing.TB`) are rewritten to record their
//! `file:line` first (`t.RgocAt("x_test.go:12").Errorf(...)`): rgoc has no
//! runtime.Caller. Calls of helper functions (those calling `.Helper()`)
//! record the caller's line instead.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::rc::Rc;
use std::time::Instant;

use super::build::{self, Opts, Unit};
use super::load::Package;

struct TestFlags {
    /// Flags for the test binary (-test.run=...).
    bin: Vec<String>,
    verbose: bool,
    json: bool,
    timeout: Option<String>,
    /// -c: compile the test binary only; -o names it.
    compile_only: bool,
    out: Option<String>,
    /// Arguments after -args.
    args: Vec<String>,
}

/// go test's flags that go to the test binary, and whether they take a value.
fn test_flag(name: &str) -> Option<bool> {
    Some(match name {
        "run" | "bench" | "benchtime" | "count" | "cpu" | "list" | "parallel" | "skip" | "timeout" | "fuzz" | "fuzztime" | "fuzzminimizetime" | "shuffle" | "outputdir" | "coverprofile" | "blockprofile" | "cpuprofile" | "memprofile" | "mutexprofile" | "trace" | "memprofilerate" | "blockprofilerate" | "mutexprofilefraction" => true,
        "v" | "short" | "benchmem" | "failfast" | "json" | "fullpath" => false,
        _ => return None,
    })
}

pub fn test_cmd(args: &[String]) -> ExitCode {
    let mut build_args: Vec<String> = Vec::new();
    let mut pkgs_args: Vec<String> = Vec::new();
    let mut tf = TestFlags { bin: Vec::new(), verbose: false, json: false, timeout: None, compile_only: false, out: None, args: Vec::new() };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-args" || a == "--args" {
            tf.args.extend(args[i + 1..].iter().cloned());
            break;
        }
        if !a.starts_with('-') {
            pkgs_args.push(a.clone());
            i += 1;
            continue;
        }
        let flag = a.trim_start_matches('-');
        let (name, value) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.to_string(), None),
        };
        let name = name.strip_prefix("test.").map(String::from).unwrap_or(name);
        if name == "c" {
            tf.compile_only = true;
            i += 1;
            continue;
        }
        if name == "o" {
            let v = match value {
                Some(v) => v,
                None => {
                    i += 1;
                    args.get(i).cloned().unwrap_or_default()
                }
            };
            tf.out = Some(v);
            i += 1;
            continue;
        }
        if let Some(takes) = test_flag(&name) {
            let v = if takes {
                match value {
                    Some(v) => Some(v),
                    None => {
                        i += 1;
                        match args.get(i) {
                            Some(v) => Some(v.clone()),
                            None => {
                                eprintln!("flag needs an argument: -{}", name);
                                return ExitCode::from(2);
                            }
                        }
                    }
                }
            } else {
                value
            };
            match name.as_str() {
                "v" => tf.verbose = v.as_deref().is_none_or(|v| v == "true"),
                "json" => tf.json = true,
                "timeout" => tf.timeout = v.clone(),
                _ => {}
            }
            if name == "json" {
                i += 1;
                continue;
            }
            match v {
                Some(v) => tf.bin.push(format!("-test.{}={}", name, v)),
                None => tf.bin.push(format!("-test.{}", name)),
            }
            i += 1;
            continue;
        }
        // A build flag (with its value when it takes one).
        build_args.push(a.clone());
        if value.is_none() && matches!(name.as_str(), "ldflags" | "tags" | "mod" | "gcflags" | "p" | "C") {
            i += 1;
            if let Some(v) = args.get(i) {
                build_args.push(v.clone());
            }
        }
        i += 1;
    }
    if tf.json {
        eprintln!("rgoc test: -json is not supported");
        return ExitCode::from(2);
    }
    // go test's default timeout is 10 minutes.
    if tf.timeout.is_none() {
        tf.bin.push("-test.timeout=10m0s".into());
    }
    build_args.extend(pkgs_args.iter().cloned());
    let p = match super::parse_build_flags("test", &build_args) {
        Ok(p) => p,
        Err(e) => return super::fail("test", &e),
    };
    let opts = p.opts.clone();
    let local_mode = p.args.is_empty();
    let (mut l, pkgs) = match super::load_packages(&opts, &p.args) {
        Ok(x) => x,
        Err(e) => return super::fail("test", &e),
    };
    let mut any_failed = false;
    for pkg in &pkgs {
        let out = std::io::stdout();
        let r = test_package(&mut l, pkg, &opts, &tf, local_mode);
        let _ = out.lock().flush();
        if !r {
            any_failed = true;
            if tf.bin.iter().any(|f| f == "-test.failfast") {
                // go test -failfast still tests the other packages.
            }
        }
    }
    if any_failed {
        if !local_mode {
            println!("FAIL");
        }
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// A test, benchmark, fuzz target or example function found in a file.
#[derive(Default)]
struct Found {
    tests: Vec<(String, bool)>,
    benchmarks: Vec<(String, bool)>,
    fuzz: Vec<(String, bool)>,
    /// (name, in xtest, output, unordered)
    examples: Vec<(String, bool, String, bool)>,
    test_main: Option<bool>,
}

/// go's isTest: `prefix` followed by nothing or a non-lower-case letter.
fn is_test(name: &str, prefix: &str) -> bool {
    match name.strip_prefix(prefix) {
        Some("") => true,
        Some(rest) => !rest.chars().next().is_some_and(|c| c.is_lowercase()),
        None => false,
    }
}

/// Finds the test functions of one file (parsed on its own).
fn scan_tests(src: &str, xtest: bool, found: &mut Found) {
    let mut ids = rgoc_syntax::NodeIds::default();
    let (file, _) = rgoc_syntax::parse_file("x.go", src, 0, &mut ids);
    let lines: Vec<&str> = src.lines().collect();
    for d in &file.decls {
        let rgoc_syntax::ast::Decl::Func(fd) = d else { continue };
        if fd.recv.is_some() || !fd.type_params.is_empty() {
            continue;
        }
        let name = fd.name.name.clone();
        let nparams: usize = fd.sig.params.iter().map(|p| p.names.len().max(1)).sum();
        if name == "TestMain" && nparams == 1 {
            found.test_main = Some(xtest);
            continue;
        }
        if is_test(&name, "Test") && nparams == 1 {
            found.tests.push((name, xtest));
        } else if is_test(&name, "Benchmark") && nparams == 1 {
            found.benchmarks.push((name, xtest));
        } else if is_test(&name, "Fuzz") && nparams == 1 {
            found.fuzz.push((name, xtest));
        } else if is_test(&name, "Example") && nparams == 0 && fd.sig.results.is_empty() {
            let Some(body) = &fd.body else { continue };
            let (a, b) = (body.pos.line as usize, body.rbrace.line as usize);
            if let Some((out, unordered)) = example_output(&lines, a, b) {
                found.examples.push((name, xtest, out, unordered));
            }
        }
    }
}

/// The `// Output:` (or `// Unordered output:`) comment that ends an
/// example's body (lines a..=b, 1-based), as go/doc extracts it.
fn example_output(lines: &[&str], a: usize, b: usize) -> Option<(String, bool)> {
    // The last comment group of the body: consecutive // lines before the
    // closing brace (ignoring blank lines).
    let mut end = b.saturating_sub(1); // line before the closing brace, 1-based
    let closing = lines.get(b.saturating_sub(1)).copied().unwrap_or("");
    let mut group: Vec<String> = Vec::new();
    // The closing brace line may hold a comment before it (rare); ignore.
    let _ = closing;
    while end > a {
        let l = lines.get(end - 1).map(|s| s.trim()).unwrap_or("");
        if l.is_empty() && group.is_empty() {
            end -= 1;
            continue;
        }
        if let Some(c) = l.strip_prefix("//") {
            group.push(c.strip_prefix(' ').unwrap_or(c).to_string());
            end -= 1;
            continue;
        }
        break;
    }
    group.reverse();
    // Trim leading/trailing blank lines as CommentGroup.Text does.
    let text = group.join("\n");
    let lower = text.to_lowercase();
    for (prefix, unordered) in [("unordered output:", true), ("output:", false)] {
        if lower.trim_start().starts_with(prefix) {
            let start = text.len() - text.trim_start().len() + prefix.len();
            let out = text[start..].trim_start_matches([' ', '\t']).trim_start_matches('\n');
            let out = out.trim_end();
            return Some((if out.is_empty() { String::new() } else { format!("{}\n", out) }, unordered));
        }
    }
    None
}

fn go_quote(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\x{:02x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The generated main package of a test binary.
fn testmain(ip: &str, f: &Found, has_internal: bool, has_x: bool) -> String {
    let mut s = String::from("// Code generated by 'rgoc test'. DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n\t\"testing\"\n");
    let uses_internal = f.tests.iter().chain(&f.benchmarks).chain(&f.fuzz).any(|t| !t.1) || f.examples.iter().any(|e| !e.1) || f.test_main == Some(false);
    let uses_x = f.tests.iter().chain(&f.benchmarks).chain(&f.fuzz).any(|t| t.1) || f.examples.iter().any(|e| e.1) || f.test_main == Some(true);
    if has_internal || !has_x {
        if uses_internal {
            s.push_str(&format!("\t_test {}\n", go_quote(ip)));
        } else {
            s.push_str(&format!("\t_ {}\n", go_quote(ip)));
        }
    }
    if has_x {
        if uses_x {
            s.push_str(&format!("\t_xtest {}\n", go_quote(&format!("{}_test", ip))));
        } else {
            s.push_str(&format!("\t_ {}\n", go_quote(&format!("{}_test", ip))));
        }
    }
    s.push_str(")\n\n");
    let q = |x: bool| if x { "_xtest" } else { "_test" };
    s.push_str("var tests = []testing.InternalTest{\n");
    for (n, x) in &f.tests {
        s.push_str(&format!("\t{{{}, {}.{}}},\n", go_quote(n), q(*x), n));
    }
    s.push_str("}\n\nvar benchmarks = []testing.InternalBenchmark{\n");
    for (n, x) in &f.benchmarks {
        s.push_str(&format!("\t{{{}, {}.{}}},\n", go_quote(n), q(*x), n));
    }
    s.push_str("}\n\nvar fuzzTargets = []testing.InternalFuzzTarget{\n");
    for (n, x) in &f.fuzz {
        s.push_str(&format!("\t{{{}, {}.{}}},\n", go_quote(n), q(*x), n));
    }
    s.push_str("}\n\nvar examples = []testing.InternalExample{\n");
    for (n, x, out, unordered) in &f.examples {
        s.push_str(&format!("\t{{{}, {}.{}, {}, {}}},\n", go_quote(n), q(*x), n, go_quote(out), unordered));
    }
    s.push_str("}\n\nfunc main() {\n");
    s.push_str(&format!("\tm := testing.MainStart({}, tests, benchmarks, fuzzTargets, examples)\n", go_quote(ip)));
    match f.test_main {
        Some(x) => {
            s.push_str(&format!("\t{}.TestMain(m)\n", q(x)));
            s.push_str("\tos.Exit(m.RgocExitCode())\n");
        }
        None => s.push_str("\tos.Exit(m.Run())\n"),
    }
    s.push_str("}\n");
    s
}

/// A token of the rewriter's lexer: (start byte, end byte, line).
#[derive(Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    line: u32,
}

/// Go tokens of `src` (identifiers, punctuation; strings, runes, numbers
/// and comments skipped but kept as opaque tokens where they matter).
fn lex(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            i += 1;
        } else if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
        } else if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                if b[i] == b'\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
        } else if c == b'"' || c == b'\'' {
            let st = i;
            i += 1;
            while i < b.len() && b[i] != c && b[i] != b'\n' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(Tok { start: st, end: i.min(b.len()), line });
        } else if c == b'`' {
            let st = i;
            let l0 = line;
            i += 1;
            while i < b.len() && b[i] != b'`' {
                if b[i] == b'\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(Tok { start: st, end: i.min(b.len()), line: l0 });
        } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            let st = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            out.push(Tok { start: st, end: i, line });
        } else {
            out.push(Tok { start: i, end: i + 1, line });
            i += 1;
        }
    }
    out
}

const LOG_METHODS: &[&str] = &["Error", "Errorf", "Fatal", "Fatalf", "Log", "Logf", "Skip", "Skipf"];

/// Rewrites logging calls and helper calls of a test file (see the module
/// comment). `helpers`: names of the package's helper functions.
fn rewrite_test_file(src: &str, base: &str, helpers: &HashSet<String>) -> String {
    let toks = lex(src);
    let text = |t: &Tok| &src[t.start..t.end];
    // The file's name for package testing.
    let mut tname = "testing".to_string();
    for w in toks.windows(2) {
        if text(&w[1]) == "\"testing\"" && text(&w[0]) != "import" && text(&w[0]) != "(" {
            let n = text(&w[0]);
            if n.chars().all(|c| c.is_alphanumeric() || c == '_') && n != "_" {
                tname = n.to_string();
            }
        }
    }
    // Variables declared with testing types: NAME *testing.T, NAME testing.TB.
    let mut vars: HashSet<String> = HashSet::new();
    for (k, w) in toks.windows(5).enumerate() {
        let is_ident = |t: &Tok| {
            let s = text(t);
            s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        };
        if is_ident(&w[0]) && text(&w[1]) == "*" && text(&w[2]) == tname && text(&w[3]) == "." && matches!(text(&w[4]), "T" | "B" | "F") {
            vars.insert(text(&w[0]).to_string());
        }
        if is_ident(&w[0]) && text(&w[1]) == tname && text(&w[2]) == "." && text(&w[3]) == "TB" {
            vars.insert(text(&w[0]).to_string());
        }
        let _ = k;
    }
    // Which tokens are inside a helper function body: func NAME(...) { ... X.Helper() ... }
    let mut in_helper = vec![false; toks.len()];
    let mut k = 0;
    while k < toks.len() {
        if text(&toks[k]) == "func" {
            // Find the body's opening brace at depth 0 of parens.
            let mut j = k + 1;
            let mut depth = 0i32;
            while j < toks.len() {
                match text(&toks[j]) {
                    "(" | "[" => depth += 1,
                    ")" | "]" => depth -= 1,
                    "{" if depth == 0 => break,
                    _ => {}
                }
                j += 1;
            }
            if j >= toks.len() {
                break;
            }
            let open = j;
            let mut d = 0i32;
            let mut close = open;
            let mut helper = false;
            while close < toks.len() {
                match text(&toks[close]) {
                    "{" => d += 1,
                    "}" => {
                        d -= 1;
                        if d == 0 {
                            break;
                        }
                    }
                    "Helper" if close >= 1 && text(&toks[close - 1]) == "." && close + 1 < toks.len() && text(&toks[close + 1]) == "(" => {
                        // Only the function's own body (depth 1) makes it a helper.
                        if d == 1 {
                            helper = true;
                        }
                    }
                    _ => {}
                }
                close += 1;
            }
            if helper {
                for h in in_helper.iter_mut().take(close.min(toks.len())).skip(open) {
                    *h = true;
                }
            }
            k = open + 1;
            continue;
        }
        k += 1;
    }
    // Insertions: (byte offset, text).
    let mut ins: Vec<(usize, String)> = Vec::new();
    for k in 2..toks.len().saturating_sub(1) {
        let m = text(&toks[k]);
        if LOG_METHODS.contains(&m) && text(&toks[k - 1]) == "." && text(&toks[k + 1]) == "(" && vars.contains(text(&toks[k - 2])) && (k < 3 || text(&toks[k - 3]) != ".") {
            let method = if in_helper[k] { "RgocAtHelper" } else { "RgocAt" };
            ins.push((toks[k].start, format!("{}(\"{}:{}\").", method, base, toks[k].line)));
        }
    }
    // Calls of helper functions at the start of a statement, with a testing
    // variable as first argument: record the call's line first.
    for k in 1..toks.len().saturating_sub(2) {
        let name = text(&toks[k]);
        if !helpers.contains(name) || text(&toks[k + 1]) != "(" || !vars.contains(text(&toks[k + 2])) {
            continue;
        }
        let prev = text(&toks[k - 1]);
        let stmt_start = prev == "{" || prev == "}" || prev == ";" || (toks[k - 1].line < toks[k].line && !matches!(prev, "(" | "," | "=" | ":=" | "+" | "-" | "&&" | "||" | "." | "return" | "go" | "defer" | "!" | "&" | "*" | "|" | "&^" | "<" | ">" | ":"));
        if !stmt_start {
            continue;
        }
        let var = text(&toks[k + 2]);
        let method = if in_helper[k] { "RgocPendingKeep" } else { "RgocPending" };
        ins.push((toks[k].start, format!("{}.{}(\"{}:{}\"); ", var, method, base, toks[k].line)));
    }
    if ins.is_empty() {
        return src.to_string();
    }
    ins.sort_by_key(|x| x.0);
    let mut out = String::with_capacity(src.len() + ins.len() * 32);
    let mut last = 0;
    for (at, s) in ins {
        out.push_str(&src[last..at]);
        out.push_str(&s);
        last = at;
    }
    out.push_str(&src[last..]);
    out
}

/// Names of the top-level functions of the test files that call `.Helper()`.
fn helper_funcs(srcs: &[String]) -> HashSet<String> {
    let mut out = HashSet::new();
    for src in srcs {
        let toks = lex(src);
        let text = |t: &Tok| &src[t.start..t.end];
        let mut k = 0;
        while k + 1 < toks.len() {
            if text(&toks[k]) == "func" && text(&toks[k + 1]) != "(" && toks[k].start == src[..toks[k].start].rfind('\n').map(|p| p + 1).unwrap_or(0) {
                let name = text(&toks[k + 1]).to_string();
                let mut j = k + 2;
                let mut depth = 0;
                while j < toks.len() {
                    match text(&toks[j]) {
                        "(" | "[" => depth += 1,
                        ")" | "]" => depth -= 1,
                        "{" if depth == 0 => break,
                        _ => {}
                    }
                    j += 1;
                }
                let mut d = 0;
                while j < toks.len() {
                    match text(&toks[j]) {
                        "{" => d += 1,
                        "}" => {
                            d -= 1;
                            if d == 0 {
                                break;
                            }
                        }
                        "Helper" if d == 1 && text(&toks[j - 1]) == "." => {
                            out.insert(name.clone());
                        }
                        _ => {}
                    }
                    j += 1;
                }
                k = j;
                continue;
            }
            k += 1;
        }
    }
    out
}

/// The units of the test binary of `pkg` (dependency order, the
/// generated main last).
pub fn test_units(l: &mut super::load::Loader, pkg: &Rc<Package>) -> Result<Vec<Unit>, String> {
    let ip = pkg.import_path.clone();
    // Sources of the test files, rewritten.
    let read = |f: &String| std::fs::read_to_string(pkg.dir.join(f)).unwrap_or_default();
    let test_srcs: Vec<String> = pkg.test_go_files.iter().map(read).collect();
    let xtest_srcs: Vec<String> = pkg.xtest_go_files.iter().map(read).collect();
    let mut found = Found::default();
    for s in &test_srcs {
        scan_tests(s, false, &mut found);
    }
    for s in &xtest_srcs {
        scan_tests(s, true, &mut found);
    }
    let all: Vec<String> = test_srcs.iter().chain(&xtest_srcs).cloned().collect();
    let helpers_int = helper_funcs(&test_srcs);
    let helpers_x = helper_funcs(&xtest_srcs);
    let mut rewrites: HashMap<String, String> = HashMap::new();
    for (f, s) in pkg.test_go_files.iter().zip(&test_srcs) {
        rewrites.insert(f.clone(), rewrite_test_file(s, f, &helpers_int));
    }
    for (f, s) in pkg.xtest_go_files.iter().zip(&xtest_srcs) {
        rewrites.insert(f.clone(), rewrite_test_file(s, f, &helpers_x));
    }
    let _ = all;
    let mut variant = build::unit_of(pkg, true);
    variant.path = ip.clone();
    variant.rewrites = rewrites.clone();
    variant.label = Some(format!("{} [{}.test]", ip, ip));
    let has_x = !pkg.xtest_go_files.is_empty();
    let mut roots: Vec<(Unit, Option<Rc<Package>>)> = Vec::new();
    let mut overrides = HashMap::new();
    overrides.insert(ip.clone(), (variant.clone(), pkg.clone()));
    if has_x {
        let xu = Unit {
            show: format!("{}_test", ip),
            path: format!("{}_test", ip),
            dir: pkg.dir.clone(),
            files: pkg.xtest_go_files.clone(),
            generated: Vec::new(),
            imports: pkg.xtest_imports.clone(),
            rewrites: rewrites.clone(),
            label: Some(format!("{}_test [{}.test]", ip, ip)),
        };
        roots.push((xu, Some(pkg.clone())));
    }
    let main_src = testmain(&ip, &found, true, has_x);
    let mut main_imports = vec!["os".to_string(), "testing".to_string(), ip.clone()];
    if has_x {
        main_imports.push(format!("{}_test", ip));
    }
    roots.push((
        Unit {
            show: format!("{}.test", ip),
            path: "main".into(),
            dir: pkg.dir.clone(),
            files: Vec::new(),
            generated: vec![("_testmain.go".into(), main_src)],
            imports: main_imports,
            rewrites: HashMap::new(),
            label: None,
        },
        None,
    ));
    // The main unit's imports include the xtest package: graph() visits it
    // as a root first, so it is resolved before the main unit.
    build::graph_with_overrides(l, &roots, &overrides).map(|g| g.units)
}

/// Builds and runs one package's tests; prints go test's lines. Returns
/// false when the package failed (build or tests).
fn test_package(l: &mut super::load::Loader, pkg: &Rc<Package>, opts: &Opts, tf: &TestFlags, local_mode: bool) -> bool {
    if let Some(e) = &pkg.error {
        let ip = &pkg.import_path;
        eprintln!("# {}\n{}", ip, super::package_error(l, pkg, e));
        println!("FAIL\t{} [setup failed]", ip);
        return false;
    }
    let ip = pkg.import_path.clone();
    if pkg.test_go_files.is_empty() && pkg.xtest_go_files.is_empty() {
        // Still built, as go test builds it (errors fail the package).
        let units = match super::program_units(l, pkg) {
            Ok(u) => u,
            Err(e) => {
                eprintln!("{}", e);
                println!("FAIL\t{} [setup failed]", ip);
                return false;
            }
        };
        if build::compile_and_link(l, &units, None, opts).is_err() {
            println!("FAIL\t{} [build failed]", ip);
            return false;
        }
        println!("?   \t{}\t[no test files]", ip);
        return true;
    }
    let units = match test_units(l, pkg) {
        Ok(u) => u,
        Err(e) => {
            eprintln!("{}", e);
            println!("FAIL\t{} [setup failed]", ip);
            return false;
        }
    };
    let dir = build::tempdir();
    let exe_name = format!("{}.test", ip.rsplit('/').next().unwrap_or("pkg"));
    let exe = match (&tf.out, tf.compile_only) {
        (Some(o), _) => PathBuf::from(o),
        (None, true) => PathBuf::from(&exe_name),
        (None, false) => dir.join(&exe_name),
    };
    if build::compile_and_link(l, &units, Some(&exe), opts).is_err() {
        let _ = std::fs::remove_dir_all(&dir);
        println!("FAIL\t{} [build failed]", ip);
        return false;
    }
    if tf.compile_only {
        let _ = std::fs::remove_dir_all(&dir);
        return true;
    }
    let tmp = dir.join("tmp");
    let _ = std::fs::create_dir_all(&tmp);
    let r = run_test_binary(&exe, pkg, &tmp, tf, local_mode, &ip);
    let _ = std::fs::remove_dir_all(&dir);
    r
}

fn run_test_binary(exe: &Path, pkg: &Package, tmp: &Path, tf: &TestFlags, local_mode: bool, ip: &str) -> bool {
    let mut cmd = Command::new(exe);
    cmd.args(&tf.bin).args(&tf.args).current_dir(&pkg.dir).env("TMPDIR", tmp).stdin(Stdio::null());
    // go test streams the output in directory mode and with -bench;
    // otherwise it is shown for failures (and with -v).
    let stream = local_mode || tf.bin.iter().any(|f| f.starts_with("-test.bench=")) || tf.bin.iter().any(|f| f.starts_with("-test.fuzz="));
    // stdout and stderr go into one pipe, as go test does.
    let Some((r, w)) = pipe() else { return false };
    let Ok(w2) = w.try_clone() else { return false };
    cmd.stdout(Stdio::from(w)).stderr(Stdio::from(w2));
    let start = Instant::now();
    let child = cmd.spawn();
    drop(cmd);
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            println!("fork/exec {}: {}", exe.display(), e);
            println!("FAIL\t{}\t0.000s", ip);
            return false;
        }
    };
    let mut buf = Vec::new();
    let mut r = r;
    let mut chunk = [0u8; 8192];
    loop {
        match std::io::Read::read(&mut r, &mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if stream {
                    let so = std::io::stdout();
                    let mut so = so.lock();
                    let _ = so.write_all(&chunk[..n]);
                    let _ = so.flush();
                }
                buf.extend_from_slice(&chunk[..n]);
            }
        }
    }
    let Ok(status) = child.wait() else { return false };
    // What go test has buffered: nothing when it streamed.
    let out: &[u8] = if stream { &[] } else { &buf };
    let elapsed = start.elapsed().as_secs_f64();
    let stdout = std::io::stdout();
    let mut so = stdout.lock();
    if status.success() {
        if !stream && tf.verbose {
            let _ = so.write_all(&buf);
        }
        let text = String::from_utf8_lossy(out);
        let norun = if text.starts_with("testing: warning: no tests to run\n") || text.contains("\ntesting: warning: no tests to run\n") { " [no tests to run]" } else { "" };
        if (stream || tf.verbose) && !buf.is_empty() && !buf.ends_with(b"\n") {
            let _ = so.write_all(b"\n");
        }
        let _ = writeln!(so, "ok  \t{}\t{:.3}s{}", ip, elapsed, norun);
        true
    } else {
        if !stream {
            let _ = so.write_all(&buf);
        }
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            let _ = writeln!(so, "signal: {}", super::signal_name(sig));
        } else if out.is_empty() {
            let _ = writeln!(so, "exit status {}", status.code().unwrap_or(-1));
        } else if !out.ends_with(b"\n") {
            let _ = so.write_all(b"\n");
        }
        let _ = writeln!(so, "FAIL\t{}\t{:.3}s", ip, elapsed);
        false
    }
}

fn pipe() -> Option<(std::fs::File, std::fs::File)> {
    use std::os::fd::FromRawFd;
    let mut fds = [0i32; 2];
    extern "C" {
        fn pipe2(fds: *mut i32, flags: i32) -> i32;
    }
    // SAFETY: fds has room for the two descriptors pipe2 writes.
    if unsafe { pipe2(fds.as_mut_ptr(), 0o2000000) } != 0 {
        return None;
    }
    // SAFETY: the descriptors are fresh and owned by nobody else.
    unsafe { Some((std::fs::File::from_raw_fd(fds[0]), std::fs::File::from_raw_fd(fds[1]))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_logging_calls() {
        let src = "package p\n\nimport \"testing\"\n\nfunc check(t *testing.T, x int) {\n\tt.Helper()\n\tt.Errorf(\"bad %d\", x)\n}\n\nfunc TestX(t *testing.T) {\n\terr := f()\n\t_ = err.Error()\n\tt.Log(\"hi\")\n\tcheck(t, 1)\n}\n";
        let h = helper_funcs(&[src.to_string()]);
        assert!(h.contains("check"));
        let out = rewrite_test_file(src, "x_test.go", &h);
        assert!(out.contains("t.RgocAtHelper(\"x_test.go:7\").Errorf"), "{}", out);
        assert!(out.contains("t.RgocAt(\"x_test.go:13\").Log"), "{}", out);
        assert!(out.contains("err.Error()"));
        assert!(out.contains("t.RgocPending(\"x_test.go:14\"); check(t, 1)"), "{}", out);
    }

    #[test]
    fn example_outputs() {
        let src = "package p\n\nfunc ExampleA() {\n\tprintln(1)\n\t// Output:\n\t// 1\n\t// two\n}\n\nfunc ExampleB() {\n\t// Unordered output: x\n\t// y\n}\n\nfunc ExampleC() {\n}\n";
        let mut f = Found::default();
        scan_tests(src, false, &mut f);
        assert_eq!(f.examples.len(), 2);
        assert_eq!(f.examples[0].2, "1\ntwo\n");
        assert_eq!(f.examples[1].2, "x\ny\n");
        assert!(f.examples[1].3);
    }
}
