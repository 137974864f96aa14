//! Prints test cases from a file as tab-separated (kind, source, S-expression).
#[path = "../tests/sexpr.rs"]
mod sexpr;
fn main() {
    let t =
        std::fs::read_to_string(std::env::args().nth(1).unwrap_or_default()).unwrap_or_default();
    // simple: cases start with "S\t" or "D\t"; continuation lines belong to the previous case
    let mut cases: Vec<(char, String)> = vec![];
    for line in t.lines() {
        if let Some(r) = line.strip_prefix("S\t") {
            cases.push(('S', r.to_string()));
        } else if let Some(r) = line.strip_prefix("D\t") {
            cases.push(('D', r.to_string()));
        } else if let Some(l) = cases.last_mut() {
            l.1 = format!("{}\n{}", l.1, line);
        }
    }
    for (k, src) in cases {
        let out = if k == 'S' {
            sexpr::stmts(&src)
        } else {
            sexpr::decls(&src)
        };
        println!("{k}\t{src:?}\n=>\t{out}");
    }
}
