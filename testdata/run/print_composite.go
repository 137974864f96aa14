// println of pointers, slices, interfaces and nil values (addresses normalised as 0xX).
package main

func main() {
	var p *int
	var s []int
	var e interface{}
	var m map[int]int
	println(p, s == nil, e, m == nil)
	x := 1
	q := &x
	println(q != nil, *q)
	var err error
	println(err == nil)
}
