// Slices: append growth caps for several element sizes, overlapping copy, 3-index slicing, aliasing arrays, nil vs empty, append to itself.
package main

type big struct {
	a, b, c int64
	d      byte
}

// Package-level slices escape, so gc does not give them a stack buffer (whose
// caps depend on escape analysis) and growth follows growslice alone.
var (
	a  []int
	b  []byte
	st []big
	ss []string
)

func main() {
	for i := 0; i < 20; i++ {
		a = append(a, i)
		print(len(a), ":", cap(a), " ")
	}
	println()
	for i := 0; i < 40; i++ {
		b = append(b, byte(i))
		print(cap(b), " ")
	}
	println()
	for i := 0; i < 12; i++ {
		st = append(st, big{d: byte(i)})
		print(cap(st), " ")
	}
	println()
	for i := 0; i < 10; i++ {
		ss = append(ss, "x")
		print(cap(ss), " ")
	}
	println()
	// append several at once past capacity
	c := make([]int, 3, 3)
	c = append(c, 1, 2, 3, 4)
	println(len(c), cap(c))
	d := append([]int32(nil), make([]int32, 13)...)
	println(len(d), cap(d))
	e := append(make([]int, 600), 1)
	println(len(e), cap(e))
	e = append(e[:1000:1000], 1)
	println(len(e), cap(e))
	f := append([]byte("hello"), " world"...)
	println(string(f), len(f), cap(f))
	// overlapping copy
	o := []int{0, 1, 2, 3, 4, 5, 6, 7}
	n := copy(o[2:], o)
	println(n, o[0], o[1], o[2], o[3], o[7])
	o = []int{0, 1, 2, 3, 4, 5, 6, 7}
	n = copy(o, o[3:])
	println(n, o[0], o[4], o[5], o[7])
	bs := []byte("abcdef")
	n = copy(bs[1:], "XYZ")
	println(n, string(bs))
	// 3-index slicing
	arr := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	t := arr[2:4:5]
	println(len(t), cap(t), t[0])
	t = append(t, 100) // fits: writes arr[4]
	println(arr[4], len(t), cap(t))
	t = append(t, 200) // reallocates
	t[0] = -1
	println(arr[2], arr[5], t[0], t[3])
	u := arr[:0:0]
	u = append(u, 9)
	println(arr[0], u[0])
	// slices of arrays alias
	s1 := arr[1:3]
	s2 := arr[2:6]
	s1[1] = 55
	println(arr[2], s2[0], cap(s1), cap(s2))
	pa := &arr
	s3 := pa[5:]
	s3[0] = 66
	println(arr[5], len(s3))
	// nil vs empty
	var ns []int
	es := []int{}
	ms := make([]int, 0)
	println(ns == nil, es == nil, ms == nil, len(ns), cap(es))
	ns = append(ns, es...)
	println(ns == nil)
	ns = append(ns[:0], ms...)
	println(ns == nil, len(ns[0:0]))
	ns2 := ns[:]
	println(ns2 == nil)
	// append of a slice to itself
	self := []int{1, 2, 3}
	self = append(self, self...)
	println(len(self), cap(self), self[3], self[5])
	self = append(self[:2], self[1:]...)
	println(len(self), self[0], self[1], self[2], self[3], self[6])
	w := make([]int, 2, 10)
	w[0], w[1] = 7, 8
	w2 := append(w, w...)
	w2[0] = 70
	println(w[0], len(w2), cap(w2), w2[3])
	// slicing a string and a slice to full length
	str := "golang"
	println(str[2:], str[:2], str[2:4], len(str[6:]))
	full := a[:cap(a)]
	println(len(full), full[19])
	// multi-dimensional
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		grid[i][i] = i
	}
	println(len(grid[2]), grid[2][2], grid[1][0])
}
