package calc_test

import (
	"fmt"

	"example.com/failing/calc"
)

func ExampleAdd() {
	fmt.Println(calc.Add(1, 2))
	// Output: 3
}

func ExampleAdd_bug() {
	fmt.Println(calc.Add(2, 2))
	// Output: 4
}
