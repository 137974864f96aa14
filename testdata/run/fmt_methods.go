package main

import (
	"errors"
	"fmt"
)

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "red"
	case 1:
		return "green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprintf("PS<%d>", p.n) }

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

type Both struct{}

func (Both) Error() string  { return "as-error" }
func (Both) String() string { return "as-string" }

type GoS struct{ v int }

func (g GoS) GoString() string { return "GoS!" }
func (g GoS) String() string   { return "gos" }

type Fm struct{}

func (Fm) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	fmt.Fprintf(f, "Fm[%c w=%d,%v p=%d,%v +%v -%v #%v 0%v sp%v %s]", verb, w, wok, p, pok,
		f.Flag('+'), f.Flag('-'), f.Flag('#'), f.Flag('0'), f.Flag(' '), fmt.FormatString(f, verb))
}

type Panicker struct{}

func (Panicker) String() string { panic("boom") }

type NilVal struct{ x int }

func (n NilVal) String() string { return "nv" }

type ErrPanic struct{}

func (ErrPanic) Error() string { panic(errors.New("err-boom")) }

type Wrapper struct {
	C   Color
	c   Color
	P   *PtrStringer
	E   error
	Any interface{}
}

func main() {
	fmt.Println(Color(0), Color(1), Color(7))
	fmt.Printf("%v %s %d %q %x %5v|%-7s|\n", Color(1), Color(1), Color(1), Color(0), Color(0), Color(0), Color(1))
	fmt.Printf("%v %+v %#v\n", []Color{0, 1}, map[Color]int{1: 1, 0: 0}, Color(1))
	ps := &PtrStringer{3}
	fmt.Println(ps, *ps)
	fmt.Printf("%v %s\n", ps, []*PtrStringer{ps})
	fmt.Println(MyErr{4}, &MyErr{5})
	var err error = MyErr{6}
	fmt.Printf("%v %s %q %d\n", err, err, err, err)
	fmt.Println(Both{})
	fmt.Printf("%v %#v %+v %s\n", GoS{1}, GoS{1}, GoS{1}, []GoS{{2}})
	fmt.Printf("%v|%+8.3x|%-#05d|% s\n", Fm{}, Fm{}, Fm{}, Fm{})
	fmt.Println(Fm{})
	fmt.Println(Panicker{})
	fmt.Printf("%s|%d\n", Panicker{}, Panicker{})
	var nv *NilVal
	fmt.Println(nv)
	fmt.Printf("%v %s\n", nv, nv)
	fmt.Println(ErrPanic{})
	w := Wrapper{C: 1, c: 1, P: ps, E: MyErr{1}, Any: Color(0)}
	fmt.Printf("%v\n%+v\n", w, w)
	fmt.Println(errors.New("plain"), []error{errors.New("a"), nil})
	fmt.Printf("%v %T\n", errors.New("x"), errors.New("x"))
	fmt.Printf("%w\n", errors.New("not errorf"))
	var s fmt.Stringer = Color(1)
	fmt.Println(s)
	fmt.Printf("%x %X\n", Color(1), MyErr{2})
}
