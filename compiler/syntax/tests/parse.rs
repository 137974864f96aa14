//! Parser tests: AST shapes (as S-expressions), positions, gc-style syntax
//! errors, robustness on truncated and garbage input, and the installed Go
//! test suite.
mod sexpr;
use rgoc_syntax::*;
use sexpr::*;

fn check(got: String, want: &str) {
    assert_eq!(got, want);
}

#[test]
fn shapes() {
    check(
        stmts(r#"x := a + b*c - d"#),
        "(:= (x) ((- (+ a (* b c)) d)))",
    );
    check(stmts(r#"a, b = b, a"#), "(= (a b) (b a))");
    check(
        stmts(r#"x += 1; y <<= 2; z &^= 3"#),
        "(+= (x) (1)) (<<= (y) (2)) (&^= (z) (3))",
    );
    check(stmts(r#"i++; j--"#), "(++ i) (-- j)");
    check(
        stmts(r#"ch <- v; v, ok := <-ch"#),
        "(send ch v) (:= (v ok) ((<- ch)))",
    );
    check(
        stmts(r#"go f(x); defer g()"#),
        "(go (call f x)) (defer (call g))",
    );
    check(stmts(r#"return a, b"#), "(return a b)");
    check(
        stmts(r#"L: for { break L; continue L }"#),
        "(label L (for _ _ _ {(break L) (continue L)}))",
    );
    check(stmts(r#"goto L"#), "(goto L)");
    check(
        stmts(r#"switch x { case 1, 2: fallthrough; case 3: default: }"#),
        "(switch _ x (case 1 2: (fallthrough)) (case 3: ) (default: ))",
    );
    check(
        stmts(r#"switch y := f(); { case y > 0: }"#),
        "(switch (:= (y) ((call f))) _ (case (> y 0): ))",
    );
    check(
        stmts(r#"switch v := x.(type) { case nil, int: case []T: default: }"#),
        "(typeswitch _ v x (case nil int: ) (case (slice-of T): ) (default: ))",
    );
    check(stmts(r#"switch x.(type) { }"#), "(typeswitch _ _ x )");
    check(stmts(r#"select { case v := <-c: ; case c <- 1: ; case <-d: ; case v, ok = <-e: ; default: }"#), "(select (case (:= (v) ((<- c))): (empty)) (case (send c 1): (empty)) (case (<- d): (empty)) (case (= (v ok) ((<- e))): (empty)) (default: ))");
    check(
        stmts(r#"for i := 0; i < n; i++ { }"#),
        "(for (:= (i) (0)) (< i n) (++ i) {})",
    );
    check(stmts(r#"for cond { }"#), "(for _ cond _ {})");
    check(stmts(r#"for { }"#), "(for _ _ _ {})");
    check(stmts(r#"for range x { }"#), "(range _ _ = x {})");
    check(stmts(r#"for i := range 10 { }"#), "(range i _ := 10 {})");
    check(stmts(r#"for k, v := range m { }"#), "(range k v := m {})");
    check(stmts(r#"for k = range m { }"#), "(range k _ = m {})");
    check(
        stmts(r#"if x := f(); x > 0 { } else if y { } else { }"#),
        "(if (:= (x) ((call f))) (> x 0) {} (if _ y {} {}))",
    );
    check(
        stmts(r#"var a = []T{{1}, {2}}"#),
        "(var (a = (lit (slice-of T) (lit _ 1) (lit _ 2)) @0))",
    );
    check(
        stmts(r#"m := map[string][]int{"a": {1}, "b": nil}"#),
        "(:= (m) ((lit (map string (slice-of int)) \"a\":(lit _ 1) \"b\":nil)))",
    );
    check(
        stmts(r#"p := &T{X: 1, Y: [...]int{1, 2}}"#),
        "(:= (p) ((& (lit T X:1 Y:(lit (array ... int) 1 2)))))",
    );
    check(
        stmts(r#"f := func(a, b int, c ...string) (r int, err error) { return }"#),
        "(:= (f) ((funclit ((a b int) (c ...string)) ((r int) (err error)) {(return)})))",
    );
    check(stmts(r#"f(a, b...)"#), "(call f a b...)");
    check(stmts(r#"x := []byte(s); y := (*T)(p); z := F[int](x); w := G[int, string]"#), "(:= (x) ((call (slice-of byte) s))) (:= (y) ((call (paren (* T)) p))) (:= (z) ((call (index F int) x))) (:= (w) ((index G int string)))");
    check(stmts(r#"_ = s[1:2]; _ = s[:]; _ = s[1:2:3]; _ = s[i]"#), "(= (_) ((slice s 1 2 _))) (= (_) ((slice s _ _ _))) (= (_) ((slice s 1 2 3))) (= (_) ((index s i)))");
    check(stmts(r#"_ = x.(T); _ = -x; _ = !b; _ = ^x; _ = *p; _ = &x; _ = <-c; _ = +x"#), "(= (_) ((assert x T))) (= (_) ((- x))) (= (_) ((! b))) (= (_) ((^ x))) (= (_) ((* p))) (= (_) ((& x))) (= (_) ((<- c))) (= (_) ((+ x)))");
    check(
        stmts(r#"_ = (a + b) * c"#),
        "(= (_) ((* (paren (+ a b)) c)))",
    );
    check(stmts(r#"_ = 1_000 + 0x_1F + 0o17 + 0b1010 + 1.5e3 + 0x1p-2 + 2i + 'a' + "s" + `raw`"#), "(= (_) ((+ (+ (+ (+ (+ (+ (+ (+ (+ 1_000 0x_1F) 0o17) 0b1010) 1.5e3) 0x1p-2) 2i) 'a') \"s\") `raw`)))");
    check(
        stmts(r#"const c = iota; var v int; type T int"#),
        "(const (c = iota @0)) (var (v :int @0)) (type (T int))",
    );
    check(stmts(r#"{ }; ;"#), "{} (empty)");
    check(stmts(r#"var ch1 chan int; var ch2 chan<- int; var ch3 <-chan int; var ch4 chan (<-chan int)"#), "(var (ch1 :(chan int) @0)) (var (ch2 :(chan<- int) @0)) (var (ch3 :(<-chan int) @0)) (var (ch4 :(chan (paren (<-chan int))) @0))");
    check(
        stmts(r#"_ = make([]int, 3); _ = new(T)"#),
        "(= (_) ((call make (slice-of int) 3))) (= (_) ((call new T)))",
    );
    check(
        decls(r#"const ( A = iota; B; C, D = 1, 2; E )"#),
        "(const (A = iota @0) (B @1) (C D = 1 2 @2) (E @3))",
    );
    check(
        decls(r#"var ( x int; y, z = 1, 2; w float64 = 3 )"#),
        "(var (x :int @0) (y z = 1 2 @0) (w :float64 = 3 @0))",
    );
    check(decls(r#"type ( T struct { a, b int; c string `json:"c"`; E; *F; pkg.G "tag" }; A = T; P[T any] []T )"#), "(type (T (struct (a b int) (c string tag=\"json:\\\"c\\\"\") (embed E) (embed (* F)) (embed pkg.G tag=\"tag\"))) (A = T) (P [(T any)] (slice-of T)))");
    check(
        decls(r#"type Number interface { ~int | ~float64 | string }"#),
        "(type (Number (interface (union ~int ~float64 string))))",
    );
    check(
        decls(r#"type I interface { M(x int) string; io.Reader; N() }"#),
        "(type (I (interface (method M ((x int)) ((string))) (union io.Reader) (method N () ()))))",
    );
    check(decls(r#"func Map[T, U any, V ~int | string](xs []T, f func(T) U) []U { return nil }"#), "(func Map (tparams (T U any) (V (interface (union ~int string)))) ((xs (slice-of T)) (f (functype ((T)) ((U))))) (((slice-of U))) {(return nil)})");
    check(
        decls(r#"func (r *T) M(a int) (int, error) { return 0, nil }"#),
        "(func (recv (r (* T))) M ((a int)) ((int) (error)) {(return 0 nil)})",
    );
    check(decls(r#"func (T) N() {}"#), "(func (recv (T)) N () () {})");
    check(
        decls(r#"func (l *List[T]) Push(v T) {}"#),
        "(func (recv (l (* (index List T)))) Push ((v T)) () {})",
    );
    check(
        decls(r#"func ext(x int) int"#),
        "(func ext ((x int)) ((int)))",
    );
    check(
        decls(r#"type F func(int, ...string) bool"#),
        "(type (F (functype ((int) (...string)) ((bool)))))",
    );
    check(
        decls(r#"var x = struct{ a int }{1}"#),
        "(var (x = (lit (struct (a int)) 1) @0))",
    );
    check(decls(r#"type M map[K]V"#), "(type (M (map K V)))");
    check(decls(r#"type A [N]int"#), "(type (A (array N int)))");
    check(
        decls(
            r#"//go:nosplit
//go:noinline
//go:linkname foo runtime.bar
func g() {}"#,
        ),
        "(func g () () {} #nosplit #noinline #linkname(foo,runtime.bar))",
    );
    check(
        decls(
            r#"// comment
//go:norace
//go:nowritebarrier
//go:systemstack
func h() {}"#,
        ),
        "(func h () () {} #norace #nowritebarrier #systemstack)",
    );
}

#[test]
fn imports() {
    let (f, d) =
        parse("package main\nimport ( \"fmt\"; m \"math\"; . \"os\"; _ `io` )\nimport \"a/b\"\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(f.package.name, "main");
    let got: Vec<String> = f
        .imports
        .iter()
        .map(|i| {
            format!(
                "{}={}",
                i.name.as_ref().map(|n| n.name.as_str()).unwrap_or(""),
                i.path
            )
        })
        .collect();
    assert_eq!(got, ["=fmt", "m=math", ".=os", "_=io", "=a/b"]);
    assert_eq!(
        (f.imports[1].path_pos.line, f.imports[1].path_pos.col),
        (2, 19)
    );
}

#[test]
fn positions() {
    let src = "package p\nfunc f() int {\n\tx := a +\n\t\tb\n\treturn x\n}\n";
    let (f, d) = parse(src);
    assert!(d.is_empty());
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    assert_eq!((fd.pos.line, fd.pos.col), (2, 1));
    let body = fd.body.as_ref().unwrap();
    assert_eq!((body.rbrace.line, body.rbrace.col), (6, 1));
    let StmtKind::Assign { lhs, rhs, .. } = &body.stmts[0].kind else {
        panic!()
    };
    assert_eq!((lhs[0].pos.line, lhs[0].pos.col), (3, 2));
    let ExprKind::Binary { op_pos, x, y, .. } = &rhs[0].kind else {
        panic!()
    };
    assert_eq!((op_pos.line, op_pos.col), (3, 9));
    assert_eq!((rhs[0].pos.line, rhs[0].pos.col), (3, 7));
    assert_eq!((x.pos.line, x.pos.col, y.pos.line, y.pos.col), (3, 7, 4, 3));
    let (f, _) = parse("package p\nfunc f() {\n\tswitch {\n\t}\n}\n");
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    let StmtKind::Switch { rbrace, .. } = &fd.body.as_ref().unwrap().stmts[0].kind else {
        panic!()
    };
    assert_eq!((rbrace.line, rbrace.col), (4, 2));
}

#[test]
fn node_ids_are_unique() {
    let mut ids = NodeIds::default();
    let (a, _) = parse_file("a.go", "package p\nvar x, y = 1, f(2)\n", 3, &mut ids);
    let (b, _) = parse_file("b.go", "package p\nvar z = x\n", 4, &mut ids);
    let Decl::Var(va) = &a.decls[0] else { panic!() };
    let Decl::Var(vb) = &b.decls[0] else { panic!() };
    let mut all = vec![
        a.package.id,
        b.package.id,
        va[0].names[0].id,
        va[0].names[1].id,
        vb[0].names[0].id,
    ];
    all.extend(va[0].values.iter().map(|e| e.id));
    all.push(vb[0].values[0].id);
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n);
    assert_eq!(vb[0].pos.file, 4);
}

fn errs(src: &str) -> Vec<String> {
    parse(src)
        .1
        .iter()
        .map(|d| format!("{}:{}: {}", d.pos.line, d.pos.col, d.msg))
        .collect()
}

#[test]
fn syntax_errors() {
    let cases: &[(&str, &str)] = &[
        ("package main\nfunc main() {\n\tf(1, 2\n}\n", "3:8: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package main\nfunc main() {\n\tx := 1 2\n}\n", "3:9: syntax error: unexpected literal 2 at end of statement"),
        ("package main\nx := 1\n", "2:1: syntax error: non-declaration statement outside function body"),
        ("func main() {}\n", "1:1: expected 'package', found 'func'"),
        ("", "1:1: expected 'package', found 'EOF'"),
        ("// just a comment\n", "1:1: expected 'package', found 'EOF'"),
        ("package main\nvar s = \"abc\n", "2:13: newline in string"),
        ("package main\nvar s = `abc\n", "2:9: raw string literal not terminated"),
        ("package main\n/* abc\n", "2:1: comment not terminated"),
        ("package main\nvar c = 'ab'\n", "2:9: more than one character in rune literal"),
        ("package main\nvar s = \"a\\qb\"\n", "2:11: unknown escape"),
        ("package main\nvar x = @\n", "2:9: invalid character U+0040 '@'"),
        ("package main\nfunc f() {\n\tvar x = [3]int{1, 2\n\t}\n}\n", "3:21: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        ("package main\nfunc f(a int\n) {}\n", "2:13: syntax error: unexpected newline in parameter list; possibly missing comma or )"),
        ("package main\nfunc main() {\n\tif i := g()); i == j {\n\t}\n}\n", "3:13: syntax error: unexpected ), expected {"),
        ("package main\ntype xyz struct {\n\tch chan\n}\n", "4:1: syntax error: missing channel element type"),
        ("package main\nfunc Bar(x chan, y int) {}\n", "2:16: syntax error: missing channel element type"),
        ("package main\nfunc main() {\n\tfor {\n}\n", "5:1: syntax error: unexpected EOF, expected }"),
    ];
    for (src, want) in cases {
        let got = errs(src);
        assert_eq!(
            got.first().map(String::as_str),
            Some(*want),
            "for {src:?}: {got:?}"
        );
    }
}

#[test]
fn one_error_per_line_and_few() {
    let src = "package p\n".to_string() + &"x y z w ) ) ]\n".repeat(50);
    let e = errs(&src);
    assert!(!e.is_empty() && e.len() <= 10, "{e:?}");
    let mut lines: Vec<&str> = e
        .iter()
        .map(|s| s.split(':').next().unwrap_or(""))
        .collect();
    let n = lines.len();
    lines.dedup();
    assert_eq!(lines.len(), n);
}

const PROGRAM: &str = r#"package main

import (
	"fmt"
	m "math"
)

//go:noinline
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 `json:"w"` }

func (r Rect) Area() float64 { return r.W * r.H }

func main() {
	const ( A = iota; B )
	ch := make(chan int, 1)
	select {
	case ch <- 1:
	default:
	}
	switch v := interface{}(1).(type) {
	case int:
		fmt.Println(v, m.Pi, 'x', "s\n", `r`, 0x1p3, 1i)
	}
L:
	for i := range 10 {
		if i > 2 { break L } else { continue }
	}
	var s Shape = Rect{1, 2}
	_ = []Rect{{W: 1}, {2, 3}}
	fmt.Println(s.Area(), Map([]int{1}, func(i int) string { return "" }))
}
"#;

#[test]
fn program_parses_clean() {
    let (f, d) = parse(PROGRAM);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(f.decls.len(), 5);
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    assert!(fd.pragmas.noinline);
}

#[test]
fn truncations_never_panic() {
    for i in 0..=PROGRAM.len() {
        if !PROGRAM.is_char_boundary(i) {
            continue;
        }
        let (_, d) = parse(&PROGRAM[..i]);
        assert!(d.len() <= 10);
    }
}

#[test]
fn garbage_never_panics() {
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet =
        b"package main func(){}[]<-chan:=.,;\"'`\\/*\n\t xyz019_~|&^%!interface struct map\x00\xff";
    for n in 0..400 {
        let len = (next() % 300) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if n % 3 == 0 {
                    r as u8
                } else {
                    alphabet[(r % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        let src = String::from_utf8_lossy(&bytes);
        let _ = parse(&src);
        let _ = parse(&format!("package p\nfunc f() {{ {src} }}"));
    }
    // Deep nesting must not overflow the stack.
    let deep = format!(
        "package p\nvar x = {}1{}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let _ = parse(&deep);
    let long = format!("package p\nvar x = 1{}\n", " + 1".repeat(20000));
    let (_, d) = parse(&long);
    assert!(d.is_empty());
}

/// Every .go file of the installed Go test suite: nothing panics, and files
/// that are not `errorcheck` tests (which gc accepts) mostly parse clean.
#[test]
fn go_test_suite() {
    let root = std::path::Path::new("/usr/share/go-1.19/test");
    if !root.is_dir() {
        eprintln!("skipping: {} not installed", root.display());
        return;
    }
    fn walk(d: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }
    let mut files = vec![];
    walk(root, &mut files);
    let mut ids = NodeIds::default();
    let (mut clean, mut dirty) = (0, vec![]);
    for f in &files {
        let src = String::from_utf8_lossy(&std::fs::read(f).unwrap_or_default()).into_owned();
        let (_, d) = parse_file(&f.to_string_lossy(), &src, 0, &mut ids);
        let first = src.lines().next().unwrap_or("");
        if first.contains("errorcheck") {
            continue;
        }
        if d.is_empty() {
            clean += 1;
        } else {
            dirty.push(format!("{}: {:?}", f.display(), d[0]));
        }
    }
    eprintln!(
        "Go test suite: {} files, {clean} non-errorcheck clean, {} with errors:",
        files.len(),
        dirty.len()
    );
    for d in &dirty {
        eprintln!("  {d}");
    }
    assert!(
        dirty.len() <= 20,
        "too many non-errorcheck files with syntax errors"
    );
}
