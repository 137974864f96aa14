package main

import (
	"errors"
	"fmt"
	"math"
	"os"
)

type Str struct{ s string }

func (s *Str) String() string { return "Str:" + s.s } // panics on a nil receiver

type ValStr struct{ n int }

func (v ValStr) String() string { return fmt.Sprint("VS", v.n) }

type BadFormat struct{}

func (BadFormat) Format(f fmt.State, c rune) { panic("in Format") }

type BadGo struct{}

func (BadGo) GoString() string { panic(fmt.Sprintf("go %d", 1)) }

type NilErr struct{ msg string }

func (e *NilErr) Error() string { return e.msg }

type PanicErr struct{}

func (PanicErr) Error() string { panic(errors.New("nested error")) }

type hidden struct {
	s ValStr // unexported: fmt cannot call String on it
	S ValStr
}

type Named int
type NamedStr string
type Bytes []byte
type Matrix [2][2]float32

type Tree struct {
	L, R *Tree
	V    int
}

type Formatted struct{ v float64 }

func (f Formatted) Format(s fmt.State, verb rune) {
	prec, ok := s.Precision()
	if !ok {
		prec = 1
	}
	fmt.Fprintf(s, "F(%.*f|%s)", prec, f.v, fmt.FormatString(s, verb))
}

func main() {
	ints()
	floats()
	strs()
	composite()
	methods()
	errorsAndAppend()
	spacing()
}

func ints() {
	for _, f := range []string{"%d", "%+d", "% d", "%5d", "%-5d|", "%05d", "%x", "%#x", "%X", "%#X", "%o", "%#o", "%O", "%b", "%#b", "%c", "%q", "%+q", "%#q", "%U", "%#U", "%08.3d", "%+.2d", "%v", "%x.", "%10.4x"} {
		fmt.Printf(f+"\t", 1234)
		fmt.Printf(f+"\t", -42)
		fmt.Printf(f+"\n", 0x1F600)
	}
	fmt.Printf("%d %d %d %d %d\n", int8(-128), uint8(255), int64(math.MinInt64), uint64(math.MaxUint64), uintptr(77))
	fmt.Printf("%x %X %o %b\n", uint64(math.MaxUint64), int64(math.MinInt64), int8(-1), uint16(0xbeef))
	fmt.Printf("%v %d %x %s\n", Named(5), Named(6), Named(255), Named(7))
	fmt.Printf("%[2]d %[1]d %d %[1]*d|%-[2]*[1]d|\n", 3, 9)
	fmt.Printf("%.*d|%*.*d|\n", 4, 7, 6, 3, 8)
	fmt.Printf("%c%c%c %q %U\n", 'G', 'ö', 0x10FFFF+1, '\x00', -1)
	fmt.Printf("%x % x %#x %X\n", []int{10, 255}, []uint8{1, 171}, [2]int{16, 17}, []int64{-1})
}

func floats() {
	vals := []float64{0, 1, -1.5, 123456.789, 1e-7, 1e21, math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1)}
	for _, f := range []string{"%v", "%g", "%G", "%e", "%E", "%f", "%F", "%.2f", "%8.3f", "%-8.1e|", "%+.3g", "%08.2f", "% .1f", "%#g", "%#.3g", "%b", "%x", "%X", "%.0f", "%.1x"} {
		fmt.Printf("%-7s", f)
		for _, v := range vals {
			fmt.Printf(" "+f, v)
		}
		fmt.Println()
	}
	fmt.Printf("%v %g %.3f %e\n", float32(0.1), float32(1e20), float32(2.0/3), float32(-0.5))
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%v %.2f %+.1e %g\n", 3+4i, complex64(-1-0.5i), 1i, complex(math.Inf(1), math.NaN()))
	fmt.Printf("%8.2f|%-12v|%+v\n", 1-2i, 0.5i, -3i)
	fmt.Printf("%v %v\n", Matrix{{1, 2}, {3, 4}}, []float64{1e6, 1e-5, 123456789})
	fmt.Printf("%6.2v|%.3v|%10.3g|\n", math.Pi, 1e9, 1e-9)
}

func strs() {
	for _, f := range []string{"%s", "%q", "%+q", "%#q", "%x", "% x", "%#x", "%X", "% #X", "%10s|", "%-10s|", "%.3s", "%10.2q", "%v", "%05s", "%T"} {
		fmt.Printf("%-6s", f)
		for _, v := range []string{"", "héllo", "tab\there", "`bq`", "\u2028\x7f", "日本語"} {
			fmt.Printf(" <"+f+">", v)
		}
		fmt.Println()
	}
	fmt.Printf("%s %q %x %v %d\n", []byte("hi"), []byte("q\n"), Bytes("xyz"), Bytes("ab"), []byte("ab"))
	fmt.Printf("%s %q %v %x\n", NamedStr("ns"), NamedStr("n\"s"), []NamedStr{"a", "b"}, NamedStr("AB"))
	fmt.Printf("%q %s %v\n", []string{"a b", "c"}, []string{"x", "y"}, [2]string{"p", ""})
	fmt.Printf("%s|%v|%q\n", [3]byte{65, 66, 67}, [3]byte{65, 66, 67}, []rune("hé"))
	fmt.Printf("%t %v %5t|%-6t|%q\n", true, false, true, false, true)
}

func composite() {
	t := &Tree{V: 1, L: &Tree{V: 2}}
	fmt.Printf("%v %+v\n", *t.L, *t.L)
	fmt.Printf("%v\n", struct {
		A *int
		B []*Tree
		C map[string]*Tree
	}{nil, []*Tree{nil}, map[string]*Tree{"nil": nil}})
	fmt.Printf("%v %+v\n", hidden{ValStr{1}, ValStr{2}}, hidden{ValStr{3}, ValStr{4}})
	fmt.Printf("%#v\n", hidden{ValStr{1}, ValStr{2}})
	fmt.Printf("%#v %#v %#v\n", Named(3), NamedStr("x"), Bytes{1})
	fmt.Printf("%#v\n", map[Named][]NamedStr{2: {"b"}, 1: nil})
	fmt.Printf("%#v %#v %#v\n", []*int(nil), struct{}{}, [0]string{})
	fmt.Printf("%#v %#v\n", math.Inf(-1), []float32{0.5, float32(math.NaN())})
	fmt.Printf("%#v\n", []interface{}{Named(1), ValStr{2}, &ValStr{3} != nil, error(nil)})
	fmt.Println(map[float64]string{math.NaN(): "nan", -1: "neg", math.Inf(1): "inf", 0: "zero"})
	// Keys of different dynamic types sort by the address of their type
	// descriptors (fmtsort compares reflect.Types as pointers), so only
	// one dynamic type here.
	fmt.Println(map[interface{}]int{"b": 1, "a": 3, "": 0}, map[interface{}]int{2: 2, 1: 4, -1: 1})
	fmt.Println(map[[2]string]bool{{"b", "a"}: true, {"a", "z"}: false, {"a", "b"}: true})
	fmt.Println(map[Named]ValStr{3: {3}, 1: {1}, 2: {2}})
	fmt.Printf("%v %d %x\n", map[string]int{"k": 10}, map[string]int{"k": 10}, map[string]int{"k": 10})
	fmt.Printf("%v\n", map[ValStr]int{{2}: 2, {1}: 1})
	fmt.Printf("%v %s\n", []error{errors.New("e1"), nil}, [1]error{})
	var iface interface{} = []interface{}{1, []interface{}{"x", nil}}
	fmt.Printf("%v %#v\n", iface, iface)
	fmt.Printf("%T %T %T %T\n", t, *t, []map[Named]*Tree{}, (*fmt.Stringer)(nil))
	fmt.Printf("%T %T %T\n", Formatted{}, errors.New(""), fmt.Errorf("%w", os.ErrNotExist))
}

func methods() {
	var sp *Str
	fmt.Println(sp)
	fmt.Printf("%v|%s|%d|%+v|%#v\n", sp, sp, sp, sp, sp != nil)
	fmt.Printf("%v %s\n", &Str{"ok"}, []*Str{{"a"}, nil})
	fmt.Printf("%v %v %s %d\n", ValStr{1}, &ValStr{2}, []ValStr{{3}}, ValStr{4})
	var vp *ValStr
	fmt.Printf("%v|%s\n", vp, vp)
	fmt.Printf("%v|%d|%s\n", BadFormat{}, BadFormat{}, []BadFormat{{}})
	fmt.Printf("%#v|%v\n", BadGo{}, BadGo{})
	var ne *NilErr
	fmt.Printf("%v|%s\n", ne, ne)
	var e error = ne
	fmt.Printf("%v|%v\n", e == nil, e)
	fmt.Println(PanicErr{}, &NilErr{"real"})
	fmt.Printf("%v|%6.2f|%.3v|%+10x|%#v\n", Formatted{1.25}, Formatted{2}, Formatted{3}, Formatted{4}, Formatted{5})
	fmt.Println(fmt.Sprint(Formatted{6}), fmt.Sprintln(Formatted{7}, ValStr{8}))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(struct{ P *Str }{})
		var np *Str
		fmt.Println(np.String())
	}()
}

func errorsAndAppend() {
	base := errors.New("base")
	e1 := fmt.Errorf("ctx %d: %w", 1, base)
	e2 := fmt.Errorf("two: %w and %w", e1, os.ErrExist)
	fmt.Println(e1, "|", e2)
	fmt.Println(errors.Is(e2, base), errors.Is(e2, os.ErrExist), errors.Unwrap(e1) == base, errors.Unwrap(e2))
	fmt.Printf("%T %T %T\n", e1, e2, fmt.Errorf("none"))
	fmt.Println(fmt.Errorf("bad %w", "notanerror"), fmt.Errorf("nil %w", nil))
	var ne *NilErr
	fmt.Println(fmt.Errorf("typed nil %w", ne) != nil)
	b := fmt.Append([]byte("A:"), 1, "x", 2.5)
	b = fmt.Appendf(b, "|%03d|%q", 7, "s")
	b = fmt.Appendln(b, "end", true)
	fmt.Printf("%q\n", b)
	n, err := fmt.Fprint(os.Stdout, "fp", 1, 2, "\n")
	fmt.Println(n, err)
	n, err = fmt.Fprintln(os.Stdout, "fl", 3, []int{4})
	fmt.Println(n, err)
	n, err = fmt.Print("p", 5, 6, "\n")
	fmt.Println(n, err)
}

func spacing() {
	fmt.Print(1, 2, "a", 3, "b", "c", 4.5, true, false, nil, '\n')
	fmt.Print("\n")
	fmt.Print(ValStr{1}, ValStr{2}, errors.New("e"), errors.New("f"), []int{1}, []int{2}, "\n")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil, nil), fmt.Sprint("a", nil), fmt.Sprintln())
	fmt.Println(fmt.Sprint(Named(1), Named(2)), fmt.Sprint(NamedStr("a"), NamedStr("b")))
}
