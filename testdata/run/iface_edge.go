// Interfaces: embedding, method sets with pointer receivers, comma-ok and panicking assertions (panic text), type switches, == on interfaces holding structs, uncomparable dynamic types.
package main

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type RW interface {
	Reader
	Writer
}

type File struct {
	name string
	data string
}

func (f *File) Read() string        { return f.data }
func (f *File) Write(s string) int { f.data += s; return len(s) }

type Mem struct{ buf string }

func (m Mem) Read() string { return "mem:" + m.buf }

type P struct {
	x, y int
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(interface{ Error() string }); ok {
			println(name, "->", e.Error())
		} else {
			println(name, "-> no panic")
		}
	}()
	f()
}

func classify(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		_ = v
		return "some int"
	case RW:
		return "rw " + v.Read()
	case Reader:
		return "reader " + v.Read()
	case P, *P:
		return "point"
	case func():
		return "func"
	case error:
		return "error"
	}
	return "default"
}

func main() {
	f := &File{name: "f"}
	var rw RW = f
	rw.Write("hello")
	var r Reader = rw // interface to embedded interface
	println(r.Read(), rw.Read())
	w, ok := r.(Writer)
	println(ok, w.Write("!"), f.data)
	var r2 Reader = Mem{"m"}
	_, ok = r2.(Writer)
	_, ok2 := r2.(RW)
	m, ok3 := r2.(Mem)
	println(ok, ok2, ok3, m.buf)
	// pointer-receiver methods: *File implements Reader, Mem and *Mem both do
	var r3 Reader = &Mem{"pm"}
	println(r3.Read(), classify(r3), classify(Mem{}), classify(f))
	println(classify(nil), classify(3), classify(int64(3)), classify(P{}), classify(&P{}), classify(func() {}), classify(1.5))
	var nilFile *File
	var rn Reader = nilFile
	_, isRW := rn.(RW)
	println(rn == nil, rn != nil, isRW, nilFile == nil)
	// interface equality with structs and pointers
	var a, b interface{} = P{1, 2}, P{1, 2}
	var c interface{} = &P{1, 2}
	var d interface{} = c
	println(a == b, a == c, c == d, a != P{2, 1}, a == interface{}(P{1, 2}))
	var e1 interface{} = int32(1)
	var e2 interface{} = int64(1)
	println(e1 == e2, e1 == interface{}(int32(1)))
	var rr1, rr2 Reader = Mem{"x"}, Mem{"x"}
	println(rr1 == rr2, rr1 == Reader(Mem{"y"}))
	// comparing interfaces holding uncomparable types panics
	try("slice ==", func() {
		var x, y interface{} = []int{1}, []int{1}
		println(x == y)
	})
	try("map ==", func() {
		var x, y interface{} = map[int]int{}, map[int]int{}
		println(x == y)
	})
	try("func ==", func() {
		var x, y interface{} = func() {}, 1
		println(x == y) // different types: no panic, false
	})
	try("struct with slice ==", func() {
		type S struct{ s []int }
		var x, y interface{} = S{}, S{}
		println(x == y)
	})
	try("map key", func() {
		mk := map[interface{}]int{}
		mk[[]int{1}] = 1
	})
	// assertion failures
	try("E2T", func() {
		var x interface{} = "s"
		_ = x.(int)
	})
	try("E2T nil", func() {
		var x interface{}
		_ = x.(int)
	})
	try("I2T", func() {
		_ = r2.(*File)
	})
	try("E2I missing method", func() {
		var x interface{} = Mem{}
		_ = x.(Writer)
	})
	try("I2I nil", func() {
		var x Reader
		_ = x.(RW)
	})
	try("E2T named", func() {
		var x interface{} = P{}
		_ = x.(*P)
	})
	try("ok", func() {
		var x interface{} = P{3, 4}
		println(x.(P).y)
	})
}
