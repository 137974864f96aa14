package main

import (
	"fmt"
	"os"
	"reflect"
)

type T struct {
	A int
	b string `json:"b,omitempty" x:"y"`
	C []float64
}

func (T) Exported() {}
func (T) hidden()   {}

type Node struct {
	V    int
	Next *Node
}

func main() {
	t := reflect.TypeOf(T{})
	fmt.Println(t, t.Name(), t.Kind(), t.NumField(), t.Size(), t.PkgPath(), t.NumMethod())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(i, f.Name, f.Type, f.Offset, f.IsExported(), f.Tag.Get("json"), f.Tag.Get("x"), f.Anonymous)
	}
	ft := reflect.TypeOf(fmt.Sprintf)
	fmt.Println(ft, ft.NumIn(), ft.NumOut(), ft.IsVariadic(), ft.In(1), ft.Out(0))
	fmt.Println(reflect.TypeOf(map[string]int{}).Key(), reflect.TypeOf([4]int{}).Len(), reflect.TypeOf(&T{}).Elem())
	v := reflect.ValueOf(T{1, "x", []float64{1.5}})
	fmt.Println(v.Field(0).Int(), v.Field(1).String(), v.Field(1).CanInterface(), v.Field(2).Index(0).Float())
	m := reflect.ValueOf(map[string]int{"a": 1})
	fmt.Println(m.Len(), m.MapIndex(reflect.ValueOf("a")), m.MapIndex(reflect.ValueOf("z")).IsValid())
	var e error
	fmt.Println(reflect.TypeOf(e) == nil, reflect.ValueOf(nil).IsValid(), reflect.ValueOf(&e).Elem().Kind())
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{}, []int(nil)),
		reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}),
		reflect.DeepEqual(T{C: []float64{1}}, T{C: []float64{2}}), reflect.DeepEqual(1, int64(1)),
		reflect.DeepEqual(nil, nil), reflect.DeepEqual(&Node{1, nil}, &Node{1, nil}))
	a := &Node{V: 1}
	a.Next = a
	b := &Node{V: 1}
	b.Next = b
	fmt.Println(reflect.DeepEqual(a, b))
	fmt.Println(reflect.Int.String(), reflect.Pointer, reflect.Kind(100))
	fmt.Println(len(os.Args) > 0, os.Getenv("RGO_SURELY_UNSET_VARIABLE") == "")
	fmt.Println(reflect.ValueOf([]int{1, 2, 3}).Len(), reflect.ValueOf("héllo").Len(), reflect.ValueOf(3.5).IsZero(), reflect.ValueOf(T{}).IsZero())
}
