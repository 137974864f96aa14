package main

import (
	"fmt"
	"runtime"
)

type R16 struct {
	Lo, Hi, Stride uint16
}

type Table struct {
	R16    []R16
	Names  []string
	Latin  int
	Parent *Table
}

type Big struct {
	A [10]int
	S string
}

var tbl = &Table{
	R16: []R16{
		{0x41, 0x5a, 1}, {0x61, 0x7a, 1}, {0xaa, 0xb5, 11}, {0xba, 0xc0, 6},
		{0xc1, 0xd6, 1}, {0xd8, 0xf6, 1}, {0xf8, 0x2c1, 1}, {0x2c6, 0x2d1, 1},
		{0x2e0, 0x2e4, 1},
	},
	Names: []string{"a", "bb", "", "dddd", "e", "f", "g", "h", "i", "j"},
	Latin: 3,
}

var sparse = [...]float64{3: 1.5, 9: -2, 0: 7, 12: 1e300}

var keyed = []string{5: "five", 1: "one", 9: "nine", "ten", 2: "two", "three", "four", 0: "zero"}

func fresh() []int {
	return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
}

func freshArr() [12]int8 {
	return [12]int8{-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12}
}

func mixed(x int) []int {
	// constants, then a variable: the pending constants are stored first
	return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, x, 11, 12, 13}
}

var counter int

func next() int { counter++; return counter * 100 }

func order() []int {
	return []int{1, 2, 3, next(), 5, 6, 7, next(), 9, 10, next()}
}

func bigs() []Big {
	return []Big{{S: "x"}, {A: [10]int{1}}, {}, {}, {}, {}, {}, {}, {S: "last"}}
}

type node struct {
	name string
	kids []*node
}

func tree() *node {
	return &node{"root", []*node{{"a", nil}, {"b", nil}, {"c", nil}, {"d", nil}, {"e", nil}, {"f", nil}, {"g", nil}, {"h", nil}}}
}

type iface interface{ M() int }
type impl int

func (i impl) M() int { return int(i) }

func main() {
	fmt.Println(tbl.R16, len(tbl.R16), cap(tbl.R16), tbl.Names, tbl.Latin, tbl.Parent)
	fmt.Println(sparse, len(sparse))
	fmt.Printf("%q %d\n", keyed, len(keyed))
	a, b := fresh(), fresh()
	a[0] = 99
	runtime.GC()
	fmt.Println(a, b)
	x, y := freshArr(), freshArr()
	x[11] = 0
	fmt.Println(x, y)
	fmt.Println(mixed(10), mixed(-1))
	fmt.Println(order(), order())
	bs := bigs()
	bs[0].A[0] = 5
	fmt.Println(bs, bigs()[0])
	t := tree()
	t.kids[3].name = "D"
	fmt.Println(t.name, len(t.kids), t.kids[3].name, tree().kids[3].name)
	fns := []func() int{next, next, next, next, next, next, next, next, next}
	fmt.Println(fns[8]())
	is := []iface{impl(1), impl(2), impl(3), impl(4), impl(5), impl(6), impl(7), impl(8)}
	sum := 0
	for _, i := range is {
		sum += i.M()
	}
	anys := []any{1, "two", 3.0, nil, true, 'x', uint8(7), [2]int{1, 2}, struct{}{}}
	fmt.Println(sum, anys)
	m := [][]string{{"a", "b", "c", "d", "e", "f", "g", "h"}, {"i", "j", "k", "l", "m", "n", "o", "p"}}
	m[1][7] = "P"
	fmt.Println(m, len(m[0]))
	ps := []*int{nil, nil, nil, nil, nil, nil, nil, nil, &counter}
	*ps[8]++
	fmt.Println(*ps[8], ps[0] == nil)
}
