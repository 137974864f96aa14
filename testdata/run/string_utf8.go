// Strings: byte indexing and slicing, range over invalid UTF-8, string/[]byte/[]rune conversions, string(rune) of invalid code points, comparison operators, concatenation in loops.
package main

func main() {
	s := "héllo, 世界"
	println(len(s), s[1], s[2], s[0:1], s[1:3], s[len(s)-3:])
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	// invalid UTF-8: each bad byte decodes as U+FFFD and advances by one
	bad := "a\xffb\xe4\xb8c\xed\xa0\x80d\xf4\x90\x80\x80"
	for i, r := range bad {
		print(i, ":", r, " ")
	}
	println()
	rs := []rune(bad)
	println(len(bad), len(rs), rs[1], string(rs) == bad, len(string(rs)))
	// conversions
	b := []byte(s)
	b[0] = 'H'
	println(string(b), s[:1], len(b))
	r := []rune(s)
	r[1] = 'e'
	println(string(r), len(r), cap(r) >= len(r))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0x110000)), string(rune(0xd800)))
	var u8 byte = 'z'
	println(string(rune(u8)), len(string(rune(0x10ffff))))
	empty := []byte{}
	var nilb []byte
	println(string(empty) == "", string(nilb) == "", len([]byte("")), len([]rune("")))
	// bytes round trip with NUL and high bytes
	raw := string([]byte{0, 255, 128, 'x'})
	println(len(raw), raw[1], raw[3], raw == "\x00\xff\x80x")
	// comparison operators
	words := []string{"", "a", "ab", "abc", "b", "B", "ä", "a\x00"}
	for _, x := range words {
		for _, y := range words {
			c := 0
			if x < y {
				c = -1
			} else if x > y {
				c = 1
			}
			print(c+1)
			if (x <= y) != (c <= 0) || (x >= y) != (c >= 0) || (x == y) != (c == 0) || (x != y) != (c != 0) {
				print("!")
			}
		}
		print(" ")
	}
	println()
	// concatenation in loops, += and building from runes
	acc := ""
	for i := 0; i < 10; i++ {
		acc += string(rune('a' + i))
		if i%3 == 0 {
			acc = acc + "-"
		}
	}
	println(acc, len(acc))
	rev := ""
	for _, c := range "日本語" {
		rev = string(c) + rev
	}
	println(rev, len(rev))
	x := "x"
	for i := 0; i < 5; i++ {
		x += x
	}
	println(len(x))
	// strings are immutable values: slices share but cannot change
	t := s[7:]
	s = "changed"
	println(t, s)
	// multi-operand concatenation and string from byte slice of slice
	a, bb, cc := "1", "22", "333"
	println(a+bb+cc+a+bb+cc, string(b[1:3]))
	// indexing in a loop and byte arithmetic
	sum := 0
	for i := 0; i < len(cc); i++ {
		sum += int(cc[i] - '0')
	}
	println(sum)
	// range over string with only index, and over a converted []byte
	n := 0
	for i := range "añb" {
		n += i
	}
	for _, c := range []byte("añb") {
		n += int(c)
	}
	println(n)
}
