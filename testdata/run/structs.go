// Structs: literals, field access through pointers, embedding, comparison, copies.
package main

type Point struct {
	X, Y int
}

type Named struct {
	Point
	Name string
}

type Node struct {
	val  int
	next *Node
}

func (p Point) Sum() int { return p.X + p.Y }

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	println(p.X, p.Y, q.X, q.Y, p == q, p == Point{1, 2})
	pp := &p
	pp.X = 10
	println(p.X, pp.Sum())
	n := Named{Point{3, 4}, "n"}
	println(n.X, n.Point.Y, n.Sum(), n.Name)
	var list *Node
	for i := 1; i <= 5; i++ {
		list = &Node{i, list}
	}
	total := 0
	for e := list; e != nil; e = e.next {
		total = total*10 + e.val
	}
	println(total)
	c := p
	c.Y = 99
	println(p.Y, c.Y)
	anon := struct {
		a int
		b string
	}{1, "x"}
	println(anon.a, anon.b)
	var zero Named
	println(zero.X, zero.Name == "", new(Point).Y)
}
