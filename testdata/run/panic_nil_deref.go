// An unrecovered nil pointer dereference through a struct field: panic message, SIGSEGV line, exit status 2.
package main

type node struct {
	next *node
	val  int
}

func last(n *node) int {
	for n.next != nil {
		n = n.next
	}
	return n.val
}

func main() {
	l := &node{next: &node{val: 2}}
	println(last(l))
	var empty *node
	println(last(empty))
}
