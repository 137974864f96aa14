// recover returns nil in a function called by the deferred function (it
// was inlined into the defer statement's thunk, which recover's frame walk
// skips as a wrapper).
package main

import "fmt"

func mustNotRecover() {
	v := recover()
	if v != nil {
		fmt.Println("spurious recover", v)
	}
}

func mustRecover(x interface{}) {
	v := recover()
	fmt.Println("mustRecover got", v, x)
}

func withoutRecover() {
	mustNotRecover()
}

func test1() {
	defer mustNotRecover()
	defer mustRecover(1)
	defer withoutRecover()
	panic(1)
}

func main() {
	test1()
	fmt.Println("ok")
}
