// Constants: iota patterns (skips, expressions, repeated lines, several per line), typed constants, huge untyped arithmetic, constant shifts.
package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

type Size uint64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
	TB
	PB
	EB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f = iota + 100, "s"
	g, h
)

const (
	x0 = iota * iota
	x1
	x2 = "str"
	x3
	x4 = iota
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagD
	FlagAll = FlagA | FlagB | FlagC | FlagD
)

const (
	Huge     = 1 << 200
	Big      = Huge >> 190
	Ratio    = Huge / (1 << 198)
	Frac     = 1.0 / 3.0
	Third    = Frac * 3
	MaxU64   = 1<<64 - 1
	MinI64   = -1 << 63
	Mixed    = 'a' + 1
	FloatInt = 1e20 / 1e18
	Exact    = (1<<100 + 1) - 1<<100
	Neg      = -(Huge - Huge + 5)
	ShiftF   = 2.0 << 3
)

const typed int32 = 1 << 30
const typedF float32 = 1.0 / 3.0
const typedS = "hello" + ", " + "world"
const strLen = len(typedS)
const runeC rune = 'é'

func (d Weekday) name() string {
	switch d {
	case Sunday:
		return "Sun"
	case Monday:
		return "Mon"
	}
	return "other"
}

func main() {
	println(Sunday, Monday, Tuesday, Thursday, Monday.name(), Thursday.name())
	println(KB, MB, GB, TB, PB, EB)
	println(a, b, c, d, e, f, g, h)
	println(x0, x1, x2, x3, x4)
	println(FlagA, FlagB, FlagC, FlagD, FlagAll, FlagAll&^FlagB)
	println(Big, Ratio, Frac, Third == 1, uint64(MaxU64), int64(MinI64), Mixed, FloatInt, Exact, Neg, ShiftF)
	println(typed/4*3, typedF, typedS, strLen, runeC, string(runeC))
	var s uint = 3
	var f32 float32 = 1 << 4
	println(1<<s, int8(1)<<s, f32, uint8(1<<8-1), 1<<62>>60)
	const c1 = 5 / 2
	const c2 = 5.0 / 2
	const c3 = 5 / 2.0
	const c4 = 'x' / 2
	println(c1, c2, c3, c4, 7%3, -7%3, -7/2)
	var i8 int8 = Huge >> 194
	var u Size = MB + 1
	println(i8, u, u%KB, Huge/Huge, Huge%7)
	const big = 12345678901234567890123456789
	println(big/1000000000000000000000, big%1000000000)
	println(len([3]int{}), cap([5]byte{}), len("héllo"))
	const ok = 1 < 2 && "a" < "b"
	println(ok, !ok, 3 == 3.0)
}
