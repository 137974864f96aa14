package main

import (
	"fmt"
	"reflect"
)

type Base struct {
	ID   int
	Name string
}

type Extra struct {
	Name  string // hidden by Outer.Name at a shallower depth? no: same depth as Base.Name -> both hidden
	Notes string
}

type Outer struct {
	Base
	*Extra
	Name  string
	Count int
	priv  bool
}

func (o Outer) Hello() string { return "hi " + o.Name }
func (o Outer) Bye(n int) int { return n + o.Count }

func f(a int, b string) (bool, error) { return false, nil }

func main() {
	for _, sf := range reflect.VisibleFields(reflect.TypeOf(Outer{})) {
		fmt.Println(sf.Name, sf.Index, sf.Type, sf.Anonymous, sf.IsExported())
	}
	t := reflect.TypeOf(Outer{})
	for sf := range t.Fields() {
		fmt.Print(sf.Name, " ")
	}
	fmt.Println()
	for m := range t.Methods() {
		fmt.Print(m.Name, " ", m.Type, "; ")
	}
	fmt.Println()
	ft := reflect.TypeOf(f)
	for in := range ft.Ins() {
		fmt.Print(in, " ")
	}
	for out := range ft.Outs() {
		fmt.Print(out, " ")
	}
	fmt.Println()
	o := Outer{Base: Base{1, "base"}, Name: "outer", Count: 2}
	v := reflect.ValueOf(o)
	for sf, fv := range v.Fields() {
		if sf.IsExported() {
			fmt.Print(sf.Name, "=", fv.Interface(), " ")
		}
	}
	fmt.Println()
	for m, mv := range v.Methods() {
		if m.Name == "Hello" {
			fmt.Println(m.Name, mv.Call(nil)[0])
		} else {
			fmt.Println(m.Name, mv.Call([]reflect.Value{reflect.ValueOf(40)})[0])
		}
	}
	// Range over func Values (through MakeFunc).
	seq := func(yield func(int) bool) {
		for i := 10; i < 13; i++ {
			if !yield(i) {
				return
			}
		}
	}
	for x := range reflect.ValueOf(seq).Seq() {
		fmt.Print(x.Int(), " ")
		if x.Int() == 11 {
			break
		}
	}
	seq2 := func(yield func(string, bool) bool) {
		_ = yield("a", true) && yield("b", false)
	}
	for k, x := range reflect.ValueOf(seq2).Seq2() {
		fmt.Print(k, "=", x, " ")
	}
	fmt.Println(reflect.TypeOf(seq).CanSeq(), reflect.TypeOf(seq2).CanSeq2(), reflect.TypeOf(seq).CanSeq2())
	var e any = 5
	d := reflect.ValueOf(&e).Elem().InterfaceData()
	fmt.Println(d[0] != 0, d[1] != 0)
	defer func() { fmt.Println(recover()) }()
	reflect.VisibleFields(reflect.TypeOf(0))
}
