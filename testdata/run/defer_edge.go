// defer/recover: named results changed by defers, defers in loops and closures over loop variables, recover only directly in the deferred call, panics inside deferred calls, runtime errors as error values.
package main

type errT interface{ Error() string }

func named() (x int, s string) {
	defer func() {
		x *= 3
		s += "!"
	}()
	x, s = 1, "a"
	return x + 1, s + "b"
}

func recoverInto() (res int) {
	defer func() {
		if r := recover(); r != nil {
			res = r.(int) * 10
		}
	}()
	panic(4)
}

func helper() interface{} { return recover() }

func indirect() (got string) {
	defer func() {
		r := recover()
		if r != nil {
			got = "direct: " + r.(string)
		}
	}()
	defer func() {
		// recover called from a function the deferred function calls: returns nil
		if helper() == nil {
			println("helper recover is nil")
		}
	}()
	panic("boom")
}

func deferredRecoverDirect() (ok bool) {
	defer func() { ok = recover() != nil }()
	defer helper() // helper is itself the deferred function: recovers
	panic("x")
}

func loopDefers() {
	for i := 0; i < 3; i++ {
		defer func() { print("closure", i, " ") }()
		defer print("arg", i, " ")
	}
}

func panicInDefer() (s string) {
	defer func() {
		r := recover()
		s = "recovered " + r.(string)
	}()
	defer func() {
		panic("from defer")
	}()
	return "normal"
}

func runtimeErr(f func()) (msg string) {
	defer func() {
		if e, ok := recover().(errT); ok {
			msg = e.Error()
		}
	}()
	f()
	return "none"
}

func deferArgsEval() {
	x := 1
	p := &x
	defer println("value", x, "pointer", *p)
	defer func(v int) { println("param", v, "live", x) }(x)
	x = 2
}

type T struct{ n int }

func (t T) show()   { println("T.show", t.n) }
func (t *T) pshow() { println("T.pshow", t.n) }

func deferMethods() {
	t := T{1}
	defer t.show()  // receiver copied now
	defer t.pshow() // pointer: sees later change
	t.n = 2
}

func nilFuncDefer() (msg string) {
	defer func() { msg = recover().(errT).Error() }()
	var f func()
	defer f()
	return "unreached?"
}

func main() {
	println(named())
	println(recoverInto())
	println(indirect())
	println(deferredRecoverDirect())
	loopDefers()
	println()
	println(panicInDefer())
	var s []int
	var m map[int]int
	var p *T
	z := 0
	println(runtimeErr(func() { _ = s[3] }))
	println(runtimeErr(func() { m[1] = 2 }))
	println(runtimeErr(func() { _ = p.n }))
	println(runtimeErr(func() { _ = 5 / z }))
	println(runtimeErr(func() { var i interface{} = 1; _ = i.(string) }))
	println(runtimeErr(func() {}))
	deferArgsEval()
	deferMethods()
	println(nilFuncDefer())
	println(recover() == nil)
}
