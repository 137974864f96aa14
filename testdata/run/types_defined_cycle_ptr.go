// Defined types whose right-hand side is another defined type still being
// declared, with the cycle through a pointer (valid Go).
package main

import "fmt"

type List struct {
	Val  int
	Next *Node
}

type Node List

func (n *Node) Sum() int {
	s := 0
	for ; n != nil; n = n.Next {
		s += n.Val
	}
	return s
}

type Ring struct{ Next *R1 }
type R1 R2
type R2 R3
type R3 Ring

type Tree struct {
	kids []*Branch
	name string
}

type Branch Tree

func (b *Branch) Count() int {
	n := 1
	for _, k := range b.kids {
		n += k.Count()
	}
	return n
}

func main() {
	n := &Node{Val: 1, Next: &Node{Val: 2, Next: &Node{Val: 3}}}
	fmt.Println(n.Sum(), List(*n).Val)
	r := &R1{}
	r.Next = r
	fmt.Println(r.Next.Next == r)
	t := &Branch{name: "root", kids: []*Branch{{name: "a"}, {name: "b", kids: []*Branch{{name: "c"}}}}}
	fmt.Printf("%d %s %T\n", t.Count(), Tree(*t).name, *t)
}
