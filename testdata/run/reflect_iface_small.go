// reflect.Value.Interface of small integer/bool fields (shared static storage) and larger ones (copies).
package main

import (
	"fmt"
	"reflect"
)

type S struct {
	A int8
	B uint16
	C int
	D bool
}

func main() {
	v := reflect.ValueOf(S{5, 300, 7, true})
	for i := 0; i < v.NumField(); i++ {
		x := v.Field(i).Interface()
		fmt.Printf("%v %T\n", x, x)
	}
}
