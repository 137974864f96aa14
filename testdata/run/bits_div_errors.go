package main

import (
	"fmt"
	"math/bits"
	"runtime"
)

func catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

var zero uint64

func main() {
	// math/bits panics with the runtime's own error variables (linked by
	// //go:linkname overflowError runtime.overflowError).
	div := catch(func() { bits.Div64(0, 1, zero) })
	ovf := catch(func() { bits.Div64(5, 1, 3) })
	ovf32 := catch(func() { bits.Div32(7, 1, 2) })
	plain := catch(func() { fmt.Println(1 / zero) })
	fmt.Println(div, "|", ovf, "|", ovf32, "|", plain)
	_, isRT := div.(runtime.Error)
	fmt.Println(isRT, div == plain, ovf == ovf32, div == ovf)
	fmt.Printf("%T %T\n", div, ovf)
	q, r := bits.Div64(1, 0, 3)
	fmt.Println(q, r, bits.Rem64(5, 1, 0xffff))
	bits.Div(0, 1, uint(zero))
}
