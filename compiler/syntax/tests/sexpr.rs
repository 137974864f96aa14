//! Compact S-expression printer for the AST, shared by the parser tests so
//! expected shapes can be written as short strings.
#![allow(dead_code)]
use rgoc_syntax::*;

pub fn parse(src: &str) -> (File, Vec<Diagnostic>) {
    let mut ids = NodeIds::default();
    parse_file("t.go", src, 0, &mut ids)
}

/// Parses `package p; func f() { <body> }` and prints the body's statements.
pub fn stmts(body: &str) -> String {
    let src = format!("package p\nfunc f() {{\n{body}\n}}\n");
    let (f, d) = parse(&src);
    assert!(d.is_empty(), "unexpected diagnostics {d:?} for {body}");
    match &f.decls[0] {
        Decl::Func(fd) => fd
            .body
            .as_ref()
            .map(|b| b.stmts.iter().map(stmt).collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Parses `package p; <decls>` and prints the declarations.
pub fn decls(src: &str) -> String {
    let (f, d) = parse(&format!("package p\n{src}\n"));
    assert!(d.is_empty(), "unexpected diagnostics {d:?} for {src}");
    f.decls.iter().map(decl).collect::<Vec<_>>().join(" ")
}

fn list<T>(xs: &[T], f: impl Fn(&T) -> String) -> String {
    xs.iter().map(f).collect::<Vec<_>>().join(" ")
}

pub fn decl(d: &Decl) -> String {
    match d {
        Decl::Func(f) => {
            let mut s = String::from("(func");
            if let Some(r) = &f.recv {
                s += &format!(" (recv {})", field(r));
            }
            s += &format!(" {}", f.name.name);
            if !f.type_params.is_empty() {
                s += &format!(" (tparams {})", list(&f.type_params, field));
            }
            s += &format!(" {}", functype(&f.sig));
            if let Some(b) = &f.body {
                s += &format!(" {}", block(b));
            }
            let p = &f.pragmas;
            for (on, n) in [
                (p.nosplit, "nosplit"),
                (p.noinline, "noinline"),
                (p.norace, "norace"),
                (p.nowritebarrier, "nowritebarrier"),
                (p.systemstack, "systemstack"),
            ] {
                if on {
                    s += &format!(" #{n}");
                }
            }
            if let Some((a, b)) = &p.linkname {
                s += &format!(" #linkname({a},{b})");
            }
            s + ")"
        }
        Decl::Var(v) => format!("(var {})", list(v, valuespec)),
        Decl::Const(v) => format!("(const {})", list(v, valuespec)),
        Decl::Type(v) => format!(
            "(type {})",
            list(v, |t| {
                let tp = if t.type_params.is_empty() {
                    String::new()
                } else {
                    format!("[{}] ", list(&t.type_params, field))
                };
                format!(
                    "({}{} {}{})",
                    t.name.name,
                    if t.alias { " =" } else { "" },
                    tp,
                    expr(&t.typ)
                )
            })
        ),
    }
}

fn valuespec(v: &ValueSpec) -> String {
    let mut s = format!("({}", list(&v.names, |i| i.name.clone()));
    if let Some(t) = &v.typ {
        s += &format!(" :{}", expr(t));
    }
    if !v.values.is_empty() {
        s += &format!(" = {}", list(&v.values, expr));
    }
    s + &format!(" @{})", v.iota)
}

pub fn field(f: &Field) -> String {
    let mut s = String::from("(");
    if !f.names.is_empty() {
        s += &list(&f.names, |i| i.name.clone());
        s += " ";
    }
    if f.variadic {
        s += "...";
    }
    if f.embedded {
        s += "embed ";
    }
    s += &expr(&f.typ);
    if let Some(t) = &f.tag {
        s += &format!(" tag={t:?}");
    }
    s + ")"
}

pub fn functype(f: &FuncType) -> String {
    format!("({}) ({})", list(&f.params, field), list(&f.results, field))
}

pub fn block(b: &Block) -> String {
    format!("{{{}}}", list(&b.stmts, stmt))
}

fn opt_stmt(s: &Option<Box<Stmt>>) -> String {
    s.as_ref().map(|s| stmt(s)).unwrap_or_else(|| "_".into())
}

fn clause(c: &CaseClause) -> String {
    let head = if c.default {
        "default".to_string()
    } else {
        format!("case {}", list(&c.exprs, expr))
    };
    format!("({head}: {})", list(&c.body, stmt))
}

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Decl(d) => decl(d),
        StmtKind::Empty => "(empty)".into(),
        StmtKind::Labeled { label, stmt: st } => format!("(label {} {})", label.name, stmt(st)),
        StmtKind::Expr(e) => expr(e),
        StmtKind::Send { ch, value } => format!("(send {} {})", expr(ch), expr(value)),
        StmtKind::IncDec { x, inc } => format!("({} {})", if *inc { "++" } else { "--" }, expr(x)),
        StmtKind::Assign { lhs, op, rhs } => {
            let o = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Define => ":=".to_string(),
                AssignOp::Op(b) => format!("{}=", b.as_str()),
            };
            format!("({o} ({}) ({}))", list(lhs, expr), list(rhs, expr))
        }
        StmtKind::Go(e) => format!("(go {})", expr(e)),
        StmtKind::Defer(e) => format!("(defer {})", expr(e)),
        StmtKind::Return(v) => format!(
            "(return{}{})",
            if v.is_empty() { "" } else { " " },
            list(v, expr)
        ),
        StmtKind::Break(l) => format!(
            "(break{})",
            l.as_ref()
                .map(|l| format!(" {}", l.name))
                .unwrap_or_default()
        ),
        StmtKind::Continue(l) => format!(
            "(continue{})",
            l.as_ref()
                .map(|l| format!(" {}", l.name))
                .unwrap_or_default()
        ),
        StmtKind::Goto(l) => format!("(goto {})", l.name),
        StmtKind::Fallthrough => "(fallthrough)".into(),
        StmtKind::Block(b) => block(b),
        StmtKind::If { init, cond, then, els } => {
            format!(
                "(if {} {} {} {})",
                opt_stmt(init),
                expr(cond),
                block(then),
                opt_stmt(els)
            )
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => format!(
            "(switch {} {} {})",
            opt_stmt(init),
            tag.as_ref().map(expr).unwrap_or_else(|| "_".into()),
            list(body, clause)
        ),
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            body,
            ..
        } => format!(
            "(typeswitch {} {} {} {})",
            opt_stmt(init),
            bind.as_ref()
                .map(|b| b.name.clone())
                .unwrap_or_else(|| "_".into()),
            expr(x),
            list(body, clause)
        ),
        StmtKind::Select { body } => format!(
            "(select {})",
            list(body, |c| format!(
                "({}: {})",
                c.comm
                    .as_ref()
                    .map(|s| format!("case {}", stmt(s)))
                    .unwrap_or_else(|| "default".into()),
                list(&c.body, stmt)
            ))
        ),
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => format!(
            "(for {} {} {} {})",
            opt_stmt(init),
            cond.as_ref().map(expr).unwrap_or_else(|| "_".into()),
            opt_stmt(post),
            block(body)
        ),
        StmtKind::Range {
            key,
            value,
            define,
            x,
            body,
        } => format!(
            "(range {} {} {} {} {})",
            key.as_ref().map(expr).unwrap_or_else(|| "_".into()),
            value.as_ref().map(expr).unwrap_or_else(|| "_".into()),
            if *define { ":=" } else { "=" },
            expr(x),
            block(body)
        ),
    }
}

fn ob(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map(|e| expr(e)).unwrap_or_else(|| "_".into())
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::BasicLit { raw, .. } => raw.clone(),
        ExprKind::CompositeLit { typ, elts, .. } => format!(
            "(lit {}{}{})",
            ob(typ),
            if elts.is_empty() { "" } else { " " },
            list(elts, |el| match &el.key {
                Some(k) => format!("{}:{}", expr(k), expr(&el.value)),
                None => expr(&el.value),
            })
        ),
        ExprKind::FuncLit { sig, body } => format!("(funclit {} {})", functype(sig), block(body)),
        ExprKind::Paren(x) => format!("(paren {})", expr(x)),
        ExprKind::Selector { x, sel } => format!("{}.{}", expr(x), sel.name),
        ExprKind::Index { x, indices } => format!("(index {} {})", expr(x), list(indices, expr)),
        ExprKind::Slice { x, lo, hi, max } => {
            format!("(slice {} {} {} {})", expr(x), ob(lo), ob(hi), ob(max))
        }
        ExprKind::TypeAssert { x, typ } => format!("(assert {} {})", expr(x), ob(typ)),
        ExprKind::Call {
            fun,
            args,
            ellipsis,
        } => format!(
            "(call {}{}{}{})",
            expr(fun),
            if args.is_empty() { "" } else { " " },
            list(args, expr),
            if *ellipsis { "..." } else { "" }
        ),
        ExprKind::Star(x) => format!("(* {})", expr(x)),
        ExprKind::Unary { op, x } => format!("({} {})", op.as_str(), expr(x)),
        ExprKind::Binary { op, x, y, .. } => format!("({} {} {})", op.as_str(), expr(x), expr(y)),
        ExprKind::ArrayType { len, elem } => {
            format!("(array {} {})", ob(len).replace('_', "..."), expr(elem))
        }
        ExprKind::SliceType { elem } => format!("(slice-of {})", expr(elem)),
        ExprKind::StructType { fields } => format!("(struct {})", list(fields, field)),
        ExprKind::FuncType(f) => format!("(functype {})", functype(f)),
        ExprKind::InterfaceType { elems } => format!(
            "(interface {})",
            list(elems, |el| match el {
                InterfaceElem::Method { name, sig } =>
                    format!("(method {} {})", name.name, functype(sig)),
                InterfaceElem::Union { terms, .. } => format!(
                    "(union {})",
                    list(terms, |t| format!(
                        "{}{}",
                        if t.tilde { "~" } else { "" },
                        expr(&t.typ)
                    ))
                ),
            })
        ),
        ExprKind::MapType { key, value } => format!("(map {} {})", expr(key), expr(value)),
        ExprKind::ChanType { dir, elem } => {
            let d = match dir {
                ChanDir::Both => "chan",
                ChanDir::Send => "chan<-",
                ChanDir::Recv => "<-chan",
            };
            format!("({d} {})", expr(elem))
        }
        ExprKind::Bad => "BAD".into(),
        ExprKind::Synth(t) => format!("(synth {t})"),
    }
}
