//! Parses Go files and prints their syntax diagnostics as `FILE:LINE:COL: msg`.
fn main() {
    let mut ids = rgoc_syntax::NodeIds::default();
    for p in std::env::args().skip(1) {
        let bytes = std::fs::read(&p).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        let (_, diags) = rgoc_syntax::parse_file(&p, &src, 0, &mut ids);
        for d in diags {
            println!("{}:{}:{}: {}", p, d.pos.line, d.pos.col, d.msg);
        }
    }
}
