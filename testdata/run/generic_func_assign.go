// Generic functions assigned to variables, results and elements of function
// type: instantiated for that type (go 1.21).
package main

import (
	"fmt"
	"slices"
)

func show[T any](x T) string { return fmt.Sprint("<", x, ">") }

func pick() func(float64) string { return show }

func main() {
	var g func(int) string = show
	fmt.Println(g(1))
	var h func(string) string
	h = show
	fmt.Println(h("x"))
	var c func(a, b []int) int = slices.Compare
	fmt.Println(c([]int{1}, []int{2}))
	fs := []func(bool) string{show, show}
	fmt.Println(fs[1](true), pick()(2.5))
	m := map[string]func(int) string{"a": show}
	fmt.Println(m["a"](7))
}
