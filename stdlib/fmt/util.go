package fmt

// Private UTF-8, integer and quoting helpers (what gc's fmt takes from
// unicode/utf8 and strconv).

const (
	runeError = '\uFFFD'
	runeSelf  = 0x80
	maxRune   = '\U0010FFFF'
	utfMax    = 4
)

// decodeRuneInString is utf8.DecodeRuneInString.
func decodeRuneInString(s string) (rune, int) {
	n := len(s)
	if n < 1 {
		return runeError, 0
	}
	c0 := s[0]
	if c0 < runeSelf {
		return rune(c0), 1
	}
	var need int
	var min rune
	var r rune
	switch {
	case c0&0xE0 == 0xC0:
		need, min, r = 2, 0x80, rune(c0&0x1F)
	case c0&0xF0 == 0xE0:
		need, min, r = 3, 0x800, rune(c0&0x0F)
	case c0&0xF8 == 0xF0:
		need, min, r = 4, 0x10000, rune(c0&0x07)
	default:
		return runeError, 1
	}
	if n < need {
		// Validate what is there: an incomplete but valid prefix is still
		// one error byte.
		return runeError, 1
	}
	for i := 1; i < need; i++ {
		c := s[i]
		if c&0xC0 != 0x80 {
			return runeError, 1
		}
		r = r<<6 | rune(c&0x3F)
	}
	if r < min || r > maxRune || (r >= 0xD800 && r <= 0xDFFF) {
		return runeError, 1
	}
	return r, need
}

func decodeRune(b []byte) (rune, int) {
	if len(b) > 4 {
		return decodeRuneInString(string(b[:4]))
	}
	return decodeRuneInString(string(b))
}

func runeCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < runeSelf {
			i++
		} else {
			_, w := decodeRuneInString(s[i:])
			i += w
		}
		n++
	}
	return n
}

func runeCount(b []byte) int { return runeCountInString(string(b)) }

func validRune(r rune) bool {
	return 0 <= r && r < 0xD800 || 0xDFFF < r && r <= maxRune
}

func runeLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case 0xD800 <= r && r <= 0xDFFF:
		return -1
	case r < 0x10000:
		return 3
	case r <= maxRune:
		return 4
	}
	return -1
}

// appendRune is utf8.AppendRune.
func appendRune(b []byte, r rune) []byte {
	if !validRune(r) {
		r = runeError
	}
	switch {
	case r < 0x80:
		return append(b, byte(r))
	case r < 0x800:
		return append(b, byte(0xC0|r>>6), byte(0x80|r&0x3F))
	case r < 0x10000:
		return append(b, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return append(b, byte(0xF0|r>>18), byte(0x80|(r>>12)&0x3F), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
}

// appendInt is strconv.AppendInt(b, v, 10).
func appendInt(b []byte, v int64) []byte {
	var tmp [24]byte
	i := len(tmp)
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	for {
		i--
		tmp[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if v < 0 {
		i--
		tmp[i] = '-'
	}
	return append(b, tmp[i:]...)
}

//go:linkname runtime_fmtFloat runtime.fmtFloat
func runtime_fmtFloat(buf *byte, cap int, f float64, fmt byte, prec int, bitsize int) int

// appendFloat is strconv.AppendFloat (formatting done by the runtime).
func appendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	var tmp [64]byte
	n := runtime_fmtFloat(&tmp[0], len(tmp), f, fmt, prec, bitSize)
	if n <= len(tmp) {
		return append(dst, tmp[:n]...)
	}
	big := make([]byte, n)
	runtime_fmtFloat(&big[0], n, f, fmt, prec, bitSize)
	return append(dst, big...)
}

// isPrint approximates strconv.IsPrint: exact for ASCII and Latin-1; above
// that, everything except the known format characters, spaces other than
// U+0020, surrogates, private use areas and noncharacters counts as
// printable (gc uses the full Unicode tables).
func isPrint(r rune) bool {
	if r < 0x20 || r == 0x7F {
		return false
	}
	if r < 0x7F {
		return true
	}
	switch {
	case r <= 0xA0, r == 0xAD:
		return false
	case r >= 0x600 && r <= 0x605, r == 0x61C, r == 0x6DD, r == 0x70F, r == 0x1680, r == 0x180E:
		return false
	case r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F, r >= 0x205F && r <= 0x206F:
		return false
	case r == 0x3000, r == 0xFEFF, r >= 0xFFF9 && r <= 0xFFFB, r == 0xFFFE, r == 0xFFFF:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r >= 0xE000 && r <= 0xF8FF:
		return false
	case r >= 0xE0000:
		return false
	case r > maxRune:
		return false
	}
	return true
}

const lowerhex = "0123456789abcdef"

func appendEscapedRune(buf []byte, r rune, quote byte, asciiOnly bool) []byte {
	if r == rune(quote) || r == '\\' {
		buf = append(buf, '\\')
		buf = append(buf, byte(r))
		return buf
	}
	if asciiOnly {
		if r < runeSelf && isPrint(r) {
			buf = append(buf, byte(r))
			return buf
		}
	} else if isPrint(r) {
		return appendRune(buf, r)
	}
	switch r {
	case '\a':
		buf = append(buf, `\a`...)
	case '\b':
		buf = append(buf, `\b`...)
	case '\f':
		buf = append(buf, `\f`...)
	case '\n':
		buf = append(buf, `\n`...)
	case '\r':
		buf = append(buf, `\r`...)
	case '\t':
		buf = append(buf, `\t`...)
	case '\v':
		buf = append(buf, `\v`...)
	default:
		switch {
		case r < ' ' || r == 0x7f:
			buf = append(buf, `\x`...)
			buf = append(buf, lowerhex[byte(r)>>4])
			buf = append(buf, lowerhex[byte(r)&0xF])
		case !validRune(r):
			r = 0xFFFD
			fallthrough
		case r < 0x10000:
			buf = append(buf, `\u`...)
			for s := 12; s >= 0; s -= 4 {
				buf = append(buf, lowerhex[r>>uint(s)&0xF])
			}
		default:
			buf = append(buf, `\U`...)
			for s := 28; s >= 0; s -= 4 {
				buf = append(buf, lowerhex[r>>uint(s)&0xF])
			}
		}
	}
	return buf
}

// appendQuote is strconv.AppendQuote / AppendQuoteToASCII.
func appendQuote(buf []byte, s string, asciiOnly bool) []byte {
	buf = append(buf, '"')
	for width := 0; len(s) > 0; s = s[width:] {
		r := rune(s[0])
		width = 1
		if r >= runeSelf {
			r, width = decodeRuneInString(s)
		}
		if width == 1 && r == runeError {
			buf = append(buf, `\x`...)
			buf = append(buf, lowerhex[s[0]>>4])
			buf = append(buf, lowerhex[s[0]&0xF])
			continue
		}
		buf = appendEscapedRune(buf, r, '"', asciiOnly)
	}
	return append(buf, '"')
}

// appendQuoteRune is strconv.AppendQuoteRune / AppendQuoteRuneToASCII.
func appendQuoteRune(buf []byte, r rune, asciiOnly bool) []byte {
	if !validRune(r) {
		r = runeError
	}
	buf = append(buf, '\'')
	buf = appendEscapedRune(buf, r, '\'', asciiOnly)
	return append(buf, '\'')
}

// canBackquote is strconv.CanBackquote.
func canBackquote(s string) bool {
	for len(s) > 0 {
		r, wid := decodeRuneInString(s)
		s = s[wid:]
		if wid > 1 {
			if r == '\uFEFF' {
				return false
			}
			continue
		}
		if r == runeError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}
