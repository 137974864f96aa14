package main

import (
	"fmt"
	"reflect"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", name)
}

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)
	b <- "hi"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)},
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a), Send: reflect.ValueOf(5)},
	}
	// Only one case is ready each time: a is full until received from.
	a <- 1
	chosen, v, ok := reflect.Select(cases)
	fmt.Println(chosen, v, ok)
	fmt.Println(<-a)
	chosen, v, ok = reflect.Select(cases)
	fmt.Println(chosen, v.IsValid(), ok, <-a)
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a)}, {Dir: reflect.SelectDefault}})
	fmt.Println(chosen, v.IsValid(), ok)
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv}, {Dir: reflect.SelectDefault}})
	fmt.Println(chosen, v.IsValid(), ok)
	close(a)
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a)}})
	fmt.Println(chosen, v, ok)
	done := make(chan bool)
	go func() {
		b <- "later"
		done <- true
	}()
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)}})
	fmt.Println(chosen, v, ok, <-done)

	try("two defaults", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectDefault}, {Dir: reflect.SelectDefault}})
	})
	try("bad dir", func() { reflect.Select([]reflect.SelectCase{{Dir: 9}}) })
	try("default with chan", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectDefault, Chan: reflect.ValueOf(a)}})
	})
	try("send on recv-only", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf((<-chan int)(a)), Send: reflect.ValueOf(1)}})
	})
	try("send missing", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(make(chan int))}})
	})
	try("recv with send", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a), Send: reflect.ValueOf(1)}})
	})
	try("send type", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(make(chan int, 1)), Send: reflect.ValueOf("x")}})
	})
	try("send on closed", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a), Send: reflect.ValueOf(1)}})
	})
	reflect.Select(nil) // blocks forever: deadlock
}
