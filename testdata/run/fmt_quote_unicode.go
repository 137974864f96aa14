// fmt quoting and float verbs go through strconv (exact IsPrint tables: unassigned code points are escaped).
package main

import "fmt"

func main() {
	fmt.Printf("%q %+q %q %x %U %c\n", "héllo\u0378\u00ad\u2028", "日本\x01", '\u0378', "日本", 0x1F600, 0x1F600)
	fmt.Printf("%q %v %.3g %e %08.3f\n", []string{"a\tb", "\u200b"}, 1e21, 3.14159, 123456.789, -3.14159)
}
