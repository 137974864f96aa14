// A value method called through an interface holding a nil pointer: gc's
// (*T).M wrapper panics with runtime.panicwrap's message.
package main

import "fmt"

type T int

func (t T) Get() int { return int(t) }

type S struct{ x int }

func (s S) Get() int { return s.x }

type S2 struct{ x, y int }

func (s S2) Get() int { return s.x }

type Getter interface{ Get() int }

//go:noinline
func try(i Getter) {
	defer func() { fmt.Println(recover()) }()
	i.Get()
}

func main() {
	try((*T)(nil))
	try((*S)(nil))
	try((*S2)(nil))
}
