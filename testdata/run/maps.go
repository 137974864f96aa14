// Maps: insert, lookup with ok, delete, len, zero values, struct values, nil map reads.
package main

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	m["three"] = 3
	println(len(m), m["two"], m["missing"])
	v, ok := m["one"]
	println(v, ok)
	delete(m, "one")
	_, ok = m["one"]
	println(ok, len(m))
	m["two"] += 40
	m["new"]++
	println(m["two"], m["new"])
	sum := 0
	for k, v := range m {
		sum += len(k) * v
	}
	println(sum)
	var nilMap map[int]bool
	println(nilMap[5], len(nilMap))
	type point struct{ x, y int }
	pts := map[point]string{{1, 2}: "a", {3, 4}: "b"}
	println(pts[point{3, 4}], len(pts))
	counts := map[rune]int{}
	for _, r := range "hello world" {
		counts[r]++
	}
	println(counts['l'], counts['o'], counts['z'])
	big := map[int]int{}
	for i := 0; i < 10000; i++ {
		big[i] = i * 2
	}
	for i := 0; i < 10000; i += 2 {
		delete(big, i)
	}
	println(len(big), big[9999], big[9998])
}
