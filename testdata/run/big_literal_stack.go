// Composite literals of types larger than 64 KiB are built in the heap,
// not in the frame: a goroutine limited to a 64 KiB stack assigns them.
package main

import (
	"fmt"
	"runtime/debug"
)

type Foo struct {
	A [1 << 20]byte
	B string
}

type Arr [1 << 18]int

func run(c chan string) {
	f := new(Foo)
	*f = Foo{B: "hello"}
	a := new(Arr)
	*a = Arr{1, 2, 3, 1<<18 - 1: 9}
	c <- fmt.Sprint(f.B, len(f.A), a[0], a[2], a[1<<18-1])
}

func main() {
	debug.SetMaxStack(1 << 16)
	c := make(chan string)
	go run(c)
	fmt.Println(<-c)
}
