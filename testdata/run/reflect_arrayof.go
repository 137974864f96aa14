// ArrayOf of array types the program does not spell: layout, pointer bitmap
// (values survive collections), equality, hashing as map keys.
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

type P struct {
	S *string
	N int
	T []int
}

func main() {
	at := reflect.ArrayOf(5, reflect.TypeOf(P{}))
	v := reflect.New(at).Elem()
	for i := 0; i < 5; i++ {
		s := fmt.Sprint("s", i)
		v.Index(i).Set(reflect.ValueOf(P{&s, i, []int{i, i}}))
	}
	runtime.GC()
	for i := 0; i < 5; i++ {
		_ = make([]byte, 1<<16)
	}
	runtime.GC()
	fmt.Println(at, at.Size(), at.Len(), at.Comparable(), *v.Index(3).Interface().(P).S, v.Index(4).Field(2))
	a2 := reflect.ArrayOf(3, reflect.TypeOf(""))
	x := reflect.New(a2).Elem()
	x.Index(0).SetString("a")
	y := reflect.New(a2).Elem()
	y.Index(0).SetString("a")
	fmt.Println(a2, a2.Comparable(), x.Interface() == y.Interface(), x.Equal(y))
	m := reflect.MakeMap(reflect.MapOf(a2, reflect.TypeOf(0)))
	m.SetMapIndex(x, reflect.ValueOf(1))
	fmt.Println(m.MapIndex(y), reflect.ArrayOf(2, reflect.TypeOf(0)) == reflect.TypeOf([2]int{}))
	defer func() { fmt.Println(recover()) }()
	reflect.ArrayOf(-1, a2)
}
