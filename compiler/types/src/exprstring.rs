//! Expressions as source text in messages (go/types' exprstring.go).


use rgoc_syntax::{ast, Expr, ExprKind};

use crate::check::Checker;

impl<'a> Checker<'a> {
    /// The expression as gc prints it in diagnostics.
    pub(crate) fn expr_string(&self, e: &Expr) -> String {
        let mut s = String::new();
        write_expr(&mut s, e);
        s
    }
}

pub(crate) fn write_expr(s: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::Synth(_) => s.push_str("T"),
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::BasicLit { raw, .. } => s.push_str(raw),
        // gc's short form elides non-empty bodies: `T{…}`, `T{}`.
        ExprKind::CompositeLit { typ, elts, .. } => {
            if let Some(t) = typ {
                write_expr(s, t);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            s.push_str("func");
            write_sig(s, sig);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(s, x);
            s.push('[');
            for (i, ix) in indices.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, ix);
            }
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, typ } => {
            write_expr(s, x);
            s.push_str(".(");
            match typ {
                Some(t) => write_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
        } => {
            write_expr(s, fun);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a);
            }
            if *ellipsis {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem);
        }
        ExprKind::SliceType { elem } => {
            s.push_str("[]");
            write_expr(s, elem);
        }
        ExprKind::StructType { fields } => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                if !names.is_empty() {
                    s.push_str(&names.join(", "));
                    s.push(' ');
                }
                write_expr(s, &f.typ);
            }
            s.push('}');
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft);
        }
        ExprKind::InterfaceType { elems } => {
            if elems.is_empty() {
                s.push_str("interface{}");
            } else {
                s.push_str("interface{…}");
            }
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key);
            s.push(']');
            write_expr(s, value);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ast::ChanDir::Both => "chan ",
                ast::ChanDir::Send => "chan<- ",
                ast::ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem);
        }
    }
}

pub(crate) fn write_sig(s: &mut String, ft: &ast::FuncType) {
    s.push('(');
    for (i, f) in ft.params.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
        if !names.is_empty() {
            s.push_str(&names.join(", "));
            s.push(' ');
        }
        if f.variadic {
            s.push_str("...");
        }
        write_expr(s, &f.typ);
    }
    s.push(')');
    if !ft.results.is_empty() {
        s.push(' ');
        let paren = ft.results.len() > 1 || !ft.results[0].names.is_empty();
        if paren {
            s.push('(');
        }
        for (i, f) in ft.results.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            write_expr(s, &f.typ);
        }
        if paren {
            s.push(')');
        }
    }
}
