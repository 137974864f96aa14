// Shifts: constant shifts, untyped shift operands taking the context type, negative shift panics.
package main

func main() {
	var s uint = 3
	println(1<<s, 1<<10>>s)
	var f float64 = 1 << 3
	println(f)
	i := 1
	var sh int = 65
	println(i<<sh, i<<63)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	neg := -1
	println(1 << neg)
}
