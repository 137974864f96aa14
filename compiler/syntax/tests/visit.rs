//! The AST visitor: source order, type positions, pruning.
use rgoc_syntax::visit::{walk_expr, walk_stmts, Visitor};
use rgoc_syntax::*;

fn body(src: &str) -> Vec<Stmt> {
    let text = format!("package p\nfunc f() {{\n{}\n}}\n", src);
    let (f, diags) = parse_file("x.go", &text, 0, &mut NodeIds::default());
    assert!(diags.is_empty(), "{:?}", diags);
    match f.decls.into_iter().next() {
        Some(Decl::Func(fd)) => fd.body.expect("body").stmts,
        _ => panic!("no func"),
    }
}

/// Names of the identifier expressions visited (declared names are not
/// expressions), with `T:` before those reached
/// through a type position when `types` is set (else types are skipped).
struct Names {
    out: Vec<String>,
    types: bool,
    in_type: bool,
}

impl<'a> Visitor<'a> for Names {
    fn visit_expr(&mut self, e: &'a Expr) {
        if let ExprKind::Ident(n) = &e.kind {
            self.out.push(if self.in_type { format!("T:{}", n) } else { n.clone() });
        }
        walk_expr(self, e);
    }
    fn visit_type(&mut self, t: &'a Expr) {
        if self.types {
            let saved = std::mem::replace(&mut self.in_type, true);
            self.visit_expr(t);
            self.in_type = saved;
        }
    }
}

fn names(src: &str, types: bool) -> String {
    let stmts = body(src);
    let mut v = Names { out: Vec::new(), types, in_type: false };
    walk_stmts(&mut v, &stmts);
    v.out.join(" ")
}

#[test]
fn source_order() {
    let src = "for i := a; i < b; i = c(i) { d = e[f] }\nswitch x := g; h { case k, l: m() }\nvar n T = o\nz := func(p P) { q() }";
    assert_eq!(names(src, false), "i a i b i c i d e f x g h k l m o z q");
    assert_eq!(names(src, true), "i a i b i c i d e f x g h k l m T:T o z T:P q");
}

#[test]
fn type_positions() {
    let src = "x := v.(S)\ny := W{a: b}\nswitch t := u.(type) { case R: }";
    assert_eq!(names(src, false), "x v y a b u");
    assert_eq!(names(src, true), "x v T:S y T:W a b u T:R");
}
