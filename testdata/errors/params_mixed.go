package main

func F(a, b int, []int) {} // ERROR "missing parameter name"
func G(a, b int, c)     {} // ERROR "missing parameter type"

func main() {}
