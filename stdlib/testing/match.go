package testing

import (
	"fmt"
	"os"
	"strings"
)

// matcher sanitizes, uniques, and filters names of subtests and
// subbenchmarks (-run, -bench, -skip: one regexp per '/'-separated level).
type matcher struct {
	filter   []*regexp
	skip     []*regexp
	subNames map[string]int32
}

func splitRegexp(s string) []string {
	var a []string
	cs := 0
	cp := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '[':
			cs++
		case ']':
			if cs--; cs < 0 {
				cs = 0
			}
		case '(':
			if cs == 0 {
				cp++
			}
		case ')':
			if cs == 0 {
				cp--
			}
		case '\\':
			i++
		case '/':
			if cs == 0 && cp == 0 {
				a = append(a, s[:i])
				s = s[i+1:]
				i = 0
				continue
			}
		}
		i++
	}
	return append(a, s)
}

func compileFilter(patterns string, name string) []*regexp {
	if patterns == "" {
		return nil
	}
	var f []*regexp
	for _, s := range splitRegexp(patterns) {
		re, err := parseRegexp(s)
		if err != "" {
			fmt.Fprintf(os.Stderr, "testing: invalid regexp for element %d of %s (%q): %s\n", len(f), name, s, err)
			os.Exit(1)
		}
		f = append(f, re)
	}
	return f
}

func newMatcher(patterns, skips string) *matcher {
	return &matcher{
		filter:   compileFilter(patterns, "-test.run"),
		skip:     compileFilter(skips, "-test.skip"),
		subNames: map[string]int32{},
	}
}

func filterMatches(f []*regexp, elem []string) (ok, partial bool) {
	for i, s := range elem {
		if i >= len(f) {
			break
		}
		if !f[i].match(s) {
			return false, false
		}
	}
	return true, len(elem) < len(f)
}

func (m *matcher) fullName(c *common, subname string) (name string, ok, partial bool) {
	name = subname
	if c != nil && c.level > 0 {
		name = m.unique(c.name, rewrite(subname))
	}
	elem := strings.Split(name, "/")
	ok, partial = filterMatches(m.filter, elem)
	if !ok {
		return name, false, false
	}
	if m.skip != nil {
		skip, partialSkip := filterMatches(m.skip, elem)
		if skip && !partialSkip {
			return name, false, false
		}
	}
	return name, ok, partial
}

func (m *matcher) unique(parent, subname string) string {
	name := fmt.Sprintf("%s/%s", parent, subname)
	empty := subname == ""
	for {
		next, exists := m.subNames[name]
		if !empty && !exists {
			m.subNames[name] = 1
			return name
		}
		m.subNames[name] = next + 1
		suffix := fmt.Sprintf("#%02d", next)
		if len(suffix) > len(subname) || !strings.HasSuffix(subname, suffix) {
			name = fmt.Sprintf("%s/%s%s", parent, subname, suffix)
			if _, ok := m.subNames[name]; !ok {
				m.subNames[name] = 1
				return name
			}
		}
		empty = false
	}
}

func rewrite(s string) string {
	b := []byte{}
	for _, r := range s {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			b = append(b, '_')
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b)
}

// A small backtracking regular-expression matcher (RE2 syntax subset:
// literals, ., [classes], \d \w \s, groups, |, * + ? {n,m}, ^ $), enough
// for -run and -bench patterns. Unanchored search, as regexp.MatchString.
type regexp struct {
	alts [][]*reNode
}

const (
	reLit = iota
	reAny
	reClass
	reGroup
	reBOL
	reEOL
)

type reNode struct {
	kind     int
	ch       rune
	ranges   []rune // pairs lo, hi
	negate   bool
	alts     [][]*reNode
	min, max int // max -1: unbounded
	fold     bool
}

type reParser struct {
	s   []rune
	i   int
	err string
}

func compileRegexp(s string) *regexp {
	re, err := parseRegexp(s)
	if err != "" {
		return &regexp{}
	}
	return re
}

func parseRegexp(s string) (*regexp, string) {
	p := &reParser{s: []rune(s)}
	alts := p.alternation()
	if p.err == "" && p.i < len(p.s) {
		p.err = "unexpected )"
	}
	if p.err != "" {
		return nil, p.err
	}
	return &regexp{alts: alts}, ""
}

func (p *reParser) alternation() [][]*reNode {
	var alts [][]*reNode
	for {
		alts = append(alts, p.sequence())
		if p.i < len(p.s) && p.s[p.i] == '|' {
			p.i++
			continue
		}
		return alts
	}
}

func (p *reParser) sequence() []*reNode {
	var seq []*reNode
	for p.i < len(p.s) && p.err == "" {
		c := p.s[p.i]
		if c == '|' || c == ')' {
			break
		}
		var n *reNode
		switch c {
		case '(':
			p.i++
			if p.i+1 < len(p.s) && p.s[p.i] == '?' && p.s[p.i+1] == ':' {
				p.i += 2
			}
			alts := p.alternation()
			if p.i >= len(p.s) || p.s[p.i] != ')' {
				p.err = "missing closing )"
				return seq
			}
			p.i++
			n = &reNode{kind: reGroup, alts: alts}
		case '.':
			p.i++
			n = &reNode{kind: reAny}
		case '^':
			p.i++
			n = &reNode{kind: reBOL}
		case '$':
			p.i++
			n = &reNode{kind: reEOL}
		case '[':
			n = p.class()
		case '\\':
			p.i++
			if p.i >= len(p.s) {
				p.err = "trailing backslash at end of expression"
				return seq
			}
			n = escapeNode(p.s[p.i])
			p.i++
		case '*', '+', '?':
			p.err = "missing argument to repetition operator"
			return seq
		default:
			p.i++
			n = &reNode{kind: reLit, ch: c}
		}
		n.min, n.max = 1, 1
		if p.i < len(p.s) {
			switch p.s[p.i] {
			case '*':
				n.min, n.max = 0, -1
				p.i++
			case '+':
				n.min, n.max = 1, -1
				p.i++
			case '?':
				n.min, n.max = 0, 1
				p.i++
			case '{':
				p.repeat(n)
			}
			if p.i < len(p.s) && p.s[p.i] == '?' {
				p.i++ // non-greedy: same matches for a yes/no search
			}
		}
		seq = append(seq, n)
	}
	return seq
}

func (p *reParser) repeat(n *reNode) {
	j := p.i + 1
	num := func() (int, bool) {
		v, ok := 0, false
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			v = v*10 + int(p.s[j]-'0')
			j++
			ok = true
		}
		return v, ok
	}
	lo, ok := num()
	if !ok {
		return // a literal {
	}
	hi := lo
	if j < len(p.s) && p.s[j] == ',' {
		j++
		var ok2 bool
		hi, ok2 = num()
		if !ok2 {
			hi = -1
		}
	}
	if j >= len(p.s) || p.s[j] != '}' {
		return
	}
	n.min, n.max = lo, hi
	p.i = j + 1
}

func escapeNode(c rune) *reNode {
	switch c {
	case 'd':
		return &reNode{kind: reClass, ranges: []rune{'0', '9'}}
	case 'D':
		return &reNode{kind: reClass, ranges: []rune{'0', '9'}, negate: true}
	case 'w':
		return &reNode{kind: reClass, ranges: []rune{'0', '9', 'A', 'Z', 'a', 'z', '_', '_'}}
	case 'W':
		return &reNode{kind: reClass, ranges: []rune{'0', '9', 'A', 'Z', 'a', 'z', '_', '_'}, negate: true}
	case 's':
		return &reNode{kind: reClass, ranges: []rune{'\t', '\n', '\f', '\r', ' ', ' '}}
	case 'S':
		return &reNode{kind: reClass, ranges: []rune{'\t', '\n', '\f', '\r', ' ', ' '}, negate: true}
	case 'n':
		return &reNode{kind: reLit, ch: '\n'}
	case 't':
		return &reNode{kind: reLit, ch: '\t'}
	}
	return &reNode{kind: reLit, ch: c}
}

func (p *reParser) class() *reNode {
	p.i++ // [
	n := &reNode{kind: reClass}
	if p.i < len(p.s) && p.s[p.i] == '^' {
		n.negate = true
		p.i++
	}
	first := true
	for p.i < len(p.s) && (p.s[p.i] != ']' || first) {
		first = false
		c := p.s[p.i]
		p.i++
		if c == '\\' && p.i < len(p.s) {
			e := escapeNode(p.s[p.i])
			p.i++
			if e.kind == reClass && !e.negate {
				n.ranges = append(n.ranges, e.ranges...)
				continue
			}
			c = e.ch
		}
		hi := c
		if p.i+1 < len(p.s) && p.s[p.i] == '-' && p.s[p.i+1] != ']' {
			hi = p.s[p.i+1]
			p.i += 2
		}
		n.ranges = append(n.ranges, c, hi)
	}
	if p.i >= len(p.s) {
		p.err = "missing closing ]"
		return n
	}
	p.i++ // ]
	return n
}

func (re *regexp) match(s string) bool {
	if re == nil {
		return true
	}
	rs := []rune(s)
	for start := 0; start <= len(rs); start++ {
		for _, alt := range re.alts {
			if matchSeq(alt, rs, start, func(int) bool { return true }) {
				return true
			}
		}
	}
	return false
}

func matchSeq(seq []*reNode, s []rune, pos int, k func(int) bool) bool {
	if len(seq) == 0 {
		return k(pos)
	}
	n := seq[0]
	rest := seq[1:]
	return matchRep(n, 0, s, pos, func(p int) bool { return matchSeq(rest, s, p, k) })
}

func matchRep(n *reNode, count int, s []rune, pos int, k func(int) bool) bool {
	if n.max == -1 || count < n.max {
		if matchOne(n, s, pos, func(p int) bool {
			if p == pos && count >= n.min {
				return false
			}
			return matchRep(n, count+1, s, p, k)
		}) {
			return true
		}
	}
	if count >= n.min {
		return k(pos)
	}
	return false
}

func matchOne(n *reNode, s []rune, pos int, k func(int) bool) bool {
	switch n.kind {
	case reLit:
		return pos < len(s) && s[pos] == n.ch && k(pos+1)
	case reAny:
		return pos < len(s) && s[pos] != '\n' && k(pos+1)
	case reClass:
		if pos >= len(s) {
			return false
		}
		in := false
		for i := 0; i+1 < len(n.ranges); i += 2 {
			if s[pos] >= n.ranges[i] && s[pos] <= n.ranges[i+1] {
				in = true
				break
			}
		}
		return in != n.negate && k(pos+1)
	case reBOL:
		return pos == 0 && k(pos)
	case reEOL:
		return pos == len(s) && k(pos)
	case reGroup:
		for _, alt := range n.alts {
			if matchSeq(alt, s, pos, k) {
				return true
			}
		}
	}
	return false
}
