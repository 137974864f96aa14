// More runtime errors recovered and printed via Error(): every slice-bounds form, string bounds, negative shift, makeslice, nil func call, array index, uncomparable map key.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(interface{ Error() string }); ok {
			println(name+":", e.Error())
		} else if r != nil {
			println(name+": non-error panic")
		} else {
			println(name+": ok")
		}
	}()
	f()
}

type W struct{ a [4]int }

func main() {
	s := make([]int, 3, 6)
	str := "hello"
	var arr [4]int
	n := -1
	i, j, k := 2, 1, 7
	try("s[i:j]", func() { _ = s[i:j] })
	try("s[:k]", func() { _ = s[:k] })
	try("s[k:]", func() { _ = s[k:] })
	try("s[:4] within cap", func() { println(len(s[:4])) })
	try("s[:1:k]", func() { _ = s[:1:k] })
	try("s[:k:6]", func() { _ = s[:k:6] })
	try("s[i:j:6]", func() { _ = s[i:j:6] })
	try("s[n:]", func() { _ = s[n:] })
	try("s[n]", func() { _ = s[n] })
	try("str[k]", func() { _ = str[k] })
	try("str[i:j]", func() { _ = str[i:j] })
	try("str[:k]", func() { _ = str[:k] })
	try("arr[k]", func() { arr[k] = 1 })
	try("arr[k:]", func() { _ = arr[k:] })
	try("w.a[n]", func() { w := &W{}; w.a[n&7] = 1 })
	try("shift", func() { _ = 1 << n })
	try("shift ok", func() { println(1<<uint(i), 1>>k) })
	try("makeslice len", func() { _ = make([]int, n) })
	try("makeslice cap", func() { _ = make([]int, i, j) })
	try("nil func", func() { var f func(int) int; f(1) })
	try("map key", func() {
		m := map[interface{}]bool{}
		m[[]byte("x")] = true
	})
	try("map key func", func() {
		m := map[interface{}]bool{}
		_ = m[func() {}]
	})
	try("minint/-1", func() {
		x := -9223372036854775808
		y := -1
		println(x/y, x%y)
	})
	try("mod zero", func() { z := 0; _ = 5 % z })
	try("nested", func() {
		try("inner", func() { _ = s[k] })
		_ = str[k]
	})
	try("custom", func() { panic(W{}) })
}
