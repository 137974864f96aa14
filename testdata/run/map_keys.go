// Maps with every key kind (string, int, float with NaN and ±0, struct, array, interface, pointer), delete during range, nil maps, nested maps, clear. Keys are sorted by hand.
package main

type K struct {
	a int
	s string
}

func sortInts(x []int) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

func sortStrings(x []string) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

func main() {
	// string keys, including empty and long
	ms := map[string]int{"": 1, "b": 2, "a": 3, "a long key of some length": 4}
	var keys []string
	for k := range ms {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		print("[", k, "]=", ms[k], " ")
	}
	println(len(ms))
	// float keys: NaN never matches, ±0 are the same key
	zero := 0.0
	nan := zero / zero
	mf := map[float64]string{}
	mf[0] = "zero"
	mf[-zero] = "negzero"
	mf[nan] = "nan1"
	mf[nan] = "nan2"
	mf[1.5] = "x"
	_, ok := mf[nan]
	println(len(mf), mf[0], ok)
	delete(mf, nan)
	println(len(mf))
	nanCount := 0
	for k, v := range mf {
		if k != k {
			nanCount++
			_ = v
		}
	}
	println(nanCount)
	// struct and array keys
	mk := map[K]int{{1, "a"}: 1, {2, "b"}: 2}
	mk[K{1, "a"}] += 10
	println(mk[K{1, "a"}], mk[K{1, "b"}], len(mk))
	ma := map[[2]int]string{{1, 2}: "12"}
	ma[[2]int{2, 1}] = "21"
	println(ma[[2]int{1, 2}], ma[[2]int{2, 1}], len(ma))
	// interface keys mixing dynamic types
	mi := map[interface{}]int{}
	mi[1] = 1
	mi[int8(1)] = 2
	mi["1"] = 3
	mi[K{1, "a"}] = 4
	mi[[2]int{1, 2}] = 5
	mi[nil] = 6
	mi[1.0] = 7
	println(len(mi), mi[1], mi[int8(1)], mi["1"], mi[K{1, "a"}], mi[nil], mi[1.0], mi[int16(1)])
	// pointer keys: identity
	p1, p2 := new(int), new(int)
	mp := map[*int]int{p1: 1, p2: 2}
	println(mp[p1], mp[p2], mp[nil], len(mp))
	// delete during range: every entry deleted exactly once
	md := map[int]int{}
	for i := 0; i < 100; i++ {
		md[i] = i * i
	}
	sum := 0
	for k, v := range md {
		sum += v
		delete(md, k)
		delete(md, k^1)
	}
	println(len(md), sum > 0)
	// nil map reads, len, range, delete
	var nm map[string][]int
	println(nm == nil, len(nm), nm["x"] == nil)
	v, ok2 := nm["y"]
	println(len(v), ok2)
	delete(nm, "x")
	for range nm {
		println("unreachable")
	}
	// map of slices and map of maps
	mm := map[string]map[int]bool{}
	for _, w := range []string{"x", "y", "x"} {
		if mm[w] == nil {
			mm[w] = map[int]bool{}
		}
		mm[w][len(mm[w])] = true
	}
	println(len(mm), len(mm["x"]), len(mm["y"]), mm["x"][1], mm["z"][0])
	msl := map[int][]int{}
	for i := 0; i < 10; i++ {
		msl[i%3] = append(msl[i%3], i)
	}
	var ks []int
	for k := range msl {
		ks = append(ks, k)
	}
	sortInts(ks)
	for _, k := range ks {
		print(k, ":", len(msl[k]), ":", msl[k][len(msl[k])-1], " ")
	}
	println()
	// clear
	clear(msl)
	clear(nm)
	mf[nan] = "again"
	clear(mf)
	println(len(msl), len(mf), msl[0] == nil)
	// map values are not addressable: update by copy
	mv := map[string]K{"k": {1, "x"}}
	kv := mv["k"]
	kv.a = 9
	println(mv["k"].a)
	mv["k"] = kv
	println(mv["k"].a, mv["k"].s)
	// comma-ok in if, and assignment order
	if x, ok := ms["b"]; ok {
		println("found", x)
	}
	ms["c"], ms["d"] = ms["a"], ms["b"]
	println(ms["c"], ms["d"], len(ms))
}
