//! A small Go tokenizer that mimics gc's scanner closely enough to name
//! tokens the way gc's syntax errors do (`newline`, `comma`, `literal 1`,
//! `EOF`, ...), including automatic semicolon insertion. tree-sitter tells us
//! *where* parsing failed; this tells us *what* gc would have seen there.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Name,
    Keyword,
    Literal,
    Op,
    Comma,
    /// An explicit `;`.
    Semi,
    /// A semicolon inserted at a newline (or a newline-containing comment).
    Newline,
    Eof,
    /// A character gc's scanner rejects.
    Invalid,
    /// An unterminated `/*` comment (terminated comments are skipped).
    Comment,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: u32,
    pub text: String,
}

impl Token {
    /// gc's spelling of the token in "syntax error: unexpected X".
    pub fn describe(&self) -> String {
        match self.kind {
            Tok::Name => format!("name {}", self.text),
            Tok::Keyword => format!("keyword {}", self.text),
            Tok::Op => self.text.clone(),
            Tok::Literal => format!("literal {}", self.text),
            Tok::Comma => "comma".into(),
            Tok::Semi => "semicolon".into(),
            Tok::Newline => "newline".into(),
            Tok::Eof => "EOF".into(),
            Tok::Invalid => format!("invalid character {:?}", self.text),
            Tok::Comment => "EOF".into(),
        }
    }
}

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const OPS: &[&str] = &[
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%", "&", "|",
    "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ".", ":", "~",
];

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Tokenizes the whole source; the list always ends with an `Eof` token.
pub fn tokens(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut out: Vec<Token> = vec![];
    let mut i = 0;
    let mut line = 1u32;
    let mut line_start = 0usize;
    let mut nlsemi = false;
    let push = |out: &mut Vec<Token>, kind: Tok, start: usize, end: usize, line: u32, ls: usize| {
        out.push(Token {
            kind,
            start,
            end,
            line,
            col: (start - ls) as u32 + 1,
            text: String::from_utf8_lossy(&b[start..end]).into_owned(),
        });
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' => {
                if nlsemi {
                    push(&mut out, Tok::Newline, i, i, line, line_start);
                    if let Some(t) = out.last_mut() {
                        t.text = "\n".into();
                    }
                    nlsemi = false;
                }
                i += 1;
                line += 1;
                line_start = i;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let start = i;
                let (sl, sls) = (line, line_start);
                i += 2;
                let mut had_nl = false;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    if b[i] == b'\n' {
                        had_nl = true;
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    push(&mut out, Tok::Comment, start, b.len(), sl, sls);
                }
                i = (i + 2).min(b.len());
                if had_nl && nlsemi {
                    push(&mut out, Tok::Newline, start, start, sl, sls);
                    nlsemi = false;
                }
            }
            b'"' | b'\'' | b'`' => {
                let start = i;
                let (sl, sls) = (line, line_start);
                i += 1;
                while i < b.len() && b[i] != c {
                    if b[i] == b'\\' && c != b'`' {
                        i += 1;
                    } else if b[i] == b'\n' {
                        if c != b'`' {
                            break;
                        }
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
                if i < b.len() && b[i] == c {
                    i += 1;
                }
                let i2 = i.min(b.len());
                push(&mut out, Tok::Literal, start, i2, sl, sls);
                i = i2;
                nlsemi = true;
            }
            b'0'..=b'9' => {
                let start = i;
                i = number_end(b, i);
                push(&mut out, Tok::Literal, start, i, line, line_start);
                nlsemi = true;
            }
            b'.' if b.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                let start = i;
                i = number_end(b, i);
                push(&mut out, Tok::Literal, start, i, line, line_start);
                nlsemi = true;
            }
            b',' => {
                push(&mut out, Tok::Comma, i, i + 1, line, line_start);
                i += 1;
                nlsemi = false;
            }
            b';' => {
                push(&mut out, Tok::Semi, i, i + 1, line, line_start);
                i += 1;
                nlsemi = false;
            }
            _ => {
                let rest = src.get(i..).unwrap_or("");
                let ch = rest.chars().next().unwrap_or('\u{fffd}');
                if is_ident_start(ch) {
                    let start = i;
                    let len: usize = rest
                        .chars()
                        .take_while(|&c| is_ident_char(c))
                        .map(|c| c.len_utf8())
                        .sum();
                    i += len.max(1);
                    let word = &src[start..i];
                    if KEYWORDS.contains(&word) {
                        push(&mut out, Tok::Keyword, start, i, line, line_start);
                        nlsemi = matches!(word, "break" | "continue" | "fallthrough" | "return");
                    } else {
                        push(&mut out, Tok::Name, start, i, line, line_start);
                        nlsemi = true;
                    }
                } else if let Some(op) = OPS.iter().find(|o| rest.starts_with(**o)) {
                    push(&mut out, Tok::Op, i, i + op.len(), line, line_start);
                    i += op.len();
                    nlsemi = matches!(*op, ")" | "]" | "}" | "++" | "--");
                } else {
                    let n = ch.len_utf8().max(1);
                    push(
                        &mut out,
                        Tok::Invalid,
                        i,
                        (i + n).min(b.len()),
                        line,
                        line_start,
                    );
                    i += n;
                }
            }
        }
    }
    let end = b.len();
    if nlsemi {
        out.push(Token {
            kind: Tok::Eof,
            start: end,
            end,
            line,
            col: (end - line_start) as u32 + 1,
            text: String::new(),
        });
    }
    out.push(Token {
        kind: Tok::Eof,
        start: end,
        end,
        line,
        col: (end - line_start) as u32 + 1,
        text: String::new(),
    });
    out
}

fn number_end(b: &[u8], mut i: usize) -> usize {
    let hex = b[i] == b'0' && matches!(b.get(i + 1), Some(b'x' | b'X'));
    while i < b.len() {
        let c = b[i];
        let exp = if hex {
            matches!(c, b'p' | b'P')
        } else {
            matches!(c, b'e' | b'E')
        };
        if exp && matches!(b.get(i + 1), Some(b'+' | b'-')) {
            i += 2;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
            i += 1;
        } else {
            break;
        }
    }
    i
}
