package main

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

type A struct {
	X int
	Y string `json:"y" xml:"why"`
}

type B struct {
	X int
	Z float64
}

type C struct {
	A
	*B
	W int
}

type D struct {
	C
	X bool // shallower X wins over A.X and B.X
}

type Amb struct {
	A
	B
}

type MyInt int
type MyInt2 int
type Celsius float64
type IntSlice []int
type Bytes []byte

func (m MyInt) String() string { return "myint" }

type rw struct{}

func (rw) Read(p []byte) (int, error)  { return 0, io.EOF }
func (rw) Write(p []byte) (int, error) { return len(p), nil }
func (*rw) Close() error               { return nil }

type Shape interface {
	Area() float64
	Perimeter() float64
	scale(float64)
}

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
	// Field lookup with embedded promotion.
	ct := reflect.TypeOf(C{})
	for _, name := range []string{"X", "Y", "Z", "W", "A", "B", "Q"} {
		f, ok := ct.FieldByName(name)
		fmt.Println(name, ok, f.Name, f.Index, f.Type, f.Anonymous)
	}
	dt := reflect.TypeOf(D{})
	f, ok := dt.FieldByName("X")
	fmt.Println(ok, f.Index, f.Type)
	f, ok = dt.FieldByName("Y")
	fmt.Println(ok, f.Index, f.Tag.Get("xml"), f.Tag)
	_, ok = reflect.TypeOf(Amb{}).FieldByName("X")
	fmt.Println("ambiguous X found:", ok)
	f, ok = ct.FieldByNameFunc(func(s string) bool { return strings.HasPrefix(s, "W") })
	fmt.Println(ok, f.Name, f.Index)
	fmt.Println(ct.FieldByIndex([]int{1, 1}).Name, ct.FieldByIndex([]int{0, 1}).Tag.Get("json"))
	v, ok := reflect.StructTag(`a:"1" b:"x y" c:""`).Lookup("c")
	fmt.Printf("%q %v %q\n", v, ok, reflect.StructTag(`a:"1" b:"x y"`).Get("b"))
	c := C{A: A{1, "y"}, W: 3}
	cv := reflect.ValueOf(&c).Elem()
	fmt.Println(cv.FieldByName("Y"), cv.FieldByName("W"))
	_, err := cv.FieldByIndexErr([]int{1, 1})
	fmt.Println(err)
	try("FieldByIndex nil embedded", func() { cv.FieldByIndex([]int{1, 1}) })
	try("FieldByName non-struct", func() { reflect.TypeOf(1).FieldByName("X") })

	// Implements, AssignableTo, ConvertibleTo.
	stringer := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	errT := reflect.TypeOf((*error)(nil)).Elem()
	rwc := reflect.TypeOf((*io.ReadWriteCloser)(nil)).Elem()
	reader := reflect.TypeOf((*io.Reader)(nil)).Elem()
	anyT := reflect.TypeOf((*any)(nil)).Elem()
	mi := reflect.TypeOf(MyInt(0))
	fmt.Println(mi.Implements(stringer), reflect.TypeOf(0).Implements(stringer), mi.Implements(anyT))
	fmt.Println(reflect.TypeOf(rw{}).Implements(reader), reflect.TypeOf(rw{}).Implements(rwc), reflect.TypeOf(&rw{}).Implements(rwc))
	fmt.Println(rwc.Implements(reader), reader.Implements(rwc), reflect.TypeOf(errors.New("x")).Implements(errT))
	fmt.Println(mi.AssignableTo(reflect.TypeOf(0)), reflect.TypeOf(0).AssignableTo(mi), mi.AssignableTo(stringer), mi.AssignableTo(anyT))
	fmt.Println(reflect.TypeOf([]int{}).AssignableTo(reflect.TypeOf(IntSlice{})), reflect.TypeOf(IntSlice{}).AssignableTo(reflect.TypeOf([]int{})))
	fmt.Println(reflect.TypeOf(make(chan int)).AssignableTo(reflect.TypeOf(make(<-chan int))), reflect.TypeOf(make(<-chan int)).AssignableTo(reflect.TypeOf(make(chan int))))
	fmt.Println(mi.ConvertibleTo(reflect.TypeOf(MyInt2(0))), mi.ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf("").ConvertibleTo(reflect.TypeOf(Bytes{})), reflect.TypeOf(1.5).ConvertibleTo(reflect.TypeOf("")))
	fmt.Println(reflect.TypeOf([]int{}).ConvertibleTo(reflect.TypeOf([3]int{})), reflect.TypeOf([]int{}).ConvertibleTo(reflect.TypeOf(&[3]int{})), reflect.TypeOf(A{}).ConvertibleTo(reflect.TypeOf(B{})))
	try("Implements non-interface", func() { mi.Implements(mi) })
	try("Implements nil", func() { mi.Implements(nil) })

	// Convert.
	cvs := []struct {
		x any
		t reflect.Type
	}{
		{MyInt(65), reflect.TypeOf("")},
		{65, reflect.TypeOf(MyInt2(0))},
		{-1, reflect.TypeOf(uint8(0))},
		{300, reflect.TypeOf(int8(0))},
		{3.99, reflect.TypeOf(0)},
		{-3.99, reflect.TypeOf(uint(0))},
		{uint64(1 << 63), reflect.TypeOf(0.0)},
		{float32(1.1), reflect.TypeOf(0.0)},
		{2.5, reflect.TypeOf(Celsius(0))},
		{1 + 2i, reflect.TypeOf(complex64(0))},
		{"héllo", reflect.TypeOf(Bytes{})},
		{"héllo", reflect.TypeOf([]rune{})},
		{[]byte("bytes"), reflect.TypeOf("")},
		{[]rune{'r', 'ü'}, reflect.TypeOf("")},
		{[]int{1, 2, 3}, reflect.TypeOf([2]int{})},
		{[]int{1, 2, 3}, reflect.TypeOf(IntSlice{})},
		{MyInt(5), stringer},
		{MyInt(5), anyT},
		{0x1F600, reflect.TypeOf("")},
		{-1, reflect.TypeOf("")},
	}
	for _, cv := range cvs {
		r := reflect.ValueOf(cv.x).Convert(cv.t)
		fmt.Printf("%T(%v) -> %v %v %v\n", cv.x, cv.x, r.Type(), r.Interface(), reflect.ValueOf(cv.x).CanConvert(cv.t))
	}
	ap := reflect.ValueOf([]int{4, 5, 6}).Convert(reflect.TypeOf(&[3]int{}))
	fmt.Println(ap.Elem().Index(2), ap.Type())
	fmt.Println(reflect.ValueOf([]int{1}).CanConvert(reflect.TypeOf([2]int{})))
	try("Convert bad", func() { reflect.ValueOf("x").Convert(reflect.TypeOf(0)) })
	try("Convert short slice", func() { reflect.ValueOf([]int{1}).Convert(reflect.TypeOf([2]int{})) })

	// Type properties of every kind.
	types := []reflect.Type{
		reflect.TypeOf(0), mi, reflect.TypeOf(""), reflect.TypeOf([]int{}), reflect.TypeOf(IntSlice{}),
		reflect.TypeOf([2]string{}), reflect.TypeOf(map[string]bool{}), reflect.TypeOf(&c), reflect.TypeOf(C{}),
		reflect.TypeOf(make(chan<- int)), reflect.TypeOf(make(<-chan int)), reflect.TypeOf(make(chan int)),
		reflect.TypeOf(fmt.Println), errT, reflect.TypeOf((*Shape)(nil)).Elem(), reflect.TypeOf(struct{ A int }{}),
		reflect.TypeOf(errors.New("")), reflect.TypeOf(strings.Builder{}),
	}
	for _, t := range types {
		fmt.Printf("%v|%q|%q|%v|%v|%v|%v\n", t, t.Name(), t.PkgPath(), t.Kind(), t.NumMethod(), t.Comparable(), t.Size())
		if t.Kind() == reflect.Chan {
			fmt.Println("  dir", t.ChanDir())
		}
	}
	st := reflect.TypeOf((*Shape)(nil)).Elem()
	for i := 0; i < st.NumMethod(); i++ {
		m := st.Method(i)
		fmt.Println(i, m.Name, m.PkgPath, m.Type, m.IsExported())
	}
	m, ok := st.MethodByName("Area")
	fmt.Println(m.Name, m.Index, ok)
	fmt.Println(reflect.TypeOf(0).OverflowInt(1<<62), reflect.TypeOf(int16(0)).OverflowInt(1<<15), reflect.TypeOf(uint8(0)).OverflowUint(256), reflect.TypeOf(float32(0)).OverflowFloat(1e300))
	fmt.Println(reflect.TypeOf(0).CanSeq(), reflect.TypeOf(0).CanSeq2(), reflect.TypeOf([]int{}).CanSeq2(), reflect.TypeOf(A{}).CanSeq())

	// Type constructors keep identity with the program's types.
	fmt.Println(reflect.PointerTo(reflect.TypeOf(c)) == reflect.TypeOf(&c), reflect.PtrTo(reflect.TypeOf(0)) == reflect.TypeOf(new(int)))
	fmt.Println(reflect.SliceOf(reflect.TypeOf("")) == reflect.TypeOf([]string{}), reflect.SliceOf(reflect.TypeOf(A{})))
	fmt.Println(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(true)) == reflect.TypeOf(map[string]bool{}))
	pt := reflect.PointerTo(reflect.TypeOf(B{}))
	fmt.Println(pt, pt.Elem() == reflect.TypeOf(B{}), pt.Kind(), reflect.PointerTo(pt))
	nb := reflect.New(reflect.TypeOf(B{}))
	nb.Elem().Field(0).SetInt(3)
	fmt.Printf("%+v %v\n", nb.Elem().Interface(), nb.Type() == pt)
	fmt.Println(reflect.TypeFor[MyInt]() == mi, reflect.TypeFor[io.Reader]())
	if s, ok := reflect.TypeAssert[fmt.Stringer](reflect.ValueOf(MyInt(1))); ok {
		fmt.Println("TypeAssert", s.String())
	}
	_, ok = reflect.TypeAssert[int](reflect.ValueOf("x"))
	fmt.Println(ok)

	// Channels.
	ch := reflect.MakeChan(reflect.TypeOf(make(chan int)), 2)
	ch.Send(reflect.ValueOf(1))
	fmt.Println(ch.TrySend(reflect.ValueOf(2)), ch.TrySend(reflect.ValueOf(3)), ch.Len(), ch.Cap())
	x, ok := ch.Recv()
	fmt.Println(x, ok)
	x, ok = ch.TryRecv()
	fmt.Println(x, ok)
	x, ok = ch.TryRecv()
	fmt.Println(x.IsValid(), ok)
	ch.Close()
	x, ok = ch.Recv()
	fmt.Println(x, ok)
	try("send on recv-only", func() { reflect.ValueOf(make(<-chan int)).Send(reflect.ValueOf(1)) })
	try("recv on send-only", func() { reflect.ValueOf(make(chan<- int)).Recv() })
	try("close recv-only", func() { reflect.ValueOf(make(<-chan int)).Close() })
	try("MakeChan dir", func() { reflect.MakeChan(reflect.TypeOf(make(<-chan int)), 0) })
	try("send type", func() { reflect.MakeChan(reflect.TypeOf(make(chan int)), 1).Send(reflect.ValueOf("s")) })
	sc := reflect.MakeChan(reflect.TypeOf(make(chan string)), 3)
	sc.Send(reflect.ValueOf("a"))
	sc.Send(reflect.ValueOf("b"))
	sc.Close()
	for v := range sc.Seq() {
		fmt.Print(v, " ")
	}
	fmt.Println()

	// Seq and Seq2.
	for v := range reflect.ValueOf(3).Seq() {
		fmt.Print(v.Type(), v, " ")
	}
	for i, v := range reflect.ValueOf([]string{"p", "q"}).Seq2() {
		fmt.Print(i, v, " ")
	}
	for i, v := range reflect.ValueOf("hé!").Seq2() {
		fmt.Print(i, v, " ")
	}
	fmt.Println()

	// Equal, Comparable, DeepEqual.
	fmt.Println(reflect.ValueOf(1).Equal(reflect.ValueOf(1)), reflect.ValueOf(1).Equal(reflect.ValueOf(int64(1))), reflect.ValueOf(A{1, "a"}).Equal(reflect.ValueOf(A{1, "a"})))
	var e1, e2 any = 3, 3
	fmt.Println(reflect.ValueOf(&e1).Elem().Equal(reflect.ValueOf(&e2).Elem()), reflect.Value{}.Equal(reflect.Value{}))
	fmt.Println(reflect.ValueOf([]int{}).Comparable(), reflect.ValueOf(A{}).Comparable(), reflect.ValueOf(e1).Comparable(), reflect.ValueOf([1]any{[]int{}}).Comparable())
	try("Equal slices", func() { reflect.ValueOf([]int{}).Equal(reflect.ValueOf([]int{})) })
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual(c, c))

	// Swapper.
	words := []string{"d", "b", "a", "c"}
	sw := reflect.Swapper(words)
	sw(0, 3)
	fmt.Println(words)
	people := []A{{3, "c"}, {1, "a"}, {2, "b"}}
	sort.Slice(people, func(i, j int) bool { return people[i].X < people[j].X })
	fmt.Println(people)
	try("Swapper non-slice", func() { reflect.Swapper(1) })
	try("Swapper range", func() { reflect.Swapper([]int{1})(0, 1) })
	try("MapOf bad key", func() { reflect.MapOf(reflect.TypeOf([]int{}), reflect.TypeOf(0)) })
	try("ChanDir", func() { reflect.TypeOf(0).ChanDir() })
	fmt.Println(reflect.TypeOf(0).Elem())
}
