//! Golden tests: programs in `testdata/` compiled by rgoc and checked against
//! results that `scripts/golden-expect` produced with the reference go.
//!
//! - `testdata/run/NAME.go`: built with `rgoc build`, run with the working
//!   directory `testdata/run` and stdin from `NAME.in` (or empty); stdout must
//!   equal `NAME.out`, stderr `NAME.err` and the exit status `NAME.exit`
//!   (absent files mean empty output and status 0). Stderr is normalised on
//!   both sides (`normalise_stderr`): tracebacks are compared frame by frame
//!   (function and file:line of each frame of the program's own file), with
//!   addresses, offsets, arguments, directories and goroutine ids other
//!   than 1 normalised away.
//! - `testdata/errors/NAME.go`: `rgoc build` must exit with status 1 and print
//!   diagnostics `FILE:LINE:COL: message` exactly on the lines carrying
//!   `// ERROR "regexp"` comments (Go's test-suite convention), each regexp
//!   matched by a diagnostic on its line.
//! - `testdata/errors/limit/*.go`: more than 10 errors; rgoc prints 10
//!   diagnostics and then `too many errors`.
//!
//! `RGOC_BIN` overrides the compiler under test (e.g. a wrapper around the
//! reference `go build`, to check this harness itself).
//!
//! Stress runs (`scripts/stress`) use three more variables, for the
//! `testdata/run` programs only:
//! - `RGOC_GOLDEN_ENV="K=V K2=V2"`: environment variables set for each
//!   program run (not for the build), e.g. `GOGC=1` or `GODEBUG=gcstress=50`;
//! - `RGOC_GOLDEN_FILTER=regex`: only the programs whose name (without
//!   `.go`) the regex matches;
//! - `RGOC_GOLDEN_TIMEOUT=seconds`: the limit for each run (default 30 s,
//!   120 s when `RGOC_GOLDEN_ENV` is set).

use regex::Regex;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};
use std::{env, fs, thread};

/// Programs built and run at the same time (the machines have 2 cores).
const JOBS: usize = 2;
/// A build with a cold package cache compiles every standard package the
/// program imports: net/http's ~180 packages take 90-150 s on the 2-core
/// machine (golden net_http).
const BUILD_TIMEOUT: Duration = Duration::from_secs(300);
const RUN_TIMEOUT: Duration = Duration::from_secs(30);
/// The run limit when `RGOC_GOLDEN_ENV` is set: stress settings make
/// allocation-heavy programs several times slower.
const STRESS_RUN_TIMEOUT: Duration = Duration::from_secs(120);

/// `RGOC_GOLDEN_ENV`: `K=V` words set in each program's environment.
fn run_env() -> Vec<(String, String)> {
    let Ok(spec) = env::var("RGOC_GOLDEN_ENV") else {
        return Vec::new();
    };
    spec.split_whitespace()
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if !k.is_empty() => (k.to_string(), v.to_string()),
            _ => panic!("RGOC_GOLDEN_ENV: want K=V words, got {kv:?}"),
        })
        .collect()
}

fn run_timeout() -> Duration {
    match env::var("RGOC_GOLDEN_TIMEOUT") {
        Ok(s) => Duration::from_secs_f64(
            s.parse()
                .unwrap_or_else(|e| panic!("RGOC_GOLDEN_TIMEOUT={s:?}: {e}")),
        ),
        Err(_) if env::var_os("RGOC_GOLDEN_ENV").is_some() => STRESS_RUN_TIMEOUT,
        Err(_) => RUN_TIMEOUT,
    }
}

/// The `testdata/run` programs, those `RGOC_GOLDEN_FILTER` selects when set.
fn run_files() -> Vec<PathBuf> {
    let files = go_files(&testdata("run"));
    let Ok(filter) = env::var("RGOC_GOLDEN_FILTER") else {
        return files;
    };
    let re = Regex::new(&filter).unwrap_or_else(|e| panic!("RGOC_GOLDEN_FILTER: {e}"));
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| re.is_match(&f.file_stem().unwrap().to_string_lossy()))
        .collect();
    assert!(
        !files.is_empty(),
        "RGOC_GOLDEN_FILTER={filter:?} selects no program"
    );
    files
}

fn rgoc() -> PathBuf {
    env::var_os("RGOC_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rgoc")))
}

fn testdata(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata")
        .join(dir)
}

/// The `.go` files directly in `dir`, sorted.
fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .go files in {}", dir.display());
    files
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = env::temp_dir().join(format!("rgoc-golden-{}-{n}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs `cmd` with `stdin` as its input; None when it outlives `timeout`
/// (it is killed then).
fn run(mut cmd: Command, stdin: Vec<u8>, timeout: Duration) -> std::io::Result<Option<Output>> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut input = child.stdin.take().unwrap();
    let feeder = thread::spawn(move || {
        // A program that exits without reading its input closes the pipe.
        let _ = input.write_all(&stdin);
    });
    let reader = |mut r: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let stdout = reader(Box::new(child.stdout.take().unwrap()));
    let stderr = reader(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(5));
    };
    feeder.join().unwrap();
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    Ok(status.map(|status| Output {
        status,
        stdout,
        stderr,
    }))
}

/// `rgoc build -o DIR/NAME NAME.go`, run in the file's directory.
fn build(src: &Path, out_dir: &Path) -> Result<(PathBuf, Output), String> {
    let exe = out_dir.join(src.file_stem().unwrap());
    let mut cmd = Command::new(rgoc());
    cmd.arg("build")
        .arg("-o")
        .arg(&exe)
        .arg(src.file_name().unwrap())
        .current_dir(src.parent().unwrap());
    match run(cmd, Vec::new(), BUILD_TIMEOUT) {
        Ok(Some(out)) => Ok((exe, out)),
        Ok(None) => Err(format!("rgoc build timed out after {BUILD_TIMEOUT:?}")),
        Err(e) => Err(format!("cannot run {}: {e}", rgoc().display())),
    }
}

fn read_or_empty(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

fn status_text(status: ExitStatus) -> String {
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exit status {code}"),
        (None, Some(sig)) => format!("killed by signal {sig}"),
        _ => format!("{status}"),
    }
}

/// Keep in step with normalise_stderr in scripts/golden-expect.
///
/// Tracebacks are compared frame by frame, with what differs between
/// implementations or machines normalised away: hex numbers become `0xX`,
/// goroutine ids other than 1 become `N` (gc's ids depend on which P
/// created the goroutine), a frame's arguments become `(...)`, a position
/// keeps the file's base name and line (no directory, `+0x` offset or
/// `fp=`/`sp=`/`pc=`). Only frames in the program's own source file (in
/// `testdata/run` or `testdata/next`) are kept: standard-library and
/// runtime sources differ between gc and rgoc. Runs of identical frames
/// collapse to one and `...N frames elided...` lines are dropped (stack
/// overflows elide a depth that depends on frame sizes); goroutines left
/// without frames (the runtime's, at level 2) are dropped. A fatal error's
/// `runtime stack:` block is dropped up to its blank line.
fn normalise_stderr(text: &str) -> String {
    struct Res {
        goroutine: Regex,
        hex: Regex,
        goid: Regex,
        func: Regex,
        pos: Regex,
        elided: Regex,
    }
    static RES: OnceLock<Res> = OnceLock::new();
    let re = RES.get_or_init(|| Res {
        goroutine: Regex::new(r"^goroutine (\d+|N) (gp=\S+ m=\S+ (mp=\S+ )?)?\[.*\]:$").unwrap(),
        hex: Regex::new(r"0x[0-9a-f]+").unwrap(),
        goid: Regex::new(r"goroutine (\d+|N)\b").unwrap(),
        func: Regex::new(r"^(\S.*)\([^()]*\)$").unwrap(),
        pos: Regex::new(r"^\t(?:\S*/testdata/(?:run|next)/)?([^/\s]+\.go):(\d+)(?: .*)?$").unwrap(),
        elided: Regex::new(r"^\.\.\.(\d+ frames elided|additional frames elided)\.\.\.$").unwrap(),
    });
    let goid = |line: &str| -> String {
        re.goid
            .replace_all(line, |c: &regex::Captures| {
                if &c[1] == "1" {
                    "goroutine 1".to_string()
                } else {
                    "goroutine N".to_string()
                }
            })
            .into_owned()
    };
    let mut lines: Vec<String> = Vec::new();
    let mut in_runtime_stack = false;
    let mut in_trace = false;
    // The function line of the frame whose position comes next.
    let mut pending: Option<String> = None;
    for line in text.split('\n') {
        in_runtime_stack |= line == "runtime stack:";
        if in_runtime_stack {
            in_runtime_stack = !line.is_empty();
            continue;
        }
        if re.goroutine.is_match(line) {
            // The M running a throwing goroutine varies between gc runs.
            let line = line
                .split(' ')
                .map(|w| {
                    if w.starts_with("m=") && w[2..].parse::<u32>().is_ok() {
                        "m=N"
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            lines.push(goid(&re.hex.replace_all(&line, "0xX")));
            in_trace = true;
            pending = None;
            continue;
        }
        if !in_trace {
            lines.push(re.hex.replace_all(line, "0xX").into_owned());
            continue;
        }
        if let Some(c) = re.pos.captures(line) {
            if let Some(f) = pending.take() {
                let frame = [f, format!("\t{}:{}", &c[1], &c[2])];
                let n = lines.len();
                if !(n >= 2 && lines[n - 2] == frame[0] && lines[n - 1] == frame[1]) {
                    lines.extend(frame);
                }
            }
            continue;
        }
        if line.starts_with('\t') && pending.is_some() {
            // A position in another file: drop the frame.
            pending = None;
            continue;
        }
        if line.starts_with("created by ") {
            pending = Some(goid(line));
            continue;
        }
        if let Some(c) = re.func.captures(line) {
            pending = Some(format!("{}(...)", &c[1]));
            continue;
        }
        if re.elided.is_match(line) {
            continue;
        }
        pending = None;
        lines.push(re.hex.replace_all(line, "0xX").into_owned());
    }
    // Goroutines left without a frame (the runtime's own, which fatal
    // errors list) are dropped with the blank line before them; the first
    // goroutine stays.
    let mut out: Vec<String> = Vec::new();
    let mut seen_first = false;
    let mut i = 0;
    while i < lines.len() {
        if re.goroutine.is_match(&lines[i]) {
            let end = (i + 1..lines.len())
                .find(|&j| re.goroutine.is_match(&lines[j]))
                .unwrap_or(lines.len());
            let empty = !lines[i + 1..end].iter().any(|l| l.starts_with('\t'));
            if seen_first && empty {
                if out.last().is_some_and(|l| l.is_empty()) {
                    out.pop();
                }
                i = end;
                continue;
            }
            seen_first = true;
        }
        out.push(lines[i].clone());
        i += 1;
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    if text.ends_with('\n') {
        out.push(String::new());
    }
    out.join("\n")
}

/// A diff-ish rendering: the lines around the first difference, `-` expected, `+` actual.
fn diff(what: &str, want: &str, got: &str) -> String {
    let w: Vec<&str> = want.split('\n').collect();
    let g: Vec<&str> = got.split('\n').collect();
    let prefix = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let suffix = w[prefix..]
        .iter()
        .rev()
        .zip(g[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = format!("  {what} differs from line {}:\n", prefix + 1);
    const MAX: usize = 20;
    for (sign, lines) in [
        ('-', &w[prefix..w.len() - suffix]),
        ('+', &g[prefix..g.len() - suffix]),
    ] {
        for line in lines.iter().take(MAX) {
            let _ = writeln!(out, "  {sign}{line:?}");
        }
        if lines.len() > MAX {
            let _ = writeln!(out, "  {sign}... {} more lines", lines.len() - MAX);
        }
    }
    out
}

/// Runs `check` on every file, JOBS at a time, and fails once with all the failures.
fn check_all(files: Vec<PathBuf>, check: impl Fn(&Path) -> Result<(), String> + Sync) {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..JOBS {
            s.spawn(|| {
                while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(msg) = check(file) {
                        let name = file.strip_prefix(testdata("")).unwrap_or(file);
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{}:\n{msg}", name.display()));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    if !failures.is_empty() {
        panic!(
            "{} of {} golden tests failed:\n\n{}",
            failures.len(),
            files.len(),
            failures.join("\n")
        );
    }
}

fn check_run(src: &Path) -> Result<(), String> {
    let tmp = TempDir::new();
    let (exe, out) = build(src, &tmp.0)?;
    if !out.status.success() {
        return Err(format!(
            "  rgoc build failed ({}):\n{}",
            status_text(out.status),
            out.stderr
        ));
    }
    let base = src.with_extension("");
    let stdin = fs::read(base.with_extension("in")).unwrap_or_default();
    let mut cmd = Command::new(&exe);
    cmd.current_dir(src.parent().unwrap()).envs(run_env());
    let timeout = run_timeout();
    let out = match run(cmd, stdin, timeout) {
        Ok(Some(out)) => out,
        Ok(None) => return Err(format!("  timed out after {timeout:?}")),
        Err(e) => return Err(format!("  cannot run {}: {e}", exe.display())),
    };
    let mut msg = String::new();
    let want_out = read_or_empty(&base.with_extension("out"));
    if out.stdout != want_out {
        msg += &diff("stdout", &want_out, &out.stdout);
    }
    let want_err = normalise_stderr(&read_or_empty(&base.with_extension("err")));
    let got_err = normalise_stderr(&out.stderr);
    if got_err != want_err {
        msg += &diff("stderr", &want_err, &got_err);
    }
    let exit = read_or_empty(&base.with_extension("exit"));
    let want_status = if exit.trim().is_empty() {
        0
    } else {
        exit.trim()
            .parse()
            .map_err(|e| format!("  bad .exit file: {e}"))?
    };
    if out.status.code() != Some(want_status) {
        let _ = writeln!(
            msg,
            "  got {}, want exit status {want_status}",
            status_text(out.status)
        );
    }
    if msg.is_empty() {
        Ok(())
    } else {
        if let Ok(spec) = env::var("RGOC_GOLDEN_ENV") {
            let _ = writeln!(msg, "  (run with RGOC_GOLDEN_ENV={spec:?})");
        }
        Err(msg)
    }
}

#[test]
fn run_programs() {
    check_all(run_files(), check_run);
}

struct Diagnostic {
    line: usize,
    message: String,
}

/// Parses rgoc's stderr for `file`: `FILE:LINE:COL: message` lines; indented
/// lines continue the message before them; `too many errors` may end it.
/// Any other line is an error of its own.
fn diagnostics(stderr: &str, file: &Path) -> Result<Vec<Diagnostic>, String> {
    static DIAG: OnceLock<Regex> = OnceLock::new();
    let re = DIAG.get_or_init(|| Regex::new(r"^(.+?):(\d+):(\d+): (.*)$").unwrap());
    let name = file.file_name().unwrap();
    let mut diags = Vec::new();
    for line in stderr.lines() {
        // gc's package header, continuation lines, and the bare limit line.
        if line.starts_with(char::is_whitespace)
            || line == "too many errors"
            || line == "# command-line-arguments"
        {
            continue;
        }
        let caps = re
            .captures(line)
            .ok_or_else(|| format!("  stderr line not in FILE:LINE:COL: form: {line:?}"))?;
        if Path::new(&caps[1]).file_name() != Some(name) {
            return Err(format!("  diagnostic for another file: {line:?}"));
        }
        if &caps[4] == "too many errors" {
            continue;
        }
        diags.push(Diagnostic {
            line: caps[2].parse().unwrap(),
            message: caps[4].to_string(),
        });
    }
    Ok(diags)
}

/// The `// ERROR` marks of a source: (line, regexps). Each regexp is
/// "quoted" or `backquoted`, without escapes, as in Go's test/run.go.
fn error_marks(src: &str) -> Result<Vec<(usize, Vec<Regex>)>, String> {
    let error = Regex::new(r"// ERROR (.*)$").unwrap();
    let quoted = Regex::new(r#""([^"]*)"|`([^`]*)`"#).unwrap();
    let mut marks = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let Some(caps) = error.captures(line) else {
            continue;
        };
        let mut regexps = Vec::new();
        for q in quoted.captures_iter(&caps[1]) {
            let text = q.get(1).or(q.get(2)).unwrap().as_str();
            regexps
                .push(Regex::new(&go_regexp(text)).map_err(|e| format!("  line {}: {e}", i + 1))?);
        }
        if regexps.is_empty() {
            return Err(format!("  line {}: ERROR comment without a regexp", i + 1));
        }
        marks.push((i + 1, regexps));
    }
    Ok(marks)
}

fn expect_build_failure(src: &Path) -> Result<Output, String> {
    let tmp = TempDir::new();
    let (_, out) = build(src, &tmp.0)?;
    if out.status.code() != Some(1) {
        return Err(format!(
            "  rgoc build: got {}, want exit status 1; stderr:\n{}",
            status_text(out.status),
            out.stderr
        ));
    }
    Ok(out)
}

fn check_errors(src: &Path) -> Result<(), String> {
    let marks = error_marks(&fs::read_to_string(src).unwrap())?;
    if marks.is_empty() {
        return Err("  no // ERROR comments".into());
    }
    let out = expect_build_failure(src)?;
    let diags = diagnostics(&out.stderr, src)?;
    let mut msg = String::new();
    for (line, regexps) in &marks {
        let here: Vec<&str> = diags
            .iter()
            .filter(|d| d.line == *line)
            .map(|d| d.message.as_str())
            .collect();
        for re in regexps {
            if !here.iter().any(|m| re.is_match(m)) {
                let _ = writeln!(
                    msg,
                    "  line {line}: no error matching {:?}; got {here:?}",
                    re.as_str()
                );
            }
        }
    }
    for d in &diags {
        if !marks.iter().any(|(line, _)| *line == d.line) {
            let _ = writeln!(msg, "  line {}: unexpected error: {}", d.line, d.message);
        }
    }
    if msg.is_empty() {
        Ok(())
    } else {
        Err(msg)
    }
}

#[test]
fn error_programs() {
    check_all(go_files(&testdata("errors")), check_errors);
}

/// After 10 diagnostics rgoc stops with `too many errors` (gc prints it with
/// the position of the 10th error; the bare form is accepted too).
fn check_error_limit(src: &Path) -> Result<(), String> {
    let out = expect_build_failure(src)?;
    let diags = diagnostics(&out.stderr, src)?;
    let last = out.stderr.lines().last().unwrap_or("");
    if diags.len() != 10 || !(last == "too many errors" || last.ends_with(": too many errors")) {
        return Err(format!(
            "  want 10 diagnostics then `too many errors`, got:\n{}",
            out.stderr
        ));
    }
    Ok(())
}

#[test]
fn error_limit() {
    check_all(go_files(&testdata("errors/limit")), check_error_limit);
}

#[test]
fn normalise_stderr_keeps_program_frames() {
    let raw = "panic: boom [recovered 0x1f]\n\ngoroutine 1 [running]:\nmain.(*T).f(0x1?, {0x2, 0x3})\n\t/r/testdata/run/x.go:5 +0x1d\nfmt.Println(...)\n\t/go/src/fmt/print.go:3 +0x1\nmain.f(...)\n\t/r/testdata/run/x.go:5\nmain.main()\n\t/r/testdata/run/x.go:9 +0x2 fp=0x1 sp=0x2 pc=0x3\n\ngoroutine 18 [chan receive]:\n...7 frames elided...\nmain.g(...)\n\t/r/testdata/run/x.go:12\ncreated by main.main in goroutine 1\n\t/r/testdata/run/x.go:8 +0x76\n";
    assert_eq!(
        normalise_stderr(raw),
        "panic: boom [recovered 0xX]\n\ngoroutine 1 [running]:\nmain.(*T).f(...)\n\tx.go:5\nmain.f(...)\n\tx.go:5\nmain.main(...)\n\tx.go:9\n\ngoroutine N [chan receive]:\nmain.g(...)\n\tx.go:12\ncreated by main.main in goroutine 1\n\tx.go:8\n"
    );
    assert_eq!(
        normalise_stderr(&normalise_stderr(raw)),
        normalise_stderr(raw)
    );
    assert_eq!(normalise_stderr("no traceback\n"), "no traceback\n");
}

#[test]
fn error_marks_take_quoted_and_backquoted_regexps() {
    let marks = error_marks("x\ny // ERROR \"a\\(\" `b \"c\"`\n").unwrap();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].0, 2);
    let texts: Vec<&str> = marks[0].1.iter().map(Regex::as_str).collect();
    assert_eq!(texts, ["a\\(", "b \"c\""]);
}

/// Go's RE2 reads a `{` that does not start a repetition `{n}`, `{n,}` or
/// `{n,m}` as a literal brace (gc's messages say `expected {`); the regex
/// crate rejects it, so such braces are escaped.
fn go_regexp(re: &str) -> String {
    static REP: OnceLock<Regex> = OnceLock::new();
    let rep = REP.get_or_init(|| Regex::new(r"^\{\d+(,\d*)?\}").unwrap());
    let mut out = String::new();
    let mut i = 0;
    let mut in_rep = false;
    while i < re.len() {
        let rest = &re[i..];
        let c = rest.chars().next().unwrap();
        if c == '\\' {
            let n = rest.chars().nth(1).map(|c| c.len_utf8()).unwrap_or(0);
            out.push_str(&rest[..1 + n]);
            i += 1 + n;
            continue;
        }
        if c == '{' {
            if rep.is_match(rest) {
                in_rep = true;
                out.push('{');
            } else {
                out.push_str("\\{");
            }
        } else if c == '}' {
            if in_rep {
                in_rep = false;
                out.push('}');
            } else {
                out.push_str("\\}");
            }
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    out
}

#[test]
fn go_regexp_escapes_literal_braces() {
    assert_eq!(go_regexp("expected { after"), "expected \\{ after");
    assert_eq!(go_regexp("a{2}b"), "a{2}b");
    assert_eq!(go_regexp("\\)}"), "\\)\\}");
    assert!(Regex::new(&go_regexp("x { y }"))
        .unwrap()
        .is_match("x { y }"));
}

#[test]
fn normalise_stderr_fatal_error_form() {
    let raw = "fatal error: stack overflow\n\nruntime stack:\nruntime.newstack()\n\t/go/src/runtime/stack.go:1207 +0x5dd fp=0x1\n\ngoroutine 1 gp=0xc000002380 m=3 mp=0xc000100008 [running]:\nmain.f(0x1?)\n";
    assert_eq!(
        normalise_stderr(raw),
        "fatal error: stack overflow\n\ngoroutine 1 gp=0xX m=N mp=0xX [running]:\n"
    );
    let raw = "fatal error: stack overflow\n\ngoroutine 1 gp=0xc000002380 m=3 mp=0xc000100008 [running]:\nmain.f(0x1?)\n\t/a/testdata/run/so.go:4 +0x1\n";
    assert_eq!(
        normalise_stderr(raw),
        "fatal error: stack overflow\n\ngoroutine 1 gp=0xX m=N mp=0xX [running]:\nmain.f(...)\n\tso.go:4\n"
    );
    assert_eq!(
        normalise_stderr(&normalise_stderr(raw)),
        normalise_stderr(raw)
    );
}
