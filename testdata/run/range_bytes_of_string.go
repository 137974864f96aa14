package main

import "fmt"

type B []byte
type S string

func main() {
	s := "héllo"
	for i, c := range []byte(s) {
		fmt.Println(i, c)
	}
	n := 0
	for range B(S("abc")) {
		n++
	}
	for i := range []byte("xyz") {
		n += i
	}
	var e string
	for range []byte(e) {
		n += 100
	}
	fmt.Println(n)
}
