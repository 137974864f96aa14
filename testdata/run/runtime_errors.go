// Runtime errors recovered and printed: index, slice bounds, nil map write, nil deref, assertion.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name+":", e.Error())
		} else {
			println(name+": no error")
		}
	}()
	f()
}

type T struct{ x int }

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("slice2", func() { j := 2; _ = s[j:1] })
	try("string index", func() { _ = "abc"[i] })
	var m map[string]int
	try("nil map", func() { m["a"] = 1 })
	var p *T
	try("nil deref", func() { println(p.x) })
	var e interface{} = "str"
	try("assert", func() { _ = e.(int) })
	try("divide", func() { z := 0; _ = 1 / z })
	try("fine", func() {})
}
