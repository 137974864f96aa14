// runtime/debug.SetMaxStack: the previous limit is returned, and a recursion past a lowered limit dies with gc's overflow report.
package main

import "runtime/debug"

func deep(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%64])
}

func main() {
	old := debug.SetMaxStack(1 << 20)
	println(old)
	println(deep(1000) > 0)
	deep(100000)
	println("unreachable")
}
