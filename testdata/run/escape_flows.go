// Escape analysis of address-taken locals (compiler/src/codegen/escape.rs):
// every route by which a local's address can outlive its frame or its
// loop iteration. Each route runs in a fresh goroutine (a small stack),
// keeps the address where the route puts it, grows the stack (which moves
// a frame variable), changes the variable and reads it back through what
// was kept: a variable wrongly left in the frame reads a stale copy.
package main

import "fmt"

type T struct {
	v    int
	next *T
}

func (t *T) get() int { return t.v }

type holder struct{ p *int }

type ifaceHolder struct{ x any }

var (
	gp    *int
	gany  any
	gs    []*int
	gm    = map[int]*int{}
	gfn   func() int
	gch   = make(chan *int, 1)
	gh    = &holder{}
	ghs   []holder
	gt    *T
	gpp   **int
	gmeth func() int
)

// grow recurses with a frame of about 200 bytes: 4000 levels move the
// stack of a fresh goroutine several times.
func grow(n int) int {
	var pad [20]int
	pad[n%20] = n
	if n == 0 {
		return pad[0]
	}
	return grow(n-1) + pad[n%20]&1
}

func put(pp **int, p *int)     { *pp = p }
func id(p *int) *int           { return p }
func keepIn(h *holder, p *int) { h.p = p }
func keep2(h *holder)          { gp = h.p }
func viaLocal(p *int) {
	var h holder
	h.p = p
	g := &h
	gp = g.p
}
func viaCopy(p *int) {
	var h holder
	h.p = p
	hp := new(holder)
	*hp = h
	gh = hp
}
func viaArray(p *int) {
	var arr [2]*int
	arr[1] = p
	for _, q := range arr {
		if q != nil {
			gp = q
		}
	}
}
func viaSlice(p *int) {
	var arr [2]*int
	arr[0] = p
	s := arr[:]
	gs = append(gs[:0], s...)
}
func viaCopyBuiltin(p *int) {
	var arr [1]*int
	arr[0] = p
	gs = make([]*int, 1)
	copy(gs, arr[:])
}
func viaIface(p *int) {
	var x any = p
	gany = x
}
func viaStructLit(p *int) { ghs = append(ghs, holder{p}) }
func viaIfaceField(p *int) {
	h := ifaceHolder{p}
	gany = h.x
}
func viaTypeSwitch(x any) {
	switch y := x.(type) {
	case *int:
		gp = y
	}
}
func viaDeep(pp **int) { gp = *pp }
func viaMulti(p *int) (*int, int) { return p, 1 }
func viaPtrPtr(p *int) {
	q := p
	qq := &q
	gpp = qq
}

// run starts f in a new goroutine and prints what it returns. Each
// route is a named function: variables of closures always get boxes.
func run(name string, f func() int) {
	c := make(chan int)
	go func() { c <- f() }()
	fmt.Println(name, <-c)
}

func route1() int {
	x := 1
	put(&gp, &x)
	grow(4000)
	x = 42
	return *gp
}

func route2() int {
	x := 1
	gp = id(&x)
	grow(4000)
	x = 43
	return *gp
}

func route3() int {
	x := 1
	h := &holder{}
	keepIn(h, &x)
	grow(4000)
	x = 44
	return *h.p
}

func route4() int {
	x := 1
	var h holder
	h.p = &x
	keep2(&h)
	grow(4000)
	x = 45
	return *gp
}

func route5() int {
	x := 1
	viaLocal(&x)
	grow(4000)
	x = 46
	return *gp
}

func route6() int {
	x := 1
	viaCopy(&x)
	grow(4000)
	x = 47
	return *gh.p
}

func route7() int {
	x := 1
	viaArray(&x)
	grow(4000)
	x = 48
	return *gp
}

func route8() int {
	x := 1
	viaSlice(&x)
	grow(4000)
	x = 49
	return *gs[0]
}

func route9() int {
	x := 1
	viaCopyBuiltin(&x)
	grow(4000)
	x = 50
	return *gs[0]
}

func route10() int {
	x := 1
	viaIface(&x)
	grow(4000)
	x = 51
	return *gany.(*int)
}

func route11() int {
	x := 1
	viaStructLit(&x)
	grow(4000)
	x = 52
	return *ghs[len(ghs)-1].p
}

func route12() int {
	x := 1
	viaIfaceField(&x)
	grow(4000)
	x = 53
	return *gany.(*int)
}

func route13() int {
	x := 1
	viaTypeSwitch(&x)
	grow(4000)
	x = 54
	return *gp
}

func route14() int {
	x := 1
	p := &x
	viaDeep(&p)
	grow(4000)
	x = 55
	return *gp
}

func route15() int {
	x := 1
	gp, _ = viaMulti(&x)
	grow(4000)
	x = 56
	return *gp
}

func route16() int {
	x := 1
	viaPtrPtr(&x)
	grow(4000)
	x = 57
	return **gpp
}

func route17() int {
	x := 1
	gm[0] = &x
	grow(4000)
	x = 58
	return *gm[0]
}

func route18() int {
	x := 1
	gch <- &x
	grow(4000)
	x = 59
	return *<-gch
}

func route19() int {
	x := 1
	gfn = func() int { return x }
	grow(4000)
	x = 60
	return gfn()
}

func route20() int {
	t := T{v: 1}
	gmeth = t.get
	grow(4000)
	t.v = 61
	return gmeth()
}

func route21() int {
	a := T{v: 1}
	b := T{v: 2, next: &a}
	gt = &T{next: &b}
	grow(4000)
	a.v = 62
	return gt.next.next.v
}

func routes() {
	run("store through pointer", route1)
	run("returned", route2)
	run("field of heap object", route3)
	run("frame struct then global", route4)
	run("callee local", route5)
	run("struct copied to heap", route6)
	run("range over frame array", route7)
	run("append spread", route8)
	run("copy", route9)
	run("interface", route10)
	run("struct literal in slice", route11)
	run("interface field", route12)
	run("type switch", route13)
	run("two dereferences", route14)
	run("multiple results", route15)
	run("pointer to a callee local", route16)
	run("map", route17)
	run("channel", route18)
	run("closure", route19)
	run("method value", route20)
	run("linked frames", route21)
}

// Variables of loop iterations: one frame slot would be shared.
func iterations() {
	var ptrs [3]*int
	for i := 0; i < 3; i++ {
		x := i * 10
		ptrs[i] = &x
	}
	fmt.Println("per iteration:", *ptrs[0], *ptrs[1], *ptrs[2])

	var last *int
	for i, p := 0, (*int)(nil); i < 3; i++ {
		if p != nil {
			fmt.Println("previous iteration's i:", *p)
		}
		p = &i
		last = p
	}
	fmt.Println("last:", *last)

	type self struct {
		n    int
		prev *self
	}
	for t := (self{}); t.n < 3; t.n++ {
		if t.prev != nil {
			fmt.Println("previous iteration's t:", t.prev.n)
		}
		t.prev = &t
	}

	var byRange [3]*int
	for i, v := range [3]int{7, 8, 9} {
		byRange[i] = &v
	}
	fmt.Println("range values:", *byRange[0], *byRange[1], *byRange[2])

	var saved [3]*int
	n := 0
again:
	v := n * 100
	saved[n] = &v
	n++
	if n < 3 {
		goto again
	}
	fmt.Println("goto:", *saved[0], *saved[1], *saved[2])

	var chain *T
	for i := 0; i < 3; i++ {
		t := T{v: i, next: chain}
		chain = &t
	}
	for c, k := chain, 0; c != nil && k < 5; c, k = c.next, k+1 {
		fmt.Print(c.v, " ")
	}
	fmt.Println()
}

// Pointers into callers' frames that never leave the goroutine's frames
// (they stay there): they must survive the stack moves.
type frame struct {
	parent *frame
	depth  int
	acc    [4]int
}

func walk(p *frame, n int) int {
	var f frame
	f.parent = p
	f.depth = p.depth + 1
	f.acc[n&3] = n
	if n == 0 {
		s := 0
		q := &f
		for i := 0; i < 100 && q != nil; i++ {
			s += q.depth
			q = q.parent
		}
		return s
	}
	return walk(&f, n-1) + f.acc[n&3]&1
}

func sum(xs *[8]int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func frames() {
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func(g int) {
			var root frame
			root.depth = g
			var buf [8]int
			for i := range buf {
				buf[i] = i + g
			}
			done <- walk(&root, 20000+g) + sum(&buf)
		}(g)
	}
	t := 0
	for g := 0; g < 4; g++ {
		t += <-done
	}
	fmt.Println("frames:", t)
}

func main() {
	routes()
	iterations()
	frames()
}
