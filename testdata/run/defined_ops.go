// Operations whose LLVM counterparts have poison or undefined behaviour,
// with Go's defined results: shifts by counts at or above the width,
// MinInt / -1, division by zero, nil dereferences (the nil check must
// survive optimisation), constants with huge exponents and built-ins
// applied to multi-value calls. Each with values hidden from the optimiser
// (noinline) and visible to it (constant-propagated locals).

package main

import "unsafe"

//go:noinline
func n64(x int64) int64 { return x }

//go:noinline
func nu(x uint) uint { return x }

//go:noinline
func nptr(p *int) *int { return p }

type big struct {
	pad [8192]byte
	x   int
}

type T struct{ a, b int }

func (t T) Get() int { return t.a }

type I interface{ Get() int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "panic:", e.Error())
		} else if r != nil {
			println(name, "panic (not an error)")
		}
	}()
	f()
	println(name, "ok")
}

func shifts(c uint, s int64) {
	var i8 int8 = int8(s)
	var i16 int16 = int16(s)
	var i32 int32 = int32(s)
	var i64 int64 = s
	var u8 uint8 = uint8(s)
	var u16 uint16 = uint16(s)
	var u32 uint32 = uint32(s)
	var u64 uint64 = uint64(s)
	println(c, i8<<c, i8>>c, i16<<c, i16>>c, i32<<c, i32>>c, i64<<c, i64>>c)
	println(c, u8<<c, u8>>c, u16<<c, u16>>c, u32<<c, u32>>c, u64<<c, u64>>c)
}

//go:noinline
func shiftsHidden(c uint, s int64) { shifts(c, s) }

func divs(m1 int64) {
	a8, b8 := int8(-128), int8(m1)
	a16, b16 := int16(-32768), int16(m1)
	a32, b32 := int32(-2147483648), int32(m1)
	a64, b64 := int64(-9223372036854775808), m1
	println(a8/b8, a8%b8, a16/b16, a16%b16, a32/b32, a32%b32, a64/b64, a64%b64)
}

//go:noinline
func divsHidden(m1 int64) { divs(m1) }

func f2() ([]int, []int)               { return []int{1, 2, 3}, []int{7, 8} }
func fs() ([]byte, string)             { return make([]byte, 4), "hey" }
func g2() (float64, float64)           { return 1.5, -2 }
func g32() (float32, float32)          { return 3, 0.25 }
func h2() ([]int, int, int)            { return []int{1}, 2, 3 }
func hi() ([]interface{}, *int, string) { x := 42; return nil, &x, "s" }

type K string

func md() (map[K]int, K)          { return map[K]int{"a": 1, "b": 2}, "a" }
func mm() (int, int, int)          { return 5, -3, 9 }
func mf() (float64, float64)       { return 2.5, -0.5 }
func ms() (string, string, string) { return "b", "a", "c" }

var bytes4 = [4]byte{'a', 'b', 'c', 'd'}

func pa() (unsafe.Pointer, int) { return unsafe.Pointer(&bytes4[0]), 2 }
func ps() (*byte, uint8)        { return &bytes4[1], 3 }
func pl() (*byte, int)          { return &bytes4[0], 4 }
func one() []int                { return []int{1, 2} }

func main() {
	// Shifts: counts at and above the width.
	for _, c := range []uint{0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 65, 200, 1 << 40} {
		shiftsHidden(nu(c), n64(-3))
	}
	shifts(0, -3)
	shifts(8, -3)
	shifts(16, -3)
	shifts(32, -3)
	shifts(64, -3)
	shifts(1000, -3)
	{
		c := uint(70)
		x := -5
		y := uint(5)
		println(x<<c, x>>c, y<<c, y>>c, 1<<c == 0)
	}

	// MinInt / -1 and MinInt % -1.
	divsHidden(n64(-1))
	divs(-1)

	// Division by zero panics, whether or not the divisor is known.
	try("div hidden", func() { println(n64(7) / n64(0)) })
	try("rem hidden", func() { println(n64(7) % n64(0)) })
	try("div visible", func() {
		z := int32(0)
		println(int32(7) / z)
	})
	try("udiv visible", func() {
		z := uint8(0)
		println(uint8(7) % z)
	})

	// Nil dereferences panic even when the result is unused or the
	// pointer is known to be nil.
	try("load hidden", func() { println(*nptr(nil)) })
	try("load unused", func() {
		var p *int
		_ = *p
	})
	try("store visible", func() {
		var p *int
		*p = 1
	})
	try("field far", func() {
		var b *big
		println(b.x)
	})
	try("field addr", func() {
		var b *big
		q := &b.x
		_ = q
	})
	try("array ptr", func() {
		var a *[4]int
		println(a[2])
	})
	try("value method", func() {
		var t *T
		println(t.Get())
	})
	try("nil iface", func() {
		var i I
		println(i.Get())
	})
	try("nil func", func() {
		var f func() int
		println(f())
	})
	try("len nil array ptr", func() {
		var a *[4]int
		println(len(a), cap(a))
	})
	try("range nil array ptr", func() {
		var a *[4]int
		n := 0
		for i := range a {
			n += i
		}
		println(n)
	})

	// Constants with exponents far out of float64's range.
	var tiny = 1e-779137
	println(tiny, 1e-779137 == 0, 1e-779137 > 0, -1e-779137 < 0)
	const n, d = 1e646456992, 1e646456991
	x := n / d
	println(x == 10, x)
	const h = 1e779137
	println(h/1e779136, h > 1e308, 1/h == 0, float32(1e-779137*1e779137))

	// Built-ins applied to multi-value calls.
	println(copy(f2()))
	println(copy(fs()))
	println(complex(g2()))
	println(complex(g32()))
	a := append(h2())
	println(len(a), a[0], a[1], a[2])
	b := append(hi())
	println(len(b), *b[0].(*int), b[1].(string))
	println(len(append(h2())))
	mp, _ := md()
	delete(md())
	println(len(mp), mp["b"])
	println(min(mm()), max(mm()), min(mf()), max(mf()), min(ms()), max(ms()))
	println(*(*byte)(unsafe.Add(pa())) == 'c', unsafe.String(ps()), string(unsafe.Slice(pl())))
	println(len(one()), cap(append(one())), min(mf2()), real(complex(mf2(), 1)))
}

func mf2() float64 { return 0.5 }
