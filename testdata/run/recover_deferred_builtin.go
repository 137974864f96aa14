// `defer recover()` acts as recover called by the function that deferred
// it when that function returns normally while a panic runs it (gc's
// recover1.go test5-7), and is a no-op when the panic itself runs it.
package main

import "fmt"

func normalReturn() (s string) {
	defer func() { s = fmt.Sprint("outer: ", recover()) }()
	func() {
		defer func() {
			defer recover()
		}()
		panic(5)
	}()
	return "recovered by defer recover()"
}

func runByPanic() (s string) {
	defer func() { s = fmt.Sprint("outer: ", recover()) }()
	func() {
		defer func() {
			defer func() { fmt.Println("inner:", recover()) }()
			defer recover() // run by panic(3): no-op
			panic(3)
		}()
		panic(2)
	}()
	return "not reached"
}

func notDeferredByPanic() (s string) {
	defer func() { s = fmt.Sprint("outer: ", recover()) }()
	func() {
		defer recover() // the function itself panics: its deferred call is run by the panic
		panic(7)
	}()
	return "not reached"
}

func helper() {
	defer recover() // helper is not a deferred call: nothing to recover
}

func viaHelper() (s string) {
	defer func() { s = fmt.Sprint("outer: ", recover()) }()
	defer func() { helper() }()
	panic(9)
}

func recovers() { fmt.Println("recovers:", recover()) }

// The closure must keep its frame (no tail call to recovers): recovers is
// not called directly by the deferred function, so it gets nil.
func viaClosure() (s string) {
	defer func() { s = fmt.Sprint("outer: ", recover()) }()
	defer func() { recovers() }()
	panic(11)
}

func main() {
	fmt.Println(normalReturn())
	fmt.Println(runByPanic())
	fmt.Println(notDeferredByPanic())
	fmt.Println(viaHelper())
	fmt.Println(viaClosure())
}
