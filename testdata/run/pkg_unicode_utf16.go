// unicode/utf16 compiled from the Go distribution's sources.
package main

import (
	"fmt"
	"unicode/utf16"
)

func main() {
	runes := []rune("héllo, 世界 𝄞😀")
	u := utf16.Encode(runes)
	fmt.Println(len(runes), len(u), u)
	fmt.Println(string(utf16.Decode(u)))
	r1, r2 := utf16.EncodeRune('😀')
	fmt.Printf("%x %x %c\n", r1, r2, utf16.DecodeRune(r1, r2))
	fmt.Println(utf16.IsSurrogate(r1), utf16.IsSurrogate('a'), utf16.RuneLen('a'), utf16.RuneLen('😀'), utf16.RuneLen(0xd800))
	fmt.Println(utf16.AppendRune([]uint16{1}, '𝄞'))
	fmt.Printf("%q\n", string(utf16.Decode([]uint16{0xd800, 'a', 0xdc00})))
}
