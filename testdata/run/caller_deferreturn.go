// runtime.Caller from a deferred call names the line where the deferring
// function returns: its closing brace when it falls off the end.
package main

import (
	"fmt"
	"runtime"
)

func where() int {
	_, _, line, _ := runtime.Caller(2)
	return line
}

func fallOff(out *int) {
	defer func() { *out = where() }()
	nothing()
}

func nothing() {}

func main() {
	var line int
	func() {
		defer func() {
			_, _, line, _ = runtime.Caller(1)
		}()
	}()
	fmt.Println(line)
	fallOff(&line)
	fmt.Println(line)
}
