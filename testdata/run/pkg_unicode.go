// Tests package unicode (gc's tables, packed): for every code point a hash
// of the classification predicates and the case mappings, SimpleFold
// orbits, named tables and special cases (Turkish).
package main

import "unicode"

func b(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}

func main() {
	var h [4]uint64
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		cls := b(unicode.IsLetter(r)) | b(unicode.IsUpper(r))<<1 | b(unicode.IsLower(r))<<2 | b(unicode.IsTitle(r))<<3 |
			b(unicode.IsDigit(r))<<4 | b(unicode.IsNumber(r))<<5 | b(unicode.IsSpace(r))<<6 | b(unicode.IsPunct(r))<<7 |
			b(unicode.IsSymbol(r))<<8 | b(unicode.IsMark(r))<<9 | b(unicode.IsControl(r))<<10 | b(unicode.IsGraphic(r))<<11 |
			b(unicode.IsPrint(r))<<12
		h[0] = h[0]*1000003 + cls
		h[1] = h[1]*1000003 + uint64(unicode.ToUpper(r)) + uint64(unicode.ToLower(r))<<21 + uint64(unicode.ToTitle(r))<<42
		h[2] = h[2]*1000003 + uint64(unicode.SimpleFold(r))
		h[3] = h[3]*1000003 + b(unicode.Is(unicode.Han, r)) + b(unicode.Is(unicode.Latin, r))<<1 + b(unicode.Is(unicode.Greek, r))<<2 +
			b(unicode.In(r, unicode.Cyrillic, unicode.Arabic))<<3 + b(unicode.Is(unicode.White_Space, r))<<4 + b(unicode.IsOneOf([]*unicode.RangeTable{unicode.Nd, unicode.Zs}, r))<<5
		if r%65536 == 0 {
			println(r, h[0], h[1], h[2], h[3])
		}
	}
	println(h[0], h[1], h[2], h[3])
	for _, r := range []rune{'A', 'k', 'K', 'ß', 'ǅ', 'Σ', 'σ', 'ς', 'µ', 'İ', 'ı', '1', -1, 0x10ffff} {
		print(r, ":")
		f := unicode.SimpleFold(r)
		for i := 0; i < 5 && f != r; i++ {
			print(" ", f)
			f = unicode.SimpleFold(f)
		}
		println(" |", unicode.TurkishCase.ToUpper(r), unicode.TurkishCase.ToLower(r), unicode.To(unicode.UpperCase, r))
	}
	println(unicode.Version, len(unicode.Categories), len(unicode.Scripts), len(unicode.Properties), unicode.MaxASCII, unicode.MaxLatin1, unicode.ReplacementChar)
}
