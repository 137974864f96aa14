// Strings are bytes; range decodes UTF-8 runes; conversions between string, []byte and []rune.
package main

func main() {
	s := "héllo, 世界"
	println(len(s), s[1], s[0:1])
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	rs := []rune(s)
	println(len(rs), string(rs[7:]))
	bs := []byte(s)
	bs[0] = 'H'
	println(string(bs), s[:1])
	println(string(rune(65)), string(rune(0x4e16)))
	bad := "\xff\xfeA"
	for _, r := range bad {
		print(r, " ")
	}
	println()
	count := 0
	for range "日本語" {
		count++
	}
	println(count, "abc" < "abd", s[len(s)-3:] == "界")
}
