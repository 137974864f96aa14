// math/rand/v2 from GOROOT (its Rand.N is a generic method) with a fixed
// seed: the PCG and ChaCha8 sources give the same sequences as gc's.
package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

type myInt int64

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.Int(), r.Uint32(), r.Int64N(1000), r.IntN(10))
	fmt.Println(r.N(100), r.N(int8(50)), r.N(myInt(1<<40)), r.N[uint16](300))
	fmt.Println(r.N(5 * time.Second))
	fmt.Printf("%.6f %.6f %.6f\n", r.Float64(), r.Float32(), r.NormFloat64())
	fmt.Println(r.Perm(8))
	s := []string{"a", "b", "c", "d", "e", "f"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	n := r.N[int]
	fmt.Println(n(1000), n(1000))

	c := rand.New(rand.NewChaCha8([32]byte{1, 2, 3}))
	fmt.Println(c.Uint64(), c.IntN(1000), c.N(uint(77)))

	z := rand.NewZipf(r, 1.5, 2, 100)
	fmt.Println(z.Uint64(), z.Uint64(), z.Uint64())

	// The top-level functions are randomly seeded: check ranges only.
	x := rand.N(10)
	fmt.Println(x >= 0 && x < 10, rand.IntN(5) < 5, rand.Float64() < 1)
}
