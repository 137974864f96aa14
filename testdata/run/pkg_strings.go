// Tests package strings: Builder (growth and capacity), Reader (reads,
// runes, seeks, unread errors), search, split, fields, case mapping
// (Unicode), trimming, replacement (generic and byte Replacers), Compare,
// Clone, EqualFold, on empty strings and invalid UTF-8; and package io's
// helpers on a strings.Reader.
package main

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// v shows invalid UTF-8 bytes as \xNN (the expected-output files must be
// valid UTF-8).
func v(s string) string {
	out := ""
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			out += "\\x" + string("0123456789abcdef"[s[i]>>4]) + string("0123456789abcdef"[s[i]&15])
		} else {
			out += s[i : i+n]
		}
		i += n
	}
	return out
}

func q(ss []string) {
	print(len(ss), ":")
	for _, s := range ss {
		print(" [", v(s), "]")
	}
	println()
}

type upWriter struct{ b strings.Builder }

func (w *upWriter) Write(p []byte) (int, error) {
	w.b.WriteString(strings.ToUpper(string(p)))
	return len(p), nil
}

func main() {
	var b strings.Builder
	println(b.Len(), b.Cap(), b.String() == "")
	for i := 0; i < 40; i++ {
		b.WriteByte(byte('a' + i%26))
		print(b.Cap(), " ")
	}
	println()
	b.Grow(100)
	println(b.Len(), b.Cap())
	n, err := b.WriteRune(0x10ffff + 1)
	println(n, err == nil, b.Len())
	b.Reset()
	b.WriteString("héllo")
	b.WriteRune('世')
	b.Write([]byte{'!', 0xff})
	println(v(b.String()), b.Len())

	strs := []string{"", "a", "abc", "héllo, 世界", "a\xffb\xfe", "  \t spaced\n out  ", "aaaa", "Hello, World", "ΣΑΣ σας", "ǆemal", "İstanbul"}
	subs := []string{"", "a", "aa", "b", "l", "llo", "\xff", "世", "xyz", " "}
	for _, s := range strs {
		println("s=[" + v(s) + "]")
		for _, sub := range subs {
			println(" ", v(sub), strings.Contains(s, sub), strings.ContainsAny(s, sub), strings.Count(s, sub), strings.Index(s, sub), strings.LastIndex(s, sub),
				strings.IndexAny(s, sub), strings.LastIndexAny(s, sub), strings.HasPrefix(s, sub), strings.HasSuffix(s, sub),
				v(strings.TrimPrefix(s, sub)), v(strings.TrimSuffix(s, sub)), v(strings.Trim(s, sub)), v(strings.TrimLeft(s, sub)), v(strings.TrimRight(s, sub)),
				v(strings.Replace(s, sub, "<>", 2)), v(strings.ReplaceAll(s, sub, "#")), strings.Compare(s, sub), strings.EqualFold(s, sub))
			if sub != "" {
				q(strings.Split(s, sub))
				q(strings.SplitAfter(s, sub))
				q(strings.SplitN(s, sub, 2))
				q(strings.SplitAfterN(s, sub, -1))
				before, after, found := strings.Cut(s, sub)
				println("  cut", v(before), v(after), found)
			}
		}
		println(v(strings.ToUpper(s)), v(strings.ToLower(s)), v(strings.ToTitle(s)), v(strings.Title(s)), v(strings.TrimSpace(s)), strings.Clone(s) == s)
		println(strings.IndexByte(s, 'l'), strings.LastIndexByte(s, 'l'), strings.IndexRune(s, 'l'), strings.IndexRune(s, '世'), strings.IndexRune(s, 0xfffd), strings.ContainsRune(s, 'a'))
		println(strings.IndexFunc(s, unicode.IsSpace), strings.LastIndexFunc(s, unicode.IsUpper), strings.ContainsFunc(s, unicode.IsDigit), v(strings.TrimFunc(s, unicode.IsLetter)), v(strings.TrimLeftFunc(s, unicode.IsLower)), v(strings.TrimRightFunc(s, unicode.IsSpace)))
		q(strings.Fields(s))
		q(strings.FieldsFunc(s, func(r rune) bool { return r == 'l' || r == ' ' }))
		q(strings.Split(s, ""))
		println(strings.ToValidUTF8(s, "?"), v(strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return unicode.ToUpper(r)
		}, s)))
		p, ok := strings.CutPrefix(s, "a")
		sfx, ok2 := strings.CutSuffix(s, "b\xfe")
		println(v(p), ok, v(sfx), ok2)
	}
	println(strings.Join(nil, ","), strings.Join([]string{"x"}, ","), strings.Join([]string{"a", "b", "c"}, ", "), strings.Repeat("-", 0), strings.Repeat("ab", 5))
	println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("σ", "Σ"), strings.EqualFold("ς", "Σ"), strings.EqualFold("K", "\u212a"))
	println(strings.Index("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy"))
	println(strings.LastIndex("abcabcabcabc", "cab"), strings.Count("ababababab", "aba"), strings.SplitN("a,b,c,d", ",", 0) == nil, strings.ToUpper("ǳ"), strings.ToTitle("ǳ"), strings.ToLowerSpecial(unicode.TurkishCase, "İI"))

	r1 := strings.NewReplacer("a", "1", "b", "2", "c", "")
	r2 := strings.NewReplacer("aaa", "3", "aa", "2", "a", "1")
	r3 := strings.NewReplacer("", "X")
	r4 := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	r5 := strings.NewReplacer("hello", "HI", "world", "EARTH", "o", "0")
	for _, s := range []string{"", "abc", "aaaa", "cab<a&b>", "hello world, foo"} {
		println(r1.Replace(s), r2.Replace(s), r3.Replace(s), r4.Replace(s), r5.Replace(s))
		w := &upWriter{}
		n, err := r5.WriteString(w, s)
		println(n, err == nil, w.b.String())
	}

	rd := strings.NewReader("héllo, world")
	println(rd.Len(), rd.Size())
	buf := make([]byte, 4)
	for {
		n, err := rd.Read(buf)
		print(n, " ", string(buf[:n]), " ")
		if err != nil {
			println(err == io.EOF, err.Error())
			break
		}
	}
	println(rd.UnreadRune().Error())
	pos, err := rd.Seek(1, io.SeekStart)
	println(pos, err == nil)
	c, size, err := rd.ReadRune()
	println(c, size, err == nil, rd.UnreadRune() == nil, rd.Len())
	by, err := rd.ReadByte()
	println(by, err == nil, rd.UnreadByte() == nil, rd.UnreadByte() == nil)
	_, err = rd.Seek(-100, io.SeekCurrent)
	println(err.Error())
	pos, _ = rd.Seek(-2, io.SeekEnd)
	println(pos)
	n2, err := rd.ReadAt(buf, 9)
	println(n2, string(buf[:n2]), err == io.EOF)
	rd.Reset("reset")
	all, err := io.ReadAll(rd)
	println(string(all), err == nil)
	rd.Reset("write to")
	var sb strings.Builder
	m, err := rd.WriteTo(&sb)
	println(m, err == nil, sb.String())
	rd.Reset("0123456789")
	full := make([]byte, 4)
	k, err := io.ReadFull(rd, full)
	println(k, string(full), err == nil)
	k, err = io.ReadFull(rd, make([]byte, 10))
	println(k, err == io.ErrUnexpectedEOF, err.Error())
	var sb2 strings.Builder
	cn, err := io.Copy(&sb2, io.LimitReader(strings.NewReader("limited reader"), 7))
	println(cn, err == nil, sb2.String())
	wn, _ := io.WriteString(&sb2, "+x")
	println(wn, sb2.String())

	defer func() { println("recovered:", recover().(string)) }()
	strings.Repeat("x", -1)
}
