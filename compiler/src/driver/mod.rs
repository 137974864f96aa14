//! The go-like command: `rgoc build`, `rgoc run`, `rgoc version`,
//! `rgoc help`; loading files, reporting diagnostics in gc's format,
//! linking against the runtime staticlib.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use rgoc_syntax::{Diagnostic, NodeIds};

use crate::codegen;

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
                    s.signal().map(signal_name).unwrap_or("unknown")
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

fn signal_name(s: i32) -> &'static str {
    match s {
        6 => "aborted",
        9 => "killed",
        11 => "segmentation fault",
        15 => "terminated",
        _ => "unknown signal",
    }
}

/// Compiles `files` (one package main) into the executable `out`. On
/// failure, diagnostics have been printed; returns the exit code.
pub fn build(files: &[PathBuf], out: &Path) -> Result<(), u8> {
    let mut ids = NodeIds::default();
    let mut asts = Vec::new();
    let mut diags: Vec<Diagnostic> = Vec::new();
    let paths: Vec<String> = files.iter().map(|p| display_path(p)).collect();
    for (i, f) in files.iter().enumerate() {
        let src = match std::fs::read(f) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("rgoc: open {}: {}", f.display(), io_error_text(&e));
                return Err(1);
            }
        };
        let text = String::from_utf8_lossy(&src).into_owned();
        let (file, d) = rgoc_syntax::parse_file(&paths[i], &text, i as u32, &mut ids);
        diags.extend(d);
        asts.push(file);
    }
    if !diags.is_empty() {
        report(&paths, diags);
        return Err(1);
    }
    for f in &asts {
        if f.package.name != "main" {
            eprintln!("package command-line-arguments is not a main package");
            return Err(1);
        }
    }
    let (checked, diags) = rgoc_types::check_package(&asts, "main");
    if !diags.is_empty() {
        report(&paths, diags);
        return Err(1);
    }
    let tmp = tempdir_for(out);
    let obj = tmp.join("main.o");
    if let Err(d) = codegen::compile(
        &asts,
        &checked,
        &obj,
        &codegen::Options {
            opt: std::env::var_os("RGOC_NOOPT").is_none(),
        },
    ) {
        report(&paths, d);
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(1);
    }
    let r = link(&[obj], out);
    let _ = std::fs::remove_dir_all(&tmp);
    r
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
    // ld.bfd, not gold: gold rewrites split-stack prologues.
    cmd.args([
        "-fuse-ld=bfd",
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
