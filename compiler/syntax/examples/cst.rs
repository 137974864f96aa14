//! Debug aid: prints tree-sitter-go's tree and rgoc's diagnostics for a file.
fn dump(n: tree_sitter::Node, src: &str, depth: usize) {
    let t = &src[n.start_byte()..n.end_byte()];
    let t: String = t.chars().take(40).collect();
    println!(
        "{}{}{} {}-{} {:?}",
        "  ".repeat(depth),
        if n.is_missing() { "MISSING " } else { "" },
        n.kind(),
        n.start_position().row + 1,
        n.end_position().row + 1,
        t
    );
    let mut c = n.walk();
    for ch in n.children(&mut c) {
        dump(ch, src, depth + 1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() > 1 {
        // Many files: only their diagnostics.
        for path in &args {
            let src = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            let mut ids = rgoc_syntax::NodeIds::default();
            for d in rgoc_syntax::parse_file(path, &src, 0, &mut ids).1 {
                println!("{path}:{}:{}: {}", d.pos.line, d.pos.col, d.msg);
            }
        }
        return;
    }
    let path = args.first().expect("file").clone();
    let src = std::fs::read_to_string(&path).unwrap();
    let mut p = tree_sitter::Parser::new();
    p.set_language(&tree_sitter_go::LANGUAGE.into()).unwrap();
    let tree = p.parse(&src, None).unwrap();
    dump(tree.root_node(), &src, 0);
    let mut ids = rgoc_syntax::NodeIds::default();
    for d in rgoc_syntax::parse_file(&path, &src, 0, &mut ids).1 {
        println!("{}:{}: {}", d.pos.line, d.pos.col, d.msg);
    }
}
