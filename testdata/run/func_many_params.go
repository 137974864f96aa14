// Long groups of parameter and result names sharing one type.
package main

import "fmt"

func sum(a, b, c, d, e, f, g, h, i, j, k, l int) (s, p, q, r, t, u, v, w, x, y, z int) {
	s = a + b + c + d + e + f + g + h + i + j + k + l
	p, q, r, t, u, v, w, x, y, z = a, b, c, d, e, f, g, h, i, j
	return
}

func mixed(a, b, c, d, e, f, g, h, i, j, k string, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10 float64, rest ...int) string {
	return fmt.Sprint(a+b+c+d+e+f+g+h+i+j+k, n1+n2+n3+n4+n5+n6+n7+n8+n9+n10, rest)
}

func main() {
	fmt.Println(sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
	fmt.Println(mixed("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 7, 8))
	fn := func(a, b, c, d, e, f, g, h, i, j, k int) int { return a*b + c*d + e*f + g*h + i*j + k }
	fmt.Println(fn(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
}
