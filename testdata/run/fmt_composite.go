package main

import "fmt"

type Point struct {
	X, Y int
}

type Inner struct {
	Name string
	Tags []string
}

type Outer struct {
	ID    int
	In    Inner
	P     *Point
	M     map[string]int
	Any   interface{}
	Err   error
	F     float64
	hid   bool
	Point
}

type Celsius float64

type List []int

func main() {
	p := Point{1, 2}
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	fmt.Printf("%v %+v %#v %T\n", &p, &p, &p, &p)
	o := Outer{ID: 7, In: Inner{"in", []string{"a", "b"}}, P: nil, M: map[string]int{"z": 26, "a": 1}, Any: 3.5, F: 2, hid: true, Point: Point{3, 4}}
	fmt.Printf("%v\n%+v\n", o, o)
	o2 := Outer{}
	fmt.Printf("%v\n%+v\n", o2, o2)
	fmt.Printf("%#v\n", Inner{"x", nil})
	fmt.Printf("%v %#v %v %#v\n", []int(nil), []int(nil), map[int]bool(nil), map[int]bool(nil))
	fmt.Printf("%v %#v %T\n", []int{1, 2, 3}, []int{1, 2, 3}, []int{})
	fmt.Printf("%v %#v %T\n", [2]bool{true}, [2]bool{true}, [2]bool{})
	fmt.Printf("%v %#v\n", []string{"a", "b c"}, []string{"a", "b c"})
	fmt.Printf("%v %#v\n", map[string]int{"b": 2, "a": 1, "c": 3}, map[string]int{"b": 2, "a": 1})
	fmt.Println(map[int]string{3: "c", -1: "z", 2: "b"})
	fmt.Println(map[float64]int{2.5: 1, -1: 2, 0: 3})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[Point]string{{2, 1}: "b", {1, 2}: "a", {1, 1}: "c"})
	fmt.Println(map[[2]int]int{{2, 0}: 1, {1, 5}: 2})
	fmt.Println(map[interface{}]int{2: 1, 1: 2})
	fmt.Println(map[string][]int{"x": {1}, "a": nil})
	fmt.Printf("%v %d %x\n", []int{10, 11}, []int{10, 11}, []int{10, 11})
	fmt.Printf("%v %+v\n", []Point{{1, 2}, {3, 4}}, []*int{nil})
	fmt.Printf("%v %.1f %T %#v\n", Celsius(21.5), Celsius(21.5), Celsius(0), Celsius(1))
	fmt.Printf("%v %#v %T\n", List{1}, List{1}, List{})
	var ip *int
	var e error
	var i interface{}
	fmt.Printf("%v %v %v %#v %#v %d\n", ip, e, i, ip, e, ip)
	fmt.Println(ip, e, i)
	nested := [][]int{{1, 2}, {3}, nil}
	fmt.Printf("%v %#v\n", nested, nested)
	fmt.Printf("%v\n", struct {
		A int
		B []string
	}{1, []string{"x"}})
	fmt.Printf("%v %+v\n", &[]int{1}, &map[string]int{"a": 1})
	pp := &p
	fmt.Printf("%v\n", &pp != nil)
	fmt.Printf("%v %+v\n", []interface{}{1, "a", nil, 2.5, Point{}}, []interface{}{Point{5, 6}})
	fmt.Printf("%#v\n", []interface{}{1, "a", nil, 2.5, uint8(3)})
	fmt.Printf("%5v|%-5v|%05d\n", []int{1, 22}, []int{1, 22}, []int{1, 22})
	type local struct{ a, b interface{} }
	fmt.Printf("%v %+v\n", local{1, nil}, local{"s", []int{1}})
}
