// A nil dereference deep in a call chain: the whole traceback (method,
// recursion, main) is compared frame by frame.

package main

type T struct {
	x    int
	next *T
}

//go:noinline
func (t *T) get() int {
	return t.next.x
}

func walk(t *T, n int) int {
	if n == 0 {
		return t.get()
	}
	return walk(t, n-1) + 1
}

func main() {
	t := &T{x: 1}
	println(walk(t, 2))
}
