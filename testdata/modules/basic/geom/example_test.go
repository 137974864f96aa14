package geom_test

import (
	"fmt"

	"example.com/shapes/geom"
)

func ExampleTotal() {
	fmt.Println(geom.Total([]geom.Shape{geom.Rect{W: 2, H: 3}, geom.Rect{W: 1, H: 1}}))
	// Output: 7
}

func ExampleRect_Name() {
	for _, s := range []geom.Shape{geom.Rect{}, geom.Circle{}} {
		fmt.Println(s.Name())
	}
	// Unordered output:
	// circle
	// rect
}
