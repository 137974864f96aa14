package main

import "fmt"

func main() {
	ss := []string{"", "hello", "héllo, 世界", "tab\there", "quote\"back\\", "nl\n", "\x00\x7f", "`raw`", "\u00a0nbsp", "emoji😀"}
	for _, s := range ss {
		fmt.Printf("%s|%q|%+q|%#q|%x|% x|%X|%#x|%8s|%-8s|%.3s|%8.2q|%v|%#v\n", s, s, s, s, s, s, s, s, s, s, s, s, s, s)
	}
	bad := "a\xffb\xc0"
	fmt.Printf("%q|%+q|%x|%#q|%.2q\n", bad, bad, bad, bad, bad)
	b := []byte("bytes\x01")
	fmt.Printf("%s|%q|%x|% X|%v|%d|%#v|%T\n", b, b, b, b, b, b, b, b)
	var nb []byte
	fmt.Printf("%s|%v|%#v|%x|%q\n", nb, nb, nb, nb, nb)
	arr := [3]byte{65, 66, 67}
	fmt.Printf("%s|%x|%v|%#v\n", arr, arr, arr, arr)
	fmt.Printf("%05s|%-05s|%.0s|%.10s|\n", "ab", "ab", "ab", "ab")
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%q %q %+q %q\n", '\'', '"', 'é', rune(0x110000))
	fmt.Printf("%x %X\n", "", "\xde\xad")
	fmt.Printf("%6x|%-6x|% #x|\n", "ab", "ab", "abc")
	fmt.Println("a", "b", 1, "c")
	fmt.Print("a", "b", 1, 2, "c\n")
	s := fmt.Sprint("x", 1, 2, "y")
	s2 := fmt.Sprintln("x", 1)
	fmt.Printf("%q %q\n", s, s2)
	fmt.Printf("%s\n", []string{"a", "b"})
	fmt.Printf("%q\n", []string{"a", "b"})
	fmt.Printf("%x\n", []string{"ab", "cd"})
	fmt.Printf("%10v|%-10v|\n", "héllo", "世界")
	buf := fmt.Appendf([]byte("pre:"), "%d-%s", 1, "x")
	buf = fmt.Append(buf, " ", 2, 3)
	buf = fmt.Appendln(buf, " end")
	fmt.Print(string(buf))
}
