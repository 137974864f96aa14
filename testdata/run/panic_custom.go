// Panics with an error value, a custom type and a re-panic after recover.
package main

type myError struct{ code int }

func (e myError) Error() string { return "my error" }

type code int

func main() {
	defer func() {
		r := recover()
		println("recovered code", int(r.(code)))
		panic(myError{7})
	}()
	panic(code(3))
}
