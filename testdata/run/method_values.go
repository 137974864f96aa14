// Methods: receivers copied at method-value evaluation, method expressions T.M and (*T).M, methods on named slices, maps, funcs, ints, bools and arrays.
package main

type V struct{ n int }

func (v V) Get() int        { return v.n }
func (v *V) Add(d int) int  { v.n += d; return v.n }
func (v V) With(d int) V    { v.n += d; return v }
func (v *V) Self() *V       { return v }

type Stack []int

func (s *Stack) Push(x int) { *s = append(*s, x) }
func (s *Stack) Pop() int {
	old := *s
	x := old[len(old)-1]
	*s = old[:len(old)-1]
	return x
}
func (s Stack) Top() int { return s[len(s)-1] }
func (s Stack) Len() int { return len(s) }

type Set map[string]bool

func (s Set) Add(k string) Set { s[k] = true; return s }
func (s Set) Has(k string) bool { return s[k] }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }
func (o Op) Twice() Op           { return func(a, b int) int { return o(o(a, b), b) } }

type Bits uint8

func (b Bits) Has(f Bits) bool { return b&f != 0 }
func (b *Bits) Set(f Bits)     { *b |= f }
func (b Bits) Count() (n int) {
	for ; b != 0; b &= b - 1 {
		n++
	}
	return
}

type Flag bool

func (f Flag) Not() Flag { return !f }

type Vec [3]int

func (v Vec) Sum() int     { return v[0] + v[1] + v[2] }
func (v *Vec) Scale(k int) { v[0] *= k; v[1] *= k; v[2] *= k }

func call(f func() int) int { return f() }

func main() {
	v := V{1}
	get := v.Get // receiver copied now
	add := v.Add // &v captured
	v.n = 10
	println(get(), add(5), v.n, v.Get())
	pv := &v
	pget := pv.Get // *pv copied now
	pv.n = 20
	println(pget(), pv.Get(), call(pv.Get), call(v.Get))
	// method expressions
	fg := V.Get
	fa := (*V).Add
	fpg := (*V).Get
	fw := V.With
	println(fg(v), fa(&v, 1), fpg(&v), fw(v, 100).n, v.n)
	println(v.With(1).With(2).Get(), v.Self().Self().Add(3), v.n)
	// named slice with pointer receivers
	var s Stack
	for i := 1; i <= 5; i++ {
		s.Push(i * i)
	}
	println(s.Len(), s.Top(), s.Pop(), s.Pop(), s.Len(), Stack.Len(s))
	push := s.Push
	push(99)
	println(s.Top(), len(s))
	// named map
	set := Set{}
	set.Add("a").Add("b")
	println(set.Has("a"), set.Has("z"), len(set), Set(nil).Has("a"))
	// named func type
	var plus Op = func(a, b int) int { return a + b }
	mul := Op(func(a, b int) int { return a * b })
	println(plus.Apply(2, 3), plus.Twice()(2, 3), mul.Twice().Twice()(1, 2), Op.Apply(mul, 6, 7))
	// named integer with value and pointer methods
	var b Bits
	b.Set(1)
	b.Set(8)
	setter := b.Set
	setter(128)
	println(b, b.Has(8), b.Has(2), b.Count(), Bits(255).Count())
	// bool and array receivers
	var fl Flag
	println(fl.Not(), fl.Not().Not())
	vec := Vec{1, 2, 3}
	sum := vec.Sum
	vec.Scale(10)
	println(sum(), vec.Sum(), Vec.Sum(vec), vec[2])
	// method value of a value in a slice element and map element
	vs := []V{{1}, {2}}
	g0 := vs[0].Get
	a1 := vs[1].Add
	vs[0].n = 50
	a1(40)
	println(g0(), vs[1].n)
	mv := map[string]V{"k": {7}}
	gk := mv["k"].Get
	mv["k"] = V{8}
	println(gk(), mv["k"].Get())
	// method values in a slice of funcs
	fns := []func() int{v.Get, pv.Get, vs[1].Get}
	v.n = -1
	for _, f := range fns {
		print(f(), " ")
	}
	println()
}
