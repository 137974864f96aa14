// Frames of generic code print as gc prints them: `main.Map[...]`,
// `main.(*Stack[...]).Pop` (FuncForPC and CallersFrames too).

package main

import (
	"fmt"
	"runtime"
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Map[T, U any](xs []T, f func(T) U) []U {
	pc, _, _, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name())
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	ys := Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 2) })
	fmt.Println(ys)
	s := &Stack[string]{}
	s.Push("a")
	fmt.Println(s.Pop())
	s.Pop()
}
