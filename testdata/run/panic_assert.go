// An unrecovered failed type assertion to a concrete type: interface conversion panic, exit status 2.
package main

type Shape interface{ Area() int }
type Sq struct{ s int }
type Rect struct{ w, h int }

func (s Sq) Area() int   { return s.s * s.s }
func (r Rect) Area() int { return r.w * r.h }

func main() {
	var sh Shape = Sq{3}
	println(sh.(Sq).s)
	sh = Rect{2, 3}
	println(sh.(Sq).s)
}
