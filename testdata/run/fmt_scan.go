package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type Celsius float64

type Level uint8

// Pair scans itself from "(a,b)".
type Pair struct{ A, B int }

func (p *Pair) Scan(st fmt.ScanState, verb rune) error {
	if verb != 'v' && verb != 'p' {
		return errors.New("bad verb for Pair")
	}
	st.SkipSpace()
	r, _, err := st.ReadRune()
	if err != nil {
		return err
	}
	if r != '(' {
		st.UnreadRune()
		return errors.New("Pair: want (")
	}
	tok, err := st.Token(false, func(r rune) bool { return r != ')' })
	if err != nil {
		return err
	}
	if _, err := fmt.Sscanf(string(tok), "%d,%d", &p.A, &p.B); err != nil {
		return err
	}
	st.ReadRune() // ')'
	return nil
}

// Upper reads a token and upper-cases it, using the width.
type Upper string

func (u *Upper) Scan(st fmt.ScanState, verb rune) error {
	w, ok := st.Width()
	tok, err := st.Token(true, nil)
	if err != nil {
		return err
	}
	*u = Upper(strings.ToUpper(string(tok)) + fmt.Sprintf("/%d,%v", w, ok))
	return nil
}

// oneByte is an io.Reader that is not an io.RuneScanner.
type oneByte struct {
	s string
	i int
}

func (r *oneByte) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	p[0] = r.s[r.i]
	r.i++
	return 1, nil
}

func show(what string, n int, err error, vals ...interface{}) {
	fmt.Printf("%-28s n=%d err=%v", what, n, err)
	for _, v := range vals {
		fmt.Printf(" %T=%v", v, v)
	}
	fmt.Println()
}

func sscan() {
	var i int
	var s string
	var f float64
	var b bool
	n, err := fmt.Sscan("42 hello 3.25 true", &i, &s, &f, &b)
	show("Sscan basic", n, err, i, s, f, b)

	var i8 int8
	var u16 uint16
	var u uint
	var x int
	n, err = fmt.Sscan("-128 65535 0x1F 0b101", &i8, &u16, &u, &x)
	show("Sscan prefixes", n, err, i8, u16, u, x)

	n, err = fmt.Sscan("200", &i8)
	show("Sscan overflow", n, err, i8)

	var c complex128
	var f32 float32
	n, err = fmt.Sscan("(1+2i) 1e3", &c, &f32)
	show("Sscan complex", n, err, c, f32)

	var c2 Celsius
	var lv Level
	n, err = fmt.Sscan("21.5\n\n  7", &c2, &lv)
	show("Sscan named, newlines", n, err, c2, lv)

	var bs []byte
	n, err = fmt.Sscan("bytes!", &bs)
	show("Sscan []byte", n, err, string(bs))

	n, err = fmt.Sscan("1", &i, &s)
	show("Sscan short", n, err, i)

	n, err = fmt.Sscan("", &i)
	show("Sscan empty", n, err)

	n, err = fmt.Sscan("abc", &i)
	show("Sscan bad int", n, err)

	n, err = fmt.Sscan("1", i)
	show("Sscan non-pointer", n, err)

	var p Pair
	var up Upper
	n, err = fmt.Sscan(" (3,4) word", &p, &up)
	show("Sscan Scanner", n, err, p, up)

	var iface interface{} = &i
	n, err = fmt.Sscan("77", iface)
	show("Sscan via interface", n, err, i)

	var pi *int
	n, err = fmt.Sscan("5", &pi)
	show("Sscan **int", n, err)

	var t1, t2 bool
	n, err = fmt.Sscan("F T", &t1, &t2)
	show("Sscan bools", n, err, t1, t2)
	n, err = fmt.Sscan("yes", &t1)
	show("Sscan bad bool", n, err)

	var r1 rune
	n, err = fmt.Sscan("97", &r1)
	show("Sscan rune", n, err, r1)

	var hf float64
	n, err = fmt.Sscan("0x1p-2 1_000", &hf, &i)
	show("Sscan hex float", n, err, hf, i)
}

func sscanln() {
	var a, b int
	n, err := fmt.Sscanln("1 2\n3", &a, &b)
	show("Sscanln ok", n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	show("Sscanln early newline", n, err, a)
	n, err = fmt.Sscanln("1 2 3", &a, &b)
	show("Sscanln extra", n, err, a, b)
	n, err = fmt.Sscanln("", &a)
	show("Sscanln empty", n, err)
	var s1, s2 string
	n, err = fmt.Sscanln("  x   y  ", &s1, &s2)
	show("Sscanln spaces", n, err, s1, s2)
}

func sscanf() {
	var a, b int
	var s string
	var f float64
	n, err := fmt.Sscanf("10-20 name 2.5", "%d-%d %s %f", &a, &b, &s, &f)
	show("Sscanf basic", n, err, a, b, s, f)

	var h, o, bin int
	n, err = fmt.Sscanf("ff 17 101", "%x %o %b", &h, &o, &bin)
	show("Sscanf bases", n, err, h, o, bin)

	var q string
	var ch rune
	n, err = fmt.Sscanf(`"quoted \"str\"" Z`, "%q %c", &q, &ch)
	show("Sscanf %q %c", n, err, q, ch)

	var w1, w2 string
	var wi int
	n, err = fmt.Sscanf("abcdef12345", "%3s%3s%2d", &w1, &w2, &wi)
	show("Sscanf widths", n, err, w1, w2, wi)

	var t bool
	var v interface{}
	_ = v
	var vv int
	n, err = fmt.Sscanf("true 99", "%t %v", &t, &vv)
	show("Sscanf %t %v", n, err, t, vv)

	n, err = fmt.Sscanf("x=5", "y=%d", &a)
	show("Sscanf mismatch", n, err)

	n, err = fmt.Sscanf("5", "%d %d", &a, &b)
	show("Sscanf too few input", n, err, a)

	n, err = fmt.Sscanf("5 6", "%d", &a, &b)
	show("Sscanf too many operands", n, err, a)

	n, err = fmt.Sscanf("5", "%d %d", &a)
	show("Sscanf too few operands", n, err, a)

	n, err = fmt.Sscanf("7", "%s", &a)
	show("Sscanf bad verb", n, err)

	var hs string
	var hb []byte
	n, err = fmt.Sscanf("68656c6c6f 776f726c64", "%x %x", &hs, &hb)
	show("Sscanf hex strings", n, err, hs, string(hb))

	n, err = fmt.Sscanf("1\n2", "%d %d", &a, &b)
	show("Sscanf newline in input", n, err, a)
	n, err = fmt.Sscanf("1\n2", "%d\n%d", &a, &b)
	show("Sscanf newline in both", n, err, a, b)

	var p Pair
	var up Upper
	n, err = fmt.Sscanf("(8,9) lower", "%v %5v", &p, &up)
	show("Sscanf Scanner", n, err, p, up)

	var pct int
	n, err = fmt.Sscanf("50%", "%d%%", &pct)
	show("Sscanf %%", n, err, pct)

	var e1 float32
	var c1 complex64
	n, err = fmt.Sscanf("1.5e2 (3-4i)", "%e %g", &e1, &c1)
	show("Sscanf floats", n, err, e1, c1)

	var u8 uint8
	n, err = fmt.Sscanf("-1", "%d", &u8)
	show("Sscanf negative unsigned", n, err, u8)
}

func fscan() {
	r := strings.NewReader("1 2 3\nfour 5.5\n(6,7)\n")
	var a, b, c int
	n, err := fmt.Fscan(r, &a, &b, &c)
	show("Fscan reader", n, err, a, b, c)
	var s string
	var f float64
	n, err = fmt.Fscanln(r, &s, &f)
	show("Fscanln reader", n, err, s, f)
	var p Pair
	n, err = fmt.Fscanf(r, "%v\n", &p)
	show("Fscanf reader", n, err, p)
	n, err = fmt.Fscan(r, &a)
	show("Fscan at EOF", n, err)
	fmt.Println("left in reader:", r.Len())

	// A reader that is not a RuneScanner: fmt reads one byte at a time
	// and may not consume past what it scans.
	ob := &oneByte{s: "10 20 rest"}
	n, err = fmt.Fscan(ob, &a, &b)
	show("Fscan plain reader", n, err, a, b)
	rest, _ := io.ReadAll(ob)
	fmt.Printf("rest %q\n", rest)

	// Several Fscan calls sharing a bufio.Reader.
	br := bufio.NewReader(strings.NewReader("x 1\ny 2\nz 3\n"))
	for {
		var k string
		var v int
		n, err := fmt.Fscanln(br, &k, &v)
		if err != nil {
			show("Fscanln loop end", n, err)
			break
		}
		fmt.Println("  got", k, v)
	}

	// unicode input
	var u1, u2 string
	var ru rune
	n, err = fmt.Sscanf("héllo wörld ß", "%s %s %c", &u1, &u2, &ru)
	show("Sscanf unicode", n, err, u1, u2, string(ru))
}

func stdin() {
	var name string
	var age int
	n, err := fmt.Scan(&name, &age)
	show("Scan stdin", n, err, name, age)
	var x, y float64
	n, err = fmt.Scanf("%f,%f\n", &x, &y)
	show("Scanf stdin", n, err, x, y)
	var w1, w2 string
	n, err = fmt.Scanln(&w1, &w2)
	show("Scanln stdin", n, err, w1, w2)
	n, err = fmt.Scanln(&w1)
	show("Scanln stdin EOF", n, err)
	fmt.Fprintln(os.Stderr, "done")
}

func main() {
	sscan()
	sscanln()
	sscanf()
	fscan()
	stdin()
}
