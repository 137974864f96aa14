//! Syntax errors: tree-sitter's ERROR and MISSING nodes become gc-style
//! diagnostics (`syntax error: unexpected X, expected Y`). tree-sitter finds
//! where the parse broke; `scan` names the token gc would have complained
//! about. At most one error per line is reported, and only the first few.
use crate::scan::{self, Tok, Token};
use crate::{Diagnostic, Pos};
use tree_sitter::Node;

/// gc stops after this many errors.
const MAX_ERRORS: usize = 10;

pub fn collect(root: Node, src: &str, file: u32) -> Vec<Diagnostic> {
    if !root.has_error() {
        // tree-sitter lets newlines pass where gc's implicit semicolons do not.
        let toks = scan::tokens(src);
        let mut out = vec![];
        newline_before_closer(root, &toks, file, &mut out);
        return out;
    }
    let toks = scan::tokens(src);
    let mut out = lexical(&toks, file);
    // Token-level rules name gc's error more precisely than tree-sitter's
    // recovery does; tree-sitter errors around the same lines are dropped.
    let precise = token_rules(&toks, file);
    let quiet: Vec<(u32, u32)> = precise
        .iter()
        .map(|d| (d.pos.line, quiet_until(&toks, d.pos.line)))
        .collect();
    let near = |lo: u32, hi: u32| quiet.iter().any(|&(a, b)| lo <= b && hi >= a);
    out.extend(precise.iter().cloned());
    let mut nl = vec![];
    newline_before_closer(root, &toks, file, &mut nl);
    out.extend(nl.into_iter().filter(|d| !near(d.pos.line, d.pos.line)));
    let mut c = root.walk();
    // Iterative pre-order walk that skips subtrees without errors.
    'walk: loop {
        let n = c.node();
        let descend = if n.is_error() {
            let d = error_node(n, &toks, file);
            let hi = (n.end_position().row as u32 + 1).max(d.pos.line);
            if !near(n.start_position().row as u32 + 1, hi) {
                out.push(d);
            }
            false
        } else if n.is_missing() {
            let d = missing_node(n, &toks, file);
            if !near(d.pos.line, d.pos.line) {
                out.push(d);
            }
            false
        } else {
            n.has_error()
        };
        if descend && c.goto_first_child() {
            continue;
        }
        loop {
            if c.goto_next_sibling() {
                continue 'walk;
            }
            if !c.goto_parent() {
                break 'walk;
            }
        }
    }
    out
}

/// Sorts diagnostics, keeps one per line and the first `MAX_ERRORS`.
pub fn finish(mut d: Vec<Diagnostic>) -> Vec<Diagnostic> {
    d.sort_by_key(|x| x.pos);
    let mut out: Vec<Diagnostic> = vec![];
    for x in d {
        // gc reports no syntax error at EOF once it has reported one.
        if !out.is_empty() && x.msg.starts_with("syntax error: unexpected EOF") {
            continue;
        }
        if let Some(l) = out.last_mut() {
            if l.pos.line == x.pos.line && l.pos.file == x.pos.file {
                // A lexical error (bad literal, stray character) explains the
                // line better than the syntax error it caused.
                if l.msg.starts_with("syntax error:") && !x.msg.starts_with("syntax error:") {
                    *l = x;
                }
                continue;
            }
        }
        out.push(x);
        if out.len() >= MAX_ERRORS {
            break;
        }
    }
    out
}

fn pos_of(t: &Token, file: u32) -> Pos {
    Pos {
        file,
        line: t.line,
        col: t.col,
    }
}

/// The first gc token starting at or after byte `at`.
fn token_at(toks: &[Token], at: usize) -> &Token {
    let i = toks.partition_point(|t| t.start < at);
    &toks[i.min(toks.len() - 1)]
}

/// Index of the last real (non-newline) token ending at or before `at`.
fn token_before(toks: &[Token], at: usize) -> Option<&Token> {
    let i = toks.partition_point(|t| t.end <= at && t.start < at);
    toks[..i].iter().rev().find(|t| t.kind != Tok::Newline)
}

fn unexpected(t: &Token, file: u32, rest: &str) -> Diagnostic {
    Diagnostic {
        pos: pos_of(t, file),
        msg: format!("syntax error: unexpected {}{}", t.describe(), rest),
    }
}

fn error_node(n: Node, toks: &[Token], file: u32) -> Diagnostic {
    let t = offending(n, toks);
    if let Some(d) = unterminated(t, file) {
        return d;
    }
    // `func name(` inside a body parses as a function literal missing its `(`.
    if n.parent().is_some_and(|p| p.kind() == "func_literal") {
        let first = token_at(toks, n.start_byte());
        if first.kind == Tok::Name {
            return unexpected(first, file, ", expected (");
        }
    }
    // A newline (or EOF) after an incomplete construct.
    if t.kind == Tok::Newline || t.kind == Tok::Eof {
        if let Some(prev) = token_before(toks, t.start) {
            if prev.text == "if" || prev.text == "for" || prev.text == "switch" {
                return unexpected(
                    t,
                    file,
                    &format!(", expected {{ after {} clause", prev.text),
                );
            }
        }
    }
    let ctx = match n.parent().map(|p| p.kind()) {
        Some("block" | "statement_list") if t.kind != Tok::Newline && t.kind != Tok::Eof => {
            " at end of statement"
        }
        _ => "",
    };
    unexpected(t, file, ctx)
}

/// Errors found on the token stream alone, the way gc's parser reports them
/// (and skipping what gc's recovery skips): a parenthesized expression or
/// argument list still open at a line end, an operator with no operand after
/// it, a bad `else`, an if/for/switch header not followed by `{`, and
/// statements outside function bodies.
fn token_rules(toks: &[Token], file: u32) -> Vec<Diagnostic> {
    #[derive(Clone, Copy, PartialEq)]
    enum Open {
        ParenExpr,
        Call,
        Params,
        Other,
        Brace,
    }
    enum Skip {
        None,
        /// gc's `advance(_Import, _Const, _Type, _Var, _Func)`.
        TopLevel,
        /// gc's list recovery: `advance(_Rparen, _Rbrack, _Rbrace)` with the
        /// statement keywords of the stop set.
        List,
    }
    const DECL: &[&str] = &["import", "const", "type", "var", "func"];
    const STOP: &[&str] = &[
        "break",
        "const",
        "continue",
        "defer",
        "fallthrough",
        "for",
        "go",
        "goto",
        "if",
        "return",
        "select",
        "switch",
        "type",
        "var",
    ];
    let mut out = vec![];
    let mut stack: Vec<Open> = vec![];
    // if/for/switch header: the keyword and the bracket depth it is at.
    let mut header: Option<(&str, usize)> = None;
    let mut skip = Skip::None;
    let mut last_top_func_empty = false;
    for (i, t) in toks.iter().enumerate() {
        let prev = if i > 0 { Some(&toks[i - 1]) } else { None };
        let next = toks.get(i + 1);
        match skip {
            Skip::TopLevel => {
                if t.kind == Tok::Keyword && DECL.contains(&t.text.as_str()) {
                    skip = Skip::None;
                    stack.clear();
                    header = None;
                } else {
                    continue;
                }
            }
            Skip::List => {
                if t.kind == Tok::Op && matches!(t.text.as_str(), ")" | "]" | "}") {
                    skip = Skip::None;
                    if t.text != "}" {
                        continue; // the list's closer
                    }
                } else if t.kind == Tok::Eof
                    || (t.kind == Tok::Keyword && STOP.contains(&t.text.as_str()))
                {
                    skip = Skip::None;
                } else {
                    continue;
                }
            }
            Skip::None => {}
        }
        let stmt_start = prev.is_none_or(|p| matches!(p.kind, Tok::Newline | Tok::Semi));
        if stack.is_empty()
            && stmt_start
            && i > 0
            && !matches!(t.kind, Tok::Newline | Tok::Semi | Tok::Eof)
        {
            if t.kind == Tok::Keyword && DECL.contains(&t.text.as_str()) {
                last_top_func_empty = false;
            } else if t.text != "package" {
                let msg = if t.text == "{"
                    && last_top_func_empty
                    && prev.is_some_and(|p| p.kind == Tok::Newline)
                {
                    "syntax error: unexpected semicolon or newline before {"
                } else {
                    "syntax error: non-declaration statement outside function body"
                };
                out.push(Diagnostic {
                    pos: pos_of(t, file),
                    msg: msg.into(),
                });
                skip = Skip::TopLevel;
                continue;
            }
        }
        match (t.kind.clone(), t.text.as_str()) {
            (Tok::Keyword, "if" | "for" | "switch") => header = Some((kw(t), stack.len())),
            (Tok::Op, "(" | "[") => {
                let before = if i > 1 { Some(&toks[i - 2]) } else { None };
                let kind = if t.text == "[" {
                    Open::Other
                } else if prev.is_some_and(|p| p.text == "func")
                    || (prev.is_some_and(|p| p.kind == Tok::Name)
                        && before.is_some_and(|b| b.text == "func"))
                {
                    Open::Params
                } else if prev.is_some_and(|p| match p.kind {
                    Tok::Comma => true,
                    Tok::Op => !matches!(p.text.as_str(), ")" | "]" | "}" | "." | "*"),
                    Tok::Keyword => matches!(
                        p.text.as_str(),
                        "return" | "if" | "for" | "switch" | "case" | "range"
                    ),
                    _ => false,
                }) {
                    Open::ParenExpr
                } else if prev.is_some_and(|p| {
                    matches!(p.kind, Tok::Name | Tok::Literal)
                        || (p.kind == Tok::Op && matches!(p.text.as_str(), ")" | "]"))
                }) {
                    Open::Call
                } else {
                    Open::Other
                };
                stack.push(kind);
            }
            (Tok::Op, "{") => {
                if header.is_some_and(|(_, d)| d == stack.len()) {
                    header = None;
                }
                stack.push(Open::Brace);
            }
            (Tok::Op, "}") => {
                while let Some(o) = stack.pop() {
                    if o == Open::Brace {
                        break;
                    }
                }
                if stack.is_empty() {
                    last_top_func_empty = false;
                }
            }
            (Tok::Op, ")" | "]") => {
                if let Some((_, d)) = header {
                    if stack.len() == d {
                        out.push(unexpected(t, file, ", expected {"));
                        header = None;
                        continue;
                    }
                }
                // A closer with no opener (gc reports it elsewhere) keeps the
                // enclosing block open.
                if stack.last().is_some_and(|&o| o != Open::Brace) {
                    stack.pop();
                }
            }
            (Tok::Newline, _) => {
                if let Some((k, d)) = header {
                    if stack.len() == d {
                        out.push(unexpected(
                            t,
                            file,
                            &format!(", expected {{ after {k} clause"),
                        ));
                        header = None;
                        // gc parses the block as if the `{` were there.
                        stack.push(Open::Brace);
                        continue;
                    }
                }
                if stack.is_empty() {
                    last_top_func_empty = toks[..i]
                        .iter()
                        .rev()
                        .take_while(|x| !matches!(x.kind, Tok::Newline | Tok::Semi))
                        .any(|x| x.text == "func");
                }
                match stack.last() {
                    Some(Open::ParenExpr) => {
                        stack.pop();
                        out.push(unexpected(t, file, ", expected )"));
                        // gc skips the line break and goes on with the statement.
                        if let Some(n) = next {
                            if !stack.is_empty()
                                && matches!(n.kind, Tok::Name | Tok::Literal | Tok::Keyword)
                            {
                                out.push(unexpected(n, file, " at end of statement"));
                            }
                        }
                    }
                    Some(Open::Call | Open::Params) => {
                        let ctx = if stack.last() == Some(&Open::Call) {
                            "argument list"
                        } else {
                            "parameter list"
                        };
                        stack.pop();
                        out.push(unexpected(
                            t,
                            file,
                            &format!(" in {ctx}; possibly missing comma or )"),
                        ));
                        skip = Skip::List;
                    }
                    _ => {}
                }
            }
            (Tok::Keyword, "chan") => {
                let mut n = next;
                if n.is_some_and(|x| x.text == "<-") {
                    n = toks.get(i + 2);
                }
                if let Some(n) = n {
                    if matches!(n.kind, Tok::Comma | Tok::Semi | Tok::Newline | Tok::Eof)
                        || (n.kind == Tok::Op && matches!(n.text.as_str(), ")" | "]" | "}" | "="))
                    {
                        out.push(Diagnostic {
                            pos: pos_of(n, file),
                            msg: "syntax error: missing channel element type".into(),
                        });
                    }
                }
            }
            (Tok::Keyword, "else") => {
                if stmt_start {
                    out.push(unexpected(t, file, ", expected }"));
                    skip = Skip::TopLevel;
                } else if let Some(n) = next {
                    if n.text != "if" && n.text != "{" {
                        out.push(Diagnostic {
                            pos: pos_of(n, file),
                            msg: "syntax error: else must be followed by if or statement block"
                                .into(),
                        });
                    }
                }
            }
            (Tok::Op, op) if is_binary_or_assign(op) => {
                if let Some(n) = next {
                    let no_operand = matches!(n.kind, Tok::Comma | Tok::Semi)
                        || (n.kind == Tok::Op && matches!(n.text.as_str(), ")" | "]" | "}"));
                    if no_operand {
                        out.push(unexpected(n, file, ", expected expression"));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn kw(t: &Token) -> &'static str {
    match t.text.as_str() {
        "if" => "if",
        "for" => "for",
        _ => "switch",
    }
}

/// The last line tree-sitter's errors after one at `line` are treated as
/// follow-ups of it: up to the next top-level declaration keyword.
fn quiet_until(toks: &[Token], line: u32) -> u32 {
    toks.iter()
        .find(|t| {
            t.line > line
                && t.col == 1
                && t.kind == Tok::Keyword
                && matches!(
                    t.text.as_str(),
                    "func" | "var" | "const" | "type" | "import"
                )
        })
        .map_or(u32::MAX, |t| t.line - 1)
}

/// Operators that need an operand after them (unary-capable `*`, `&`, `^`,
/// `<-` left out: they also appear in types and receive expressions).
fn is_binary_or_assign(op: &str) -> bool {
    matches!(
        op,
        "=" | ":="
            | "+="
            | "-="
            | "*="
            | "/="
            | "%="
            | "&="
            | "|="
            | "^="
            | "<<="
            | ">>="
            | "&^="
            | "=="
            | "!="
            | "<"
            | "<="
            | ">"
            | ">="
            | "&&"
            | "||"
            | "+"
            | "-"
            | "/"
            | "%"
            | "|"
            | "<<"
            | ">>"
            | "&^"
    )
}

/// Lexical errors gc's scanner reports: unterminated literals and comments,
/// bad escapes, invalid characters.
fn lexical(toks: &[Token], file: u32) -> Vec<Diagnostic> {
    let mut out = vec![];
    for t in toks {
        let at = |off: usize| Pos {
            file,
            line: t.line,
            col: t.col + off as u32,
        };
        match t.kind {
            Tok::Literal if t.text.starts_with('"') || t.text.starts_with('`') => {
                if let Some(d) = unterminated(t, file) {
                    out.push(d);
                } else if let Err((off, msg)) = crate::literal::unquote_string_at(&t.text) {
                    out.push(Diagnostic { pos: at(off), msg });
                }
            }
            Tok::Literal if t.text.starts_with('\'') => {
                if let Some(d) = unterminated(t, file) {
                    out.push(d);
                } else if let Err((off, msg)) = crate::literal::unquote_char_at(&t.text) {
                    out.push(Diagnostic { pos: at(off), msg });
                }
            }
            Tok::Invalid | Tok::Comment => {
                if let Some(d) = unterminated(t, file) {
                    out.push(d);
                }
            }
            _ => {}
        }
    }
    out
}

/// gc inserts a semicolon at a line break after an operand or `)`/`]`/`}`;
/// before a closing bracket of a list that is an error (tree-sitter accepts
/// it, as it treats the newline as white space there).
fn newline_before_closer(root: Node, toks: &[Token], file: u32, out: &mut Vec<Diagnostic>) {
    for w in toks.windows(2) {
        let (nl, close) = (&w[0], &w[1]);
        if nl.kind != Tok::Newline
            || !matches!(close.text.as_str(), ")" | "]" | "}")
            || close.kind != Tok::Op
        {
            continue;
        }
        let Some(node) = root.descendant_for_byte_range(close.start, close.end) else {
            continue;
        };
        let Some(parent) = node.parent() else {
            continue;
        };
        let ctx = match parent.kind() {
            "argument_list" | "special_argument_list" => Some("argument list"),
            "parameter_list" => Some("parameter list"),
            "literal_value" => Some("composite literal"),
            "type_arguments" | "type_instantiation_expression" => Some("type argument list"),
            "type_parameter_list" => Some("type parameter list"),
            "parenthesized_expression"
            | "parenthesized_type"
            | "index_expression"
            | "slice_expression"
            | "type_conversion_expression"
            | "array_type" => None,
            _ => continue,
        };
        let rest = match ctx {
            Some(c) => format!(" in {c}; possibly missing comma or {}", close.text),
            None => format!(", expected {}", close.text),
        };
        out.push(unexpected(nl, file, &rest));
    }
}

/// Tokens that cannot begin a declaration, statement or expression: when an
/// ERROR node starts with one, that token is what gc complains about.
fn cannot_start(t: &Token) -> bool {
    match t.kind {
        Tok::Comma | Tok::Semi | Tok::Invalid => true,
        Tok::Keyword => matches!(
            t.text.as_str(),
            "else" | "case" | "default" | "range" | "package" | "import"
        ),
        Tok::Op => !matches!(
            t.text.as_str(),
            "(" | "[" | "{" | "*" | "&" | "<-" | "+" | "-" | "!" | "^"
        ),
        _ => false,
    }
}

/// Picks the token gc would report for an ERROR node: tree-sitter tends to
/// wrap a valid prefix (`chan` missing its element type, `var x T` followed
/// by junk) into the ERROR, so the culprit is often the token after it.
fn offending<'t>(n: Node, toks: &'t [Token]) -> &'t Token {
    let first = token_at(toks, n.start_byte());
    let first_real = toks[toks.partition_point(|t| t.start < n.start_byte())..]
        .iter()
        .find(|t| t.kind != Tok::Newline)
        .unwrap_or(first);
    if first_real.start >= n.end_byte() || cannot_start(first_real) {
        return first_real;
    }
    // Two operands in a row on one line (`x := 1 2`): the second is wrong.
    if matches!(first_real.kind, Tok::Name | Tok::Literal) {
        if let Some(p) = token_before(toks, first_real.start) {
            let ends_operand =
                matches!(p.kind, Tok::Name | Tok::Literal) || p.text == ")" || p.text == "]";
            let same_line = !toks
                .iter()
                .any(|t| t.kind == Tok::Newline && t.start >= p.end && t.start < first_real.start);
            if ends_operand && same_line {
                return first_real;
            }
        }
    }
    // Inside the ERROR: the first token that cannot continue what precedes it
    // (two operands in a row, a closing bracket with no opener, a line break
    // after an operator-less incomplete line).
    let inside: Vec<&Token> = toks
        .iter()
        .filter(|t| t.start >= n.start_byte() && t.start < n.end_byte())
        .collect();
    let mut depth: i32 = 0;
    for (i, t) in inside.iter().enumerate() {
        match t.text.as_str() {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                depth -= 1;
                if depth < 0 {
                    return t;
                }
            }
            _ => {}
        }
        if i > 0 {
            let p = inside[i - 1];
            // `x T`, `[]T`, `f() T` are fine; a literal followed by an operand is not.
            if p.kind == Tok::Literal && matches!(t.kind, Tok::Name | Tok::Literal) {
                return t;
            }
        }
    }
    // Otherwise the construct in the ERROR was incomplete: blame what follows.
    let after = token_at(toks, n.end_byte());
    if inside.len() <= 2 {
        return after;
    }
    first_real
}

/// Lexical errors gc reports instead of a syntax error.
fn unterminated(t: &Token, file: u32) -> Option<Diagnostic> {
    let s = t.text.as_str();
    let msg = match t.kind {
        Tok::Literal if s.starts_with('"') && (s.len() < 2 || !s.ends_with('"')) => {
            "newline in string"
        }
        Tok::Literal if s.starts_with('`') && (s.len() < 2 || !s.ends_with('`')) => {
            "raw string literal not terminated"
        }
        Tok::Literal if s.starts_with('\'') && (s.len() < 2 || !s.ends_with('\'')) => {
            "newline in rune literal"
        }
        Tok::Invalid => {
            let c = s.chars().next().unwrap_or('\0');
            let msg = if c == '\0' {
                "invalid NUL character".to_string()
            } else if c == '\u{fffd}' {
                "invalid UTF-8 encoding".to_string()
            } else {
                format!("invalid character U+{:04X} '{c}'", c as u32)
            };
            return Some(Diagnostic {
                pos: pos_of(t, file),
                msg,
            });
        }
        Tok::Comment => "comment not terminated",
        _ => return None,
    };
    // gc reports a newline in a string or rune literal where the line ends.
    if msg.starts_with("newline") {
        return Some(Diagnostic {
            pos: Pos {
                file,
                line: t.line,
                col: t.col + t.text.chars().count() as u32,
            },
            msg: msg.into(),
        });
    }
    Some(Diagnostic {
        pos: pos_of(t, file),
        msg: msg.into(),
    })
}

fn missing_node(n: Node, toks: &[Token], file: u32) -> Diagnostic {
    let t = token_at(toks, n.start_byte());
    if let Some(d) = unterminated(t, file) {
        return d;
    }
    let want = n.kind();
    let parent = n.parent().map(|p| p.kind()).unwrap_or("");
    let rest = match (parent, want) {
        ("argument_list" | "call_expression", ")") => {
            " in argument list; possibly missing comma or )".to_string()
        }
        ("parameter_list", ")") => " in parameter list; possibly missing comma or )".to_string(),
        ("literal_value", "}") => " in composite literal; possibly missing comma or }".to_string(),
        _ => format!(", expected {}", expected_name(want)),
    };
    unexpected(t, file, &rest)
}

fn expected_name(kind: &str) -> &str {
    match kind {
        "identifier" | "field_identifier" | "type_identifier" | "package_identifier"
        | "label_name" => "name",
        "," => "comma",
        ";" => "semicolon or newline",
        k if k.ends_with("_literal") || k.ends_with("expression") => "expression",
        k if k.ends_with("_type") => "type",
        k => k,
    }
}
