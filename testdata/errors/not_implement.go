// Values that do not implement an interface: missing method, pointer receiver, wrong method type; in returns, declarations, assignments, calls and conversions.
package main

type Shape interface {
	Area() int
	Name() string
}

type Sq struct{}

func (Sq) Area() int { return 1 }

type Ptr struct{}

func (*Ptr) Area() int    { return 1 }
func (*Ptr) Name() string { return "p" }

type Wrong struct{}

func (Wrong) Area() string { return "" }
func (Wrong) Name() string { return "" }

func use(s Shape) {}

func get() Shape {
	return Sq{} // ERROR "cannot use Sq\{\} \(value of struct type Sq\) as Shape value in return statement: Sq does not implement Shape \(missing method Name\)"
}

func main() {
	var s Shape = Sq{} // ERROR "cannot use Sq\{\} \(value of struct type Sq\) as Shape value in variable declaration: Sq does not implement Shape \(missing method Name\)"
	s = Ptr{} // ERROR "cannot use Ptr\{\} \(value of struct type Ptr\) as Shape value in assignment: Ptr does not implement Shape \(method Area has pointer receiver\)"
	use(Wrong{}) // ERROR "cannot use Wrong\{\} \(value of struct type Wrong\) as Shape value in argument to use: Wrong does not implement Shape \(wrong type for method Area\)"
	_ = Shape(Sq{}) // ERROR "cannot convert Sq\{\} \(value of struct type Sq\) to type Shape: Sq does not implement Shape \(missing method Name\)"
	var p Ptr
	s = p // ERROR "cannot use p \(variable of struct type Ptr\) as Shape value in assignment: Ptr does not implement Shape \(method Area has pointer receiver\)"
	_ = s
}
