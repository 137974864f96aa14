//! go.mod files: `module`, `go`, `require` and `replace` directives (single
//! lines and blocks); `toolchain`, `exclude`, `retract` and `godebug` are
//! read and ignored, as the go command ignores them for building.

use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Replace {
    pub old: String,
    pub old_version: Option<String>,
    pub new: String,
    pub new_version: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ModFile {
    pub module: String,
    pub go: Option<String>,
    pub requires: Vec<(String, String)>,
    pub replaces: Vec<Replace>,
}

/// Splits a go.mod line into tokens (quoted strings unquoted, `//`
/// comments dropped).
fn tokens(line: &str) -> Vec<String> {
    // Cut the comment (a `//` outside quotes).
    let mut end = line.len();
    let mut quote: Option<char> = None;
    let b = line.as_bytes();
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '`' => quote = Some(c),
            None if c == '/' && b.get(i + 1) == Some(&b'/') => {
                end = i;
                break;
            }
            None => {}
        }
    }
    let spaced = line[..end].replace('(', " ( ").replace(')', " ) ");
    spaced
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '"' || c == '`').to_string())
        .collect()
}

/// Parses go.mod text; errors are `go.mod:LINE: message` as the go command
/// prints them (after the file name).
pub fn parse(text: &str) -> Result<ModFile, String> {
    let mut m = ModFile::default();
    let mut block: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let lineno = n + 1;
        let t = tokens(line);
        if t.is_empty() {
            continue;
        }
        let (verb, args): (String, &[String]) = if let Some(b) = &block {
            if t[0] == ")" {
                block = None;
                continue;
            }
            (b.clone(), &t[..])
        } else {
            if t.len() == 2 && t[1] == "(" {
                block = Some(t[0].clone());
                continue;
            }
            (t[0].clone(), &t[1..])
        };
        match verb.as_str() {
            "module" => {
                let Some(p) = args.first() else {
                    return Err(format!("{}: usage: module module/path", lineno));
                };
                m.module = p.clone();
            }
            "go" => m.go = args.first().cloned(),
            "require" => {
                if args.len() < 2 {
                    return Err(format!("{}: usage: require module/path v1.2.3", lineno));
                }
                m.requires.push((args[0].clone(), args[1].clone()));
            }
            "replace" => {
                let Some(arrow) = args.iter().position(|a| a == "=>") else {
                    return Err(format!(
                        "{}: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory",
                        lineno
                    ));
                };
                let (l, r) = (&args[..arrow], &args[arrow + 1..]);
                if l.is_empty() || r.is_empty() || l.len() > 2 || r.len() > 2 {
                    return Err(format!("{}: usage: replace module/path [v1.2.3] => other/module v1.4", lineno));
                }
                m.replaces.push(Replace {
                    old: l[0].clone(),
                    old_version: l.get(1).cloned(),
                    new: r[0].clone(),
                    new_version: r.get(1).cloned(),
                });
            }
            "toolchain" | "exclude" | "retract" | "godebug" | "tool" | "ignore" => {}
            other => return Err(format!("{}: unknown directive: {}", lineno, other)),
        }
    }
    if m.module.is_empty() {
        return Err("no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod".into());
    }
    Ok(m)
}

/// Whether a replacement is a local directory (go's rule: starts with
/// `./`, `../` or `/`).
pub fn is_local(new: &str) -> bool {
    new.starts_with("./") || new.starts_with("../") || new.starts_with('/') || new == "." || new == ".."
}

/// The directory holding go.mod for `dir`, searching upwards.
pub fn find_mod_root(dir: &Path) -> Option<PathBuf> {
    let mut d = Some(dir);
    while let Some(p) = d {
        if p.join("go.mod").is_file() {
            return Some(p.to_path_buf());
        }
        d = p.parent();
    }
    None
}

/// The module cache's directory name for a module path: upper-case
/// letters become `!` + lower case (go's case encoding).
pub fn escape_path(p: &str) -> String {
    let mut s = String::new();
    for c in p.chars() {
        if c.is_ascii_uppercase() {
            s.push('!');
            s.push(c.to_ascii_lowercase());
        } else {
            s.push(c);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_and_lines() {
        let m = parse(
            "module example.com/m // comment\n\ngo 1.22\ntoolchain go1.22.1\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v0.1.0 // indirect\n)\nreplace example.com/a => ../a\nreplace (\n\texample.com/b v0.1.0 => ./b\n)\n",
        )
        .unwrap();
        assert_eq!(m.module, "example.com/m");
        assert_eq!(m.go.as_deref(), Some("1.22"));
        assert_eq!(m.requires.len(), 2);
        assert_eq!(m.replaces[0].new, "../a");
        assert_eq!(m.replaces[1].old_version.as_deref(), Some("v0.1.0"));
        assert!(is_local("./b"));
    }
}
