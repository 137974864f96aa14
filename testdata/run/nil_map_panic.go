// Assignment to an entry in a nil map panics.
package main

func main() {
	var m map[string]int
	println(m["x"])
	m["x"] = 1
}
