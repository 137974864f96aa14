package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"unsafe"
)

type Point struct{ X, Y int }

func (p *Point) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

type E struct {
	*Point
	Name string
	m    map[string]Point
}

type Node struct {
	Val  int
	Next *Node
}

type Fmt struct{ n int }

func (f Fmt) Format(s fmt.State, c rune) {
	if c == 'v' && s.Flag('#') {
		io.WriteString(s, "Fmt#")
		return
	}
	fmt.Fprintf(s, "<%d>", f.n)
}

type Arr [3]Point

type W struct{ io.Writer }

func main() {
	var ne error
	var nf func()
	fmt.Println(nf == nil)
	fmt.Printf("%v|%#v|%T\n", nf, nf, nf)
	fmt.Printf("%T %T %T\n", main, fmt.Println, func(int, ...string) (bool, error) { return false, nil })
	var up unsafe.Pointer
	fmt.Printf("%v %#v %T\n", up, up, up)
	fmt.Printf("%+v\n", E{Name: "e", m: map[string]Point{"k": {1, 2}}})
	fmt.Printf("%v\n", E{Point: &Point{1, 2}})
	fmt.Println(Node{1, nil})
	fmt.Printf("%v %+v\n", Fmt{3}, []Fmt{{1}, {2}})
	fmt.Printf("%#v\n", Fmt{3})
	e := fmt.Errorf("f: %w", Fmt{5})
	fmt.Println(e)
	fmt.Println(reflect.ValueOf(42), reflect.ValueOf("s"), reflect.TypeOf(Point{}))
	fmt.Printf("%v %d\n", reflect.ValueOf(Point{1, 2}), reflect.ValueOf([]int{1}))
	fmt.Printf("%v\n", Arr{})
	fmt.Printf("%T %T %T %T\n", map[string][]*Point{}, [2][3]int{}, struct{}{}, new(error))
	fmt.Printf("%T %T\n", errors.New("x"), os.Stdout)
	var ei interface{} = Point{1, 2}
	fmt.Printf("%v %+v %s\n", ei, ei, ei)
	fmt.Printf("%v\n", &ei != nil)
	fmt.Printf("%v %v\n", int64(-1)<<63, ^uint64(0))
	fmt.Printf("%#v %#v %#v %#v %#v\n", 1.0, 1e21, float32(2.5), 1+2i, "q")
	fmt.Printf("%#v %#v %#v\n", int8(-3), uint(3), 'x')
	fmt.Printf("%#v\n", map[string]interface{}{"a": 1, "b": "s", "c": nil, "d": []int{1}})
	fmt.Printf("%#v\n", W{})
	fmt.Printf("%v %+v\n", W{}, W{os.Stdout} == W{})
	type pair struct {
		a, b interface{}
	}
	fmt.Printf("%#v\n", pair{1, "x"})
	fmt.Printf("%v\n", [][]string{{"a"}, {}})
	fmt.Printf("%6.2v|%-8v|%08v\n", 3.14159, true, -12)
	fmt.Printf("%x %X %o\n", 3.5, -2.25, 8)
	fmt.Printf("%s %v\n", ne, []error{nil})
	var np *Point
	fmt.Println(np)
	fmt.Printf("%v %s %d\n", np, np, np)
	fmt.Printf("[%*s] [%-*s]\n", 5, "a", 5, "b")
	fmt.Printf("%v\n", map[*int]int{nil: 1})
	fmt.Printf("%+q %#U\n", "日本", '日')
	fmt.Printf("%v\n", []uint8{1, 2})
	fmt.Printf("%v %v\n", [0]int{}, struct{ A []int }{})
	fmt.Printf("%.3v|%10.4v|\n", "abcdef", "abcdef")
	fmt.Println(fmt.Sprintf("%v", []interface{}{nil, (*int)(nil)}))
	fmt.Printf("%#v\n", struct{ A, b int }{1, 2})
	fmt.Printf("%#v %T\n", []struct{}{{}}, struct{ S struct{} }{})
	types()
}

func types() {
	var a interface{ M() int }
	var b *interface {
		M()
		N(int) string
	}
	fmt.Printf("%T|%T|%T|%T|%T\n", &a, b, struct{}{}, struct {
		A int `json:"a"`
		b string
	}{}, []struct{ X, Y float64 }{})
	fmt.Printf("%T|%T|%T\n", map[string]interface{}{}, func(a ...int) {}, [2]chan<- int{})
}
