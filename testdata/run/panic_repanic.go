// A recovered panic re-panicked with the same value prints "[recovered, repanicked]"; deferred calls still run first.
package main

func main() {
	defer println("outer deferred")
	defer func() {
		r := recover()
		println("recovered:", r.(string))
		panic(r)
	}()
	panic("original")
}
