// Tests package sort: Sort (pdqsort: the order of equal elements must be
// gc's), Stable (insertion sort + symMerge), IsSorted, Reverse, the slice
// types, Ints/Float64s/Strings (gc's slices.Sort: NaN first, -0 and +0
// placement), the *AreSorted functions, Search/Find/SearchInts/... on
// inputs from an xorshift generator of several sizes and patterns.
package main

import (
	"math"
	"sort"
)

type rec struct {
	key, id int
}

type byKey []rec

func (b byKey) Len() int           { return len(b) }
func (b byKey) Less(i, j int) bool { return b[i].key < b[j].key }
func (b byKey) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

var seed uint64 = 12345

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func gen(n, pattern int) []rec {
	r := make([]rec, n)
	for i := range r {
		switch pattern {
		case 0:
			r[i].key = int(next() % 10)
		case 1:
			r[i].key = i / 3
		case 2:
			r[i].key = (n - i) / 4
		case 3:
			r[i].key = int(next() % uint64(n+1))
		default:
			r[i].key = i % 7
		}
		r[i].id = i
	}
	return r
}

func dump(r []rec) {
	h := uint64(0)
	for _, x := range r {
		h = h*1000003 + uint64(x.key)*7919 + uint64(x.id)
	}
	print(h, " ")
	if len(r) <= 30 {
		for _, x := range r {
			print(x.key, ".", x.id, " ")
		}
	}
	println()
}

func main() {
	for _, n := range []int{0, 1, 2, 5, 12, 13, 20, 30, 50, 100, 1000, 5000} {
		for p := 0; p < 5; p++ {
			a := gen(n, p)
			b := gen(n, p)
			c := gen(n, p)
			sort.Sort(byKey(a))
			sort.Stable(byKey(b))
			sort.Sort(sort.Reverse(byKey(c)))
			print(n, " ", p, " ", sort.IsSorted(byKey(a)), sort.IsSorted(byKey(b)), sort.IsSorted(sort.Reverse(byKey(c))), " ")
			dump(a)
			dump(b)
			dump(c)
		}
	}
	negz := math.Copysign(0, -1)
	fs := []float64{3, math.NaN(), 1, negz, 0, math.Inf(-1), 2, negz, math.NaN(), 0, -1, math.Inf(1), 0, negz, 5, 4, 3, 2, 1, 0, negz, 0, negz}
	fs2 := append([]float64(nil), fs...)
	sort.Float64s(fs)
	for _, f := range fs {
		print(f, " ")
	}
	println(sort.Float64sAreSorted(fs))
	sort.Sort(sort.Float64Slice(fs2))
	for _, f := range fs2 {
		print(f, " ")
	}
	println(sort.IsSorted(sort.Float64Slice(fs2)))
	is := []int{5, 2, 8, -1, 0, 2, 9, 100, -50}
	sort.Ints(is)
	println(is[0], is[1], is[8], sort.IntsAreSorted(is), sort.SearchInts(is, 2), sort.SearchInts(is, 3), sort.SearchInts(is, 1000), sort.IntSlice(is).Search(-50))
	ss := []string{"banana", "apple", "", "cherry", "apple", "Banana", "é"}
	sort.Strings(ss)
	for _, s := range ss {
		print("[", s, "]")
	}
	println(sort.StringsAreSorted(ss), sort.SearchStrings(ss, "b"), sort.SearchStrings(ss, "apple"), sort.StringSlice(ss).Search("zzz"))
	sort.Sort(sort.Reverse(sort.StringSlice(ss)))
	println(ss[0], ss[len(ss)-1], sort.StringsAreSorted(ss))
	println(sort.SearchFloat64s([]float64{1, 2, 3}, 2.5), sort.Float64Slice([]float64{1, 2}).Search(0))
	println(sort.Search(100, func(i int) bool { return i*i >= 50 }), sort.Search(0, func(int) bool { return true }))
	i, found := sort.Find(len(ss), func(i int) int {
		if "b" < ss[i] {
			return -1
		}
		if "b" == ss[i] {
			return 0
		}
		return 1
	})
	println(i, found)
	big := make([]int, 3000)
	for i := range big {
		big[i] = int(next() % 100)
	}
	sort.Ints(big)
	println(sort.IntsAreSorted(big), big[0], big[1500], big[2999])
	sort.Stable(sort.IntSlice(big))
	x := sort.IntSlice([]int{3, 1, 2})
	x.Sort()
	println(x[0], x[1], x[2], x.Len(), x.Less(0, 1))
}
