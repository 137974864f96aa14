package main

import (
	"fmt"
	"iter"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// An iterator with deferred calls of its own: they run when it returns,
// the loop body's run when the enclosing function returns.
func guarded(n int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		defer fmt.Println("guarded: iterator done")
		for i := 0; i < n; i++ {
			if !yield(i, fmt.Sprint("v", i)) {
				fmt.Println("guarded: stopped early")
				return
			}
		}
	}
}

func deferInBody() {
	defer fmt.Println("deferInBody: first defer")
	for i := range count(3) {
		defer fmt.Println("deferred in body", i)
		fmt.Println("body", i)
	}
	defer fmt.Println("deferInBody: last defer")
	fmt.Println("deferInBody: after loop")
}

func deferArgsEvaluatedAtDefer() (out []int) {
	x := 10
	for i := range count(3) {
		defer func(v int) { out = append(out, v, x) }(i * x)
		x++
	}
	x = 100
	return nil
}

func nested() {
	for i := range count(2) {
		for k, v := range guarded(2) {
			defer fmt.Println("nested defer", i, k, v)
		}
	}
	fmt.Println("nested: loops done")
}

func closureInBody() {
	for i := range count(2) {
		func() {
			defer fmt.Println("closure defer", i)
			fmt.Println("closure body", i)
		}()
	}
	fmt.Println("closureInBody: done")
}

func recoverAcross() (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprint("recovered: ", r)
		}
	}()
	for i := range count(5) {
		defer fmt.Println("unwinding", i)
		if i == 2 {
			panic("boom at 2")
		}
	}
	return "not reached"
}

func breakWithDefer() int {
	n := 0
	for k, v := range guarded(10) {
		defer func() { n += 100; fmt.Println("break defer", k, v) }()
		n++
		if k == 1 {
			break
		}
	}
	fmt.Println("breakWithDefer: after loop", n)
	return n
}

func gotoOut() {
	i := 0
	for x := range count(10) {
		if x == 3 {
			goto done
		}
		i += x
	}
	fmt.Println("not reached")
done:
	fmt.Println("gotoOut: i =", i)
}

func gotoOutNested() {
	var trace []string
	for a := range count(3) {
		for b := range count(3) {
			trace = append(trace, fmt.Sprint(a, b))
			if a == 1 && b == 1 {
				goto out
			}
		}
	}
out:
	fmt.Println("gotoOutNested:", trace)
}

func gotoBackward() {
	tries := 0
again:
	tries++
	for x := range count(5) {
		if x == 2 && tries < 3 {
			goto again
		}
	}
	fmt.Println("gotoBackward: tries =", tries)
}

func gotoWithDefer() {
	defer fmt.Println("gotoWithDefer: returned")
	for k, v := range guarded(5) {
		defer fmt.Println("gotoWithDefer: defer", k, v)
		if k == 1 {
			goto end
		}
	}
end:
	fmt.Println("gotoWithDefer: at end")
}

func gotoIntoOuterBody() {
	for a := range count(3) {
		for b := range count(3) {
			if b == 1 {
				goto skip
			}
			fmt.Println("inner", a, b)
		}
		fmt.Println("not skipped", a)
	skip:
		fmt.Println("after skip", a)
	}
}

type walker struct{ items []string }

func (w *walker) All(yield func(int, string) bool) {
	for i, s := range w.items {
		if !yield(i, s) {
			return
		}
	}
}

// A method with named results, deferring from the loop body.
func (w *walker) find(x string) (idx int, err error) {
	for i, s := range w.All {
		defer func() {
			if idx == i {
				err = fmt.Errorf("found %q at %d", s, i)
			}
		}()
		if s == x {
			return i, nil
		}
	}
	return -1, nil
}

func main() {
	deferInBody()
	fmt.Println(deferArgsEvaluatedAtDefer())
	nested()
	closureInBody()
	fmt.Println(recoverAcross())
	fmt.Println("breakWithDefer =", breakWithDefer())
	gotoOut()
	gotoOutNested()
	gotoBackward()
	gotoWithDefer()
	gotoIntoOuterBody()
	w := &walker{[]string{"a", "b", "c"}}
	fmt.Println(w.find("b"))
	fmt.Println(w.find("z"))
}
