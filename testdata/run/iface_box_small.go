// Interface boxing of small integers, bools and zero-size values (shared static storage in the runtime) keeps values distinct and comparable.
package main

import "fmt"

type E struct{}

func main() {
	var xs []interface{}
	xs = append(xs, int8(-1), uint8(200), int16(-5), 300, 255, true, false, int64(7), uint16(65535), E{}, struct{}{})
	fmt.Println(xs...)
	a, b := interface{}(5), interface{}(5)
	fmt.Println(a == b, a.(int)+1, xs[0].(int8), xs[2].(int16))
}
