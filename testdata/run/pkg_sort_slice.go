// sort.Slice, SliceStable, SliceIsSorted on slices of ints, strings,
// structs of several sizes (stability and gc's pdqsort order of equal
// elements), large inputs, and the panics on non-slices.
package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type small struct {
	k byte
	v int16
}

type big struct {
	key  int
	pad  [5]int64
	name string
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	ints := []int{5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
	sort.Slice(ints, func(i, j int) bool { return ints[i] < ints[j] })
	fmt.Println(ints, sort.SliceIsSorted(ints, func(i, j int) bool { return ints[i] < ints[j] }))
	strs := []string{"pear", "apple", "fig", "banana", "kiwi"}
	sort.Slice(strs, func(i, j int) bool { return len(strs[i]) < len(strs[j]) })
	fmt.Println(strs, sort.SliceIsSorted(strs, func(i, j int) bool { return strs[i] < strs[j] }))

	people := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dave", 25}, {"Eve", 35}, {"Frank", 30}, {"Grace", 25}}
	st := append([]person(nil), people...)
	sort.SliceStable(st, func(i, j int) bool { return st[i].age < st[j].age })
	fmt.Println(st)
	// Unstable sort of many equal keys: the order of equal elements is
	// pdqsort's, which must be gc's.
	var many []person
	for i := 0; i < 200; i++ {
		many = append(many, person{fmt.Sprint("p", i), (i * 7919) % 13})
	}
	sort.Slice(many, func(i, j int) bool { return many[i].age < many[j].age })
	for i := 0; i < 200; i += 17 {
		fmt.Print(many[i].name, ":", many[i].age, " ")
	}
	fmt.Println()
	sm := []small{{3, 1}, {1, 2}, {3, 3}, {2, 4}, {1, 5}}
	sort.SliceStable(sm, func(i, j int) bool { return sm[i].k < sm[j].k })
	fmt.Println(sm)
	var bigs []big
	for i := 0; i < 50; i++ {
		bigs = append(bigs, big{key: (i * 31) % 10, name: fmt.Sprint("b", i)})
	}
	sort.Slice(bigs, func(i, j int) bool { return bigs[i].key > bigs[j].key })
	for _, b := range bigs[:12] {
		fmt.Print(b.key, b.name, " ")
	}
	fmt.Println()
	sort.SliceStable(bigs, func(i, j int) bool { return bigs[i].key < bigs[j].key })
	for _, b := range bigs[:12] {
		fmt.Print(b.key, b.name, " ")
	}
	fmt.Println()
	fl := []float32{2.5, -1, 3.25, 0}
	sort.Slice(fl, func(i, j int) bool { return fl[i] > fl[j] })
	fmt.Println(fl)
	bs := []byte("sorting")
	sort.Slice(bs, func(i, j int) bool { return bs[i] < bs[j] })
	fmt.Println(string(bs))
	var empty []int
	sort.Slice(empty, func(i, j int) bool { return true })
	one := []int{1}
	sort.SliceStable(one, func(i, j int) bool { return true })
	fmt.Println(empty, one, sort.SliceIsSorted(empty, nil), sort.SliceIsSorted([]int{2, 1}, func(i, j int) bool { return i < j }))
	try("int", func() { sort.Slice(3, func(i, j int) bool { return false }) })
	try("array", func() { sort.Slice([2]int{}, func(i, j int) bool { return false }) })
	try("nil", func() { sort.SliceStable(nil, func(i, j int) bool { return false }) })
	try("sorted", func() { sort.SliceIsSorted("abc", func(i, j int) bool { return false }) })
}
