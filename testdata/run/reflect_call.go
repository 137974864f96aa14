package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Big struct {
	A [20]int
	S string
}

func (b Big) Sum(k int) int {
	t := k
	for _, x := range b.A {
		t += x
	}
	return t + len(b.S)
}

type Counter struct {
	N    int
	name string
}

func (c Counter) Get() int       { return c.N }
func (c *Counter) Add(d int) int { c.N += d; return c.N }
func (c Counter) Describe(p string, xs ...int) string {
	return fmt.Sprint(p, c.N, xs)
}
func (c Counter) hidden() {}

type Ptr struct{ v int }

func (p *Ptr) Set(v int) { p.v = v }
func (p *Ptr) Get() int  { return p.v }

type Getter interface {
	Get() int
}

type Fn func(int) int

func (f Fn) Apply(x int) int { return f(x) }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func div(a, b float64) (float64, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func bigf(b Big, k int) Big {
	b.A[0] += k
	b.A[19] = k
	b.S += "!"
	return b
}

func many(a int8, b int16, c int32, d int64, e uint8, f float32, g float64, h complex64, i complex128, j string, k bool, l []int, m map[int]int, n *int, o any, p error) string {
	return fmt.Sprint(a, b, c, d, e, f, g, h, i, j, k, l, m, *n, o, p)
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

func vals(xs ...any) []reflect.Value {
	var out []reflect.Value
	for _, x := range xs {
		out = append(out, reflect.ValueOf(x))
	}
	return out
}

func main() {
	// Plain functions, multiple results, errors.
	r := reflect.ValueOf(div).Call(vals(7.0, 2.0))
	fmt.Println(r[0].Float(), r[1].IsNil())
	r = reflect.ValueOf(div).Call(vals(7.0, 0.0))
	fmt.Println(r[0].Float(), r[1].Interface())
	// Variadic: Call packs, CallSlice passes the slice.
	fmt.Println(reflect.ValueOf(sum).Call(vals(1, 2, 3))[0].Int(), reflect.ValueOf(sum).Call(nil)[0].Int())
	fmt.Println(reflect.ValueOf(sum).CallSlice(vals([]int{4, 5}))[0].Int())
	// Big arguments and results.
	var b Big
	b.A[0] = 1
	b.S = "big"
	out := reflect.ValueOf(bigf).Call(vals(b, 5))[0].Interface().(Big)
	fmt.Println(out.A[0], out.A[19], out.S, b.A[0], b.S)
	// Many argument kinds.
	n := 3
	fmt.Println(reflect.ValueOf(many).Call(vals(int8(1), int16(2), int32(3), int64(4), uint8(5), float32(6.5), 7.5, complex64(8+1i), 9+2i, "ten", true, []int{11}, map[int]int{12: 12}, &n, "o", errors.New("p")))[0])
	// Closures capture their context.
	k := 10
	add := func(x int) int { k += x; return k }
	fmt.Println(reflect.ValueOf(add).Call(vals(5))[0].Int(), k)
	// Standard library functions and method values.
	fmt.Println(reflect.ValueOf(strings.Repeat).Call(vals("ab", 3))[0])
	fmt.Println(reflect.ValueOf(strings.ToUpper).Call(vals("up"))[0])
	var sb strings.Builder
	reflect.ValueOf(&sb).MethodByName("WriteString").Call(vals("built"))
	fmt.Println(sb.String())
	// Nil interface arguments.
	fmt.Println(reflect.ValueOf(func(e error) bool { return e == nil }).Call([]reflect.Value{reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())})[0].Bool())

	// Methods: value and pointer receivers, through Value.Method and Type.Method.
	c := Counter{N: 1, name: "c"}
	cv := reflect.ValueOf(c)
	pv := reflect.ValueOf(&c)
	fmt.Println(cv.NumMethod(), pv.NumMethod(), cv.Type().NumMethod(), pv.Type().NumMethod())
	for i := 0; i < pv.NumMethod(); i++ {
		m := pv.Type().Method(i)
		fmt.Println(i, m.Name, m.Type, m.Index, pv.Method(i).Type())
	}
	fmt.Println(cv.MethodByName("Get").Call(nil)[0].Int())
	fmt.Println(pv.MethodByName("Add").Call(vals(4))[0].Int(), c.N)
	fmt.Println(pv.MethodByName("Get").Call(nil)[0].Int())
	fmt.Println(cv.MethodByName("Describe").Call(vals("n=", 1, 2))[0])
	fmt.Println(cv.MethodByName("Describe").CallSlice(vals("s=", []int{3}))[0])
	fmt.Println(cv.MethodByName("hidden").IsValid(), cv.MethodByName("Nope").IsValid())
	m, ok := reflect.TypeOf(&c).MethodByName("Add")
	fmt.Println(ok, m.Type, m.Func.Type())
	fmt.Println(m.Func.Call(vals(&c, 10))[0].Int(), c.N)
	m, _ = reflect.TypeOf(c).MethodByName("Get")
	fmt.Println(m.Func.Call(vals(c))[0].Int())
	// Method value kind and Interface.
	mv := cv.MethodByName("Get")
	fmt.Println(mv.Kind(), mv.Type(), mv.IsNil(), mv.IsValid())
	// Pointer-receiver methods through interfaces.
	var g Getter = &Ptr{v: 6}
	gv := reflect.ValueOf(&g).Elem()
	fmt.Println(gv.Kind(), gv.NumMethod(), gv.Method(0).Call(nil)[0].Int())
	fmt.Println(gv.Type().Method(0).Name, gv.Type().Method(0).Type)
	reflect.ValueOf(g).MethodByName("Set").Call(vals(8))
	fmt.Println(g.Get())
	// Methods of func types.
	f := Fn(func(x int) int { return x * 3 })
	fmt.Println(reflect.ValueOf(f).MethodByName("Apply").Call(vals(4))[0].Int())
	fmt.Println(reflect.ValueOf(f).Call(vals(5))[0].Int())
	// Calling a func stored in a struct field and a map.
	type holder struct{ F func(string) string }
	h := holder{F: strings.TrimSpace}
	fmt.Printf("%q\n", reflect.ValueOf(h).Field(0).Call(vals("  x  "))[0].String())
	fm := map[string]func(int) int{"dbl": func(x int) int { return 2 * x }}
	fmt.Println(reflect.ValueOf(fm).MapIndex(reflect.ValueOf("dbl")).Call(vals(21))[0].Int())

	// Method values and Method.Func as func values.
	getf := cv.MethodByName("Get").Interface().(func() int)
	c.N = 100 // the method value copied its receiver
	fmt.Println(getf())
	addf := reflect.ValueOf(&c).MethodByName("Add").Interface().(func(int) int)
	fmt.Println(addf(1), c.N)
	descf := reflect.ValueOf(c).MethodByName("Describe").Interface().(func(string, ...int) string)
	fmt.Println(descf("v", 7, 8))
	gm, _ := reflect.TypeOf(c).MethodByName("Get")
	fmt.Println(gm.Func.Interface().(func(Counter) int)(Counter{N: 5}))
	am, _ := reflect.TypeOf(&c).MethodByName("Add")
	fmt.Println(am.Func.Interface().(func(*Counter, int) int)(&c, 2), c.N)
	dm, _ := reflect.TypeOf(b).MethodByName("Sum")
	fmt.Println(dm.Func.Interface().(func(Big, int) int)(b, 1), reflect.ValueOf(b).Method(0).Interface().(func(int) int)(2))
	var gi Getter = Counter{N: 9}
	fmt.Println(reflect.ValueOf(&gi).Elem().Method(0).Interface().(func() int)())
	var mvs []func() int
	for i := 0; i < 3; i++ {
		mvs = append(mvs, reflect.ValueOf(Counter{N: i}).MethodByName("Get").Interface().(func() int))
	}
	fmt.Println(mvs[0](), mvs[1](), mvs[2]())
	fv := reflect.New(reflect.TypeOf(func() int { return 0 })).Elem()
	fv.Set(cv.MethodByName("Get"))
	fmt.Println(fv.Call(nil)[0].Int(), fv.Interface().(func() int)())
	fmt.Println(reflect.ValueOf(Fn.Apply).Call(vals(f, 6))[0].Int())

	// Panics.
	try("nil func", func() {
		var nf func()
		reflect.ValueOf(nf).Call(nil)
	})
	try("too few", func() { reflect.ValueOf(div).Call(vals(1.0)) })
	try("too many", func() { reflect.ValueOf(div).Call(vals(1.0, 2.0, 3.0)) })
	try("wrong type", func() { reflect.ValueOf(div).Call(vals(1, 2.0)) })
	try("zero arg", func() { reflect.ValueOf(div).Call([]reflect.Value{{}, {}}) })
	try("variadic elem", func() { reflect.ValueOf(sum).Call(vals(1, "x")) })
	try("CallSlice non-variadic", func() { reflect.ValueOf(div).CallSlice(vals(1.0, 2.0)) })
	try("CallSlice too few", func() { reflect.ValueOf(sum).CallSlice(nil) })
	try("Call non-func", func() { reflect.ValueOf(1).Call(nil) })
	try("Call zero", func() { reflect.Value{}.Call(nil) })
	try("Method range", func() { cv.Method(10) })
	try("Method nil iface", func() {
		var ng Getter
		reflect.ValueOf(&ng).Elem().Method(0)
	})
	try("Call unexported field", func() {
		type hf struct{ f func() }
		reflect.ValueOf(hf{f: func() {}}).Field(0).Call(nil)
	})
	try("callee panics", func() { reflect.ValueOf(func() { panic("inner") }).Call(nil) })
	try("Method.Func receiver", func() { m.Func.Call(vals(1)) })
	reflect.ValueOf(div).Call(vals("x", 1.0))
}
