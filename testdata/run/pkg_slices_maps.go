package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type person struct {
	name string
	age  int
}

func main() {
	s := []int{5, 2, 8, 2, 9, 1}
	slices.Sort(s)
	fmt.Println(s, slices.Index(s, 8), slices.Contains(s, 3), slices.Max(s), slices.Min(s))
	i, ok := slices.BinarySearch(s, 5)
	fmt.Println(i, ok, slices.Compact(slices.Clone(s)), slices.Equal(s, slices.Clone(s)))
	s = slices.Insert(s, 1, 100, 101)
	s = slices.Delete(s, 0, 1)
	fmt.Println(s, len(slices.Grow(s, 10)), cap(slices.Clip(s)) == len(s))
	slices.Reverse(s)
	fmt.Println(s, slices.IndexFunc(s, func(x int) bool { return x > 50 }))
	people := []person{{"bob", 30}, {"alice", 25}, {"carol", 30}, {"dave", 25}}
	slices.SortStableFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	slices.SortFunc(people, func(a, b person) int {
		return cmp.Or(-cmp.Compare(a.age, b.age), strings.Compare(a.name, b.name))
	})
	fmt.Println(people, slices.IsSortedFunc(people, func(a, b person) int { return -cmp.Compare(a.age, b.age) }))
	fmt.Println(cmp.Less(1.5, 2), cmp.Compare("b", "a"), min(3, 1, 2), max("x", "y"))

	m := map[string]int{"one": 1, "two": 2, "three": 3}
	keys := slices.Sorted(maps.Keys(m))
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(keys, vals)
	m2 := maps.Clone(m)
	m2["four"] = 4
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v%2 == 0 })
	fmt.Println(slices.Sorted(maps.Keys(m2)))
	maps.Copy(m2, map[string]int{"ten": 10})
	fmt.Println(len(m2), m2["ten"])
	collected := maps.Collect(maps.All(map[int]string{1: "a"}))
	fmt.Println(collected)

	for i, v := range slices.All([]string{"p", "q"}) {
		fmt.Print(i, v, " ")
	}
	for i, v := range slices.Backward([]int{7, 8, 9}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(slices.Values([]int{4, 5})), slices.AppendSeq([]int{1}, slices.Values([]int{2, 3})))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	fmt.Println(slices.Repeat([]string{"ab"}, 3), slices.Concat([]int{1}, []int{2, 3}))

	for line := range strings.Lines("a\nb\nc") {
		fmt.Printf("%q ", line)
	}
	for part := range strings.SplitSeq("x,y,z", ",") {
		fmt.Print(part, ";")
	}
	for f := range strings.FieldsSeq("  go   is fun ") {
		fmt.Print("[", f, "]")
	}
	fmt.Println()

	var seq iter.Seq[int] = func(yield func(int) bool) {
		for i := 0; i < 5; i++ {
			if !yield(i * i) {
				return
			}
		}
	}
	next, stop := iter.Pull(seq)
	a, ok1 := next()
	b, ok2 := next()
	stop()
	c, ok3 := next()
	fmt.Println(a, ok1, b, ok2, c, ok3)
	next2, stop2 := iter.Pull2(maps.All(map[string]int{"k": 1}))
	k, v, ok4 := next2()
	_, _, ok5 := next2()
	stop2()
	fmt.Println(k, v, ok4, ok5)
}
