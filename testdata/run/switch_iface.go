// Expression switches mixing interface and concrete types: a concrete case against an interface tag, an interface case against a concrete tag, nil cases, untyped constants against interface tags.
package main

type I interface{ M() int }
type A struct{ x int }
type B int

func (a A) M() int { return a.x }
func (b B) M() int { return int(b) }

func which(i I) string {
	switch i {
	case nil:
		return "nil"
	case A{3}:
		return "A3"
	case B(3):
		return "B3"
	case A{4}, B(4):
		return "four"
	}
	return "other"
}

func any(x interface{}) string {
	switch x {
	case 1:
		return "int 1"
	case "1":
		return "string 1"
	case 1.5:
		return "float 1.5"
	case int8(1):
		return "int8 1"
	case nil:
		return "nil"
	}
	return "no match"
}

func main() {
	println(which(nil), which(A{3}), which(B(3)), which(A{4}), which(B(4)), which(B(5)))
	println(any(1), any("1"), any(1.5), any(int8(1)), any(nil), any(uint(1)))
	var i I = B(7)
	b := B(7)
	switch b {
	case i:
		println("concrete tag matches interface case")
	default:
		println("no")
	}
	var e interface{} = []int{1}
	defer func() { println("recovered:", recover().(interface{ Error() string }).Error()) }()
	switch e {
	case 2:
		println("no")
	case e:
		println("unreachable: comparing uncomparable panics")
	}
}
