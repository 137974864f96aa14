// Appends to a local slice that does not escape: gc (1.25+) backs it with a 32-byte stack buffer first, so the first caps are 4 ints / 32 bytes, not 1, 2.
package main

func main() {
	var a []int
	for i := 0; i < 9; i++ {
		a = append(a, i)
		print(cap(a), " ")
	}
	println()
	var b []byte
	for i := 0; i < 3; i++ {
		b = append(b, 'x')
		print(cap(b), " ")
	}
	println(len(a) + len(b))
}
