//! Decoding of Go string and rune literals (the text between and including
//! the quotes), with gc's error messages. Numeric literals stay raw text: the
//! checker evaluates them.

/// Unquotes a string literal: interpreted (`"..."`, all Go escapes) or raw
/// (`` `...` ``, carriage returns removed). Returns the bytes of the string.
pub fn unquote_string(raw: &str) -> Result<Vec<u8>, String> {
    unquote_string_at(raw).map_err(|(_, m)| m)
}

/// Like `unquote_string`, but an error also carries the byte offset in `raw`
/// where it was found (so the parser can report the right column).
pub fn unquote_string_at(raw: &str) -> Result<Vec<u8>, (usize, String)> {
    let b = raw.as_bytes();
    if b.len() >= 2 && b[0] == b'`' && b[b.len() - 1] == b'`' {
        return Ok(b[1..b.len() - 1]
            .iter()
            .copied()
            .filter(|&c| c != b'\r')
            .collect());
    }
    if b.first() == Some(&b'`') {
        return Err((0, "raw string literal not terminated".into()));
    }
    if b.first() != Some(&b'"') {
        return Err((0, "not a string literal".into()));
    }
    if b.len() < 2 || b[b.len() - 1] != b'"' {
        return Err((0, "string literal not terminated".into()));
    }
    let body = &raw[1..raw.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let bb = body.as_bytes();
    while i < bb.len() {
        match bb[i] {
            b'\\' => {
                let (v, n, is_byte) = escape(&bb[i..], b'"').map_err(|(o, m)| (1 + i + o, m))?;
                if is_byte {
                    out.push(v as u8);
                } else {
                    push_utf8(&mut out, v);
                }
                i += n;
            }
            b'\n' => return Err((1 + i, "newline in string".into())),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// Decodes a rune literal such as `'a'`, `'\n'`, `'\x41'`, `'\u00e9'`, `'本'`.
pub fn unquote_char(raw: &str) -> Result<u32, String> {
    unquote_char_at(raw).map_err(|(_, m)| m)
}

/// Like `unquote_char`, with the byte offset of an error.
pub fn unquote_char_at(raw: &str) -> Result<u32, (usize, String)> {
    let b = raw.as_bytes();
    if b.first() != Some(&b'\'') {
        return Err((0, "not a rune literal".into()));
    }
    if b.len() < 2 || b[b.len() - 1] != b'\'' || (b.len() == 2 && raw == "'") {
        return Err((0, "rune literal not terminated".into()));
    }
    let body = &raw[1..raw.len() - 1];
    if body.is_empty() {
        return Err((
            0,
            "empty rune literal or unescaped ' in rune literal".into(),
        ));
    }
    let bb = body.as_bytes();
    let (v, n) = if bb[0] == b'\\' {
        let (v, n, _) = escape(bb, b'\'').map_err(|(o, m)| (1 + o, m))?;
        (v, n)
    } else {
        let c = body.chars().next().unwrap_or('\u{fffd}');
        (c as u32, c.len_utf8())
    };
    if n != bb.len() {
        return Err((0, "more than one character in rune literal".into()));
    }
    Ok(v)
}

/// Decodes one escape sequence at the start of `s` (which starts with `\`).
/// Returns (value, length in bytes, whether the value is a single byte).
fn escape(s: &[u8], quote: u8) -> Result<(u32, usize, bool), (usize, String)> {
    let Some(&c) = s.get(1) else {
        return Err((0, "escape sequence not terminated".into()));
    };
    let simple = match c {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\' as u32),
        _ if c == quote => Some(c as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return Ok((v, 2, false));
    }
    let (n, base, max, start, name) = match c {
        b'0'..=b'7' => (3, 8, 255, 1, "octal"),
        b'x' => (2, 16, 255, 2, "hexadecimal"),
        b'u' => (4, 16, 0x10ffff, 2, "hexadecimal"),
        b'U' => (8, 16, 0x10ffff, 2, "hexadecimal"),
        _ => return Err((0, "unknown escape".into())),
    };
    let mut x: u32 = 0;
    for k in 0..n {
        let Some(&d) = s.get(start + k) else {
            return Err((start + k, "escape sequence not terminated".into()));
        };
        let v = (d as char).to_digit(16).filter(|&v| v < base);
        match v {
            Some(v) => x = x.wrapping_mul(base).wrapping_add(v),
            None => {
                let ch = std::str::from_utf8(&s[start + k..])
                    .ok()
                    .and_then(|t| t.chars().next())
                    .unwrap_or(d as char);
                let what = if d == quote || d == b'\n' {
                    "escape sequence not terminated".to_string()
                } else {
                    format!("invalid character {ch:?} in {name} escape")
                };
                return Err((start + k, what));
            }
        }
    }
    if x > max && base == 8 {
        return Err((0, format!("octal escape value {x} > 255")));
    }
    if x > max || (0xD800..0xE000).contains(&x) {
        return Err((0, format!("escape is invalid Unicode code point U+{x:04X}")));
    }
    let is_byte = matches!(c, b'0'..=b'7' | b'x');
    Ok((x, start + n, is_byte))
}

fn push_utf8(out: &mut Vec<u8>, v: u32) {
    let c = char::from_u32(v).unwrap_or('\u{fffd}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(unquote_string(r#""a\tb""#).unwrap(), b"a\tb");
        assert_eq!(
            unquote_string(r#""\a\b\f\n\r\t\v\\\"""#).unwrap(),
            b"\x07\x08\x0c\n\r\t\x0b\\\""
        );
        assert_eq!(
            unquote_string(r#""\101\x41\u00e9\U0001F600""#).unwrap(),
            "AAé😀".as_bytes()
        );
        assert_eq!(unquote_string(r#""\377\xff""#).unwrap(), vec![0xff, 0xff]);
        assert_eq!(unquote_string("`a\r\nb\\n`").unwrap(), b"a\nb\\n");
        assert_eq!(unquote_string(r#""本""#).unwrap(), "本".as_bytes());
        assert_eq!(unquote_string(r#""\q""#).unwrap_err(), "unknown escape");
        assert_eq!(unquote_string(r#""\'""#).unwrap_err(), "unknown escape");
        assert_eq!(
            unquote_string(r#""\400""#).unwrap_err(),
            "octal escape value 256 > 255"
        );
        assert_eq!(
            unquote_string(r#""\xg0""#).unwrap_err(),
            "invalid character 'g' in hexadecimal escape"
        );
        assert_eq!(
            unquote_string(r#""\uD800""#).unwrap_err(),
            "escape is invalid Unicode code point U+D800"
        );
        assert_eq!(unquote_string_at(r#""ab\z""#).unwrap_err().0, 3);
        assert!(unquote_string("\"abc").is_err());
        assert!(unquote_string("").is_err());
    }

    #[test]
    fn chars() {
        assert_eq!(unquote_char("'a'").unwrap(), 'a' as u32);
        assert_eq!(unquote_char(r"'\n'").unwrap(), 10);
        assert_eq!(unquote_char(r"'\''").unwrap(), 39);
        assert_eq!(unquote_char(r"'\x41'").unwrap(), 0x41);
        assert_eq!(unquote_char(r"'\101'").unwrap(), 0o101);
        assert_eq!(unquote_char(r"'\u00e9'").unwrap(), 0xe9);
        assert_eq!(unquote_char(r"'\U0010FFFF'").unwrap(), 0x10ffff);
        assert_eq!(unquote_char("'本'").unwrap(), '本' as u32);
        assert_eq!(
            unquote_char("'ab'").unwrap_err(),
            "more than one character in rune literal"
        );
        assert_eq!(
            unquote_char("''").unwrap_err(),
            "empty rune literal or unescaped ' in rune literal"
        );
        assert_eq!(unquote_char(r#"'\"'"#).unwrap_err(), "unknown escape");
        assert_eq!(
            unquote_char(r"'\U00110000'").unwrap_err(),
            "escape is invalid Unicode code point U+110000"
        );
        assert!(unquote_char("'").is_err());
        assert!(unquote_char(r"'\").is_err());
    }
}
