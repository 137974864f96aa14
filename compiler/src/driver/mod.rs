//! The go-like command: `rgoc build`, `rgoc run`, `rgoc version`,
//! `rgoc help`; loading files, reporting diagnostics in gc's format,
//! linking against the runtime staticlib.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use rgoc_syntax::{Diagnostic, NodeIds};

use crate::codegen;

mod pclntab;

const USAGE: &str = "rgoc is a Go compiler written in Rust.

Usage:

\trgoc <command> [arguments]

The commands are:

\tbuild [-o output] files...   compile Go files into an executable
\trun files... [-- args...]    compile and run a Go program
\tversion                     print rgoc version
\thelp                        print this help
";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("build") => build_cmd(&args[1..]),
        Some("run") => run_cmd(&args[1..]),
        Some("version") => {
            println!("rgoc version {} linux/amd64", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("help") | Some("-h") | Some("--help") => {
            print!("{}", USAGE);
            ExitCode::SUCCESS
        }
        None => {
            eprint!("{}", USAGE);
            ExitCode::from(2)
        }
        Some(other) => {
            eprintln!(
                "rgoc {}: unknown command\nRun 'rgoc help' for usage.",
                other
            );
            ExitCode::from(2)
        }
    }
}

struct BuildArgs {
    out: Option<PathBuf>,
    files: Vec<PathBuf>,
    rest: Vec<String>,
}

fn parse_args(args: &[String], allow_rest: bool) -> Result<BuildArgs, String> {
    let mut out = None;
    let mut files = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" && allow_rest {
            rest.extend(args[i + 1..].iter().cloned());
            break;
        } else if a == "-o" && !allow_rest {
            i += 1;
            out = Some(PathBuf::from(
                args.get(i).ok_or("flag needs an argument: -o")?,
            ));
        } else if let Some(o) = a.strip_prefix("-o=") {
            out = Some(PathBuf::from(o));
        } else if a.starts_with('-') && files.is_empty() {
            return Err(format!("unknown flag {}", a));
        } else if a.ends_with(".go") && rest.is_empty() {
            files.push(PathBuf::from(a));
        } else if allow_rest && !files.is_empty() {
            rest.extend(args[i..].iter().cloned());
            break;
        } else {
            return Err(format!("cannot build {}: only .go files are supported", a));
        }
        i += 1;
    }
    if files.is_empty() {
        return Err("no Go files listed".into());
    }
    Ok(BuildArgs { out, files, rest })
}

fn build_cmd(args: &[String]) -> ExitCode {
    let a = match parse_args(args, false) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("rgoc build: {}", e);
            return ExitCode::from(2);
        }
    };
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(a.files[0].file_stem().unwrap_or_default()));
    match build(&a.files, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

fn run_cmd(args: &[String]) -> ExitCode {
    let a = match parse_args(args, true) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("rgoc run: {}", e);
            return ExitCode::from(2);
        }
    };
    let dir = std::env::temp_dir().join(format!("rgoc-run-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("rgoc run: {}", e);
        return ExitCode::from(1);
    }
    let exe = dir.join(a.files[0].file_stem().unwrap_or_default());
    let r = build(&a.files, &exe);
    if let Err(code) = r {
        let _ = std::fs::remove_dir_all(&dir);
        return ExitCode::from(code);
    }
    let status = Command::new(&exe).args(&a.rest).status();
    let _ = std::fs::remove_dir_all(&dir);
    match status {
        Ok(s) => match s.code() {
            Some(0) => ExitCode::SUCCESS,
            Some(c) => {
                eprintln!("exit status {}", c);
                ExitCode::from(1)
            }
            None => {
                use std::os::unix::process::ExitStatusExt;
                eprintln!(
                    "signal: {}",
                    s.signal().map(signal_name).unwrap_or_else(|| "unknown".into())
                );
                ExitCode::from(1)
            }
        },
        Err(e) => {
            eprintln!("rgoc run: {}", e);
            ExitCode::from(1)
        }
    }
}

/// The name `go run` prints for a child's signal (Go's syscall.Signal
/// strings for linux/amd64).
fn signal_name(s: i32) -> String {
    const NAMES: [&str; 31] = [
        "hangup",
        "interrupt",
        "quit",
        "illegal instruction",
        "trace/breakpoint trap",
        "aborted",
        "bus error",
        "floating point exception",
        "killed",
        "user defined signal 1",
        "segmentation fault",
        "user defined signal 2",
        "broken pipe",
        "alarm clock",
        "terminated",
        "stack fault",
        "child exited",
        "continued",
        "stopped (signal)",
        "stopped",
        "stopped (tty input)",
        "stopped (tty output)",
        "urgent I/O condition",
        "CPU time limit exceeded",
        "file size limit exceeded",
        "virtual timer expired",
        "profiling timer expired",
        "window changed",
        "I/O possible",
        "power failure",
        "bad system call",
    ];
    match usize::try_from(s).ok().and_then(|i| i.checked_sub(1)).and_then(|i| NAMES.get(i)) {
        Some(n) => n.to_string(),
        None => format!("signal {s}"),
    }
}

/// The parsed program: every file (packages in dependency order, main
/// last), display paths indexed by `File::file_index`, and each package's
/// import path with its range of `files`.
struct Program {
    files: Vec<rgoc_syntax::ast::File>,
    paths: Vec<String>,
    /// Source bytes by file index (for the package cache keys).
    sources: Vec<Vec<u8>>,
    pkgs: Vec<(String, std::ops::Range<usize>)>,
}

/// The standard library's source root: $RGOC_STDLIB, else `stdlib` beside
/// the rgoc executable or two levels up (target/release/rgoc in the repo).
fn stdlib_root() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RGOC_STDLIB") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    [
        dir.join("stdlib"),
        dir.join("../stdlib"),
        dir.join("../../stdlib"),
    ]
    .into_iter()
    .find(|c| c.is_dir())
}

struct Loader {
    ids: NodeIds,
    prog: Program,
    diags: Vec<Diagnostic>,
    /// Import paths being loaded (cycle detection) and loaded.
    visiting: Vec<String>,
    done: std::collections::HashSet<String>,
    root: Option<PathBuf>,
}

impl Loader {
    fn parse(&mut self, path: &Path) -> Result<rgoc_syntax::ast::File, u8> {
        let src = match std::fs::read(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("rgoc: open {}: {}", path.display(), io_error_text(&e));
                return Err(1);
            }
        };
        let text = String::from_utf8_lossy(&src).into_owned();
        self.prog.sources.push(src);
        let index = self.prog.paths.len() as u32;
        self.prog.paths.push(display_path(path));
        let (file, d) = rgoc_syntax::parse_file(
            &self.prog.paths[index as usize].clone(),
            &text,
            index,
            &mut self.ids,
        );
        self.diags.extend(d);
        Ok(file)
    }

    /// Loads the packages `files` import (recursively), dependencies first.
    fn load_imports(&mut self, files: &[rgoc_syntax::ast::File]) -> Result<(), u8> {
        let mut imports: Vec<String> = files
            .iter()
            .flat_map(|f| f.imports.iter().map(|i| i.path.clone()))
            .collect();
        imports.sort();
        imports.dedup();
        for path in imports {
            if path == "unsafe" || self.done.contains(&path) {
                continue;
            }
            if self.visiting.contains(&path) {
                eprintln!(
                    "package command-line-arguments\n\timports {}: import cycle not allowed",
                    self.visiting.join("\n\timports ")
                );
                return Err(1);
            }
            let Some(dir) = self
                .root
                .as_ref()
                .map(|r| r.join(&path))
                .filter(|d| d.is_dir())
            else {
                // The checker reports the import as not in std.
                continue;
            };
            let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|_| 1u8)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "go")
                        && !p.to_string_lossy().ends_with("_test.go")
                })
                .collect();
            names.sort();
            if names.is_empty() {
                // No Go files: the checker reports the import as not in std.
                continue;
            }
            let mut pfiles = Vec::new();
            for n in &names {
                pfiles.push(self.parse(n)?);
            }
            self.visiting.push(path.clone());
            self.load_imports(&pfiles)?;
            self.visiting.pop();
            let start = self.prog.files.len();
            self.prog.files.extend(pfiles);
            self.prog
                .pkgs
                .push((path.clone(), start..self.prog.files.len()));
            self.done.insert(path);
        }
        Ok(())
    }
}

fn load_program(files: &[PathBuf]) -> Result<Program, u8> {
    let mut l = Loader {
        ids: NodeIds::default(),
        prog: Program {
            files: Vec::new(),
            paths: Vec::new(),
            sources: Vec::new(),
            pkgs: Vec::new(),
        },
        diags: Vec::new(),
        visiting: Vec::new(),
        done: Default::default(),
        root: stdlib_root(),
    };
    let mut main_files = Vec::new();
    for f in files {
        main_files.push(l.parse(f)?);
    }
    if !l.diags.is_empty() {
        report(&l.prog.paths, std::mem::take(&mut l.diags));
        return Err(1);
    }
    for f in &main_files {
        if f.package.name != "main" {
            eprintln!("package command-line-arguments is not a main package");
            return Err(1);
        }
    }
    l.visiting.push("main".into());
    l.load_imports(&main_files)?;
    if !l.diags.is_empty() {
        report(&l.prog.paths, std::mem::take(&mut l.diags));
        return Err(1);
    }
    let start = l.prog.files.len();
    l.prog.files.extend(main_files);
    l.prog.pkgs.push(("main".into(), start..l.prog.files.len()));
    Ok(l.prog)
}

/// Compiles `files` (package main) and the packages it imports into the
/// executable `out`. On failure, diagnostics have been printed; returns the
/// exit code.
pub fn build(files: &[PathBuf], out: &Path) -> Result<(), u8> {
    let prog = load_program(files)?;
    let paths = &prog.paths;
    let (checked, diags) = rgoc_types::check_program(&prog.files, &prog.pkgs);
    if !diags.is_empty() {
        report(paths, diags);
        return Err(1);
    }
    let tmp = tempdir_for(out);
    let opts = codegen::Options {
        opt: std::env::var_os("RGOC_NOOPT").is_none(),
    };
    let cache = cache_dir();
    let compiler_id = compiler_identity(&opts);
    // Each package is its own object; the standard library's come from the
    // cache when its sources (and its dependencies') are unchanged.
    let mut keys: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let last = prog.pkgs.len() - 1;
    // Which packages need compiling (cache misses and main), and where
    // each object is.
    let mut objs = Vec::new();
    let mut todo: Vec<(usize, PathBuf, Option<PathBuf>)> = Vec::new();
    for (pi, (path, range)) in prog.pkgs.iter().enumerate() {
        let key = package_key(&compiler_id, path, &prog, range.clone(), &keys);
        keys.insert(path.clone(), key.clone());
        let cached = cache.as_ref().map(|d| d.join(format!("{}.o", key)));
        if pi != last {
            if let Some(c) = cached.as_ref().filter(|c| c.exists()) {
                objs.push(c.clone());
                continue;
            }
        }
        let obj = tmp.join(format!("pkg{}.o", pi));
        objs.push(obj.clone());
        todo.push((pi, obj, if pi != last { cached } else { None }));
    }
    // Packages compile independently (other packages are external
    // declarations): spread them over the CPUs, largest first.
    todo.sort_by_key(|(pi, _, _)| std::cmp::Reverse(prog.pkgs[*pi].1.len()));
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(todo.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures: std::sync::Mutex<Vec<Diagnostic>> = std::sync::Mutex::new(Vec::new());
    codegen::init_target();
    std::thread::scope(|sc| {
        for _ in 0..workers {
            // Deeply nested code recurses deeply in codegen: big stacks.
            let spawned = std::thread::Builder::new().stack_size(256 << 20).spawn_scoped(sc, || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((pi, obj, cached)) = todo.get(i) else { break };
                match codegen::compile(&prog.files, &checked, &codegen::Unit { package: *pi }, obj, &opts) {
                    Ok(()) => {
                        if let Some(c) = cached {
                            store_in_cache(obj, c);
                        }
                    }
                    Err(d) => failures.lock().unwrap_or_else(|e| e.into_inner()).extend(d),
                }
            });
            if spawned.is_err() {
                failures.lock().unwrap_or_else(|e| e.into_inner()).push(Diagnostic {
                    pos: rgoc_syntax::Pos::default(),
                    msg: "rgoc: cannot start a code generation thread".into(),
                });
                break;
            }
        }
    });
    let failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    if !failures.is_empty() {
        report(paths, failures);
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(1);
    }
    let r = link(&objs, out).and_then(|()| {
        if std::env::var_os("RGOC_KEEP_DWARF").is_some() { Ok(()) } else { pclntab::embed(out) }.map_err(|e| {
            eprintln!("rgoc: PC table: {e}");
            1
        })
    });
    let _ = std::fs::remove_dir_all(&tmp);
    r
}

/// The package cache: $RGOC_CACHE, else $XDG_CACHE_HOME/rgoc, else
/// ~/.cache/rgoc (None when none can be created: then nothing is cached).
fn cache_dir() -> Option<PathBuf> {
    let d = if let Some(p) = std::env::var_os("RGOC_CACHE") {
        PathBuf::from(p)
    } else if let Some(x) = std::env::var_os("XDG_CACHE_HOME") {
        PathBuf::from(x).join("rgoc")
    } else {
        PathBuf::from(std::env::var_os("HOME")?).join(".cache/rgoc")
    };
    std::fs::create_dir_all(&d).ok()?;
    Some(d)
}

/// What else determines a package's object: this rgoc binary and options.
fn compiler_identity(opts: &codegen::Options) -> String {
    let meta = std::env::current_exe().and_then(std::fs::metadata).ok();
    let (len, mtime) = meta
        .map(|m| {
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            (m.len(), t.map(|d| d.as_nanos()).unwrap_or(0))
        })
        .unwrap_or((0, 0));
    format!(
        "{}-{}-{}-{}",
        env!("CARGO_PKG_VERSION"),
        len,
        mtime,
        opts.opt
    )
}

/// A content hash of the package: compiler identity, import path, file
/// names and contents, and the keys of the packages it imports.
fn package_key(
    compiler: &str,
    path: &str,
    prog: &Program,
    range: std::ops::Range<usize>,
    keys: &std::collections::HashMap<String, String>,
) -> String {
    let mut h = Fnv128::new();
    h.write(compiler.as_bytes());
    h.write(path.as_bytes());
    let mut deps: Vec<&str> = Vec::new();
    for f in &prog.files[range] {
        let i = f.file_index as usize;
        h.write(prog.paths[i].as_bytes());
        h.write(&prog.sources[i]);
        deps.extend(f.imports.iter().map(|im| im.path.as_str()));
    }
    deps.sort();
    deps.dedup();
    for d in deps {
        h.write(d.as_bytes());
        h.write(keys.get(d).map(String::as_str).unwrap_or("").as_bytes());
    }
    h.hex()
}

/// FNV-1a over 128 bits (two independent 64-bit lanes): stable across
/// builds and platforms, unlike std's hasher.
struct Fnv128(u64, u64);

impl Fnv128 {
    fn new() -> Self {
        Fnv128(0xcbf29ce484222325, 0x6c62272e07bb0142)
    }
    fn write(&mut self, b: &[u8]) {
        for &x in b.iter().chain(&[0xff]) {
            self.0 = (self.0 ^ x as u64).wrapping_mul(0x100000001b3);
            self.1 = (self.1 ^ x as u64).wrapping_mul(0x1000000001b3);
        }
    }
    fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.0, self.1)
    }
}

/// Copies an object into the cache atomically (write + rename), so that a
/// concurrent build never sees a partial file.
fn store_in_cache(obj: &Path, dest: &Path) {
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::copy(obj, &tmp).is_ok() && std::fs::rename(&tmp, dest).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

fn tempdir_for(out: &Path) -> PathBuf {
    let _ = out;
    let d = std::env::temp_dir().join(format!(
        "rgoc-build-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let _ = std::fs::create_dir_all(&d);
    d
}

fn io_error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        _ => e.to_string(),
    }
}

/// Paths in diagnostics look like gc's: relative paths get a `./` prefix.
fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    if p.is_absolute() || s.starts_with("./") || s.starts_with("../") {
        s
    } else if p.components().count() == 1 {
        format!("./{}", s)
    } else {
        s
    }
}

/// Prints diagnostics in gc's format, at most 10, sorted by position.
fn report(paths: &[String], mut diags: Vec<Diagnostic>) {
    diags.sort_by_key(|d| d.pos);
    eprintln!("# command-line-arguments");
    for (n, d) in diags.iter().enumerate() {
        let path = paths
            .get(d.pos.file as usize)
            .map(String::as_str)
            .unwrap_or("?");
        if n == 10 {
            eprintln!("{}:{}:{}: too many errors", path, d.pos.line, d.pos.col);
            break;
        }
        if d.pos.line == 0 {
            if d.msg.starts_with("rgoc:") {
                eprintln!("{}", d.msg);
            } else {
                eprintln!("{}", d.msg);
            }
        } else {
            eprintln!("{}:{}:{}: {}", path, d.pos.line, d.pos.col, d.msg);
        }
    }
}

/// The runtime staticlib: $RGOC_RUNTIME, else next to the rgoc executable.
fn runtime_lib() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RGOC_RUNTIME") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    for cand in [
        dir.join("librgo_runtime.a"),
        dir.join("../librgo_runtime.a"),
    ] {
        if cand.exists() {
            return Some(cand);
        }
    }
    None
}

fn link(objs: &[PathBuf], out: &Path) -> Result<(), u8> {
    let Some(rt) = runtime_lib() else {
        eprintln!("rgoc: cannot find the runtime library librgo_runtime.a next to the rgoc executable (set RGOC_RUNTIME)");
        return Err(1);
    };
    let mut cmd = Command::new("cc");
    cmd.arg("-o").arg(out).args(objs).arg(rt);
    // ld.bfd, not gold: gold rewrites split-stack prologues. A position-
    // dependent executable, as gc links on linux/amd64: text at 0x400000
    // and data right after it (programs such as the suite's nilptr.go rely
    // on globals at low addresses).
    cmd.args([
        "-fuse-ld=bfd",
        "-no-pie",
        "-lgcc_s",
        "-lutil",
        "-lrt",
        "-lpthread",
        "-lm",
        "-ldl",
        "-lc",
    ]);
    match cmd.output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => {
            eprintln!("rgoc: link failed:\n{}", String::from_utf8_lossy(&o.stderr));
            Err(1)
        }
        Err(e) => {
            eprintln!("rgoc: cannot run the linker cc: {}", e);
            Err(1)
        }
    }
}
