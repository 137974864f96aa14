//! From loaded packages to an executable: the import graph in dependency
//! order, parsing, the package cache (objects keyed by sources and the
//! keys of dependencies), type checking and code generation of what missed
//! the cache, linking (itself cached by the objects' keys).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use rgoc_syntax::{Diagnostic, NodeIds};

use super::load::{Loader, Package};
use super::{cache_dir, display_path, goroot, io_error_text, stdlib_root, Fnv128};
use crate::codegen;

/// Options of build, run and test.
#[derive(Clone, Default)]
pub struct Opts {
    /// -v: print the packages compiled.
    pub v: bool,
    /// -x: print the steps (compile, cache hits, link).
    pub x: bool,
    /// -a: rebuild everything (ignore cached objects and links).
    pub a: bool,
    /// -ldflags=-X importpath.name=value
    pub xdefs: Vec<(String, String, String)>,
    pub tags: Vec<String>,
    pub mod_flag: Option<String>,
}

/// One package of a program as it will be compiled.
#[derive(Clone)]
pub struct Unit {
    /// Import path as shown (-v, `# header` of diagnostics).
    pub show: String,
    /// The package path symbols use ("main" for the main package).
    pub path: String,
    pub dir: PathBuf,
    /// File names in `dir`, or generated files (name, contents).
    pub files: Vec<String>,
    pub generated: Vec<(String, String)>,
    /// Import paths as written in the sources.
    pub imports: Vec<String>,
    /// Files whose contents are replaced (test files with their logging
    /// calls rewritten), by name.
    pub rewrites: HashMap<String, String>,
    /// How diagnostics and -v name the unit when not by `show` (test
    /// variants: `p [p.test]`).
    pub label: Option<String>,
}

/// How the imports of a program resolve: import path -> unit index.
pub struct Graph {
    pub units: Vec<Unit>,
}

/// Builds the dependency-ordered units of the program rooted at `roots`
/// (the last root is the program's main package, if any). `overrides`
/// replaces the package of an import path (test variants).
pub fn graph_with_overrides(
    l: &mut Loader,
    roots: &[(Unit, Option<Rc<Package>>)],
    overrides: &HashMap<String, (Unit, Rc<Package>)>,
) -> Result<Graph, String> {
    let mut g = Graph { units: Vec::new() };
    let mut done: HashMap<String, usize> = HashMap::new();
    let mut stack: Vec<(String, Rc<Package>)> = Vec::new();
    for (r, p) in roots {
        if done.contains_key(&r.show) {
            continue;
        }
        visit_unit(l, r.clone(), overrides, &mut g, &mut done, &mut stack, p.clone())?;
    }
    Ok(g)
}

fn visit_unit(
    l: &mut Loader,
    u: Unit,
    overrides: &HashMap<String, (Unit, Rc<Package>)>,
    g: &mut Graph,
    done: &mut HashMap<String, usize>,
    stack: &mut Vec<(String, Rc<Package>)>,
    pkg: Option<Rc<Package>>,
) -> Result<(), String> {
    // The package the imports are resolved from (for internal/ checks).
    let importer = match &pkg {
        Some(p) => p.clone(),
        None => Rc::new(Package {
            import_path: u.show.clone(),
            dir: u.dir.clone(),
            standard: false,
            ..Default::default()
        }),
    };
    stack.push((u.show.clone(), importer.clone()));
    let mut imports = u.imports.clone();
    // Every program links package runtime, as with gc: its Go side
    // defines functions that other std packages declare without a body
    // (stdlib/runtime/stdhooks.go).
    if u.path == "main" && l.stdlib.as_ref().is_some_and(|s| s.join("runtime").is_dir()) {
        imports.push("runtime".into());
    }
    imports.sort();
    imports.dedup();
    for ip in imports {
        if ip == "unsafe" || ip == "C" {
            continue;
        }
        if done.contains_key(&ip) {
            continue;
        }
        if let Some(pos) = stack.iter().position(|s| s.0 == ip) {
            // go's form: each step names the file holding the import.
            let from = |p: &Package, what: &str| -> String {
                p.import_pos.get(what).map(|(f, _, _)| format!(" from {}", f)).unwrap_or_default()
            };
            let mut msg = format!("package {}\n", stack[pos].0);
            for k in pos + 1..stack.len() {
                msg.push_str(&format!("\timports {}{}\n", stack[k].0, from(&stack[k - 1].1, &stack[k].0)));
            }
            msg.push_str(&format!("\timports {}{}: import cycle not allowed", ip, from(&importer, &ip)));
            return Err(msg);
        }
        if let Some((o, op)) = overrides.get(&ip) {
            visit_unit(l, o.clone(), overrides, g, done, stack, Some(op.clone()))?;
            continue;
        }
        let p = match l.import(&ip, &importer) {
            Ok(p) => p,
            Err(e) => {
                if e.starts_with("package ") && e.ends_with(" is not in std") {
                    // The type checker reports it at the import.
                    continue;
                }
                if e.starts_with("use of internal package") {
                    return Err(format!("package {}\n\t{}", importer.import_path, import_error(l, &importer, &ip, &e)));
                }
                return Err(import_error(l, &importer, &ip, &e));
            }
        };
        if let Some(e) = &p.error {
            return Err(import_error(l, &importer, &ip, e));
        }
        if p.is_main() {
            return Err(import_error(
                l,
                &importer,
                &ip,
                &format!("import \"{}\" is a program, not an importable package", ip),
            ));
        }
        let du = unit_of(&p, false);
        visit_unit(l, du, overrides, g, done, stack, Some(p.clone()))?;
    }
    stack.pop();
    done.insert(u.show.clone(), g.units.len());
    g.units.push(u);
    Ok(())
}

/// `FILE:LINE:COL: msg` at the import in the importer's source, as the go
/// command prints load errors.
fn import_error(l: &Loader, importer: &Package, ip: &str, e: &str) -> String {
    match importer.import_pos.get(ip) {
        Some((f, line, col)) => {
            let p = importer.dir.join(f);
            format!("{}:{}:{}: {}", l.rel(&p), line, col, e)
        }
        None => format!("package {}: {}", importer.import_path, e),
    }
}

/// The unit compiling package `p` (with its in-package test files when
/// `with_tests`).
pub fn unit_of(p: &Package, with_tests: bool) -> Unit {
    let mut files = p.go_files.clone();
    let mut imports = p.imports.clone();
    if with_tests {
        files.extend(p.test_go_files.iter().cloned());
        imports.extend(p.test_imports.iter().cloned());
        files.sort();
    }
    Unit {
        show: p.import_path.clone(),
        path: if p.is_main() && !with_tests { "main".into() } else { p.import_path.clone() },
        dir: p.dir.clone(),
        files,
        generated: Vec::new(),
        imports,
        rewrites: HashMap::new(),
        label: None,
    }
}

/// The parsed program: every file (packages in dependency order, main
/// last), display paths indexed by `File::file_index`, and each package's
/// import path with its range of `files`.
pub struct Program {
    pub files: Vec<rgoc_syntax::ast::File>,
    pub paths: Vec<String>,
    /// Source bytes by file index (for the package cache keys).
    pub sources: Vec<Vec<u8>>,
    pub pkgs: Vec<(String, std::ops::Range<usize>)>,
    /// Shown name of each package (diagnostic headers, -v).
    pub shows: Vec<String>,
}

/// Each unit's files: (display path, contents).
pub type Sources = Vec<Vec<(String, Vec<u8>)>>;

pub fn read_units(l: &Loader, units: &[Unit]) -> Result<Sources, u8> {
    let mut out = Vec::new();
    for u in units {
        let mut srcs: Vec<(String, Vec<u8>)> = Vec::new();
        for f in &u.files {
            let p = u.dir.join(f);
            if let Some(r) = u.rewrites.get(f) {
                srcs.push((display_path(Path::new(&l.rel(&p))), r.clone().into_bytes()));
                continue;
            }
            match std::fs::read(&p) {
                Ok(s) => srcs.push((display_path(Path::new(&l.rel(&p))), s)),
                Err(e) => {
                    eprintln!("rgoc: open {}: {}", p.display(), io_error_text(&e));
                    return Err(1);
                }
            }
        }
        for (n, s) in &u.generated {
            srcs.push((n.clone(), s.clone().into_bytes()));
        }
        out.push(srcs);
    }
    Ok(out)
}

/// Parses every unit's files; syntax errors are reported (all of them)
/// and make this fail.
pub fn parse_units(l: &Loader, units: &[Unit], opts: &Opts) -> Result<Program, u8> {
    let srcs = read_units(l, units)?;
    parse_sources(units, srcs, opts)
}

fn parse_sources(units: &[Unit], all: Sources, opts: &Opts) -> Result<Program, u8> {
    let mut prog = Program { files: Vec::new(), paths: Vec::new(), sources: Vec::new(), pkgs: Vec::new(), shows: Vec::new() };
    let jobs: Vec<(usize, String, Vec<u8>)> = units.iter().enumerate().zip(all).flat_map(|((ui, _), srcs)| srcs.into_iter().map(move |(d, s)| (ui, d, s))).collect();
    let (parsed, mut ids) = parse_parallel(&jobs);
    let mut diags = Vec::new();
    let mut parsed = parsed.into_iter();
    let mut jobs = jobs.into_iter().peekable();
    for (ui, u) in units.iter().enumerate() {
        let start = prog.files.len();
        while let Some((_, disp, src)) = jobs.next_if(|j| j.0 == ui) {
            let (mut file, d) = parsed.next().expect("one parse per file");
            diags.extend(d);
            prog.paths.push(disp);
            prog.sources.push(src);
            if u.show == "runtime" {
                let v = [
                    ("runtime".to_string(), "buildVersion".to_string(), build_version().to_string()),
                    ("runtime".to_string(), "defaultGOROOT".to_string(), default_goroot().to_string()),
                ];
                apply_xdefs(&mut file, &u.show, &v, &mut ids);
            }
            apply_xdefs(&mut file, &u.show, &opts.xdefs, &mut ids);
            prog.files.push(file);
        }
        prog.pkgs.push((u.path.clone(), start..prog.files.len()));
        prog.shows.push(u.label.clone().unwrap_or_else(|| u.show.clone()));
    }
    if !diags.is_empty() {
        report(&prog, diags);
        return Err(1);
    }
    Ok(prog)
}

/// Parses the files (file index = position) on every CPU. Node ids stay
/// unique and deterministic: file i numbers its nodes from a base that
/// depends only on the sizes of the files before it, leaving room for
/// one node per source byte plus `SLACK` (Go's syntax has fewer nodes
/// than bytes); a file that needs more is parsed again afterwards, past
/// every range. Returns the files and the ids to continue from.
fn parse_parallel(jobs: &[(usize, String, Vec<u8>)]) -> (Vec<(rgoc_syntax::ast::File, Vec<Diagnostic>)>, NodeIds) {
    const SLACK: u32 = 1024;
    parse_parallel_within(jobs, |len| u32::try_from(len).unwrap_or(u32::MAX).saturating_add(SLACK))
}

/// `parse_parallel` with the ids a file of `len` bytes may use.
fn parse_parallel_within(jobs: &[(usize, String, Vec<u8>)], budget: impl Fn(usize) -> u32) -> (Vec<(rgoc_syntax::ast::File, Vec<Diagnostic>)>, NodeIds) {
    let mut bases = Vec::with_capacity(jobs.len());
    let mut next: u32 = 0;
    for (_, _, src) in jobs {
        bases.push(next);
        next = next.saturating_add(budget(src.len()));
    }
    let parse_one = |i: usize, ids: &mut NodeIds| {
        let (_, disp, src) = &jobs[i];
        rgoc_syntax::parse_file(disp, &String::from_utf8_lossy(src), i as u32, ids)
    };
    let slots: Vec<std::sync::OnceLock<(rgoc_syntax::ast::File, Vec<Diagnostic>, u32)>> = jobs.iter().map(|_| std::sync::OnceLock::new()).collect();
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(jobs.len()).max(1);
    // The largest files first, so that the CPUs finish together.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(jobs[i].2.len()));
    let counter = std::sync::atomic::AtomicUsize::new(0);
    let work = || loop {
        let Some(&i) = order.get(counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) else { break };
        let mut ids = NodeIds::starting_at(bases[i]);
        let (f, d) = parse_one(i, &mut ids);
        let _ = slots[i].set((f, d, ids.last()));
    };
    std::thread::scope(|sc| {
        // Deeply nested code recurses deeply in the parser: big stacks.
        for _ in 1..workers {
            let _ = std::thread::Builder::new().stack_size(256 << 20).spawn_scoped(sc, work);
        }
        work();
    });
    // Past every range (and overflowing ids saturate there too).
    let mut ids = NodeIds::starting_at(next.max(1));
    let files = slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let (f, d, last) = slot.into_inner().expect("every file parsed");
            let end = bases.get(i + 1).copied().unwrap_or(next);
            if last < end {
                (f, d)
            } else {
                parse_one(i, &mut ids)
            }
        })
        .collect();
    (files, ids)
}

/// `-ldflags=-X path.name=value`: the string variable's initialiser
/// becomes the value (as the linker does it for gc).
fn apply_xdefs(file: &mut rgoc_syntax::ast::File, show: &str, xdefs: &[(String, String, String)], ids: &mut NodeIds) {
    use rgoc_syntax::ast::{Decl, Expr, ExprKind, LitKind};
    for (pkg, name, value) in xdefs {
        if pkg != show && !(pkg == "main" && file.package.name == "main") {
            continue;
        }
        for d in &mut file.decls {
            let Decl::Var(specs) = d else { continue };
            for s in specs {
                let Some(i) = s.names.iter().position(|n| n.name == *name) else { continue };
                let lit = Expr {
                    id: ids.fresh(),
                    pos: s.names[i].pos,
                    kind: ExprKind::BasicLit { kind: LitKind::String, raw: go_quote(value) },
                };
                if s.values.len() == s.names.len() {
                    s.values[i] = lit;
                } else if s.values.is_empty() && s.names.len() == 1 {
                    s.values.push(lit);
                }
            }
        }
    }
}

/// `runtime.buildVersion` (runtime.Version): the first line of the Go
/// distribution's VERSION file (`go1.27.3`), whose standard library rgoc
/// compiles, as gc's linker sets it to its toolchain's version. Part of
/// the runtime package's key.
fn build_version() -> &'static str {
    static V: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        goroot()
            .and_then(|g| std::fs::read_to_string(g.join("VERSION")).ok())
            .and_then(|v| v.lines().next().map(|l| l.trim().to_string()))
            .unwrap_or_default()
    })
}

/// `runtime.defaultGOROOT` (runtime.GOROOT without $GOROOT at run time):
/// the Go distribution whose standard library rgoc compiles (`rgoc env
/// GOROOT`), as gc's linker records its own GOROOT. Part of the runtime
/// package's key.
fn default_goroot() -> &'static str {
    static V: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    V.get_or_init(|| goroot().map(|g| g.to_string_lossy().into_owned()).unwrap_or_default())
}

fn go_quote(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\x{:02x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Prints diagnostics in gc's format, at most 10 per package, sorted by
/// position, each package's after a `# importpath` header.
pub fn report(prog: &Program, mut diags: Vec<Diagnostic>) {
    diags.sort_by_key(|d| d.pos);
    diags.dedup_by(|a, b| a.pos == b.pos && a.msg == b.msg);
    let pkg_of = |file: u32| -> usize {
        prog.pkgs.iter().position(|(_, r)| r.contains(&(file as usize))).unwrap_or(prog.pkgs.len().saturating_sub(1))
    };
    let mut cur: Option<usize> = None;
    let mut n = 0;
    for d in &diags {
        let pi = pkg_of(d.pos.file);
        if cur != Some(pi) {
            cur = Some(pi);
            n = 0;
            eprintln!("# {}", prog.shows.get(pi).map(String::as_str).unwrap_or("command-line-arguments"));
        }
        let path = prog.paths.get(d.pos.file as usize).map(String::as_str).unwrap_or("?");
        if n > 10 {
            continue;
        }
        n += 1;
        if n == 11 {
            eprintln!("{}:{}:{}: too many errors", path, d.pos.line, d.pos.col);
            continue;
        }
        if d.pos.line == 0 {
            eprintln!("{}", d.msg);
        } else {
            eprintln!("{}:{}:{}: {}", path, d.pos.line, d.pos.col, d.msg);
        }
    }
}

/// go vet's form of type errors: per package `# path`, `# [path]` and
/// the first error after `vet: `.
pub fn report_vet(prog: &Program, mut diags: Vec<Diagnostic>) {
    diags.sort_by_key(|d| d.pos);
    let mut seen = std::collections::HashSet::new();
    for d in &diags {
        let pi = prog.pkgs.iter().position(|(_, r)| r.contains(&(d.pos.file as usize))).unwrap_or(0);
        if !seen.insert(pi) {
            continue;
        }
        let label = prog.shows.get(pi).map(String::as_str).unwrap_or("command-line-arguments");
        let name = label.split(" [").next().unwrap_or(label);
        let path = prog.paths.get(d.pos.file as usize).map(String::as_str).unwrap_or("?");
        eprintln!("# {}\n# [{}]", name, name);
        if d.pos.line == 0 {
            eprintln!("vet: {}", d.msg);
        } else {
            eprintln!("vet: {}:{}:{}: {}", path, d.pos.line, d.pos.col, d.msg);
        }
    }
}

/// What else determines a package's object: this rgoc binary and options.
fn compiler_identity(opts: &codegen::Options) -> String {
    let exe = std::env::current_exe().map(|p| file_stamp(&p)).unwrap_or_else(|_| "0-0".into());
    format!("{}-{}-{}-{}-{}", env!("CARGO_PKG_VERSION"), exe, opts.opt, opts.escape, opts.inline_foreign)
}

/// `LEN-MTIME_NS` of a file ("0-0" when it cannot be read): a cheap stamp
/// of a binary the cache keys depend on.
fn file_stamp(p: &Path) -> String {
    let (len, mtime) = std::fs::metadata(p)
        .map(|m| {
            let t = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            (m.len(), t.map(|d| d.as_nanos()).unwrap_or(0))
        })
        .unwrap_or((0, 0));
    format!("{len}-{mtime}")
}

/// A content hash of the package: compiler identity, import path, file
/// names and contents, and the keys of the packages it imports (computed
/// before parsing: a build where everything hits parses nothing).
fn package_key(compiler: &str, u: &Unit, srcs: &[(String, Vec<u8>)], keys: &HashMap<String, String>, is_main: bool, opts: &Opts) -> String {
    let mut h = Fnv128::new();
    h.write(compiler.as_bytes());
    h.write(u.path.as_bytes());
    // The main package's init calls every package's: its object depends
    // on the whole program, which its dependencies' keys cover.
    h.write(if is_main { b"main-unit" } else { b"package" });
    for (disp, src) in srcs {
        h.write(disp.as_bytes());
        h.write(src);
    }
    if u.show == "runtime" {
        h.write(build_version().as_bytes());
        h.write(default_goroot().as_bytes());
    }
    let mut deps: Vec<&str> = u.imports.iter().map(String::as_str).collect();
    deps.sort();
    deps.dedup();
    for d in deps {
        h.write(d.as_bytes());
        h.write(keys.get(d).map(String::as_str).unwrap_or("").as_bytes());
    }
    for (a, b, c) in &opts.xdefs {
        h.write(format!("-X {}.{}={}", a, b, c).as_bytes());
    }
    h.hex()
}

/// Compiles the program (the last unit is its main package) and links it
/// into `out` (None: compile only, as `go build` of several packages
/// does). Diagnostics are printed; the error is the exit code.
pub fn compile_and_link(l: &Loader, units: &[Unit], out: Option<&Path>, opts: &Opts) -> Result<(), u8> {
    let srcs = read_units(l, units)?;
    let copts = codegen::Options {
        opt: std::env::var_os("RGOC_NOOPT").is_none(),
        escape: std::env::var_os("RGOC_ESCAPE").is_none_or(|v| v != "0"),
        inline_foreign: std::env::var_os("RGOC_XINLINE").is_none_or(|v| v != "0"),
    };
    let cache = cache_dir();
    let compiler_id = compiler_identity(&copts);
    let mut keys: HashMap<String, String> = HashMap::new();
    let last = units.len() - 1;
    let mut objs = Vec::new();
    let mut objkeys = Vec::new();
    // Packages to compile: (index, part, object, cache path).
    let mut todo: Vec<Todo> = Vec::new();
    let tmp = tempdir();
    for (pi, u) in units.iter().enumerate() {
        let key = package_key(&compiler_id, u, &srcs[pi], &keys, pi == last, opts);
        // Imports name packages by their import path.
        keys.insert(u.show.clone(), key.clone());
        objkeys.push(key.clone());
        let cached = cache.as_ref().map(|d| d.join(format!("{}.o", key)));
        // The last package's object goes with the shared instances'.
        let shared = match &cache {
            Some(d) if pi == last => shared_instances_entry(d, &key),
            _ => Some(None),
        };
        if let (Some(c), Some(shared)) = (cached.as_ref().filter(|c| c.exists() && !opts.a), shared) {
            if opts.x && !u.show.starts_with("rgoc-") {
                eprintln!("# cache hit: {} ({})", u.show, c.display());
            }
            super::cache::mark_used(c);
            objs.push(c.clone());
            if let Some((k, o)) = shared {
                super::cache::mark_used(&o);
                objkeys.push(k);
                objs.push(o);
            }
            continue;
        }
        let obj = tmp.join(format!("pkg{}.o", pi));
        objs.push(obj.clone());
        todo.push((pi, codegen::Part::Package, obj, cached));
    }
    let r = (|| {
        if !todo.is_empty() {
            let prog = parse_sources(units, srcs, opts)?;
            let (checked, diags) = rgoc_types::check_program(&prog.files, &prog.pkgs);
            if !diags.is_empty() {
                report(&prog, diags);
                return Err(1);
            }
            // -v lists packages as they compile, dependencies first.
            for (pi, _, _, _) in &todo {
                if opts.v && !prog.shows[*pi].starts_with("rgoc-") {
                    eprintln!("{}", prog.shows[*pi]);
                }
                if opts.x {
                    let files: Vec<&str> = prog.files[prog.pkgs[*pi].1.clone()].iter().map(|f| prog.paths[f.file_index as usize].as_str()).collect();
                    eprintln!("rgoc compile -p {} -o {} {}", prog.pkgs[*pi].0, objs[*pi].display(), files.join(" "));
                }
            }
            // The last package's shared instances: a module of their own,
            // keyed by their symbols and every other package's key.
            let recompiled_last = todo.iter().any(|t| t.0 == last);
            let mut shared_key = String::new();
            if recompiled_last {
                let syms = codegen::shared_instance_symbols(&checked);
                if !syms.is_empty() {
                    let mut h = Fnv128::new();
                    h.write(b"shared instances");
                    h.write(compiler_id.as_bytes());
                    for k in &objkeys[..last] {
                        h.write(k.as_bytes());
                        h.write(b"\n");
                    }
                    for s in &syms {
                        h.write(s.as_bytes());
                        h.write(b"\n");
                    }
                    shared_key = h.hex();
                    objkeys.push(shared_key.clone());
                    let cached = cache.as_ref().map(|d| d.join(format!("{shared_key}.o")));
                    match cached.as_ref().filter(|c| c.exists() && !opts.a) {
                        Some(c) => {
                            if opts.x {
                                eprintln!("# cache hit: shared instances ({})", c.display());
                            }
                            super::cache::mark_used(c);
                            objs.push(c.clone());
                        }
                        None => {
                            let obj = tmp.join("shared-instances.o");
                            if opts.x {
                                eprintln!("rgoc compile -p {} -shared-instances -o {}", prog.pkgs[last].0, obj.display());
                            }
                            objs.push(obj.clone());
                            todo.push((last, codegen::Part::SharedInstances, obj, cached));
                        }
                    }
                }
            }
            compile_units(&prog, &checked, &mut todo, &copts)?;
            if let (true, Some(d)) = (recompiled_last, &cache) {
                // Written whole or not at all: another build may read it.
                let rec = tmp.join("shared-instances.key");
                if std::fs::write(&rec, &shared_key).is_ok() {
                    super::cache::store(&rec, &d.join(format!("{}.inst", objkeys[last])));
                }
            }
        }
        let Some(out) = out else { return Ok(()) };
        // The link is cached too: same objects and flags, same executable.
        let mut h = Fnv128::new();
        h.write(b"link");
        // The runtime library is linked in: a rebuilt runtime relinks.
        if let Some(p) = runtime_lib() {
            h.write(file_stamp(&p).as_bytes());
        }
        for k in &objkeys {
            h.write(k.as_bytes());
        }
        let exe_key = h.hex();
        let cached_exe = cache.as_ref().map(|d| d.join(format!("{}.exe", exe_key)));
        if let Some(c) = cached_exe.as_ref().filter(|c| c.exists() && !opts.a) {
            if opts.x {
                eprintln!("# cache hit: link ({})", c.display());
                eprintln!("cp {} {}", c.display(), out.display());
            }
            super::cache::mark_used(c);
            return copy_exe(c, out);
        }
        if opts.x {
            let o: Vec<String> = objs.iter().map(|o| o.display().to_string()).collect();
            eprintln!("cc -o {} {} librgo_runtime.a", out.display(), o.join(" "));
        }
        link(&objs, out)?;
        // The runtime's PC table replaces the DWARF (pclntab.rs).
        if std::env::var_os("RGOC_KEEP_DWARF").is_none() {
            super::pclntab::embed(out).map_err(|e| {
                eprintln!("rgoc: PC table: {e}");
                1u8
            })?;
        }
        if let Some(c) = &cached_exe {
            super::cache::store(out, c);
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    if let Some(d) = &cache {
        super::cache::maybe_trim(d);
    }
    r
}

fn copy_exe(from: &Path, to: &Path) -> Result<(), u8> {
    let _ = std::fs::remove_file(to);
    match std::fs::copy(from, to) {
        Ok(_) => Ok(()),
        Err(e) => {
            eprintln!("rgoc: copying {} to {}: {}", from.display(), to.display(), e);
            Err(1)
        }
    }
}

/// What the cache entry of the last package (key `key`) records of its
/// shared instances (codegen::Part) in `KEY.inst`: Some(None) when it has
/// none (the file is empty), Some((their key, their cached object)), or
/// None when the record or that object is missing. A usable record is
/// marked used, as the objects are (the cache trims by last use).
fn shared_instances_entry(cache: &Path, key: &str) -> Option<Option<(String, PathBuf)>> {
    let rec = cache.join(format!("{key}.inst"));
    let k = std::fs::read_to_string(&rec).ok()?;
    let entry = if k.is_empty() {
        None
    } else {
        let o = cache.join(format!("{k}.o"));
        if !o.exists() {
            return None;
        }
        Some((k, o))
    };
    super::cache::mark_used(&rec);
    Some(entry)
}

/// A module to compile: package index, part, object, cache path.
type Todo = (usize, codegen::Part, PathBuf, Option<PathBuf>);

fn compile_units(prog: &Program, checked: &rgoc_types::Checked, todo: &mut [Todo], opts: &codegen::Options) -> Result<(), u8> {
    // Packages compile independently (other packages are external
    // declarations): spread them over the CPUs, largest first.
    todo.sort_by_key(|(pi, _, _, _)| std::cmp::Reverse(prog.pkgs[*pi].1.len()));
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(todo.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures: std::sync::Mutex<Vec<Diagnostic>> = std::sync::Mutex::new(Vec::new());
    codegen::init_target();
    let todo = &*todo;
    std::thread::scope(|sc| {
        for _ in 0..workers {
            // Deeply nested code recurses deeply in codegen: big stacks.
            let spawned = std::thread::Builder::new().stack_size(256 << 20).spawn_scoped(sc, || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((pi, part, obj, cached)) = todo.get(i) else { break };
                match codegen::compile(&prog.files, checked, &codegen::Unit { package: *pi, part: *part }, obj, opts) {
                    Ok(()) => {
                        if let Some(c) = cached {
                            super::cache::store(obj, c);
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
        report(prog, failures);
        return Err(1);
    }
    Ok(())
}

pub fn tempdir() -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "rgoc-build-{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
    ));
    let _ = std::fs::create_dir_all(&d);
    d
}

/// The runtime staticlib: $RGOC_RUNTIME, else next to the rgoc executable.
pub fn runtime_lib() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RGOC_RUNTIME") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    [dir.join("librgo_runtime.a"), dir.join("../librgo_runtime.a")].into_iter().find(|c| c.exists())
}

fn link(objs: &[PathBuf], out: &Path) -> Result<(), u8> {
    let Some(rt) = runtime_lib() else {
        eprintln!("rgoc: cannot find the runtime library librgo_runtime.a next to the rgoc executable (set RGOC_RUNTIME)");
        return Err(1);
    };
    let mut cmd = Command::new("cc");
    cmd.arg("-o").arg(out).args(objs).arg(&rt);
    // ld.bfd, not gold: gold rewrites split-stack prologues. A position-
    // dependent executable, as gc links on linux/amd64: text at 0x400000
    // and data right after it (programs such as the suite's nilptr.go rely
    // on globals at low addresses). Static, as gc's executables are: no
    // dynamic loader or shared libc pages at start-up (start-up RSS 1.2 MB
    // against 2.2 MB dynamically linked); --gc-sections drops the runtime's
    // and libc's unused code. glibc's warnings about getaddrinfo and
    // getpwuid_r in static programs concern Rust std code rgoc's runtime
    // never calls; printing them (which reads std's line tables) took
    // 0.07 s of each link, so warnings are off.
    cmd.args(["-fuse-ld=bfd", "-no-pie", "-static", "-Wl,--gc-sections", "-Wl,--no-warnings"]);
    // A Rust panic or allocation failure inside the runtime goes to the
    // runtime's own handler (runtime/src/panic.rs: rgo_rust_panic and
    // rgo_rust_oom, gc's throw) rather than std's: core's and alloc's calls
    // of std's handlers are wrapped, so std's panic hook and the backtrace
    // symbolizer behind it (~200 KB, most of it resident at start-up) are
    // not linked. A symbol not found (another toolchain's naming) keeps
    // std's handler.
    for (sym, ours) in runtime_wrapped_symbols(&rt) {
        cmd.arg(format!("-Wl,--wrap={sym},--defsym=__wrap_{sym}={ours},--undefined={ours}"));
    }
    cmd.args(["-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"]);
    match cmd.output() {
        Ok(o) if o.status.success() => undefined_go_symbols(out),
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

/// The runtime's replacements for std's handlers, paired with the mangled
/// names of std's (panic: `rust_begin_unwind`; allocation failure:
/// `__rust_alloc_error_handler`) as the runtime archive's symbol index
/// spells them: the first member of a System V / GNU `ar` archive, a
/// big-endian count, that many member offsets, then the NUL-terminated
/// names (`/SYM64/` uses 64-bit numbers).
fn runtime_wrapped_symbols(archive: &Path) -> Vec<(String, &'static str)> {
    use std::io::Read;
    const OURS: [(&str, &str); 2] = [("rust_begin_unwind", "rgo_rust_panic"), ("__rust_alloc_error_handler", "rgo_rust_oom")];
    let index = || -> Option<Vec<u8>> {
        let mut f = std::fs::File::open(archive).ok()?;
        let mut head = [0u8; 68];
        f.read_exact(&mut head).ok()?;
        let word = match &head[8..15] {
            _ if &head[..8] != b"!<arch>\n" => return None,
            b"/SYM64/" => 8,
            [b'/', b' ', ..] => 4,
            _ => return None,
        };
        let size: usize = std::str::from_utf8(&head[56..66]).ok()?.trim().parse().ok()?;
        let mut index = vec![0u8; size];
        f.read_exact(&mut index).ok()?;
        let count = index.get(..word)?.iter().fold(0usize, |n, &b| n << 8 | b as usize);
        index.drain(..word + count.checked_mul(word)?.min(size - word));
        Some(index)
    };
    let Some(names) = index() else { return Vec::new() };
    let names: Vec<&str> = names.split(|&b| b == 0).filter_map(|n| std::str::from_utf8(n).ok()).collect();
    OURS.iter()
        .filter_map(|&(std_name, ours)| names.iter().find(|n| n.ends_with(std_name)).map(|n| (n.to_string(), ours)))
        .collect()
}

/// ld.bfd 2.40 with `--no-warnings` (set above) silences undefined
/// references too and links successfully: a body-less Go function that
/// nothing defines (`//go:linkname clone maps.clone` without a runtime
/// hook) would be a call to address 0. The executable's symbol table is
/// checked instead: an undefined, non-weak symbol with a Go name (`pkg.name`)
/// fails the link, naming it as the linker would have.
fn undefined_go_symbols(exe: &Path) -> Result<(), u8> {
    use object::{Object, ObjectSymbol};
    let Ok(data) = std::fs::read(exe) else { return Ok(()) };
    let Ok(obj) = object::File::parse(&*data) else { return Ok(()) };
    let mut missing: Vec<String> = obj
        .symbols()
        .filter(|s| s.is_undefined() && s.is_global() && !s.is_weak())
        .filter_map(|s| s.name().ok().map(str::to_string))
        .filter(|n| n.contains('.') && n.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    missing.sort();
    missing.dedup();
    let _ = std::fs::remove_file(exe);
    for m in missing {
        eprintln!("rgoc: link failed: undefined reference to `{m}'");
    }
    Err(1)
}

/// A synthetic main package for compiling packages without linking them.
pub fn check_only_main() -> Unit {
    Unit {
        show: "rgoc-check-only".into(),
        path: "main".into(),
        dir: PathBuf::from("."),
        files: Vec::new(),
        generated: vec![("_rgoc_main.go".into(), "package main\n\nfunc main() {}\n".into())],
        imports: Vec::new(),
        rewrites: HashMap::new(),
        label: None,
    }
}

/// The loader for a command: stdlib root, go.mod, build tags.
pub fn loader(opts: &Opts) -> Result<Loader, String> {
    Loader::new(stdlib_root(), goroot(), super::load::BuildCtx { tags: opts.tags.clone() }, opts.mod_flag.as_deref())
}


#[cfg(test)]
mod tests {
    use rgoc_syntax::ast::{Expr, NodeId};
    use rgoc_syntax::visit::{self, Visitor};

    struct Ids(Vec<NodeId>);
    impl<'a> Visitor<'a> for Ids {
        fn visit_expr(&mut self, e: &'a Expr) {
            self.0.push(e.id);
            visit::walk_expr(self, e)
        }
    }

    /// Files parsed in parallel have disjoint node ids, whether they fit
    /// their ranges or are parsed again past them.
    #[test]
    fn parallel_parse_ids_are_unique() {
        let src = |i: usize| format!("package p\n\nfunc f{i}(a, b int) int {{ return a*b + a - b + {i} }}\n").into_bytes();
        let jobs: Vec<(usize, String, Vec<u8>)> = (0..8).map(|i| (0, format!("f{i}.go"), src(i))).collect();
        for budget in [usize::MAX, 2] {
            let (files, ids) = super::parse_parallel_within(&jobs, |n| if budget == 2 { 2 } else { n as u32 + 1024 });
            let mut all = Ids(Vec::new());
            for (i, (f, d)) in files.iter().enumerate() {
                assert!(d.is_empty(), "{d:?}");
                assert_eq!(f.file_index as usize, i);
                let before = all.0.len();
                for decl in &f.decls {
                    all.visit_decl(decl);
                }
                assert!(all.0.len() > before + 5, "file {i}: {} expression ids", all.0.len() - before);
            }
            let n = all.0.len();
            assert!(all.0.iter().all(|id| id.0 <= ids.last()), "ids to continue from are past every file's");
            all.0.sort();
            all.0.dedup();
            assert_eq!(all.0.len(), n, "duplicate node ids (budget {budget})");
        }
    }
}
