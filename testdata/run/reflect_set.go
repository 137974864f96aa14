package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type Inner struct {
	X, Y int
}

type inner struct {
	Z int
}

type S struct {
	I   int
	I8  int8
	U16 uint16
	Up  uintptr
	F32 float32
	F   float64
	C   complex128
	B   bool
	Str string
	Bs  []byte
	Sl  []int
	M   map[string]int
	P   *int
	E   any
	Err error
	Arr [3]int
	UP  unsafe.Pointer
	Inner
	*inner
	priv int
}

type MyInt int

type Stringer interface{ String() string }

func (m MyInt) String() string { return fmt.Sprintf("MyInt(%d)", int(m)) }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", name)
}

func main() {
	var s S
	s.inner = &inner{}
	v := reflect.ValueOf(&s).Elem()
	fmt.Println(v.CanSet(), v.CanAddr(), reflect.ValueOf(s).CanSet())
	v.FieldByName("I").SetInt(-5)
	v.FieldByName("I8").SetInt(300) // truncated
	v.FieldByName("U16").SetUint(70000)
	v.FieldByName("Up").SetUint(12)
	v.FieldByName("F32").SetFloat(1.25)
	v.FieldByName("F").SetFloat(-2.5)
	v.FieldByName("C").SetComplex(1 + 2i)
	v.FieldByName("B").SetBool(true)
	v.FieldByName("Str").SetString("hello")
	v.FieldByName("Bs").SetBytes([]byte("bytes"))
	v.FieldByName("Sl").Set(reflect.ValueOf([]int{1, 2, 3}))
	v.FieldByName("M").Set(reflect.MakeMap(reflect.TypeOf(map[string]int{})))
	v.FieldByName("M").SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(7))
	n := 9
	v.FieldByName("P").Set(reflect.ValueOf(&n))
	v.FieldByName("E").Set(reflect.ValueOf(MyInt(4)))
	v.FieldByName("Err").Set(reflect.ValueOf(fmt.Errorf("boom")))
	v.FieldByName("Arr").Index(1).SetInt(8)
	v.FieldByName("UP").SetPointer(unsafe.Pointer(&n))
	v.FieldByName("X").SetInt(10) // promoted through Inner
	v.FieldByName("Z").SetInt(11) // promoted through *inner (exported field of unexported embedded)
	fmt.Println(s.I, s.I8, s.U16, s.Up, s.F32, s.F, s.C, s.B, s.Str, string(s.Bs), s.Sl, s.M, *s.P, s.E, s.Err, s.Arr, s.UP == unsafe.Pointer(&n), s.X, s.inner.Z)
	fmt.Println(v.FieldByName("Z").CanSet(), v.FieldByName("priv").CanSet(), v.FieldByName("inner").CanSet())
	fmt.Println(v.FieldByName("I").CanInt(), v.FieldByName("I").CanUint(), v.FieldByName("F").CanFloat(), v.FieldByName("C").CanComplex())
	fmt.Println(v.FieldByName("I8").OverflowInt(127), v.FieldByName("I8").OverflowInt(128), v.FieldByName("U16").OverflowUint(65536), v.FieldByName("F32").OverflowFloat(1e39))
	fmt.Println(v.FieldByIndex([]int{17, 1}).Int(), v.FieldByName("Nope").IsValid())

	// Slices: SetLen, SetCap, Grow, Append, AppendSlice, Copy, Slice, Slice3, Clear.
	sl := v.FieldByName("Sl")
	sl.SetLen(2)
	fmt.Println(s.Sl, sl.Len(), sl.Cap())
	sl.SetCap(2)
	fmt.Println(sl.Cap())
	sl.Grow(10)
	fmt.Println(sl.Len(), sl.Cap() >= 12)
	sl.Set(reflect.Append(sl, reflect.ValueOf(5), reflect.ValueOf(6)))
	sl.Set(reflect.AppendSlice(sl, reflect.ValueOf([]int{7, 8})))
	fmt.Println(s.Sl)
	dst := reflect.MakeSlice(reflect.TypeOf([]int{}), 3, 5)
	fmt.Println(reflect.Copy(dst, sl), dst.Interface())
	fmt.Println(sl.Slice(1, 3).Interface(), sl.Slice3(1, 2, 3).Cap(), v.FieldByName("Arr").Slice(0, 2).Interface())
	fmt.Println(reflect.ValueOf("hello").Slice(1, 3).Interface())
	bs := reflect.MakeSlice(reflect.TypeOf([]byte{}), 4, 4)
	fmt.Println(reflect.Copy(bs, reflect.ValueOf("xyz")), string(bs.Bytes()))
	dst.Clear()
	fmt.Println(dst.Interface())
	v.FieldByName("M").Clear()
	fmt.Println(s.M, len(s.M))

	// New, Zero, Indirect, Addr, NewAt, SetZero.
	p := reflect.New(reflect.TypeOf(0))
	p.Elem().SetInt(3)
	fmt.Println(p.Type(), *(p.Interface().(*int)), reflect.Indirect(p).Int(), reflect.Indirect(reflect.ValueOf(4)).Int())
	fmt.Println(reflect.Zero(reflect.TypeOf(S{})).FieldByName("Str").String() == "", reflect.Zero(reflect.TypeOf(1.5)).Float())
	ap := v.FieldByName("I").Addr()
	*(ap.Interface().(*int)) = 77
	fmt.Println(s.I, ap.Type())
	at := reflect.NewAt(reflect.TypeOf(0), unsafe.Pointer(&n))
	at.Elem().SetInt(99)
	fmt.Println(n)
	v.FieldByName("Str").SetZero()
	fmt.Printf("%q\n", s.Str)
	fmt.Println(v.FieldByName("I").UnsafeAddr() == uintptr(unsafe.Pointer(&s.I)))

	// Map iteration with SetIterKey/SetIterValue and Reset.
	m := map[string]int{"a": 1}
	it := reflect.ValueOf(m).MapRange()
	k := reflect.New(reflect.TypeOf("")).Elem()
	e := reflect.New(reflect.TypeOf(0)).Elem()
	for it.Next() {
		k.SetIterKey(it)
		e.SetIterValue(it)
	}
	fmt.Println(k, e)
	it.Reset(reflect.ValueOf(map[string]int{"b": 2}))
	for it.Next() {
		fmt.Println(it.Key(), it.Value())
	}
	reflect.ValueOf(m).SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	fmt.Println(len(m))

	// Interface-typed destinations.
	var st Stringer
	sv := reflect.ValueOf(&st).Elem()
	sv.Set(reflect.ValueOf(MyInt(3)))
	fmt.Println(st.String(), sv.Elem().Type(), sv.NumMethod())
	var anyv any
	reflect.ValueOf(&anyv).Elem().Set(reflect.ValueOf([]string{"x"}))
	fmt.Println(anyv)

	// String of non-strings.
	fmt.Println(reflect.ValueOf(3).String(), reflect.ValueOf(s).String(), reflect.Value{}.String())

	// Panics with gc's messages.
	try("zero SetInt", func() { reflect.Value{}.SetInt(1) })
	try("unaddressable", func() { reflect.ValueOf(1).SetInt(2) })
	try("unexported", func() { v.FieldByName("priv").SetInt(2) })
	try("unexported embedded", func() { v.FieldByName("inner").Set(reflect.ValueOf(&inner{})) })
	try("wrong kind", func() { v.FieldByName("Str").SetInt(2) })
	try("not assignable", func() { v.FieldByName("Str").Set(reflect.ValueOf(3)) })
	try("set from unexported", func() { v.FieldByName("I").Set(v.FieldByName("priv")) })
	try("interface of unexported", func() { _ = v.FieldByName("priv").Interface() })
	try("SetLen", func() { sl.SetLen(100) })
	try("SetCap", func() { sl.SetCap(1) })
	try("SetBytes", func() { sl.SetBytes(nil) })
	try("Slice", func() { sl.Slice(2, 1) })
	try("Slice unaddressable", func() { reflect.ValueOf([2]int{}).Slice(0, 1) })
	try("Slice3", func() { sl.Slice3(0, 1, 100) })
	try("MakeSlice", func() { reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 1) })
	try("MakeSlice kind", func() { reflect.MakeSlice(reflect.TypeOf(0), 2, 1) })
	try("MakeMap kind", func() { reflect.MakeMap(reflect.TypeOf(0)) })
	try("Addr", func() { reflect.ValueOf(1).Addr() })
	try("nil map", func() {
		var nm map[string]int
		reflect.ValueOf(nm).SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	})
	try("MapIndex key", func() { reflect.ValueOf(m).MapIndex(reflect.ValueOf(1)) })
	try("Copy", func() { reflect.Copy(reflect.ValueOf(1), sl) })
	try("Copy types", func() { reflect.Copy(dst, reflect.ValueOf([]string{})) })
	try("Grow", func() { sl.Grow(-1) })
	try("Index", func() { sl.Index(100) })
	try("Field", func() { v.Field(100) })
	try("Elem", func() { reflect.ValueOf(1).Elem() })
	try("Len", func() { reflect.ValueOf(1).Len() })
	try("Int", func() { reflect.ValueOf("x").Int() })
	try("NumField", func() { reflect.ValueOf(1).NumField() })
	try("SetIterKey", func() { k.SetIterKey(reflect.ValueOf(m).MapRange()) })
	try("MapIter exhausted", func() {
		it := reflect.ValueOf(map[int]int{}).MapRange()
		it.Next()
		it.Next()
	})
	reflect.ValueOf(&s).Elem().FieldByName("B").SetString("x")
}
