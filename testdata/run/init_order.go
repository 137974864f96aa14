// Package initialisation: variables in dependency order (through functions, methods, closures), multi-value initialisers, several init() functions in source order, init seeing initialised variables.
package main

var trace string

func note(s string) int {
	trace += s + " "
	return len(trace)
}

var (
	a = c + b // depends on b and c: initialised after them
	b = f()
	c = note("c")
	d = 3
)

func f() int {
	note("b")
	return d * 10
}

var x, y = pair()

func pair() (int, string) {
	note("pair")
	return e * 2, "y"
}

var e = note("e")

type T struct{ n int }

func (t T) val() int { return t.n + g }

var tv = T{5}
var viaMethod = tv.val() // depends on g through the method body
var viaMethodExpr = (*T).ptrVal(&tv)
var g = note("g")
var g2 = note("g2")

func (t *T) ptrVal() int { return t.n * g2 }

var viaClosure = func() int { return h * 2 }()
var h = note("h")

var table = map[string]int{"k": k1}
var k1 = note("k1")

var arr = [3]int{len(trace), 0, 0}

var initCount int

var _ = note("blank")

func init() {
	initCount++
	note("init1")
	println("init1 sees a =", a, "x =", x, "viaMethod =", viaMethod, "initCount =", initCount)
}

var late = note("late")

func init() {
	initCount++
	note("init2")
	println("init2: initCount =", initCount, "late =", late)
}

func init() {
	initCount++
	arr[1] = initCount
}

func main() {
	println(trace)
	println(a, b, c, d, x, y, e)
	println(viaMethod, viaMethodExpr, g, viaClosure, h, table["k"], k1, arr[0], arr[1], initCount)
}
