// Dot imports: the package's exported names are used unqualified.
package main

import (
	. "fmt"
	. "strings"
	"unicode/utf8"
)

type Upper string

func (u Upper) String() string { return ToUpper(string(u)) }

func main() {
	Println(Repeat("ab", 3), HasPrefix("golang", "go"))
	s := Sprintf("%v|%s", Upper("dot"), Fields(" a b  c "))
	Println(s, utf8.RuneCountInString(s))
	var b Builder
	b.WriteString("built")
	Printf("%q\n", b.String())
}
