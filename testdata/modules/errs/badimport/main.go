package main

import (
	"fmt"

	"example.com/nope/pkg"
)

func main() { fmt.Println(pkg.X) }
