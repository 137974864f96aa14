// Generic functions passed uninstantiated as arguments: their type
// arguments are inferred from the parameter type (go 1.21).
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

func apply[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func double[T int | float64](x T) T { return x * 2 }

func show[T any](x T) string { return fmt.Sprint("<", x, ">") }

func call(f func(int) int, x int) int { return f(x) }

func each(f func(string) string) string { return f("a") }

func main() {
	all := [][]uintptr{{3, 1}, {1, 2, 3}, {1, 2}, {0}}
	slices.SortFunc(all, slices.Compare)
	fmt.Println(all)
	xs := []string{"pear", "apple", "fig"}
	slices.SortFunc(xs, cmp.Compare)
	fmt.Println(xs)
	fmt.Println(call(double, 21))
	fmt.Println(apply([]float64{1.5, 2}, double[float64]))
	fmt.Println(each(show))
	fmt.Println(apply([]int{1, 2}, strconv.Itoa))
	fmt.Println(slices.IndexFunc([]int{1, 2, 3}, func(x int) bool { return x > 1 }))
	eq := slices.EqualFunc([]int{1, 2}, []int{1, 2}, eqv[int])
	fmt.Println(eq)
}

func eqv[T comparable](a, b T) bool { return a == b }
