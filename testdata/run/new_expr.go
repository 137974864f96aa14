// new(expr) (go 1.26): a new variable initialised to the value of expr.
package main

import "fmt"

type point struct{ x, y int }

type big struct {
	a [20]int
	s string
}

func pair() (int, string) { return 7, "seven" }

func two() int { return 2 }

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

type url struct {
	scheme, host string
	user         *string
}

func (u *url) clone() *url {
	uc := new(*u)
	return uc
}

func generic[T any](v T) *T { return new(v) }

func main() {
	p := new(42)
	fmt.Printf("%T %d\n", p, *p)
	f := new(1.5)
	fmt.Printf("%T %v\n", f, *f)
	r := new('x')
	fmt.Printf("%T %c\n", r, *r)
	b := new(true)
	fmt.Printf("%T %v\n", b, *b)
	s := new("hello")
	fmt.Printf("%T %s\n", s, *s)
	c := new(1 + 2i)
	fmt.Printf("%T %v\n", c, *c)
	var i8 int8 = 5
	q := new(i8)
	*q = 6
	fmt.Println(i8, *q)
	pt := new(point{1, 2})
	pt.x = 10
	fmt.Println(*pt)
	pp := new(&point{3, 4})
	fmt.Println((*pp).y)
	bg := new(big{s: "big"})
	bg.a[19] = 19
	fmt.Println(bg.a[19], bg.s)
	n := new(two() * 21)
	fmt.Println(*n)
	cmp := new(two() > 1)
	fmt.Printf("%T %v\n", cmp, *cmp)
	fn := new(counter())
	(*fn)()
	fmt.Println((*fn)())
	sl := new([]int{1, 2, 3})
	*sl = append(*sl, 4)
	fmt.Println(*sl, len(*sl))
	m := new(map[string]int{"a": 1})
	(*m)["b"] = 2
	fmt.Println(len(*m))
	var e error = fmt.Errorf("boom")
	pe := new(e)
	fmt.Println(*pe)
	var a any = 3
	pa := new(a)
	fmt.Printf("%T %v\n", pa, *pa)
	name := "gopher"
	u := &url{scheme: "https", host: "go.dev", user: &name}
	v := u.clone()
	v.host = "example.com"
	fmt.Println(u.host, v.host, *v.user)
	g := generic(3.25)
	fmt.Printf("%T %v\n", g, *g)
	gs := generic([2]string{"x", "y"})
	fmt.Println(gs[1])
	// Each evaluation makes a new variable.
	var ptrs []*int
	for k := range 3 {
		ptrs = append(ptrs, new(k*k))
	}
	for _, x := range ptrs {
		fmt.Print(*x, " ")
	}
	fmt.Println(ptrs[0] != ptrs[1])
	x, _ := pair()
	px := new(x)
	x = 8
	fmt.Println(*px, x)
	// new(T) still allocates a zero value.
	z := new(point)
	fmt.Println(*z, *new(int), *new(string) == "")
	const k = 1 << 10
	fmt.Println(*new(k), *new(int64(k)))
	var typed uint8 = 200
	fmt.Println(*new(typed + 100))
	fmt.Println(*new(len("abc")))
}
