package fmt

// The UTF-8, integer, float and quoting helpers fmt needs, from
// unicode/utf8 and strconv as in gc's fmt.

import (
	"strconv"
	"unicode/utf8"
)

const (
	runeError = utf8.RuneError
	runeSelf  = utf8.RuneSelf
	maxRune   = utf8.MaxRune
	utfMax    = utf8.UTFMax
)

func decodeRuneInString(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
func decodeRune(b []byte) (rune, int)          { return utf8.DecodeRune(b) }
func runeCountInString(s string) int           { return utf8.RuneCountInString(s) }
func runeCount(b []byte) int                   { return utf8.RuneCount(b) }
func validRune(r rune) bool                    { return utf8.ValidRune(r) }
func runeLen(r rune) int                       { return utf8.RuneLen(r) }
func appendRune(b []byte, r rune) []byte       { return utf8.AppendRune(b, r) }
func appendInt(b []byte, v int64) []byte       { return strconv.AppendInt(b, v, 10) }
func isPrint(r rune) bool                      { return strconv.IsPrint(r) }
func canBackquote(s string) bool               { return strconv.CanBackquote(s) }

func appendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return strconv.AppendFloat(dst, f, fmt, prec, bitSize)
}

func appendQuote(buf []byte, s string, asciiOnly bool) []byte {
	if asciiOnly {
		return strconv.AppendQuoteToASCII(buf, s)
	}
	return strconv.AppendQuote(buf, s)
}

func appendQuoteRune(buf []byte, r rune, asciiOnly bool) []byte {
	if asciiOnly {
		return strconv.AppendQuoteRuneToASCII(buf, r)
	}
	return strconv.AppendQuoteRune(buf, r)
}
