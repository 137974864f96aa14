//! Experiment: how often does tree-sitter judge a token prefix of a valid file viable?
fn first_err(n: tree_sitter::Node) -> Option<usize> {
    if n.is_error() || n.is_missing() { return Some(n.start_byte()); }
    if !n.has_error() { return None; }
    let mut c = n.walk();
    let kids: Vec<_> = n.children(&mut c).collect();
    kids.into_iter().filter_map(first_err).min()
}
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&p).unwrap();
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&tree_sitter_go::LANGUAGE.into()).unwrap();
    // token ends: approximate by word boundaries
    let b = src.as_bytes();
    let (mut ok, mut bad) = (0, 0);
    let mut prev_start = 0;
    for i in 1..b.len() {
        let boundary = (b[i-1].is_ascii_alphanumeric() != b[i].is_ascii_alphanumeric()) || b[i-1].is_ascii_punctuation();
        if !boundary || b[i-1].is_ascii_whitespace() { if !b[i].is_ascii_whitespace() && (b[i-1].is_ascii_whitespace()) { prev_start = i; } continue; }
        let t = parser.parse(&src[..i], None).unwrap();
        match first_err(t.root_node()) {
            Some(e) if e < prev_start => { bad += 1; if bad < 15 { eprintln!("bad at {:?}", &src[i.saturating_sub(30)..i]); } }
            _ => ok += 1,
        }
        prev_start = i;
    }
    println!("ok {ok} bad {bad}");
}
