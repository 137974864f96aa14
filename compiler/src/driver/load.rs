//! Package loading as the go command does it: package patterns, go.mod
//! (main module, local `replace`s, the module cache when it holds a
//! required module, `vendor/` with `-mod=vendor`), `internal/`
//! visibility, build constraints (`//go:build` lines, `_GOOS`/`_GOARCH`
//! file-name suffixes) for GOOS=linux GOARCH=amd64, and the import graph.
//! Files are only scanned here (build lines, package clause, imports);
//! `build.rs` parses and compiles them.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::modfile::{self, ModFile};

pub const GOOS: &str = "linux";
pub const GOARCH: &str = "amd64";
/// The release tags: go1.1 ... go1.27 (the reference toolchain's language).
pub const GO_MINOR: u32 = 27;

const KNOWN_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
    "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
];
const UNIX_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
    "netbsd", "openbsd", "solaris",
];
const KNOWN_ARCH: &[&str] = &[
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
    "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
    "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
];

/// Tags that are always on besides GOOS, GOARCH, `unix`, `gc` and the
/// release tags: the reference go 1.27's tool tags (its default
/// GOEXPERIMENTs and GOAMD64=v1), so files are selected as gc does.
pub const ALWAYS_TAGS: &[&str] = &[
    "goexperiment.regabiwrappers",
    "goexperiment.regabiargs",
    "goexperiment.dwarf5",
    "goexperiment.jsonv2",
    "goexperiment.greenteagc",
    "goexperiment.randomizedheapbase64",
    "goexperiment.sizespecializedmalloc",
    "amd64.v1",
];

/// Tags on for standard-library packages only: they select the pure-Go
/// implementations that packages keep beside their assembly (rgoc does
/// not assemble `.s` files). A module's own `purego` files stay as gc
/// selects them (unless `-tags purego`).
pub const STD_TAGS: &[&str] = &["purego", "math_big_pure_go"];

/// Build-constraint context: the target and `-tags`.
#[derive(Clone, Default)]
pub struct BuildCtx {
    pub tags: Vec<String>,
}

impl BuildCtx {
    pub fn tag(&self, t: &str) -> bool {
        if t == GOOS || t == GOARCH || t == "gc" || t == "unix" || ALWAYS_TAGS.contains(&t) {
            return true;
        }
        if let Some(v) = t.strip_prefix("go1.") {
            if let Ok(n) = v.parse::<u32>() {
                return n >= 1 && n <= GO_MINOR;
            }
        }
        self.tags.iter().any(|x| x == t)
    }

    /// go/build's goodOSArchFile: `name_GOOS`, `name_GOARCH`,
    /// `name_GOOS_GOARCH` (before `.go` and an optional `_test`).
    pub fn good_os_arch_file(&self, name: &str) -> bool {
        let name = name.split('.').next().unwrap_or("");
        let Some(i) = name.find('_') else { return true };
        let mut l: Vec<&str> = name[i..].split('_').collect();
        if l.last() == Some(&"test") {
            l.pop();
        }
        let n = l.len();
        let known_os = |s: &str| KNOWN_OS.contains(&s);
        let known_arch = |s: &str| KNOWN_ARCH.contains(&s);
        if n >= 2 && known_os(l[n - 2]) && known_arch(l[n - 1]) {
            return self.match_os(l[n - 2]) && l[n - 1] == GOARCH;
        }
        if n >= 1 && known_os(l[n - 1]) {
            return self.match_os(l[n - 1]);
        }
        if n >= 1 && known_arch(l[n - 1]) {
            return l[n - 1] == GOARCH;
        }
        true
    }

    fn match_os(&self, os: &str) -> bool {
        os == GOOS || (os == "unix" && UNIX_OS.contains(&GOOS))
    }

    /// Evaluates a `//go:build` expression (`&&`, `||`, `!`, parentheses).
    pub fn eval(&self, expr: &str) -> Result<bool, String> {
        let toks = build_tokens(expr)?;
        let mut p = ExprParser { toks: &toks, i: 0, ctx: self };
        let v = p.or()?;
        if p.i != toks.len() {
            return Err(format!("unexpected token {}", toks[p.i]));
        }
        Ok(v)
    }
}

fn build_tokens(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' {
            i += 1;
        } else if c == b'(' || c == b')' || c == b'!' {
            out.push((c as char).to_string());
            i += 1;
        } else if s[i..].starts_with("&&") || s[i..].starts_with("||") {
            out.push(s[i..i + 2].to_string());
            i += 2;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
            let st = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            out.push(s[st..i].to_string());
        } else {
            return Err(format!("invalid syntax at {}", s[i..].chars().next().unwrap_or(' ')));
        }
    }
    Ok(out)
}

struct ExprParser<'a> {
    toks: &'a [String],
    i: usize,
    ctx: &'a BuildCtx,
}

impl ExprParser<'_> {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.i).map(String::as_str)
    }
    fn or(&mut self) -> Result<bool, String> {
        let mut v = self.and()?;
        while self.peek() == Some("||") {
            self.i += 1;
            let r = self.and()?;
            v = v || r;
        }
        Ok(v)
    }
    fn and(&mut self) -> Result<bool, String> {
        let mut v = self.not()?;
        while self.peek() == Some("&&") {
            self.i += 1;
            let r = self.not()?;
            v = v && r;
        }
        Ok(v)
    }
    fn not(&mut self) -> Result<bool, String> {
        match self.peek() {
            Some("!") => {
                self.i += 1;
                Ok(!self.not()?)
            }
            Some("(") => {
                self.i += 1;
                let v = self.or()?;
                if self.peek() != Some(")") {
                    return Err("missing )".into());
                }
                self.i += 1;
                Ok(v)
            }
            Some(t) if t != ")" && t != "&&" && t != "||" => {
                let v = self.ctx.tag(t);
                self.i += 1;
                Ok(v)
            }
            _ => Err("unexpected end of expression".into()),
        }
    }
}

/// What the loader needs of a file before parsing it.
#[derive(Clone, Debug, Default)]
pub struct Header {
    pub build: Option<String>,
    pub package: String,
    /// (import path, line, column of the path literal).
    pub imports: Vec<(String, u32, u32)>,
}

/// Scans the file's leading comments, package clause and import
/// declarations (a small lexer: comments, strings, identifiers).
pub fn scan_header(src: &str) -> Header {
    let mut h = Header::default();
    let b = src.as_bytes();
    let mut i = 0;
    let mut line = 1u32;
    let mut line_start = 0usize;
    // Tokens: (text, is_string, line, col).
    let next = |i: &mut usize, line: &mut u32, line_start: &mut usize, h: &mut Header, before_pkg: bool| -> Option<(String, bool, u32, u32)> {
        loop {
            if *i >= b.len() {
                return None;
            }
            let c = b[*i];
            if c == b'\n' {
                *line += 1;
                *i += 1;
                *line_start = *i;
            } else if c == b' ' || c == b'\t' || c == b'\r' || c == b';' {
                *i += 1;
            } else if src[*i..].starts_with("//") {
                let end = src[*i..].find('\n').map(|e| *i + e).unwrap_or(b.len());
                let text = &src[*i..end];
                if before_pkg && *i == *line_start {
                    if let Some(e) = text.strip_prefix("//go:build") {
                        if e.starts_with(' ') || e.starts_with('\t') {
                            if h.build.is_none() {
                                h.build = Some(e.trim().to_string());
                            }
                        }
                    }
                }
                *i = end;
            } else if src[*i..].starts_with("/*") {
                let end = src[*i + 2..].find("*/").map(|e| *i + 2 + e + 2).unwrap_or(b.len());
                *line += src[*i..end].matches('\n').count() as u32;
                if let Some(nl) = src[*i..end].rfind('\n') {
                    *line_start = *i + nl + 1;
                }
                *i = end;
            } else if c == b'"' || c == b'`' {
                let (l, col) = (*line, (*i - *line_start) as u32 + 1);
                let st = *i + 1;
                let mut j = st;
                while j < b.len() && b[j] != c && b[j] != b'\n' {
                    if b[j] == b'\\' && c == b'"' {
                        j += 1;
                    }
                    j += 1;
                }
                let s = src[st..j.min(b.len())].to_string();
                *i = (j + 1).min(b.len());
                return Some((s, true, l, col));
            } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
                let (l, col) = (*line, (*i - *line_start) as u32 + 1);
                let st = *i;
                while *i < b.len() && (b[*i].is_ascii_alphanumeric() || b[*i] == b'_' || b[*i] >= 0x80) {
                    *i += 1;
                }
                return Some((src[st..*i].to_string(), false, l, col));
            } else {
                let (l, col) = (*line, (*i - *line_start) as u32 + 1);
                *i += 1;
                return Some(((c as char).to_string(), false, l, col));
            }
        }
    };
    match next(&mut i, &mut line, &mut line_start, &mut h, true) {
        Some((t, false, _, _)) if t == "package" => {}
        _ => return h,
    }
    match next(&mut i, &mut line, &mut line_start, &mut h, false) {
        Some((t, false, _, _)) => h.package = t,
        _ => return h,
    }
    loop {
        match next(&mut i, &mut line, &mut line_start, &mut h, false) {
            Some((t, false, _, _)) if t == "import" => {}
            _ => return h,
        }
        let Some(tok) = next(&mut i, &mut line, &mut line_start, &mut h, false) else { return h };
        if tok.0 == "(" && !tok.1 {
            loop {
                let Some(t) = next(&mut i, &mut line, &mut line_start, &mut h, false) else { return h };
                if t.0 == ")" && !t.1 {
                    break;
                }
                if t.1 {
                    h.imports.push((t.0, t.2, t.3));
                }
            }
        } else if tok.1 {
            h.imports.push((tok.0, tok.2, tok.3));
        } else {
            let Some(t) = next(&mut i, &mut line, &mut line_start, &mut h, false) else { return h };
            if t.1 {
                h.imports.push((t.0, t.2, t.3));
            }
        }
    }
}

/// A package as `go list` describes it.
#[derive(Clone, Debug, Default)]
pub struct Package {
    pub import_path: String,
    pub dir: PathBuf,
    pub name: String,
    pub standard: bool,
    /// The module path (None for std and command-line files).
    pub module: Option<String>,
    pub go_files: Vec<String>,
    pub test_go_files: Vec<String>,
    pub xtest_go_files: Vec<String>,
    pub ignored_go_files: Vec<String>,
    pub imports: Vec<String>,
    pub test_imports: Vec<String>,
    pub xtest_imports: Vec<String>,
    /// Where each import is first written: path -> (file name, line, col).
    pub import_pos: HashMap<String, (String, u32, u32)>,
    /// A package error (go list's Error), printed when the package is built.
    pub error: Option<String>,
    /// Files named on the command line (command-line-arguments).
    pub from_files: bool,
}

impl Package {
    pub fn is_main(&self) -> bool {
        self.name == "main"
    }
}

pub struct MainModule {
    pub path: String,
    pub dir: PathBuf,
    pub mf: ModFile,
}

pub struct Loader {
    pub cwd: PathBuf,
    /// rgoc's own packages (`stdlib/`): a directory here replaces the
    /// Go distribution's package of the same import path.
    pub stdlib: Option<PathBuf>,
    /// `$GOROOT/src` of the Go distribution: std packages rgoc has no
    /// overlay for compile from their real sources.
    pub goroot_src: Option<PathBuf>,
    pub main: Option<MainModule>,
    pub vendor: bool,
    pub ctx: BuildCtx,
    cache: HashMap<String, Rc<Package>>,
}

/// A loading error as the go command prints it (already formatted).
pub type LoadError = String;

impl Loader {
    pub fn new(stdlib: Option<PathBuf>, goroot: Option<PathBuf>, ctx: BuildCtx, mod_flag: Option<&str>) -> Result<Loader, LoadError> {
        let goroot_src = goroot.map(|g| g.join("src")).filter(|d| d.is_dir());
        let cwd = std::env::current_dir().map_err(|e| format!("rgoc: {}", e))?;
        let mut main = None;
        let gomod_off = std::env::var("GO111MODULE").is_ok_and(|v| v == "off");
        if !gomod_off {
            if let Some(root) = modfile::find_mod_root(&cwd) {
                let gm = root.join("go.mod");
                let text = std::fs::read_to_string(&gm).map_err(|e| format!("go: {}: {}", gm.display(), e))?;
                let mf = modfile::parse(&text).map_err(|e| format!("go: errors parsing go.mod:\n{}:{}", gm.display(), e))?;
                main = Some(MainModule { path: mf.module.clone(), dir: root, mf });
            }
        }
        let vendor = match mod_flag {
            Some("vendor") => true,
            Some("mod") | Some("readonly") => false,
            Some(o) => return Err(format!("go: invalid -mod={}: must be one of readonly, vendor, or mod", o)),
            None => main.as_ref().is_some_and(|m| {
                m.dir.join("vendor/modules.txt").is_file()
                    && m.mf.go.as_deref().is_some_and(|v| version_at_least(v, 14))
            }),
        };
        Ok(Loader { cwd, stdlib, goroot_src, main, vendor, ctx, cache: HashMap::new() })
    }

    /// Display form of a path, relative to the current directory when under it.
    pub fn rel(&self, p: &Path) -> String {
        if let Ok(r) = p.strip_prefix(&self.cwd) {
            let s = r.display().to_string();
            if s.is_empty() {
                return ".".into();
            }
            return s;
        }
        p.display().to_string()
    }

    fn is_std_path(path: &str) -> bool {
        !path.split('/').next().unwrap_or("").contains('.')
    }

    /// The directory of std package `path`: rgoc's overlay `stdlib/<path>`
    /// (the whole package) when it exists, else `$GOROOT/src/<path>`.
    fn std_dir(&self, path: &str) -> Option<PathBuf> {
        [&self.stdlib, &self.goroot_src]
            .into_iter()
            .flatten()
            .map(|r| r.join(path))
            .find(|d| d.is_dir() && !path.is_empty() && !path.starts_with("cmd/") && path != "cmd")
    }

    /// Whether `dir` holds standard-library sources (an overlay or GOROOT).
    fn in_std(&self, dir: &Path) -> bool {
        [&self.stdlib, &self.goroot_src].into_iter().flatten().any(|r| dir.starts_with(r))
    }

    /// The directory of the package with import path `path` (resolving
    /// std, the main module, vendor/, replaced and cached modules), with
    /// its module path.
    fn find(&self, path: &str) -> Result<(PathBuf, Option<String>, bool), LoadError> {
        if Self::is_std_path(path) {
            if let Some(d) = self.std_dir(path) {
                return Ok((d, None, true));
            }
        }
        let Some(m) = &self.main else {
            if Self::is_std_path(path) {
                return Err(format!("package {} is not in std", path));
            }
            return Err(format!("cannot find module providing package {}: working directory is not part of a module", path));
        };
        if path == m.path || path.starts_with(&format!("{}/", m.path)) {
            let rest = &path[m.path.len()..].trim_start_matches('/');
            return Ok((m.dir.join(rest), Some(m.path.clone()), false));
        }
        if self.vendor {
            let d = m.dir.join("vendor").join(path);
            if d.is_dir() {
                return Ok((d, None, false));
            }
            if Self::is_std_path(path) {
                return Err(format!("package {} is not in std", path));
            }
            return Err(format!("cannot find module providing package {}: import lookup disabled by -mod=vendor", path));
        }
        // The longest module path that is a prefix: required or replaced.
        let mut best: Option<&str> = None;
        for cand in m.mf.requires.iter().map(|r| r.0.as_str()).chain(m.mf.replaces.iter().map(|r| r.old.as_str())) {
            if (path == cand || path.starts_with(&format!("{}/", cand))) && best.is_none_or(|b| cand.len() > b.len()) {
                best = Some(cand);
            }
        }
        let Some(modp) = best else {
            if Self::is_std_path(path) {
                return Err(format!("package {} is not in std", path));
            }
            return Err(format!("no required module provides package {}; to add it:\n\tgo get {}", path, path));
        };
        let rest = path[modp.len()..].trim_start_matches('/').to_string();
        let version = m.mf.requires.iter().find(|r| r.0 == modp).map(|r| r.1.clone());
        let rep = m
            .mf
            .replaces
            .iter()
            .find(|r| r.old == modp && r.old_version.is_some() && r.old_version == version)
            .or_else(|| m.mf.replaces.iter().find(|r| r.old == modp && r.old_version.is_none()));
        if let Some(r) = rep {
            if modfile::is_local(&r.new) {
                let d = m.dir.join(&r.new);
                if !d.join("go.mod").is_file() {
                    return Err(format!(
                        "{}@{}: replacement directory {} does not exist",
                        modp,
                        version.as_deref().unwrap_or(""),
                        r.new
                    ));
                }
                return Ok((d.join(rest), Some(modp.to_string()), false));
            }
            return self.mod_cache(&r.new, r.new_version.as_deref().unwrap_or(""), &rest, path, modp);
        }
        match version {
            Some(v) => self.mod_cache(modp, &v, &rest, path, modp),
            None => Err(format!("no required module provides package {}; to add it:\n\tgo get {}", path, path)),
        }
    }

    /// A module version in the module cache ($GOMODCACHE, else
    /// $GOPATH/pkg/mod, else ~/go/pkg/mod): never downloaded.
    fn mod_cache(&self, m: &str, v: &str, rest: &str, _path: &str, modp: &str) -> Result<(PathBuf, Option<String>, bool), LoadError> {
        let root = std::env::var_os("GOMODCACHE")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("GOPATH").map(|g| PathBuf::from(g).join("pkg/mod")))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join("go/pkg/mod")));
        if let Some(r) = root {
            let d = r.join(format!("{}@{}", modfile::escape_path(m), v));
            if d.is_dir() {
                return Ok((d.join(rest), Some(modp.to_string()), false));
            }
        }
        Err(format!(
            "{}@{}: module {} is not in the module cache and rgoc does not download modules (add a local replace directive)",
            m, v, m
        ))
    }

    /// The import path of the package in directory `dir` (absolute).
    pub fn import_path_of_dir(&self, dir: &Path) -> Result<(String, Option<String>), LoadError> {
        for std in [&self.stdlib, &self.goroot_src].into_iter().flatten() {
            if let Ok(r) = dir.strip_prefix(std) {
                return Ok((r.display().to_string(), None));
            }
        }
        let Some(m) = &self.main else {
            return Err("go: go.mod file not found in current directory or any parent directory; see 'go help modules'".into());
        };
        match dir.strip_prefix(&m.dir) {
            Ok(r) if r.as_os_str().is_empty() => Ok((m.path.clone(), Some(m.path.clone()))),
            Ok(r) => {
                // A nested module is not part of the main module.
                let mut d = dir.to_path_buf();
                while d != m.dir {
                    if d.join("go.mod").is_file() {
                        return Err(format!(
                            "main module ({}) does not contain package {}/{}",
                            m.path,
                            m.path,
                            r.display()
                        ));
                    }
                    if !d.pop() {
                        break;
                    }
                }
                Ok((format!("{}/{}", m.path, r.display()), Some(m.path.clone())))
            }
            Err(_) => {
                // A directory of a locally replaced module.
                for r in &m.mf.replaces {
                    if modfile::is_local(&r.new) {
                        let rd = normalize(&m.dir.join(&r.new));
                        if let Ok(rest) = dir.strip_prefix(&rd) {
                            let p = if rest.as_os_str().is_empty() {
                                r.old.clone()
                            } else {
                                format!("{}/{}", r.old, rest.display())
                            };
                            return Ok((p, Some(r.old.clone())));
                        }
                    }
                }
                Err(format!("directory {} is outside main module or its selected dependencies", self.rel(dir)))
            }
        }
    }

    /// Loads (scans) the package with import path `path` found in `dir`.
    pub fn scan(&mut self, path: &str, dir: &Path, module: Option<String>, standard: bool) -> Rc<Package> {
        if let Some(p) = self.cache.get(path) {
            return p.clone();
        }
        let mut p = Package {
            import_path: path.to_string(),
            dir: dir.to_path_buf(),
            standard,
            module,
            ..Default::default()
        };
        let mut names: Vec<String> = match std::fs::read_dir(dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".go"))
                .collect(),
            Err(_) => {
                p.error = Some(format!("cannot find package {} in {}", path, self.rel(dir)));
                let rc = Rc::new(p);
                self.cache.insert(path.to_string(), rc.clone());
                return rc;
            }
        };
        names.sort();
        // An overlay may take some files of the Go distribution's package
        // as they are: `goroot.files` lists their names (one a line, `#`
        // comments), compiled with the overlay's own files (named by
        // absolute path, which `dir.join` keeps).
        if standard {
            if let (Some(ov), Some(gsrc)) = (&self.stdlib, &self.goroot_src) {
                if dir.starts_with(ov) {
                    if let Ok(list) = std::fs::read_to_string(dir.join("goroot.files")) {
                        for l in list.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
                            names.push(gsrc.join(path).join(l).display().to_string());
                        }
                    }
                }
            }
        }
        let ctx = if standard {
            let mut c = self.ctx.clone();
            c.tags.extend(STD_TAGS.iter().map(|t| t.to_string()));
            c
        } else {
            self.ctx.clone()
        };
        let mut imports = BTreeSet::new();
        let mut timports = BTreeSet::new();
        let mut ximports = BTreeSet::new();
        let mut seen_name: Option<(String, String)> = None;
        for n in names {
            if n.starts_with('_') || n.starts_with('.') {
                continue;
            }
            let is_test = n.ends_with("_test.go");
            if standard && is_test {
                continue;
            }
            let src = std::fs::read_to_string(dir.join(&n)).unwrap_or_default();
            let h = scan_header(&src);
            let base = n.rsplit('/').next().unwrap_or(&n);
            let ok = ctx.good_os_arch_file(base)
                && match &h.build {
                    None => true,
                    Some(e) => ctx.eval(e).unwrap_or(false),
                };
            if !ok {
                p.ignored_go_files.push(n);
                continue;
            }
            let xtest = is_test && h.package.ends_with("_test") && h.package.len() > 5;
            let pname = if xtest { h.package.trim_end_matches("_test").to_string() } else { h.package.clone() };
            if !h.package.is_empty() {
                match &seen_name {
                    None => seen_name = Some((pname.clone(), n.clone())),
                    Some((sn, sf)) if *sn != pname && p.error.is_none() => {
                        p.error = Some(format!(
                            "found packages {} ({}) and {} ({}) in {}",
                            sn,
                            sf,
                            pname,
                            n,
                            dir.display()
                        ));
                    }
                    _ => {}
                }
            }
            let set = if xtest {
                &mut ximports
            } else if is_test {
                &mut timports
            } else {
                &mut imports
            };
            for (ip, l, c) in &h.imports {
                set.insert(ip.clone());
                p.import_pos.entry(ip.clone()).or_insert((n.clone(), *l, *c));
            }
            if xtest {
                p.xtest_go_files.push(n);
            } else if is_test {
                p.test_go_files.push(n);
            } else {
                p.go_files.push(n);
            }
        }
        // A package's name comes from its non-test files when it has any.
        p.name = seen_name.map(|s| s.0).unwrap_or_default();
        p.imports = imports.into_iter().collect();
        p.test_imports = timports.into_iter().collect();
        p.xtest_imports = ximports.into_iter().collect();
        if p.error.is_none() && p.go_files.is_empty() && p.test_go_files.is_empty() && p.xtest_go_files.is_empty() {
            p.error = Some(if p.ignored_go_files.is_empty() {
                format!("no Go files in {}", dir.display())
            } else {
                format!("build constraints exclude all Go files in {}", dir.display())
            });
        }
        let rc = Rc::new(p);
        self.cache.insert(path.to_string(), rc.clone());
        rc
    }

    /// Resolves an import of `path` from `importer`.
    pub fn import(&mut self, path: &str, importer: &Package) -> Result<Rc<Package>, LoadError> {
        // Std packages import golang.org/x/... from GOROOT/src/vendor
        // (kept under their own import path, as gc's symbols are not:
        // a program may not also use that module's own copy).
        if importer.standard && !Self::is_std_path(path) {
            if let Some(d) = self.goroot_src.as_ref().map(|g| g.join("vendor").join(path)).filter(|d| d.is_dir()) {
                return Ok(self.scan(path, &d, None, true));
            }
        }
        let (dir, module, standard) = self.find(path)?;
        if let Some(parent) = internal_parent(path) {
            let ok = if standard || parent.is_empty() {
                importer.standard || !standard
            } else {
                importer.import_path == parent
                    || importer.import_path.starts_with(&format!("{}/", parent))
                    || (importer.from_files && self.main.as_ref().is_some_and(|m| parent == m.path || parent.starts_with(&format!("{}/", m.path))) && importer.dir.starts_with(self.dir_of_prefix(&parent)))
            };
            if !ok {
                return Err(format!("use of internal package {} not allowed", path));
            }
        }
        let p = self.scan(path, &dir, module, standard);
        if let Some(e) = &p.error {
            if e.starts_with("cannot find package") || e.starts_with("no Go files") {
                if standard {
                    return Err(format!("package {} is not in std", path));
                }
                if let Some(m) = &self.main {
                    if path.starts_with(&format!("{}/", m.path)) {
                        return Err(format!(
                            "no required module provides package {}; to add it:\n\tgo get {}",
                            path, path
                        ));
                    }
                }
            }
        }
        Ok(p)
    }

    fn dir_of_prefix(&self, prefix: &str) -> PathBuf {
        match self.find(prefix) {
            Ok((d, _, _)) => d,
            Err(_) => PathBuf::from("/nonexistent"),
        }
    }

    /// Expands command-line patterns into packages (go's rules: no
    /// argument is `.`; `./...`, `dir/...`, `path/...`; directories;
    /// import paths; or a list of .go files).
    pub fn packages(&mut self, args: &[String]) -> Result<Vec<Rc<Package>>, LoadError> {
        if !args.is_empty() && args.iter().all(|a| a.ends_with(".go")) {
            return self.files_package(args).map(|p| vec![p]);
        }
        let args: Vec<String> = if args.is_empty() { vec![".".into()] } else { args.to_vec() };
        let mut out: Vec<Rc<Package>> = Vec::new();
        for a in &args {
            if a.ends_with(".go") {
                return Err(format!("named files must all be in one directory; have {} and .", a));
            }
            let local = a == "." || a == ".." || a.starts_with("./") || a.starts_with("../") || a.starts_with('/');
            if let Some(base) = a.strip_suffix("/...").or(if a == "..." { Some("") } else { None }) {
                let mut found = Vec::new();
                if local {
                    let d = normalize(&self.cwd.join(base));
                    if self.main.is_none() && !self.in_std(&d) {
                        return Err("go: go.mod file not found in current directory or any parent directory; see 'go help modules'".into());
                    }
                    self.walk(&d, &mut found)?;
                } else if let Some(m) = &self.main {
                    if base == m.path || base.starts_with(&format!("{}/", m.path)) || m.path.starts_with(&format!("{}/", base)) || base.is_empty() {
                        let d = m.dir.clone();
                        self.walk(&d, &mut found)?;
                        found.retain(|p| p.import_path == base || p.import_path.starts_with(&format!("{}/", base)) || base.is_empty());
                    }
                }
                if found.is_empty() {
                    eprintln!("go: warning: {:?} matched no packages", a);
                }
                for p in found {
                    if !out.iter().any(|q| q.import_path == p.import_path) {
                        out.push(p);
                    }
                }
                continue;
            }
            let p = if local {
                let d = normalize(&self.cwd.join(a));
                if !d.is_dir() {
                    return Err(format!("stat {}: directory not found", d.display()));
                }
                let (ip, module) = match self.import_path_of_dir(&d) {
                    Ok(x) => x,
                    Err(e) if e.starts_with("go:") => return Err(e),
                    Err(e) => return Err(format!("go: {}", e)),
                };
                let standard = module.is_none() && self.in_std(&d);
                self.scan(&ip, &d, module, standard)
            } else {
                let (dir, module, standard) = match self.find(a) {
                    Ok(x) => x,
                    Err(e) => return Err(format!("go: {}", e)),
                };
                self.scan(a, &dir, module, standard)
            };
            if !out.iter().any(|q| q.import_path == p.import_path) {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// Packages in and below `dir` (skipping `.`/`_` names, testdata,
    /// vendor and nested modules), in import-path order.
    fn walk(&mut self, dir: &Path, out: &mut Vec<Rc<Package>>) -> Result<(), LoadError> {
        let mut dirs = vec![dir.to_path_buf()];
        let mut found = Vec::new();
        while let Some(d) = dirs.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else { continue };
            let mut has_go = false;
            for e in rd.filter_map(|e| e.ok()) {
                let name = e.file_name().to_string_lossy().into_owned();
                let ft = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                if ft {
                    if name.starts_with('.') || name.starts_with('_') || name == "testdata" || name == "vendor" {
                        continue;
                    }
                    if e.path().join("go.mod").is_file() {
                        continue;
                    }
                    dirs.push(e.path());
                } else if name.ends_with(".go") && !name.starts_with('.') && !name.starts_with('_') {
                    has_go = true;
                }
            }
            if has_go {
                found.push(d);
            }
        }
        let mut pkgs = Vec::new();
        for d in found {
            let (ip, module) = self.import_path_of_dir(&d).map_err(|e| if e.starts_with("go:") { e } else { format!("go: {}", e) })?;
            let standard = module.is_none() && self.in_std(&d);
            let p = self.scan(&ip, &d, module, standard);
            // Directories whose files are all excluded are not packages here.
            if p.error.as_deref().is_some_and(|e| e.starts_with("build constraints exclude")) {
                continue;
            }
            pkgs.push(p);
        }
        pkgs.sort_by(|a, b| a.import_path.cmp(&b.import_path));
        out.extend(pkgs);
        Ok(())
    }

    /// `rgoc build a.go b.go`: the command-line-arguments package.
    pub fn files_package(&mut self, files: &[String]) -> Result<Rc<Package>, LoadError> {
        let mut p = Package {
            import_path: "command-line-arguments".into(),
            from_files: true,
            ..Default::default()
        };
        let mut dir: Option<PathBuf> = None;
        let mut imports = BTreeSet::new();
        for f in files {
            let path = Path::new(f);
            let d = normalize(&self.cwd.join(path.parent().unwrap_or(Path::new(""))));
            match &dir {
                None => dir = Some(d),
                Some(x) if *x != d => {
                    return Err(format!("named files must all be in one directory; have {} and {}", self.rel(x), self.rel(&d)));
                }
                _ => {}
            }
            let src = match std::fs::read_to_string(path) {
                Ok(s) => s,
                Err(e) => {
                    return Err(format!("open {}: {}", f, super::io_error_text(&e)));
                }
            };
            let h = scan_header(&src);
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            for (ip, l, c) in &h.imports {
                imports.insert(ip.clone());
                p.import_pos.entry(ip.clone()).or_insert((name.clone(), *l, *c));
            }
            if p.name.is_empty() {
                p.name = h.package.clone();
            }
            if name.ends_with("_test.go") {
                p.test_go_files.push(name);
            } else {
                p.go_files.push(name);
            }
        }
        p.dir = dir.unwrap_or_else(|| self.cwd.clone());
        p.imports = imports.into_iter().collect();
        p.module = self.main.as_ref().map(|m| m.path.clone());
        Ok(Rc::new(p))
    }
}

/// For `a/b/internal/c`, `a/b`; None when the path has no internal element.
pub fn internal_parent(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let i = parts.iter().rposition(|p| *p == "internal")?;
    Some(parts[..i].join("/"))
}

/// `go 1.N` at least 1.`minor`.
fn version_at_least(v: &str, minor: u32) -> bool {
    let mut it = v.split('.');
    let major: u32 = it.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    let min: u32 = it.next().and_then(|x| x.trim_end_matches(|c: char| !c.is_ascii_digit()).parse().ok()).unwrap_or(0);
    major > 1 || (major == 1 && min >= minor)
}

/// Lexically cleans a path (`a/./b/../c` -> `a/c`).
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints() {
        let c = BuildCtx::default();
        assert!(c.eval("linux && amd64").unwrap());
        assert!(!c.eval("!linux").unwrap());
        assert!(c.eval("(darwin || linux) && !windows").unwrap());
        assert!(c.eval("go1.21").unwrap());
        assert!(!c.eval("go1.99").unwrap());
        assert!(c.good_os_arch_file("a_linux.go"));
        assert!(!c.good_os_arch_file("a_windows.go"));
        assert!(!c.good_os_arch_file("a_arm64_test.go"));
        assert!(c.good_os_arch_file("linux.go"));
        assert!(c.good_os_arch_file("a_linux_amd64.go"));
        assert!(!c.good_os_arch_file("a_darwin_amd64.go"));
    }

    #[test]
    fn header() {
        let h = scan_header("// Copyright\n\n//go:build linux && !cgo\n\n/* c */ package foo // x\n\nimport \"fmt\"\nimport (\n\tx \"a/b\"\n\t_ \"c\" // d\n)\nimport . \"e\"\nfunc main() {}\n");
        assert_eq!(h.build.as_deref(), Some("linux && !cgo"));
        assert_eq!(h.package, "foo");
        let paths: Vec<&str> = h.imports.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(paths, ["fmt", "a/b", "c", "e"]);
        assert_eq!((h.imports[1].1, h.imports[1].2), (9, 4));
    }

    #[test]
    fn internal() {
        assert_eq!(internal_parent("a/internal/b").as_deref(), Some("a"));
        assert_eq!(internal_parent("internal/abi").as_deref(), Some(""));
        assert_eq!(internal_parent("a/b"), None);
    }
}
