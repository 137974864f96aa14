// Stack growth inside deferred calls, during a panic and after recover,
// inside closures and method values: defer records and panic records point
// into the frames that move.
package main

type T struct{ base int }

func (t T) deep(n int) int {
	var pad [12]int
	pad[n%12] = n
	if n == 0 {
		return t.base
	}
	return t.deep(n-1) + pad[n%12]%5
}

func (t *T) bump(n int) {
	if n == 0 {
		t.base++
		return
	}
	var pad [10]int
	pad[n%10] = 1
	t.bump(n - 1)
	t.base += pad[n%10]
}

func rec(n int) int {
	var pad [20]int
	pad[n%20] = n
	if n == 0 {
		return 0
	}
	return rec(n-1) + pad[n%20]%3
}

// deferGrow: the deferred closure grows the stack; the frame's result is
// written through the frame record after the move.
func deferGrow() (r int) {
	defer func() {
		r += rec(30000)
	}()
	r = 1
	return r
}

// panicGrow: deferred calls run during a panic grow the stack; recover
// then resumes the deferring frame, whose jump buffer moved with it.
func panicGrow(depth int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = rec(20000) + len(e.(string))
		}
	}()
	defer func() {
		r = rec(10000)
	}()
	return crash(depth)
}

func crash(n int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		panic("deep panic")
	}
	return crash(n-1) + pad[n%16]
}

// nested: recover in a goroutine after growth in several deferred frames.
func nested(n int) (out int) {
	if n == 0 {
		defer func() {
			recover()
			out = rec(5000)
		}()
		panic(n)
	}
	defer func() { out += n }()
	var pad [64]int
	pad[n%64] = n
	return nested(n-1) + pad[n%64]
}

func main() {
	println(deferGrow())
	println(panicGrow(3000))
	t := T{base: 10}
	f := t.deep
	println(f(25000))
	g := (&t).bump
	g(25000)
	println(t.base)
	k := 0
	h := func(n int) int {
		k += rec(n)
		return k
	}
	println(h(15000), h(15000))
	println(nested(300))
	c := make(chan int)
	go func() {
		defer func() {
			e := recover()
			c <- rec(40000) + len(e.(string))
		}()
		crash(5000)
	}()
	println(<-c)
	go func() { c <- nested(500) }()
	println(<-c)
}
