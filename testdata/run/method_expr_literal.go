// Method expressions on type literals: interface{ m() }.m and struct{ T }.m (promoted).
package main

type S struct{ v int }

func (s S) m1(x string) { println("m1", s.v, x) }

type T struct{ n int }

func (t T) m2() int { return t.n * 2 }

func main() {
	f := interface{ m1(string) }.m1
	f(S{1}, "a")
	interface{ m1(string) }.m1(S{2}, "b")
	g := struct{ T }.m2
	println(g(struct{ T }{T{21}}))
}
