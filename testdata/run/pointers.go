// Pointers: locals escaping into closures and results, pointers to array/slice elements and struct fields, new(), pointer to pointer.
package main

type S struct {
	a   int
	arr [3]int
	in  struct{ x, y int }
}

func newInt(v int) *int {
	x := v
	return &x
}

func counter() (func() int, *int) {
	n := 0
	return func() int { n++; return n }, &n
}

func fieldPtr(s *S) *int { return &s.in.y }

func swap(a, b *int) { *a, *b = *b, *a }

func fill(p *[3]int, v int) {
	for i := range p {
		p[i] = v + i
	}
}

func main() {
	p1, p2 := newInt(1), newInt(2)
	println(*p1, *p2, p1 != p2)
	*p1 += 10
	swap(p1, p2)
	println(*p1, *p2)
	next, np := counter()
	next()
	next()
	*np += 100
	println(next(), *np)
	// pointers to array elements
	var arr [4]int
	e := &arr[2]
	*e = 7
	ap := &arr
	ap[3] = 9
	println(arr[2], arr[3], len(ap), *e)
	var sub [3]int
	sp3 := &sub
	fill(sp3, 20)
	println(sub[0], sub[1], sub[2], arr[2], *e)
	// pointer to slice element survives append into the same backing array only
	s := make([]int, 2, 4)
	q := &s[1]
	s = append(s, 5)
	*q = 3
	println(s[1], len(s), cap(s))
	s = append(s, 6, 7)
	*q = 4
	println(s[1], *q)
	// struct field pointers
	var st S
	fp := fieldPtr(&st)
	*fp = 42
	ep := &st.arr[1]
	*ep = 8
	ip := &st.in
	ip.x = 5
	println(st.in.y, st.arr[1], st.in.x)
	sp := &st
	sp.a = 1
	(*sp).arr[0] = 2
	println(st.a, st.arr[0])
	// new
	n := new(int)
	ns := new(S)
	na := new([2]string)
	pp := new(*int)
	println(*n, ns.a, ns.in.y, na[1] == "", *pp == nil)
	*pp = n
	**pp = 77
	println(*n)
	ppp := &pp
	***ppp = 78
	println(*n, **pp)
	// closures capturing loop variables by address
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		print(*p, " ")
	}
	println()
	// pointer identity of distinct escaped locals
	var fs []func() *int
	for i := 0; i < 2; i++ {
		v := i * 10
		fs = append(fs, func() *int { return &v })
	}
	a0, a1 := fs[0](), fs[1]()
	*a0 = 5
	println(*fs[0](), *a1, a0 == fs[0](), a0 == a1)
	// nil pointer comparisons
	var np2 *S
	println(np2 == nil, &st != nil)
}
