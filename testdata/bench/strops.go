// Benchmark: string building, splitting, conversion and searching.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var parts []string
	for i := 0; i < 200000; i++ {
		parts = append(parts, "item"+strconv.Itoa(i))
	}
	joined := strings.Join(parts, ",")
	fields := strings.Split(joined, ",")
	count := 0
	for _, f := range fields {
		if strings.HasSuffix(f, "7") {
			count++
		}
		if strings.Contains(f, "99") {
			count += 2
		}
	}
	up := strings.ToUpper(joined[:1000])
	n, _ := strconv.Atoi(strings.TrimPrefix(fields[len(fields)-1], "item"))
	fmt.Println(len(joined), len(fields), count, up[:20], n, strings.Count(joined, "1"))
}
