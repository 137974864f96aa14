// Benchmark: build a ~2 MB string with strings.Builder and strconv.Itoa,
// then strings.Fields, strconv.Atoi, strings.ToUpper, Repeat, Count, Index.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	total := 0
	for round := 0; round < 5; round++ {
		var b strings.Builder
		for i := 0; b.Len() < 2<<20; i++ {
			b.WriteString("w")
			b.WriteString(strconv.Itoa(i * 7))
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(i))
			b.WriteByte('\n')
		}
		s := b.String()
		sum := 0
		for _, f := range strings.Fields(s) {
			if n, err := strconv.Atoi(f); err == nil {
				sum += n
			}
		}
		up := strings.ToUpper(s)
		rep := strings.Repeat(up[:1000], 2000)
		total += sum%1000003 + strings.Count(up, "W1") + strings.Count(rep, "9") +
			strings.Index(rep, "XYZ") + strings.Index(s, "w99999 ") + len(rep)
	}
	fmt.Println(total)
}
