// rgoc: decoders for the packed tables of tables.go.

package unicode

func u16(s string, i int) uint16 { return uint16(s[i]) | uint16(s[i+1])<<8 }

func u32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func decodeTable(r16, r32 string, latinOffset int) *RangeTable {
	t := &RangeTable{LatinOffset: latinOffset}
	if len(r16) > 0 {
		t.R16 = make([]Range16, len(r16)/6)
		for i := range t.R16 {
			t.R16[i] = Range16{u16(r16, 6*i), u16(r16, 6*i+2), u16(r16, 6*i+4)}
		}
	}
	if len(r32) > 0 {
		t.R32 = make([]Range32, len(r32)/12)
		for i := range t.R32 {
			t.R32[i] = Range32{u32(r32, 12*i), u32(r32, 12*i+4), u32(r32, 12*i+8)}
		}
	}
	return t
}

func decodeCaseRanges(s string) []CaseRange {
	c := make([]CaseRange, len(s)/20)
	for i := range c {
		k := 20 * i
		c[i] = CaseRange{u32(s, k), u32(s, k+4), d{rune(int32(u32(s, k+8))), rune(int32(u32(s, k+12))), rune(int32(u32(s, k+16)))}}
	}
	return c
}

func decodeFoldPairs(s string) []foldPair {
	p := make([]foldPair, len(s)/4)
	for i := range p {
		p[i] = foldPair{u16(s, 4*i), u16(s, 4*i+2)}
	}
	return p
}
