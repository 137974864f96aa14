package main

import (
	"fmt"

	"example.com/dep/internal/secret"
)

func main() { fmt.Println(secret.Key) }
