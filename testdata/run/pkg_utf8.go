// Tests package unicode/utf8: constants, encoding and decoding (first and
// last rune) of valid, invalid, surrogate, overlong and truncated input,
// counting, validity, AppendRune and RuneLen.
package main

import "unicode/utf8"

func main() {
	println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
	strs := []string{"", "a", "héllo, 世界", "\xff", "a\xffb", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe4\xb8", "\xf0\x9f\x98\x80x", "€", "\xef\xbf\xbd", "\x80\x80", "𝄞"}
	for _, s := range strs {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		br, bn := utf8.DecodeRune([]byte(s))
		blr, bln := utf8.DecodeLastRune([]byte(s))
		println(len(s), r, n, lr, ln, br, bn, blr, bln, utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)),
			utf8.ValidString(s), utf8.Valid([]byte(s)), utf8.FullRuneInString(s), utf8.FullRune([]byte(s)))
		for i := 0; i < len(s); i++ {
			print(utf8.RuneStart(s[i]))
		}
		println()
	}
	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1}
	for _, r := range runes {
		b := make([]byte, 4)
		n := utf8.EncodeRune(b, r)
		println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, string(b[:n]), len(utf8.AppendRune([]byte("x"), r)))
	}
	println(string(utf8.AppendRune(nil, '世')))
}
