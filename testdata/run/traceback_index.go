// An index out of range inside a closure called through a method value:
// the traceback shows the closure (main.main.func1), the method and main.

package main

type table struct {
	rows []int
}

func (t *table) at(i int) int {
	return t.rows[i]
}

func apply(f func(int) int, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += f(i)
	}
	return s
}

func main() {
	t := &table{rows: []int{1, 2, 3}}
	get := t.at
	total := apply(func(i int) int {
		return get(i) * 2
	}, 5)
	println(total)
}
