// defer runs in LIFO order with arguments evaluated at the defer statement; recover stops a panic.
package main

func deferOrder() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
	println("body done")
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = "recovered"
		}
	}()
	return a / b, ""
}

func modifyResult() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func nested() {
	defer func() {
		r := recover()
		println("outer recovered:", r.(string))
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func main() {
	deferOrder()
	println(safeDiv(10, 2))
	println(safeDiv(1, 0))
	println(modifyResult())
	nested()
	println(recover() == nil)
	x := 1
	defer println("deferred x =", x)
	x = 2
	println("main end", x)
}
