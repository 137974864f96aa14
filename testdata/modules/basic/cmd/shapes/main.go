package main

import (
	"fmt"

	"example.com/shapes/geom"
	"example.com/shapes/internal/fmtx"
	"example.com/units"
)

var version = "dev"

func main() {
	ss := []geom.Shape{geom.Circle{R: 1}, geom.Rect{W: 2, H: 3}}
	for _, s := range ss {
		fmt.Println(fmtx.Line(s.Name(), units.Metres(s.Area())))
	}
	fmt.Println(fmtx.Line("total", units.Metres(geom.Total(ss))))
	fmt.Println(geom.Platform, geom.Mode, version)
}
