package main

import "fmt"

// deep yields from the bottom of a deep recursion: the goroutine stack
// grows (and is copied) between the loop's start and the body's defer.
func deep(depth int) func(func(int) bool) {
	var rec func(d int, yield func(int) bool) bool
	rec = func(d int, yield func(int) bool) bool {
		var pad [64]byte
		pad[d%64] = byte(d)
		if d == 0 {
			return yield(int(pad[0]))
		}
		return rec(d-1, yield) && pad[d%64] == byte(d)
	}
	return func(yield func(int) bool) {
		for i := 0; i < 3; i++ {
			if !rec(depth*(i+1), yield) {
				return
			}
		}
	}
}

func run(depth int, results chan<- string) {
	out := make([]int, 0)
	func() {
		defer func() { out = append(out, -1) }()
		for v := range deep(depth) {
			v := v
			defer func() { out = append(out, v+1) }()
		}
	}()
	results <- fmt.Sprint(depth, out)
}

func labels() {
	trace := ""
outer:
	for i := range deep(10) {
		for j := range deep(5) {
			if j == 0 && i == 0 {
				trace += "a"
				goto next
			}
		next:
			trace += "b"
			if len(trace) > 6 {
				break outer
			}
		}
	}
	fmt.Println("labels:", trace)
}

func main() {
	results := make(chan string)
	for _, d := range []int{100, 5000, 20000} {
		go run(d, results)
	}
	got := map[string]bool{}
	for i := 0; i < 3; i++ {
		got[<-results] = true
	}
	for _, d := range []int{100, 5000, 20000} {
		fmt.Println(got[fmt.Sprint(d, []int{1, 1, 1, -1})])
	}
	labels()
}
