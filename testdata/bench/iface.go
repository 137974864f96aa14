// Benchmark: interface method calls, type switches and small struct values.
package main

import "fmt"

type Shape interface {
	Area() float64
	Scale(f float64) Shape
}

type Rect struct{ w, h float64 }
type Circle struct{ r float64 }

func (r Rect) Area() float64            { return r.w * r.h }
func (r Rect) Scale(f float64) Shape    { return Rect{r.w * f, r.h * f} }
func (c *Circle) Area() float64         { return 3.14159 * c.r * c.r }
func (c *Circle) Scale(f float64) Shape { return &Circle{c.r * f} }

func main() {
	shapes := make([]Shape, 0, 1000)
	for i := 0; i < 1000; i++ {
		if i%2 == 0 {
			shapes = append(shapes, Rect{float64(i % 10), 2})
		} else {
			shapes = append(shapes, &Circle{float64(i % 7)})
		}
	}
	total := 0.0
	rects := 0
	for it := 0; it < 20000; it++ {
		for _, s := range shapes {
			total += s.Area()
			switch s.(type) {
			case Rect:
				rects++
			}
		}
	}
	s2 := shapes[3].Scale(2)
	fmt.Printf("%.1f %d %.2f\n", total, rects, s2.Area())
}
