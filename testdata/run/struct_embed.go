// Structs: multi-level embedding, embedded pointers, promoted fields and methods through values and pointers, shadowing by depth, ==, arrays of structs, independent copies.
package main

type Base struct {
	ID   int
	Tags [2]string
}

func (b Base) Describe() string { return "base" + itoa(b.ID) }
func (b *Base) SetID(id int)    { b.ID = id }

type Mid struct {
	Base
	Level int
}

func (m *Mid) Bump() { m.Level++; m.ID += 100 }

type Top struct {
	*Mid
	Name string
	ID   string // shadows Base.ID at a shallower depth
}

type Pair struct {
	A, B int8
	S    string
	F    float64
}

type Inner struct{ v [3]int }
type Outer struct {
	in  Inner
	arr [2]Inner
	p   *Inner
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

func modify(o Outer) Outer {
	o.in.v[0] = 99
	o.arr[1].v[2] = 77
	o.p.v[1] = 55 // shared through the pointer
	return o
}

func main() {
	m := Mid{Base{1, [2]string{"a", "b"}}, 5}
	m.SetID(7) // promoted pointer method on addressable value
	m.Bump()
	println(m.ID, m.Level, m.Describe(), m.Base.Tags[1])
	t := Top{&m, "top", "shadow"}
	t.SetID(3)
	t.Bump()
	println(t.ID, t.Mid.ID, t.Base.ID, t.Level, t.Describe(), m.ID)
	t.Tags[0] = "z"
	println(m.Tags[0], t.Mid.Base.Tags[0])
	pt := &t
	pt.Level = 42
	println(m.Level, pt.Describe())
	f := t.Describe // method value through embedded pointer: copies Base now
	m.ID = 1000
	println(f(), t.Describe())
	// struct equality with mixed field kinds
	p1 := Pair{1, -1, "x", 0.5}
	p2 := Pair{1, -1, "x", 0.5}
	p3 := p1
	p3.S = "y"
	println(p1 == p2, p1 != p3, p1 == Pair{A: 1, B: -1, S: "x", F: 0.5})
	nan := 0.0
	nan = nan / nan
	n1 := Pair{F: nan}
	n2 := n1
	println(n1 == n2, Pair{F: 0} == Pair{F: -0.0})
	// arrays of structs: value semantics
	arr := [3]Pair{{A: 1}, {A: 2}, {A: 3}}
	arr2 := arr
	arr2[1].S = "changed"
	for i := range arr {
		arr[i].B = int8(i * 10)
	}
	println(arr[1].S == "", arr2[1].S, arr[2].B, arr2[2].B, arr == arr2)
	for _, p := range arr {
		p.A = 100 // modifies the copy
	}
	println(arr[0].A, arr[1].A)
	ps := arr[:]
	ps[0].A = 50
	println(arr[0].A)
	// nested copies
	shared := &Inner{}
	o := Outer{p: shared}
	o.arr[0].v[0] = 1
	o2 := modify(o)
	println(o.in.v[0], o2.in.v[0], o.arr[1].v[2], o2.arr[1].v[2], shared.v[1], o.p == o2.p)
	println(o == o2, o.arr[0] == o2.arr[0])
	// struct pointers comparison
	a, b := &Inner{}, &Inner{}
	println(a == b, *a == *b, a == a)
	// anonymous struct with embedded field
	anon := struct {
		Base
		X int
	}{Base: Base{ID: 9}, X: 1}
	println(anon.ID, anon.Describe(), anon.X)
}
