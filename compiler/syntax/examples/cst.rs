//! Debug helper: prints tree-sitter-go's CST of a Go file (or stdin) as an
//! indented tree with positions, to see what the converter has to handle.
use std::io::Read;

fn dump(n: tree_sitter::Node, src: &[u8], depth: usize) {
    let field = "";
    let text = if n.child_count() == 0 {
        n.utf8_text(src).unwrap_or("?")
    } else {
        ""
    };
    println!(
        "{}{}{}{}{} {}:{} {:?}",
        "  ".repeat(depth),
        field,
        if n.is_named() { "" } else { "'" },
        n.kind(),
        if n.is_missing() { " MISSING" } else { "" },
        n.start_position().row + 1,
        n.start_position().column + 1,
        text
    );
    let mut c = n.walk();
    for (i, ch) in n.children(&mut c).enumerate() {
        if let Some(f) = n.field_name_for_child(i as u32) {
            print!("{}[{}]", "  ".repeat(depth + 1), f);
            println!();
        }
        dump(ch, src, depth + 1);
    }
}

fn main() {
    let mut src = String::new();
    match std::env::args().nth(1) {
        Some(p) => src = std::fs::read_to_string(p).unwrap_or_default(),
        None => {
            let _ = std::io::stdin().read_to_string(&mut src);
        }
    }
    let mut p = tree_sitter::Parser::new();
    p.set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("language");
    if let Some(t) = p.parse(&src, None) {
        dump(t.root_node(), src.as_bytes(), 0);
    }
}
