// Types made at run time: MapOf, ChanOf, SliceOf, PointerTo of types the
// program does not spell, and identity with the ones it does.
package main

import (
	"fmt"
	"reflect"
)

type K struct {
	A int
	B string
}

func main() {
	mt := reflect.MapOf(reflect.TypeOf(K{}), reflect.TypeOf([]float64{}))
	m := reflect.MakeMap(mt)
	for i := 0; i < 100; i++ {
		m.SetMapIndex(reflect.ValueOf(K{i % 7, "x"}), reflect.ValueOf([]float64{float64(i)}))
	}
	fmt.Println(mt, m.Len(), m.MapIndex(reflect.ValueOf(K{3, "x"})))
	fmt.Println(mt.Key(), mt.Elem(), mt.Kind(), mt.Comparable())
	ct := reflect.ChanOf(reflect.BothDir, reflect.TypeOf(K{}))
	c := reflect.MakeChan(ct, 2)
	c.Send(reflect.ValueOf(K{1, "c"}))
	v, ok := c.Recv()
	fmt.Println(ct, ct.ChanDir(), v, ok)
	fmt.Println(reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(0)), reflect.ChanOf(reflect.SendDir, reflect.TypeOf("")))
	fmt.Println(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)) == reflect.TypeOf(map[string]int{}))
	st := reflect.SliceOf(reflect.TypeOf(K{}))
	s := reflect.MakeSlice(st, 2, 2)
	s.Index(1).Set(reflect.ValueOf(K{5, "s"}))
	fmt.Println(st, s.Index(1), reflect.PointerTo(st))
	x := m.Interface()
	fmt.Printf("%T %v\n", x, len(fmt.Sprint(x)) > 0)
}
