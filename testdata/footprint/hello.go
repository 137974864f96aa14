// The hello world of scripts/bench's footprint section: binary size,
// start-up RSS and warm-cache build time against go's.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
