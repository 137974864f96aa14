//! tree-sitter-go CST -> owned AST (`ast`). Parsing runs tree-sitter, then
//! `Conv` walks the concrete tree and builds `ast` nodes; syntax errors (ERROR
//! and MISSING nodes) are turned into gc-style diagnostics by `errors`.
use crate::ast::*;
use crate::errors;
use crate::literal;
use crate::Diagnostic;
use tree_sitter::Node;

/// Deepest expression/statement nesting we convert; deeper input gets a
/// diagnostic instead of exhausting the stack.
const MAX_DEPTH: u32 = 100_000;
/// Stack of the conversion thread: deep (but legal) nesting such as long
/// `a + b + c + ...` chains must not overflow.
const STACK_SIZE: usize = 512 << 20;

pub fn parse(path: &str, src: &str, file_index: u32, ids: &mut NodeIds) -> (File, Vec<Diagnostic>) {
    let run = || parse_here(path, src, file_index, ids, &Fixups::default());
    std::thread::scope(|s| {
        let h = std::thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn_scoped(s, run);
        match h {
            Ok(h) => h.join().ok(),
            Err(_) => None,
        }
    })
    .unwrap_or_else(|| {
        // Could not spawn (or the worker died): report rather than panic.
        let pos = Pos {
            file: file_index,
            line: 1,
            col: 1,
        };
        let file = File {
            path: path.to_string(),
            file_index,
            package: Ident {
                id: NodeId(0),
                pos,
                name: "_".into(),
            },
            imports: vec![],
            decls: vec![],
            linknames: vec![],
        };
        (
            file,
            vec![Diagnostic {
                pos,
                msg: "rgoc: internal error: parser failed".into(),
            }],
        )
    })
}

fn parse_here(
    path: &str,
    src: &str,
    file_index: u32,
    ids: &mut NodeIds,
    fx: &Fixups,
) -> (File, Vec<Diagnostic>) {
    let mut parser = tree_sitter::Parser::new();
    let tree = match parser.set_language(&tree_sitter_go::LANGUAGE.into()) {
        Ok(()) => parser.parse(src, None),
        Err(_) => None,
    };
    let mut conv = Conv {
        src: src.as_bytes(),
        file: file_index,
        ids,
        diags: vec![],
        depth: 0,
        type_lits: std::collections::HashMap::new(),
        fx: fx.clone(),
    };
    let Some(tree) = tree else {
        let pos = conv.at(0, 0);
        let file = File {
            path: path.into(),
            file_index,
            package: conv.ident_at(pos, "_"),
            imports: vec![],
            decls: vec![],
            linknames: vec![],
        };
        return (
            file,
            vec![Diagnostic {
                pos,
                msg: "rgoc: internal error: tree-sitter failed".into(),
            }],
        );
    };
    let root = tree.root_node();
    // tree-sitter-go has no method expressions on type literals
    // (`interface{ m() }.m`, `struct{ T }.m`): stand a same-length
    // placeholder identifier in for each literal, parse again, and put the
    // literal's type expression back where the placeholder appears.
    if root.has_error() {
        // tree-sitter-go has no empty init statement in `if ; cond {` and
        // `switch ; {`: blank such a `;` (the empty statement means
        // nothing, and positions stay) and parse again.
        if let Some(fixed) = blank_empty_init_semicolons(src) {
            drop(conv);
            return parse_here(path, &fixed, file_index, ids, fx);
        }
        // Go 1.26/1.27 syntax tree-sitter-go rejects (`new(expr)`, type
        // parameters on methods): rewrite it, positions kept, parse
        // again, and undo the rewrite while converting.
        if fx.is_empty() {
            if let Some((text, fx2)) = go127_rewrite(src) {
                drop(conv);
                return parse_here(path, &text, file_index, ids, &fx2);
            }
        }
        let lits = type_literal_selectors(root, src);
        if !lits.is_empty() {
            drop(conv);
            return parse_with_type_literals(path, src, file_index, ids, &lits, fx);
        }
    }
    let mut syntax = errors::collect(root, src, file_index);
    let file = conv.source_file(root, path);
    // Errors found while converting (bad literals, top-level statements...)
    // and tree-sitter's ERROR/MISSING nodes, sorted, at most one per line.
    syntax.append(&mut conv.diags);
    (file, errors::finish(syntax))
}

pub(crate) struct Conv<'a> {
    pub src: &'a [u8],
    pub file: u32,
    pub ids: &'a mut NodeIds,
    pub diags: Vec<Diagnostic>,
    depth: u32,
    /// Placeholder identifier -> the type literal it stands for.
    type_lits: std::collections::HashMap<String, Expr>,
    /// The rewrites `go127_rewrite` made to the text being converted.
    fx: Fixups,
}

/// Rewrites of Go syntax that tree-sitter-go does not accept, each
/// keeping every byte offset, line and column of the source.
#[derive(Clone, Default)]
pub(crate) struct Fixups {
    /// `new(expr)` (go 1.26): tree-sitter-go parses `new(` as the start of
    /// `new(Type)` only. The `new` token of each call whose argument does
    /// not parse as a type (byte offset) is replaced by a placeholder
    /// identifier of the same length, which parses as an ordinary call
    /// and is converted back to `new`.
    new_calls: std::collections::HashSet<usize>,
    /// Generic methods (go 1.27), by the byte offset of their `func`:
    /// tree-sitter-go has no type parameters on a method declaration, so
    /// the receiver is blanked and the declaration parses as a generic
    /// function; the receiver is then parsed on its own (`receiver`).
    generic_recvs: std::collections::HashMap<usize, GenericRecv>,
    /// Type parameters on interface methods (`interface{ m[P any]() }`),
    /// which gc's parser rejects: blanked, with gc's diagnostic at the
    /// `[` (byte offset).
    iface_tparams: Vec<usize>,
}

#[derive(Clone)]
struct GenericRecv {
    /// Byte offset of `func`.
    func: usize,
    /// Byte range of the receiver's parenthesised list, and its text.
    recv: (usize, usize),
    recv_text: String,
    /// Byte offset of the `[` after the method name.
    lbrack: usize,
}

impl Fixups {
    fn is_empty(&self) -> bool {
        self.new_calls.is_empty() && self.generic_recvs.is_empty() && self.iface_tparams.is_empty()
    }
}

/// Finds generic method declarations and `new(expr)` calls in `src` (by
/// its tokens) and returns the rewritten text with what was rewritten, or
/// None when there is neither.
fn go127_rewrite(src: &str) -> Option<(String, Fixups)> {
    use crate::scan::Tok;
    let toks = crate::scan::tokens(src);
    let mut fx = Fixups::default();
    let mut out = src.as_bytes().to_vec();
    let is_op = |i: usize, op: &str| toks.get(i).is_some_and(|t| t.kind == Tok::Op && t.text == op);
    // Index of the token closing the bracket opened at token `i`.
    let closing = |i: usize| -> Option<usize> {
        let mut depth = 0i32;
        for (j, t) in toks.iter().enumerate().skip(i) {
            if t.kind == Tok::Op {
                match t.text.as_str() {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => {}
                }
            }
        }
        None
    };
    let mut depth = 0i32;
    // Whether each open `{` is an interface type's.
    let mut braces: Vec<bool> = Vec::new();
    for i in 0..toks.len() {
        let t = &toks[i];
        // interface{ ...; m[P any](); ... }
        let in_iface = braces.last() == Some(&true);
        let elem_start = i > 0 && (is_op(i - 1, "{") || matches!(toks[i - 1].kind, Tok::Newline | Tok::Semi));
        if in_iface && elem_start && t.kind == Tok::Name && is_op(i + 1, "[") {
            if let Some(r) = closing(i + 1) {
                if is_op(r + 1, "(") {
                    let (a, b) = (toks[i + 1].start, toks[r].end);
                    for c in &mut out[a..b] {
                        if *c != b'\n' {
                            *c = b' ';
                        }
                    }
                    fx.iface_tparams.push(a);
                }
            }
        }
        if t.kind == Tok::Op && t.text == "{" {
            braces.push(i > 0 && toks[i - 1].kind == Tok::Keyword && toks[i - 1].text == "interface");
        } else if t.kind == Tok::Op && t.text == "}" {
            braces.pop();
        }
        let decl_start = i == 0 || matches!(toks[i - 1].kind, Tok::Newline | Tok::Semi);
        if t.kind == Tok::Keyword && t.text == "func" && depth == 0 && decl_start && is_op(i + 1, "(") {
            // func (recv) Name[
            if let Some(r) = closing(i + 1) {
                if toks.get(r + 1).is_some_and(|n| n.kind == Tok::Name) && is_op(r + 2, "[") {
                    let (a, b) = (toks[i + 1].start, toks[r].end);
                    for c in &mut out[a..b] {
                        if *c != b'\n' {
                            *c = b' ';
                        }
                    }
                    fx.generic_recvs.insert(
                        t.start,
                        GenericRecv { func: t.start, recv: (a, b), recv_text: src[a..b].to_string(), lbrack: toks[r + 2].start },
                    );
                }
            }
        }
        if t.kind == Tok::Name && t.text == "new" && is_op(i + 1, "(") {
            let after_dot = i > 0 && (is_op(i - 1, ".") || toks[i - 1].kind == Tok::Keyword && toks[i - 1].text == "func");
            if !after_dot {
                if let Some(r) = closing(i + 1) {
                    let arg = &src[toks[i + 1].end..toks[r].start];
                    if !parses_as_type(arg) {
                        out[t.start..t.end].copy_from_slice(b"_nw");
                        fx.new_calls.insert(t.start);
                    }
                }
            }
        }
        if t.kind == Tok::Op {
            match t.text.as_str() {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => depth -= 1,
                _ => {}
            }
        }
    }
    if fx.is_empty() {
        return None;
    }
    Some((String::from_utf8(out).ok()?, fx))
}

/// Whether `text` alone parses as a type (`type _ = text`).
fn parses_as_type(text: &str) -> bool {
    let mut parser = tree_sitter::Parser::new();
    if parser.set_language(&tree_sitter_go::LANGUAGE.into()).is_err() {
        return false;
    }
    let src = format!("package p\ntype _ = {}\n", text);
    match parser.parse(&src, None) {
        Some(tree) => {
            let root = tree.root_node();
            // The declaration must cover the whole text (no trailing
            // tokens parsed as another statement).
            let decls = kids(root);
            !root.has_error() && decls.len() == 2 && decls[1].kind() == "type_declaration"
        }
        None => false,
    }
}

/// Byte ranges of single-line interface/struct type literals that tree-sitter
/// rejected as selector operands (an ERROR node holding `T .` followed by an
/// identifier).
fn type_literal_selectors(root: Node, src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        let mut c = n.walk();
        let children: Vec<Node> = n.children(&mut c).collect();
        if n.is_error() && children.len() == 2 && matches!(children[0].kind(), "interface_type" | "struct_type") && children[1].kind() == "." {
            let (a, b) = (children[0].start_byte(), children[0].end_byte());
            if !src[a..b].contains('\n') && b - a >= 8 {
                out.push((a, b));
            }
        }
        stack.extend(children);
    }
    out.sort();
    out
}

fn placeholder(i: usize, len: usize) -> String {
    let mut p = format!("_rgocT{}_", i);
    while p.len() < len {
        p.push('_');
    }
    p
}

fn parse_with_type_literals(path: &str, src: &str, file_index: u32, ids: &mut NodeIds, lits: &[(usize, usize)], fx: &Fixups) -> (File, Vec<Diagnostic>) {
    let mut text = src.to_string();
    let mut type_lits = std::collections::HashMap::new();
    for (i, &(a, b)) in lits.iter().enumerate() {
        let name = placeholder(i, b - a);
        if name.len() != b - a {
            continue;
        }
        // The literal alone, at its own line and column, in a file of blanks
        // (newlines kept): `package p` on the first line long enough for it,
        // `type _ =` on the last such line above the literal (no semicolon
        // is inserted after `=`).
        let line_start = src[..a].rfind('\n').map(|k| k + 1).unwrap_or(0);
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for (k, c) in src[..line_start].bytes().enumerate() {
            if c == b'\n' {
                lines.push((start, k));
                start = k + 1;
            }
        }
        let pkg_line = lines.iter().find(|(s0, e0)| e0 - s0 >= 9).copied();
        let decl_line = lines.iter().rev().find(|(s0, e0)| e0 - s0 >= 8).copied();
        let (Some((ps, _)), Some((ds, _))) = (pkg_line, decl_line) else { continue };
        if ps >= ds {
            continue;
        }
        let mut sub: Vec<u8> = src.bytes().map(|c| if c == b'\n' { c } else { b' ' }).collect();
        sub[a..b].copy_from_slice(&src.as_bytes()[a..b]);
        sub[ps..ps + 9].copy_from_slice(b"package p");
        sub[ds..ds + 8].copy_from_slice(b"type _ =");
        let sub = String::from_utf8_lossy(&sub).into_owned();
        let (f, d) = parse_here(path, &sub, file_index, ids, &Fixups::default());
        let Some(crate::ast::Decl::Type(specs)) = f.decls.first() else { continue };
        if !d.is_empty() || specs.len() != 1 {
            continue;
        }
        type_lits.insert(name.clone(), specs[0].typ.clone());
        text.replace_range(a..b, &name);
    }
    let mut parser = tree_sitter::Parser::new();
    let tree = match parser.set_language(&tree_sitter_go::LANGUAGE.into()) {
        Ok(()) => parser.parse(&text, None),
        Err(_) => None,
    };
    let Some(tree) = tree else {
        return parse_here(path, src, file_index, ids, fx);
    };
    let root = tree.root_node();
    let mut conv = Conv { src: text.as_bytes(), file: file_index, ids, diags: vec![], depth: 0, type_lits, fx: fx.clone() };
    let mut syntax = errors::collect(root, &text, file_index);
    let file = conv.source_file(root, path);
    syntax.append(&mut conv.diags);
    (file, errors::finish(syntax))
}

/// Named, non-comment, non-ERROR children.
fn kids<'t>(n: Node<'t>) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|k| k.kind() != "comment" && !k.is_error())
        .collect()
}

/// All children (tokens included), without comments.
fn all<'t>(n: Node<'t>) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.children(&mut c)
        .filter(|k| k.kind() != "comment")
        .collect()
}

fn field<'t>(n: Node<'t>, name: &str) -> Option<Node<'t>> {
    n.child_by_field_name(name).filter(|k| !k.is_error())
}

/// Named children under a field (tree-sitter also labels separators).
fn fields<'t>(n: Node<'t>, name: &str) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.children_by_field_name(name, &mut c)
        .filter(|k| k.is_named() && k.kind() != "comment" && !k.is_error())
        .collect()
}

/// The first anonymous token child of kind `tok`.
fn token<'t>(n: Node<'t>, tok: &str) -> Option<Node<'t>> {
    all(n)
        .into_iter()
        .find(|k| !k.is_named() && k.kind() == tok && !k.is_missing())
}

fn last_token<'t>(n: Node<'t>, tok: &str) -> Option<Node<'t>> {
    all(n)
        .into_iter()
        .rev()
        .find(|k| !k.is_named() && k.kind() == tok && !k.is_missing())
}

fn binop(s: &str) -> Option<BinOp> {
    use BinOp::*;
    Some(match s {
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Div,
        "%" => Rem,
        "&" => And,
        "|" => Or,
        "^" => Xor,
        "<<" => Shl,
        ">>" => Shr,
        "&^" => AndNot,
        "&&" => LAnd,
        "||" => LOr,
        "==" => Eq,
        "!=" => Ne,
        "<" => Lt,
        "<=" => Le,
        ">" => Gt,
        ">=" => Ge,
        _ => return None,
    })
}

impl<'a> Conv<'a> {
    fn at(&self, row: usize, col: usize) -> Pos {
        Pos {
            file: self.file,
            line: row as u32 + 1,
            col: col as u32 + 1,
        }
    }

    fn pos(&self, n: Node) -> Pos {
        let p = n.start_position();
        self.at(p.row, p.column)
    }

    fn end_pos(&self, n: Node) -> Pos {
        let p = n.end_position();
        self.at(p.row, p.column)
    }

    fn text(&self, n: Node) -> String {
        String::from_utf8_lossy(
            &self.src[n.start_byte().min(self.src.len())..n.end_byte().min(self.src.len())],
        )
        .into_owned()
    }

    fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic {
            pos,
            msg: msg.into(),
        });
    }

    fn ident_at(&mut self, pos: Pos, name: &str) -> Ident {
        Ident {
            id: self.ids.fresh(),
            pos,
            name: name.to_string(),
        }
    }

    fn ident(&mut self, n: Node) -> Ident {
        let name = if n.is_missing() || n.is_error() {
            "_".to_string()
        } else {
            self.text(n)
        };
        let pos = self.pos(n);
        self.ident_at(pos, &name)
    }

    fn mk(&mut self, pos: Pos, kind: ExprKind) -> Expr {
        Expr {
            id: self.ids.fresh(),
            pos,
            kind,
        }
    }

    fn bad(&mut self, pos: Pos) -> Expr {
        self.mk(pos, ExprKind::Bad)
    }

    fn opt_expr(&mut self, n: Option<Node>, fallback: Pos) -> Expr {
        match n {
            Some(n) => self.expr(n),
            None => self.bad(fallback),
        }
    }

    fn boxed(&mut self, n: Option<Node>, fallback: Pos) -> Box<Expr> {
        Box::new(self.opt_expr(n, fallback))
    }

    // ---------------------------------------------------------------- files

    fn source_file(&mut self, root: Node, path: &str) -> File {
        for b in self.fx.iface_tparams.clone() {
            let p = self.at_byte(b);
            self.error(p, "interface method must have no type parameters");
        }
        let items = kids(root);
        let mut package = None;
        let mut imports = vec![];
        let mut decls = vec![];
        let mut seen_decl = false;
        for (i, n) in items.iter().copied().enumerate() {
            match n.kind() {
                "package_clause" => {
                    let name = kids(n).into_iter().next();
                    let id = match name {
                        Some(x) => self.ident(x),
                        None => {
                            let p = self.end_pos(n);
                            self.ident_at(p, "_")
                        }
                    };
                    if package.is_none() && i == 0 {
                        package = Some(id);
                    } else {
                        let p = self.pos(n);
                        self.error(
                            p,
                            "syntax error: non-declaration statement outside function body",
                        );
                    }
                }
                "import_declaration" => {
                    if seen_decl {
                        let p = self.pos(n);
                        self.error(
                            p,
                            "syntax error: imports must appear before other declarations",
                        );
                    }
                    for k in kids(n) {
                        if k.kind() == "import_spec_list" {
                            for s in kids(k) {
                                if s.kind() == "import_spec" {
                                    imports.push(self.import_spec(s));
                                }
                            }
                        } else if k.kind() == "import_spec" {
                            imports.push(self.import_spec(k));
                        }
                    }
                }
                "function_declaration" | "method_declaration" => {
                    seen_decl = true;
                    let pragmas = self.pragmas(n);
                    decls.push(Decl::Func(self.func_decl(n, pragmas)));
                }
                "const_declaration" | "var_declaration" | "type_declaration" => {
                    seen_decl = true;
                    if let Some(d) = self.decl(n) {
                        decls.push(d);
                    }
                }
                "empty_statement" => {}
                _ => {
                    seen_decl = true;
                    let p = self.pos(n);
                    self.error(
                        p,
                        "syntax error: non-declaration statement outside function body",
                    );
                }
            }
        }
        let package = match package {
            Some(p) => p,
            None => {
                // gc itself goes through the go command, whose go/parser says this.
                let first = first_token(root);
                let (pos, found) = match first {
                    Some(t) => (self.pos(t), describe_found(&self.text(t), t.kind())),
                    None => (self.end_pos(root), "'EOF'".to_string()),
                };
                let pos = if first.is_none() { self.at(0, 0) } else { pos };
                self.diags.push(Diagnostic {
                    pos,
                    msg: format!("expected 'package', found {found}"),
                });
                self.ident_at(pos, "_")
            }
        };
        // `//go:linkname local remote` may stand anywhere in the file
        // (gc applies it by name): a function without one directly
        // above it takes the file's directive naming it.
        let mut linknames: Vec<(String, String)> = Vec::new();
        for line in String::from_utf8_lossy(self.src).lines() {
            let Some(d) = line.strip_prefix("//go:linkname ").or_else(|| line.strip_prefix("//go:linknamestd ")) else {
                continue;
            };
            let mut w = d.split_whitespace();
            if let (Some(l), Some(r)) = (w.next(), w.next()) {
                linknames.push((l.to_string(), r.to_string()));
            }
        }
        if !linknames.is_empty() {
            for d in &mut decls {
                if let Decl::Func(fd) = d {
                    if fd.recv.is_none() && fd.pragmas.linkname.is_none() {
                        if let Some(l) = linknames.iter().find(|l| l.0 == fd.name.name) {
                            fd.pragmas.linkname = Some(l.clone());
                        }
                    }
                }
            }
        }
        File {
            path: path.to_string(),
            file_index: self.file,
            package,
            imports,
            decls,
            linknames,
        }
    }

    fn import_spec(&mut self, n: Node) -> ImportSpec {
        let pos = self.pos(n);
        let name = field(n, "name").map(|k| self.ident(k));
        let (path, path_pos) = match field(n, "path") {
            Some(p) => {
                let raw = self.text(p);
                let pp = self.pos(p);
                (self.string_value(&raw, pp), pp)
            }
            None => (String::new(), pos),
        };
        ImportSpec {
            pos,
            name,
            path,
            path_pos,
        }
    }

    /// Decodes a string literal, reporting bad escapes.
    fn string_value(&mut self, raw: &str, pos: Pos) -> String {
        match literal::unquote_string_at(raw) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err((off, msg)) => {
                let p = Pos {
                    col: pos.col + off as u32,
                    ..pos
                };
                self.error(p, msg);
                String::new()
            }
        }
    }

    /// `//go:` directives in the comments directly above a func declaration.
    fn pragmas(&mut self, n: Node) -> Pragmas {
        let mut pr = Pragmas::default();
        let mut prev = n.prev_sibling();
        while let Some(c) = prev {
            if c.kind() != "comment" {
                break;
            }
            let t = self.text(c);
            if let Some(d) = t.strip_prefix("//go:") {
                let mut w = d.split_whitespace();
                match w.next() {
                    Some("nosplit") => pr.nosplit = true,
                    Some("noinline") => pr.noinline = true,
                    Some("norace") => pr.norace = true,
                    Some("nowritebarrier") => pr.nowritebarrier = true,
                    Some("systemstack") => pr.systemstack = true,
                    Some("wrapper") => pr.wrapper = true,
                    Some("uintptrescapes") => pr.uintptrescapes = true,
                    // gc's std-only spelling `linknamestd` binds the same way.
                    Some("linkname") | Some("linknamestd") if pr.linkname.is_none() => {
                        let local = w.next().unwrap_or("").to_string();
                        let remote = w.next().unwrap_or("").to_string();
                        // The one-argument form only allows others to
                        // pull the symbol: it binds nothing.
                        if !remote.is_empty() {
                            pr.linkname = Some((local, remote));
                        }
                    }
                    _ => {}
                }
            }
            prev = c.prev_sibling();
        }
        pr
    }

    fn func_decl(&mut self, n: Node, pragmas: Pragmas) -> FuncDecl {
        let pos = self.pos(n);
        let generic_recv = match n.kind() {
            "function_declaration" => self.fx.generic_recvs.get(&n.start_byte()).cloned(),
            _ => None,
        };
        let recv_fields = match (field(n, "receiver"), generic_recv) {
            (_, Some(g)) => {
                let at = self.at_byte(g.recv.0);
                Some((self.receiver(&g), at))
            }
            (Some(r), None) => Some((self.params(r), self.pos(r))),
            (None, None) => None,
        };
        let name_pos = field(n, "name").map(|k| self.pos(k));
        // gc reports a bad receiver list at the method's name.
        let recv = match recv_fields {
            Some((mut fs, p)) => {
                let p = name_pos.unwrap_or(p);
                if fs.is_empty() {
                    self.error(p, "method has no receiver");
                    None
                } else {
                    if fs.len() > 1 || fs[0].names.len() > 1 {
                        self.error(p, "method has multiple receivers");
                    }
                    Some(fs.swap_remove(0))
                }
            }
            None => None,
        };
        let name = match field(n, "name") {
            Some(k) => self.ident(k),
            None => self.ident_at(pos, "_"),
        };
        let type_params = match field(n, "type_parameters") {
            Some(tp) => self.type_params(tp),
            None => vec![],
        };
        let sig = self.signature(n, pos);
        let body = field(n, "body").map(|b| self.block(b));
        FuncDecl {
            pos,
            recv,
            name,
            type_params,
            sig,
            body,
            pragmas,
        }
    }

    /// The position of byte offset `b` of the text.
    fn at_byte(&self, b: usize) -> Pos {
        let before = &self.src[..b.min(self.src.len())];
        let line = before.iter().filter(|&&c| c == b'\n').count();
        let col = before.iter().rev().take_while(|&&c| c != b'\n').count();
        self.at(line, col)
    }

    /// The receiver of a generic method, blanked in the text being
    /// converted: parsed alone as the receiver of `func (recv) Name()`
    /// written at its place in a copy of the text that is blank up to
    /// there (newlines kept, so positions are the source's).
    fn receiver(&mut self, g: &GenericRecv) -> Vec<Field> {
        let end = g.lbrack.min(self.src.len());
        let mut sub: Vec<u8> = self.src[..end].iter().map(|&c| if c == b'\n' { c } else { b' ' }).collect();
        // `func`, the receiver and the name (the text up to `[`).
        let start = g.func.min(end);
        sub[start..end].copy_from_slice(&self.src[start..end]);
        sub[g.recv.0..g.recv.1].copy_from_slice(g.recv_text.as_bytes());
        sub.extend_from_slice(b"()");
        let text = String::from_utf8_lossy(&sub).into_owned();
        let mut parser = tree_sitter::Parser::new();
        let tree = match parser.set_language(&tree_sitter_go::LANGUAGE.into()) {
            Ok(()) => parser.parse(&text, None),
            Err(_) => None,
        };
        let Some(tree) = tree else { return vec![] };
        let root = tree.root_node();
        if root.has_error() {
            let mut d = errors::collect(root, &text, self.file);
            self.diags.append(&mut d);
        }
        let Some(m) = kids(root).into_iter().find(|k| k.kind() == "method_declaration") else { return vec![] };
        let Some(r) = field(m, "receiver") else { return vec![] };
        let mut sub_conv = Conv {
            src: text.as_bytes(),
            file: self.file,
            ids: &mut *self.ids,
            diags: vec![],
            depth: self.depth,
            type_lits: std::collections::HashMap::new(),
            fx: Fixups::default(),
        };
        let fs = sub_conv.params(r);
        let mut d = std::mem::take(&mut sub_conv.diags);
        self.diags.append(&mut d);
        fs
    }

    /// The `parameters` and `result` fields of a func-like node.
    fn signature(&mut self, n: Node, pos: Pos) -> FuncType {
        let params = match field(n, "parameters") {
            Some(p) => self.params(p),
            None => vec![],
        };
        let results = match field(n, "result") {
            Some(r) if r.kind() == "parameter_list" => self.params(r),
            Some(r) => {
                let typ = self.expr(r);
                vec![Field {
                    pos: typ.pos,
                    names: vec![],
                    typ,
                    tag: None,
                    embedded: false,
                    variadic: false,
                }]
            }
            None => vec![],
        };
        FuncType {
            pos,
            params,
            results,
        }
    }

    fn params(&mut self, list: Node) -> Vec<Field> {
        let mut out = vec![];
        for p in kids(list) {
            let pos = self.pos(p);
            let names: Vec<Ident> = fields(p, "name")
                .into_iter()
                .map(|k| self.ident(k))
                .collect();
            let typ = field(p, "type");
            let typ = self.opt_expr(typ, pos);
            let variadic = p.kind() == "variadic_parameter_declaration";
            out.push(Field {
                pos,
                names,
                typ,
                tag: None,
                embedded: false,
                variadic,
            });
        }
        self.regroup_params(out)
    }

    /// A parameter list where some parameters are named: the unnamed ones
    /// before a named group are names of that group (gc's parser does
    /// this too). tree-sitter-go's ambiguity between `(a, b, c T)` and
    /// `(a, b, c)` resolves to unnamed parameters `a`, `b` once a list has
    /// about ten names.
    fn regroup_params(&mut self, fields: Vec<Field>) -> Vec<Field> {
        let named = fields.iter().filter(|f| !f.names.is_empty()).count();
        if named == 0 || named == fields.len() {
            return fields;
        }
        let mut out: Vec<Field> = Vec::new();
        let mut pending: Vec<Ident> = Vec::new();
        for mut f in fields {
            if !f.names.is_empty() {
                if let Some(first) = pending.first() {
                    f.pos = first.pos;
                }
                f.names.splice(0..0, pending.drain(..));
                out.push(f);
                continue;
            }
            match &f.typ.kind {
                ExprKind::Ident(name) => pending.push(Ident { id: f.typ.id, pos: f.typ.pos, name: name.clone() }),
                _ => {
                    self.error(f.typ.pos, "syntax error: missing parameter name");
                    out.push(f);
                }
            }
        }
        if let Some(last) = pending.last() {
            // gc reports it after the name.
            let pos = Pos { col: last.pos.col + last.name.len() as u32, ..last.pos };
            self.error(pos, "syntax error: missing parameter type");
        }
        out
    }

    fn type_params(&mut self, list: Node) -> Vec<Field> {
        let mut out = vec![];
        for p in kids(list) {
            let pos = self.pos(p);
            let names: Vec<Ident> = fields(p, "name")
                .into_iter()
                .map(|k| self.ident(k))
                .collect();
            let typ = field(p, "type");
            let typ = self.opt_expr(typ, pos);
            out.push(Field {
                pos,
                names,
                typ,
                tag: None,
                embedded: false,
                variadic: false,
            });
        }
        out
    }

    // --------------------------------------------------------- declarations

    fn decl(&mut self, n: Node) -> Option<Decl> {
        match n.kind() {
            "const_declaration" => {
                let specs = kids(n)
                    .into_iter()
                    .filter(|k| k.kind() == "const_spec")
                    .collect::<Vec<_>>();
                let mut out = vec![];
                for (i, s) in specs.into_iter().enumerate() {
                    let mut v = self.value_spec(s);
                    v.iota = i as u32;
                    out.push(v);
                }
                Some(Decl::Const(out))
            }
            "var_declaration" => {
                let mut out = vec![];
                for k in kids(n) {
                    if k.kind() == "var_spec_list" {
                        for s in kids(k) {
                            if s.kind() == "var_spec" {
                                out.push(self.value_spec(s));
                            }
                        }
                    } else if k.kind() == "var_spec" {
                        out.push(self.value_spec(k));
                    }
                }
                Some(Decl::Var(out))
            }
            "type_declaration" => {
                let mut out = vec![];
                for s in kids(n) {
                    if s.kind() == "type_spec" || s.kind() == "type_alias" {
                        out.push(self.type_spec(s));
                    }
                }
                Some(Decl::Type(out))
            }
            _ => None,
        }
    }

    fn value_spec(&mut self, n: Node) -> ValueSpec {
        let pos = self.pos(n);
        let names = fields(n, "name")
            .into_iter()
            .map(|k| self.ident(k))
            .collect();
        let typ = field(n, "type").map(|t| self.expr(t));
        let values = match field(n, "value") {
            Some(v) => self.expr_list(v),
            None => vec![],
        };
        ValueSpec {
            pos,
            names,
            typ,
            values,
            iota: 0,
        }
    }

    fn type_spec(&mut self, n: Node) -> TypeSpec {
        let pos = self.pos(n);
        let name = match field(n, "name") {
            Some(k) => self.ident(k),
            None => self.ident_at(pos, "_"),
        };
        let type_params = match field(n, "type_parameters") {
            Some(tp) => self.type_params(tp),
            None => vec![],
        };
        let typ = field(n, "type");
        let typ = self.opt_expr(typ, pos);
        TypeSpec {
            pos,
            name,
            type_params,
            alias: n.kind() == "type_alias",
            typ,
        }
    }

    // ----------------------------------------------------------- statements

    fn block(&mut self, n: Node) -> Block {
        let pos = self.pos(n);
        let mut stmts = vec![];
        for k in kids(n) {
            if k.kind() == "statement_list" {
                self.stmt_list(k, &mut stmts);
            } else if let Some(s) = self.stmt(k) {
                stmts.push(s);
            }
        }
        let rbrace = match last_token(n, "}") {
            Some(b) => self.pos(b),
            None => self.end_pos(n),
        };
        Block { pos, stmts, rbrace }
    }

    fn stmt_list(&mut self, n: Node, out: &mut Vec<Stmt>) {
        for k in kids(n) {
            if let Some(s) = self.stmt(k) {
                out.push(s);
            }
        }
    }

    /// Statements of a case clause body (the optional statement_list child).
    fn clause_body(&mut self, n: Node) -> Vec<Stmt> {
        let mut out = vec![];
        for k in kids(n) {
            if k.kind() == "statement_list" {
                self.stmt_list(k, &mut out);
            }
        }
        out
    }

    fn opt_stmt(&mut self, n: Option<Node>) -> Option<Box<Stmt>> {
        n.and_then(|n| self.stmt(n)).map(Box::new)
    }

    fn stmt(&mut self, n: Node) -> Option<Stmt> {
        if self.depth > MAX_DEPTH {
            let p = self.pos(n);
            self.error(p, "syntax error: statement nesting too deep");
            return None;
        }
        self.depth += 1;
        let r = self.stmt_inner(n);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, n: Node) -> Option<Stmt> {
        let pos = self.pos(n);
        let first = kids(n).into_iter().next();
        let kind = match n.kind() {
            "const_declaration" | "var_declaration" | "type_declaration" => {
                StmtKind::Decl(self.decl(n)?)
            }
            "empty_statement" => StmtKind::Empty,
            "labeled_statement" => {
                let label = match field(n, "label") {
                    Some(l) => self.ident(l),
                    None => self.ident_at(pos, "_"),
                };
                let inner = kids(n).into_iter().find(|k| k.kind() != "label_name");
                let stmt = match inner.and_then(|k| self.stmt(k)) {
                    Some(s) => s,
                    None => {
                        let p = match token(n, ":") {
                            Some(c) => self.end_pos(c),
                            None => self.end_pos(n),
                        };
                        Stmt {
                            pos: p,
                            kind: StmtKind::Empty,
                        }
                    }
                };
                StmtKind::Labeled {
                    label,
                    stmt: Box::new(stmt),
                }
            }
            "expression_statement" => StmtKind::Expr(self.opt_expr(first, pos)),
            "send_statement" => {
                let ch = field(n, "channel");
                let ch = self.opt_expr(ch, pos);
                let value = field(n, "value");
                let value = self.opt_expr(value, pos);
                StmtKind::Send { ch, value }
            }
            "inc_statement" | "dec_statement" => StmtKind::IncDec {
                x: self.opt_expr(first, pos),
                inc: n.kind() == "inc_statement",
            },
            "assignment_statement" | "short_var_declaration" => {
                let lhs = field(n, "left")
                    .map(|l| self.expr_list(l))
                    .unwrap_or_default();
                let rhs = field(n, "right")
                    .map(|r| self.expr_list(r))
                    .unwrap_or_default();
                let op = if n.kind() == "short_var_declaration" {
                    AssignOp::Define
                } else {
                    let t = field(n, "operator")
                        .map(|o| self.text(o))
                        .unwrap_or_default();
                    match t.strip_suffix('=').and_then(binop) {
                        Some(b) => AssignOp::Op(b),
                        None => AssignOp::Assign,
                    }
                };
                StmtKind::Assign { lhs, op, rhs }
            }
            "go_statement" => StmtKind::Go(self.opt_expr(first, pos)),
            "defer_statement" => StmtKind::Defer(self.opt_expr(first, pos)),
            "return_statement" => {
                StmtKind::Return(first.map(|l| self.expr_list(l)).unwrap_or_default())
            }
            "break_statement" => StmtKind::Break(first.map(|l| self.ident(l))),
            "continue_statement" => StmtKind::Continue(first.map(|l| self.ident(l))),
            "goto_statement" => {
                let l = match first {
                    Some(l) => self.ident(l),
                    None => self.ident_at(pos, "_"),
                };
                StmtKind::Goto(l)
            }
            "fallthrough_statement" => StmtKind::Fallthrough,
            "block" => StmtKind::Block(self.block(n)),
            "if_statement" => return Some(self.if_stmt(n)),
            "for_statement" => self.for_stmt(n),
            "expression_switch_statement" => {
                let init = self.opt_stmt(field(n, "initializer"));
                let tag = field(n, "value").map(|v| self.expr(v));
                let body = self.case_clauses(n);
                let rbrace = self.rbrace(n);
                StmtKind::Switch {
                    init,
                    tag,
                    body,
                    rbrace,
                }
            }
            "type_switch_statement" => {
                let init = self.opt_stmt(field(n, "initializer"));
                let bind = field(n, "alias")
                    .and_then(|a| kids(a).into_iter().next())
                    .map(|b| self.ident(b));
                let x = field(n, "value");
                let x = self.opt_expr(x, pos);
                let body = self.case_clauses(n);
                let rbrace = self.rbrace(n);
                StmtKind::TypeSwitch {
                    init,
                    bind,
                    x,
                    body,
                    rbrace,
                }
            }
            "select_statement" => {
                let mut body = vec![];
                for c in kids(n) {
                    let cpos = self.pos(c);
                    let comm = match c.kind() {
                        "communication_case" => self.comm(c),
                        "default_case" => None,
                        _ => continue,
                    };
                    let stmts = self.clause_body(c);
                    body.push(CommClause {
                        pos: cpos,
                        comm,
                        body: stmts,
                    });
                }
                StmtKind::Select { body }
            }
            _ => return None,
        };
        Some(Stmt { pos, kind })
    }

    fn rbrace(&self, n: Node) -> Pos {
        match last_token(n, "}") {
            Some(b) => self.pos(b),
            None => self.end_pos(n),
        }
    }

    fn if_stmt(&mut self, n: Node) -> Stmt {
        let pos = self.pos(n);
        let init = self.opt_stmt(field(n, "initializer"));
        let cond = field(n, "condition");
        let cond = self.opt_expr(cond, pos);
        let then = match field(n, "consequence") {
            Some(b) => self.block(b),
            None => Block {
                pos,
                stmts: vec![],
                rbrace: self.end_pos(n),
            },
        };
        let els = self.opt_stmt(field(n, "alternative"));
        Stmt {
            pos,
            kind: StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        }
    }

    fn for_stmt(&mut self, n: Node) -> StmtKind {
        let pos = self.pos(n);
        let body = match field(n, "body") {
            Some(b) => self.block(b),
            None => Block {
                pos,
                stmts: vec![],
                rbrace: self.end_pos(n),
            },
        };
        let body_node = field(n, "body");
        let head = kids(n).into_iter().find(|k| Some(*k) != body_node);
        match head {
            None => StmtKind::For {
                init: None,
                cond: None,
                post: None,
                body,
            },
            Some(h) if h.kind() == "for_clause" => {
                let init = self.opt_stmt(field(h, "initializer"));
                let cond = field(h, "condition").map(|c| self.expr(c));
                let post = self.opt_stmt(field(h, "update"));
                StmtKind::For {
                    init,
                    cond,
                    post,
                    body,
                }
            }
            Some(h) if h.kind() == "range_clause" => {
                let left = field(h, "left")
                    .map(|l| self.expr_list(l))
                    .unwrap_or_default();
                let define = token(h, ":=").is_some();
                let mut it = left.into_iter();
                let key = it.next();
                let value = it.next();
                if let Some(extra) = it.next() {
                    self.error(
                        extra.pos,
                        "range clause permits at most two iteration variables",
                    );
                }
                let x = field(h, "right");
                let x = self.opt_expr(x, pos);
                StmtKind::Range {
                    key,
                    value,
                    define,
                    x,
                    body,
                }
            }
            Some(h) => {
                let cond = self.expr(h);
                StmtKind::For {
                    init: None,
                    cond: Some(cond),
                    post: None,
                    body,
                }
            }
        }
    }

    fn case_clauses(&mut self, n: Node) -> Vec<CaseClause> {
        let mut out = vec![];
        for c in kids(n) {
            let pos = self.pos(c);
            let (exprs, default) = match c.kind() {
                "expression_case" => (
                    field(c, "value")
                        .map(|v| self.expr_list(v))
                        .unwrap_or_default(),
                    false,
                ),
                "type_case" => (
                    fields(c, "type")
                        .into_iter()
                        .map(|t| self.expr(t))
                        .collect(),
                    false,
                ),
                "default_case" => (vec![], true),
                _ => continue,
            };
            let body = self.clause_body(c);
            out.push(CaseClause {
                pos,
                exprs,
                default,
                body,
            });
        }
        out
    }

    fn comm(&mut self, c: Node) -> Option<Box<Stmt>> {
        let s = field(c, "communication")?;
        let pos = self.pos(s);
        match s.kind() {
            "receive_statement" => {
                let right = field(s, "right");
                let rx = self.opt_expr(right, pos);
                let kind = match field(s, "left") {
                    Some(l) => {
                        let lhs = self.expr_list(l);
                        let op = if token(s, ":=").is_some() {
                            AssignOp::Define
                        } else {
                            AssignOp::Assign
                        };
                        StmtKind::Assign {
                            lhs,
                            op,
                            rhs: vec![rx],
                        }
                    }
                    None => StmtKind::Expr(rx),
                };
                Some(Box::new(Stmt { pos, kind }))
            }
            _ => self.stmt(s).map(Box::new),
        }
    }

    // ---------------------------------------------------------- expressions

    fn expr_list(&mut self, n: Node) -> Vec<Expr> {
        if n.kind() != "expression_list" {
            return vec![self.expr(n)];
        }
        kids(n).into_iter().map(|k| self.expr(k)).collect()
    }

    pub fn expr(&mut self, n: Node) -> Expr {
        if self.depth > MAX_DEPTH {
            let p = self.pos(n);
            self.error(p, "syntax error: expression nesting too deep");
            return self.bad(p);
        }
        self.depth += 1;
        let e = self.expr_inner(n);
        self.depth -= 1;
        e
    }

    fn expr_inner(&mut self, n: Node) -> Expr {
        let pos = self.pos(n);
        if n.is_missing() || n.is_error() {
            return self.bad(pos);
        }
        let first = kids(n).into_iter().next();
        let kind = match n.kind() {
            "identifier" | "type_identifier" | "field_identifier" | "package_identifier"
            | "nil" | "true" | "false" | "iota" | "blank_identifier" => {
                let name = if self.fx.new_calls.contains(&n.start_byte()) { "new".to_string() } else { self.text(n) };
                if let Some(t) = self.type_lits.get(&name) {
                    return t.clone();
                }
                ExprKind::Ident(name)
            }
            "int_literal" => ExprKind::BasicLit {
                kind: LitKind::Int,
                raw: self.text(n),
            },
            "float_literal" => ExprKind::BasicLit {
                kind: LitKind::Float,
                raw: self.text(n),
            },
            "imaginary_literal" => ExprKind::BasicLit {
                kind: LitKind::Imag,
                raw: self.text(n),
            },
            "rune_literal" => {
                let raw = self.text(n);
                if let Err((off, msg)) = literal::unquote_char_at(&raw) {
                    let p = Pos {
                        col: pos.col + off as u32,
                        ..pos
                    };
                    self.error(p, msg);
                }
                ExprKind::BasicLit {
                    kind: LitKind::Char,
                    raw,
                }
            }
            "interpreted_string_literal" | "raw_string_literal" => {
                let raw = self.text(n);
                if n.has_error() {
                    // unterminated: reported from the ERROR/MISSING node
                } else if let Err((off, msg)) = literal::unquote_string_at(&raw) {
                    let p = Pos {
                        col: pos.col + off as u32,
                        ..pos
                    };
                    self.error(p, msg);
                }
                ExprKind::BasicLit {
                    kind: LitKind::String,
                    raw,
                }
            }
            "parenthesized_expression" | "parenthesized_type" => {
                ExprKind::Paren(self.boxed(first, pos))
            }
            "selector_expression" => {
                let x = self.boxed(field(n, "operand"), pos);
                let sel = match field(n, "field") {
                    Some(f) => self.ident(f),
                    None => self.ident_at(pos, "_"),
                };
                ExprKind::Selector { x, sel }
            }
            "qualified_type" => {
                let x = self.boxed(field(n, "package"), pos);
                let sel = match field(n, "name") {
                    Some(f) => self.ident(f),
                    None => self.ident_at(pos, "_"),
                };
                ExprKind::Selector { x, sel }
            }
            "index_expression" => {
                let x = self.boxed(field(n, "operand"), pos);
                let i = field(n, "index");
                let i = self.opt_expr(i, pos);
                ExprKind::Index {
                    x,
                    indices: vec![i],
                }
            }
            "type_instantiation_expression" => {
                let t = field(n, "type");
                let x = self.boxed(t, pos);
                let indices = kids(n)
                    .into_iter()
                    .filter(|k| Some(*k) != t)
                    .map(|k| self.expr(k))
                    .collect();
                ExprKind::Index { x, indices }
            }
            "generic_type" => {
                let x = self.boxed(field(n, "type"), pos);
                let indices = match field(n, "type_arguments") {
                    Some(a) => self.type_args(a),
                    None => vec![],
                };
                ExprKind::Index { x, indices }
            }
            "slice_expression" => {
                let x = self.boxed(field(n, "operand"), pos);
                let lo = field(n, "start").map(|k| Box::new(self.expr(k)));
                let hi = field(n, "end").map(|k| Box::new(self.expr(k)));
                let max = field(n, "capacity").map(|k| Box::new(self.expr(k)));
                ExprKind::Slice { x, lo, hi, max }
            }
            "type_assertion_expression" => {
                let x = self.boxed(field(n, "operand"), pos);
                let typ = Some(self.boxed(field(n, "type"), pos));
                ExprKind::TypeAssert { x, typ }
            }
            "call_expression" => {
                let mut fun = self.opt_expr(field(n, "function"), pos);
                if let Some(ta) = field(n, "type_arguments") {
                    let indices = self.type_args(ta);
                    fun = self.mk(
                        pos,
                        ExprKind::Index {
                            x: Box::new(fun),
                            indices,
                        },
                    );
                }
                let mut args = vec![];
                let mut ellipsis = false;
                if let Some(al) = field(n, "arguments") {
                    for a in kids(al) {
                        if a.kind() == "variadic_argument" {
                            ellipsis = true;
                            let inner = kids(a).into_iter().next();
                            let p = self.pos(a);
                            args.push(self.opt_expr(inner, p));
                        } else {
                            args.push(self.expr(a));
                        }
                    }
                }
                ExprKind::Call {
                    fun: Box::new(fun),
                    args,
                    ellipsis,
                }
            }
            "type_conversion_expression" => {
                let ty = field(n, "type");
                // `*T(x)` is `*(T(x))` in Go (a conversion to a pointer type
                // needs parentheses: `(*T)(x)`); the grammar reads it as a
                // conversion to `*T`.
                if let Some(t) = ty.filter(|t| t.kind() == "pointer_type") {
                    let inner = t.named_child(0);
                    let ipos = inner.map(|i| self.pos(i)).unwrap_or(pos);
                    let fun = self.boxed(inner, pos);
                    let arg = self.opt_expr(field(n, "operand"), pos);
                    let call = self.mk(
                        ipos,
                        ExprKind::Call {
                            fun,
                            args: vec![arg],
                            ellipsis: false,
                        },
                    );
                    return self.mk(pos, ExprKind::Star(Box::new(call)));
                }
                let fun = self.boxed(ty, pos);
                let arg = field(n, "operand");
                let arg = self.opt_expr(arg, pos);
                ExprKind::Call {
                    fun,
                    args: vec![arg],
                    ellipsis: false,
                }
            }
            "unary_expression" => {
                let op = field(n, "operator")
                    .map(|o| self.text(o))
                    .unwrap_or_default();
                let x = self.boxed(field(n, "operand"), pos);
                let op = match op.as_str() {
                    "*" => return self.mk(pos, ExprKind::Star(x)),
                    "+" => UnOp::Pos,
                    "-" => UnOp::Neg,
                    "!" => UnOp::Not,
                    "^" => UnOp::Xor,
                    "&" => UnOp::Addr,
                    _ => UnOp::Recv,
                };
                ExprKind::Unary { op, x }
            }
            "binary_expression" => {
                let (op, op_pos) = match field(n, "operator") {
                    Some(o) => (binop(&self.text(o)), self.pos(o)),
                    None => (None, pos),
                };
                let x = self.boxed(field(n, "left"), pos);
                let y = self.boxed(field(n, "right"), op_pos);
                match op {
                    Some(op) => ExprKind::Binary { op, op_pos, x, y },
                    None => ExprKind::Bad,
                }
            }
            "composite_literal" => {
                let typ = field(n, "type").map(|t| Box::new(self.expr(t)));
                match field(n, "body") {
                    Some(b) => {
                        let (elts, rbrace) = self.literal_value(b);
                        ExprKind::CompositeLit { typ, elts, rbrace }
                    }
                    None => ExprKind::CompositeLit {
                        typ,
                        elts: vec![],
                        rbrace: self.end_pos(n),
                    },
                }
            }
            "literal_value" => {
                let (elts, rbrace) = self.literal_value(n);
                ExprKind::CompositeLit {
                    typ: None,
                    elts,
                    rbrace,
                }
            }
            "literal_element" => return self.opt_expr(first, pos),
            "func_literal" => {
                let sig = self.signature(n, pos);
                let body = match field(n, "body") {
                    Some(b) => self.block(b),
                    None => Block {
                        pos,
                        stmts: vec![],
                        rbrace: self.end_pos(n),
                    },
                };
                ExprKind::FuncLit { sig, body }
            }
            "pointer_type" => ExprKind::Star(self.boxed(first, pos)),
            "array_type" => {
                let len = Some(self.boxed(field(n, "length"), pos));
                let elem = self.boxed(field(n, "element"), pos);
                ExprKind::ArrayType { len, elem }
            }
            "implicit_length_array_type" => ExprKind::ArrayType {
                len: None,
                elem: self.boxed(field(n, "element"), pos),
            },
            "slice_type" => ExprKind::SliceType {
                elem: self.boxed(field(n, "element"), pos),
            },
            "map_type" => {
                let key = self.boxed(field(n, "key"), pos);
                let value = self.boxed(field(n, "value"), pos);
                ExprKind::MapType { key, value }
            }
            "channel_type" => {
                let toks: Vec<&str> = all(n)
                    .into_iter()
                    .filter(|k| !k.is_named())
                    .map(|k| k.kind())
                    .collect();
                let dir = match toks.as_slice() {
                    ["<-", ..] => ChanDir::Recv,
                    ["chan", "<-", ..] => ChanDir::Send,
                    _ => ChanDir::Both,
                };
                ExprKind::ChanType {
                    dir,
                    elem: self.boxed(field(n, "value"), pos),
                }
            }
            "function_type" => ExprKind::FuncType(self.signature(n, pos)),
            "struct_type" => {
                let mut fs = vec![];
                if let Some(list) = first {
                    for f in kids(list) {
                        if f.kind() == "field_declaration" {
                            fs.push(self.struct_field(f));
                        }
                    }
                }
                ExprKind::StructType { fields: fs }
            }
            "interface_type" => {
                let mut elems = vec![];
                for e in kids(n) {
                    match e.kind() {
                        "method_elem" => {
                            let name = match field(e, "name") {
                                Some(k) => self.ident(k),
                                None => self.ident_at(pos, "_"),
                            };
                            let p = self.pos(e);
                            let sig = self.signature(e, p);
                            elems.push(InterfaceElem::Method { name, sig });
                        }
                        "type_elem" => {
                            let p = self.pos(e);
                            let terms = self.union_terms(e);
                            elems.push(InterfaceElem::Union { pos: p, terms });
                        }
                        _ => {}
                    }
                }
                ExprKind::InterfaceType { elems }
            }
            // Constraints and type arguments: a plain type stays itself; a
            // union or `~T` becomes the implicit `interface{ ~T | U }`.
            "type_elem" | "type_constraint" | "negated_type" => return self.constraint(n),
            _ => ExprKind::Bad,
        };
        self.mk(pos, kind)
    }

    fn type_args(&mut self, n: Node) -> Vec<Expr> {
        kids(n).into_iter().map(|k| self.expr(k)).collect()
    }

    fn union_terms(&mut self, n: Node) -> Vec<UnionTerm> {
        let ts = if n.kind() == "negated_type" {
            vec![n]
        } else {
            kids(n)
        };
        let mut out = vec![];
        for t in ts {
            if t.kind() == "negated_type" {
                let inner = kids(t).into_iter().next();
                let p = self.pos(t);
                out.push(UnionTerm {
                    tilde: true,
                    typ: self.opt_expr(inner, p),
                });
            } else {
                out.push(UnionTerm {
                    tilde: false,
                    typ: self.expr(t),
                });
            }
        }
        out
    }

    fn constraint(&mut self, n: Node) -> Expr {
        let pos = self.pos(n);
        let ts = kids(n);
        if n.kind() != "negated_type" && ts.len() == 1 && ts[0].kind() != "negated_type" {
            return self.expr(ts[0]);
        }
        let terms = self.union_terms(n);
        self.mk(
            pos,
            ExprKind::InterfaceType {
                elems: vec![InterfaceElem::Union { pos, terms }],
            },
        )
    }

    fn literal_value(&mut self, n: Node) -> (Vec<Element>, Pos) {
        let mut elts = vec![];
        for k in kids(n) {
            match k.kind() {
                "keyed_element" => {
                    let p = self.pos(k);
                    let key = field(k, "key");
                    let key = self.opt_expr(key, p);
                    let value = field(k, "value");
                    let value = self.opt_expr(value, p);
                    elts.push(Element {
                        key: Some(key),
                        value,
                    });
                }
                _ => elts.push(Element {
                    key: None,
                    value: self.expr(k),
                }),
            }
        }
        (elts, self.rbrace(n))
    }

    fn struct_field(&mut self, f: Node) -> Field {
        let pos = self.pos(f);
        let names: Vec<Ident> = fields(f, "name")
            .into_iter()
            .map(|k| self.ident(k))
            .collect();
        let mut typ = self.opt_expr(field(f, "type"), pos);
        let embedded = names.is_empty();
        if embedded {
            if let Some(star) = token(f, "*") {
                let p = self.pos(star);
                typ = self.mk(p, ExprKind::Star(Box::new(typ)));
            }
        }
        let tag = field(f, "tag").map(|t| {
            let raw = self.text(t);
            let p = self.pos(t);
            self.string_value(&raw, p)
        });
        Field {
            pos,
            names,
            typ,
            tag,
            embedded,
            variadic: false,
        }
    }
}

/// The first leaf token of the tree that is not a comment.
fn first_token(root: Node) -> Option<Node> {
    let mut n = root;
    loop {
        let mut c = n.walk();
        let next = n
            .children(&mut c)
            .find(|k| k.kind() != "comment" && k.end_byte() > k.start_byte());
        match next {
            Some(k) if k.child_count() == 0 => return Some(k),
            Some(k) => n = k,
            None => return None,
        }
    }
}

/// go/parser's way of naming the token it found instead of `package`.
fn describe_found(text: &str, kind: &str) -> String {
    let is_lit = matches!(
        kind,
        "identifier" | "int_literal" | "float_literal" | "imaginary_literal" | "rune_literal"
    ) || text.starts_with('"')
        || text.starts_with('`');
    if is_lit {
        text.to_string()
    } else {
        format!("'{}'", text.chars().take(20).collect::<String>())
    }
}

/// `src` with the `;` of each empty init statement (`if ;`, `switch ;`)
/// replaced by a space, or None when there is none.
fn blank_empty_init_semicolons(src: &str) -> Option<String> {
    let toks = crate::scan::tokens(src);
    let mut out = src.as_bytes().to_vec();
    let mut changed = false;
    for w in toks.windows(2) {
        if w[0].kind == crate::scan::Tok::Keyword
            && (w[0].text == "if" || w[0].text == "switch")
            && w[1].kind == crate::scan::Tok::Semi
        {
            out[w[1].start] = b' ';
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(out).ok()
}
