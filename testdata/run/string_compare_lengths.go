// String comparison (<, ==, strings.Compare) of strings of every length
// from 0 to 80 differing at each position, or prefixes of each other.
package main

import (
	"fmt"
	"strings"
)

func main() {
	base := []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz")
	sum, eq, lt := 0, 0, 0
	for n := 0; n <= 80; n++ {
		a := string(base[:n])
		for i := 0; i < n; i++ {
			for _, d := range []int{-1, 1, 100} {
				c := []byte(a)
				c[i] = byte(int(c[i]) + d)
				b := string(c)
				r := strings.Compare(a, b)
				sum += r * (i + 1) * (n + 1)
				if a == b {
					eq++
				}
				if a < b {
					lt++
				}
				if (a < b) != (r < 0) || (b < a) != (r > 0) || strings.Compare(b, a) != -r {
					fmt.Println("inconsistent", n, i, d)
				}
			}
		}
		for m := 0; m <= n; m++ {
			p := a[:m]
			sum += strings.Compare(p, a)*(m+1) + strings.Compare(a, p)*(n+1)
			if p == a {
				eq++
			}
			if p < a {
				lt++
			}
		}
		// Same bytes at different addresses.
		c := string(append([]byte(nil), a...))
		if c == a && strings.Compare(c, a) == 0 && !(c < a) {
			eq++
		}
	}
	fmt.Println(sum, eq, lt)
}
