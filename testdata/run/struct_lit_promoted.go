// Promoted fields in struct literals (go 1.27): a field of an embedded
// struct may be given by its own name.
package main

import "fmt"

type fields struct {
	rfd, wfd int
	data     string
}

type pipe struct {
	fields
	cleanup func()
}

type Inner struct{ X, Y int }

type Mid struct {
	Inner
	Z any
}

type Outer struct {
	Mid
	name string
	tags []string
}

type WithPtr struct {
	*Inner
	N int
}

func main() {
	p := &pipe{rfd: 3, wfd: 4}
	fmt.Println(p.rfd, p.wfd, p.data == "", p.cleanup == nil)
	q := pipe{data: "d", cleanup: func() { fmt.Println("cleanup") }}
	q.cleanup()
	fmt.Printf("%+v\n", q.fields)

	o := Outer{X: 1, Z: "z", name: "o", Y: 2}
	fmt.Printf("%+v\n", o)
	o2 := Outer{Mid: Mid{Inner{5, 6}, 7}, tags: []string{"a"}}
	fmt.Printf("%+v\n", o2)
	o3 := Outer{Inner: Inner{8, 9}, Z: 10}
	fmt.Println(o3.X, o3.Y, o3.Z)
	xs := []Outer{{X: 1}, {Y: 2, tags: nil}}
	fmt.Println(xs[0].X, xs[1].Y)
	m := map[string]Mid{"k": {X: 11, Z: 1.5}}
	fmt.Println(m["k"].X, m["k"].Z)
	w := WithPtr{Inner: &Inner{1, 2}, N: 3}
	fmt.Println(w.X, w.N)
}
