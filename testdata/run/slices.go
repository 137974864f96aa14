// Slices: make, append growth, aliasing, slicing with capacity, copy, nil slices.
package main

func main() {
	var s []int
	println(s == nil, len(s), cap(s))
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	println(len(s), s[9])
	t := s[2:5]
	t[0] = 99
	println(s[2], len(t), cap(t))
	u := s[2:4:5]
	u = append(u, -1)
	println(s[4], len(u), cap(u))
	u = append(u, -2)
	u[0] = 0
	println(s[2], s[5])
	m := make([]string, 3, 10)
	m[1] = "b"
	println(len(m), cap(m), m[0] == "", m[1])
	d := make([]int, 4)
	n := copy(d, s)
	println(n, d[0], d[3])
	n = copy(d[1:], d)
	println(n, d[0], d[1], d[2], d[3])
	b := []byte("hello")
	n = copy(b, "HE")
	println(n, string(b))
	x := append([]int{1, 2}, []int{3, 4}...)
	println(len(x), x[3])
	var total int
	for i, v := range x {
		total += i * v
	}
	println(total)
}
