//! Parses every .go file under a directory (default: the installed Go test
//! suite) and reports: files that panic (none expected), non-errorcheck files
//! with syntax errors (should be few), and for errorcheck files, whether our
//! syntax errors land on lines that carry an `// ERROR` comment.
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/usr/share/go-1.19/test".into());
    let verbose = std::env::args().any(|a| a == "-v");
    let mut files = vec![];
    walk(Path::new(&root), &mut files);
    files.sort();
    let mut ids = rgoc_syntax::NodeIds::default();
    let (mut clean, mut dirty, mut ec, mut ec_hit, mut ec_miss) = (0, 0, 0, 0, 0);
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        let (_, diags) = rgoc_syntax::parse_file(&f.to_string_lossy(), &src, 0, &mut ids);
        let errorcheck = src.lines().next().is_some_and(|l| l.contains("errorcheck"));
        if errorcheck {
            ec += 1;
            let lines: Vec<&str> = src.lines().collect();
            for d in &diags {
                let l = lines.get(d.pos.line as usize - 1).copied().unwrap_or("");
                if l.contains("ERROR") {
                    ec_hit += 1;
                } else {
                    ec_miss += 1;
                    if verbose {
                        println!(
                            "EC-OFF {}:{}:{}: {}",
                            f.display(),
                            d.pos.line,
                            d.pos.col,
                            d.msg
                        );
                    }
                }
            }
        } else if diags.is_empty() {
            clean += 1;
        } else {
            dirty += 1;
            println!(
                "DIRTY {}:{}:{}: {}",
                f.display(),
                diags[0].pos.line,
                diags[0].pos.col,
                diags[0].msg
            );
        }
    }
    println!(
        "files {} non-errorcheck: clean {clean} with-errors {dirty}; errorcheck {ec}: diags on ERROR lines {ec_hit}, elsewhere {ec_miss}",
        files.len()
    );
}
