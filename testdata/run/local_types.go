// Local types with equal names stay distinct (type identity, itabs, %T); anonymous struct spellings.
package main

import "fmt"

func a() interface{} {
	type T struct{ x int }
	return T{1}
}

func b() interface{} {
	type T struct{ y string }
	return T{"b"}
}

func main() {
	fmt.Printf("%v %T %v %T\n", a(), a(), b(), b())
	_, ok := a().(interface{ M() })
	fmt.Println(ok, a() == b(), struct{ A int; b string }{1, "x"})
	fmt.Printf("%T %T\n", struct{}{}, struct{ A int; b string }{})
}
