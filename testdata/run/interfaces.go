// Interfaces: dynamic dispatch, embedding, nil interfaces, comparison, assertions.
package main

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ w, h float64 }
type Square struct{ s float64 }

func (r Rect) Area() float64    { return r.w * r.h }
func (r Rect) Name() string     { return "rect" }
func (s *Square) Area() float64 { return s.s * s.s }
func (s *Square) Name() string  { return "square" }

type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return "id" }

func describe(s Shape) {
	println(s.Name(), s.Area())
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	for _, s := range shapes {
		describe(s)
	}
	var s Shape
	println(s == nil)
	s = Rect{1, 1}
	r, ok := s.(Rect)
	println(r.w, ok)
	_, ok = s.(*Square)
	println(ok)
	var e interface{} = 42
	var e2 interface{} = 42
	println(e == e2, e != nil)
	n, ok := e.(int)
	println(n, ok)
	str, ok := e.(string)
	println(str == "", ok)
	var st Stringer = ID(5)
	println(st.String())
	var any interface{} = st
	if x, ok := any.(Stringer); ok {
		println("stringer", x.String())
	}
}
