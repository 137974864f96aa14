//! Runs the parser on every `testdata/errors/*.go` program whose `// ERROR`
//! comments expect a syntax error (or named `syntax_*.go`: lexical errors
//! too), and checks gc's errorcheck rule: each
//! ERROR pattern must match a diagnostic reported on its line, and no
//! diagnostic may be reported on a line without an ERROR comment.
use rgoc_syntax::*;
use std::path::Path;

/// Pattern atoms of the small regexp subset the ERROR comments use:
/// literal characters, `\x` escapes, `.` and a postfix `*`.
#[derive(Clone, Copy)]
enum Atom {
    Lit(char),
    Any,
}

fn compile(pat: &str) -> Vec<(Atom, bool)> {
    let mut out: Vec<(Atom, bool)> = vec![];
    let mut it = pat.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => out.push((Atom::Lit(it.next().unwrap_or('\\')), false)),
            '.' => out.push((Atom::Any, false)),
            '*' if !out.is_empty() => out.last_mut().unwrap().1 = true,
            c => out.push((Atom::Lit(c), false)),
        }
    }
    out
}

fn match_here(p: &[(Atom, bool)], s: &[char]) -> bool {
    let Some(&(a, star)) = p.first() else {
        return true;
    };
    let ok = |c: char| match a {
        Atom::Any => true,
        Atom::Lit(l) => l == c,
    };
    if star {
        let mut i = 0;
        loop {
            if match_here(&p[1..], &s[i..]) {
                return true;
            }
            if i < s.len() && ok(s[i]) {
                i += 1;
            } else {
                return false;
            }
        }
    }
    !s.is_empty() && ok(s[0]) && match_here(&p[1..], &s[1..])
}

/// Unanchored match, like Go's regexp.MatchString.
fn matches(pat: &str, text: &str) -> bool {
    let p = compile(pat);
    let s: Vec<char> = text.chars().collect();
    (0..=s.len()).any(|i| match_here(&p, &s[i..]))
}

/// The `// ERROR "..."` patterns of each line (1-based).
fn expectations(src: &str) -> Vec<(u32, Vec<String>)> {
    let mut out = vec![];
    for (i, line) in src.lines().enumerate() {
        let Some(at) = line.find("// ERROR ") else {
            continue;
        };
        let mut rest = &line[at + "// ERROR ".len()..];
        let mut pats = vec![];
        while let Some(s) = rest.find('"') {
            let body = &rest[s + 1..];
            // The closing quote is the first one not escaped.
            let mut end = None;
            let mut esc = false;
            for (j, c) in body.char_indices() {
                match c {
                    '\\' if !esc => esc = true,
                    '"' if !esc => {
                        end = Some(j);
                        break;
                    }
                    _ => esc = false,
                }
            }
            let Some(e) = end else { break };
            pats.push(body[..e].to_string());
            rest = &body[e + 1..];
        }
        out.push((i as u32 + 1, pats));
    }
    out
}

#[test]
fn matcher() {
    assert!(matches(
        r"unexpected \), expected expression",
        "syntax error: unexpected ), expected expression"
    ));
    assert!(matches("a.*c", "xxabbbcx"));
    assert!(!matches(r"a\.c", "abc"));
}

#[test]
fn syntax_error_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/errors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/errors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    let mut failures = vec![];
    let mut checked = 0;
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let want = expectations(&src);
        let name = path.file_name().unwrap().to_string_lossy();
        let syntax = name.starts_with("syntax_")
            || want
                .iter()
                .any(|(_, ps)| ps.iter().any(|p| p.contains("syntax error")));
        if !syntax {
            continue;
        }
        checked += 1;
        let mut ids = NodeIds::default();
        let (_, diags) = parse_file(&path.to_string_lossy(), &src, 0, &mut ids);
        for (line, pats) in &want {
            for p in pats {
                if !diags
                    .iter()
                    .any(|d| d.pos.line == *line && matches(p, &d.msg))
                {
                    let got: Vec<_> = diags
                        .iter()
                        .filter(|d| d.pos.line == *line)
                        .map(|d| &d.msg)
                        .collect();
                    failures.push(format!(
                        "{name}:{line}: no diagnostic matching {p:?} (got {got:?})"
                    ));
                }
            }
        }
        for d in &diags {
            if !want.iter().any(|(l, _)| *l == d.pos.line) {
                failures.push(format!(
                    "{name}:{}:{}: unexpected diagnostic {:?}",
                    d.pos.line, d.pos.col, d.msg
                ));
            }
        }
    }
    assert!(
        checked >= 12,
        "found only {checked} syntax error programs in {dir:?}"
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
