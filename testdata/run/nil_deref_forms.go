// Which uses of a nil pointer panic: unused field loads, value-receiver calls, embedded pointers, nil *array slicing; pointer-receiver calls do not.
package main

type T struct{ a, n int }
type E struct {
	*T
	k int
}

func (t *T) PM() string { return "pm ok" }
func (t T) VM() string  { return "vm" }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(interface{ Error() string }); ok {
			println(name, e.Error())
		} else {
			println(name, "ok")
		}
	}()
	f()
}

func main() {
	var p *T
	try("pm", func() { println(p.PM()) })
	try("vm", func() { println(p.VM()) })
	try("store", func() { p.n = 1 })
	try("addr", func() { q := &p.n; _ = q })
	var e E
	try("embedded pm", func() { println(e.PM()) })
	try("embedded field", func() { _ = e.n })
	try("embedded store", func() { e.a = 2 })
	var ap *[3]int
	try("len", func() { println(len(ap)) })
	try("range idx", func() {
		for i := range ap {
			print(i)
		}
		println()
	})
	try("range val", func() {
		for _, v := range ap {
			print(v)
		}
	})
	try("deref assign", func() { *p = T{} })
	pm := p.PM
	println(pm())
	try("method value vm", func() { f := p.VM; _ = f })
	try("nil array ptr slice", func() { _ = ap[:] })
	try("unused deref", func() { x := *ap; _ = x })
	var r interface{ VM() string }
	try("nil iface call", func() { r.VM() })
	r = p
	try("iface holding nil *T, value method", func() { callVM(r) })
}

// callVM is not inlined, so gc cannot devirtualize the call (a
// devirtualized call dereferences the nil *T itself: a nil dereference
// instead of the wrapper's panicwrap message).
//
//go:noinline
func callVM(r interface{ VM() string }) { r.VM() }
