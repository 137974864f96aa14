// Tests package math/rand: the seeded sequences of gc's generator (seeds 1,
// 42, 0, negative and large) through every method of Rand, Read, a custom
// Source, and the ranges of the randomly seeded top-level functions.
package main

import "math/rand"

type counter struct{ n int64 }

func (c *counter) Int63() int64    { c.n += 0x123456789; return c.n & (1<<63 - 1) }
func (c *counter) Seed(seed int64) { c.n = seed }

func main() {
	for _, seed := range []int64{1, 42} {
		println("seed", seed)
		r := rand.New(rand.NewSource(seed))
		for i := 0; i < 20; i++ {
			println(r.Int63(), r.Uint32(), r.Uint64(), r.Int31(), r.Int())
		}
		for i := 0; i < 20; i++ {
			println(r.Intn(10), r.Intn(1000000007), r.Intn(1<<40+3), r.Int63n(1<<62+5), r.Int63n(64), r.Int31n(3), r.Int31n(1<<30))
		}
		for i := 0; i < 20; i++ {
			println(r.Float64(), r.Float32(), r.NormFloat64(), r.ExpFloat64())
		}
		for n := 0; n < 12; n++ {
			for _, v := range r.Perm(n) {
				print(v, " ")
			}
			println()
		}
		a := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
		r.Shuffle(len(a), func(i, j int) { a[i], a[j] = a[j], a[i] })
		for _, s := range a {
			print(s)
		}
		println()
		buf := make([]byte, 13)
		n, err := r.Read(buf[:5])
		println(n, err == nil)
		r.Read(buf[5:])
		for _, b := range buf {
			print(b, " ")
		}
		println()
		r.Seed(seed)
		println(r.Int63())
		z := rand.NewZipf(r, 1.5, 2, 100)
		for i := 0; i < 10; i++ {
			print(z.Uint64(), " ")
		}
		println()
	}
	for _, seed := range []int64{0, -1, 1 << 40, 2147483647, -9223372036854775808} {
		s := rand.NewSource(seed)
		println(seed, s.Int63(), s.Int63(), s.(rand.Source64).Uint64())
	}
	c := rand.New(&counter{})
	println(c.Uint64(), c.Intn(100), c.Float64())

	// Top-level functions are randomly seeded; Seed is a no-op (Go 1.24+).
	rand.Seed(1)
	ok := true
	for i := 0; i < 1000; i++ {
		if v := rand.Intn(10); v < 0 || v >= 10 {
			ok = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			ok = false
		}
		if v := rand.Int63n(5); v < 0 || v >= 5 {
			ok = false
		}
		if rand.Int() < 0 || rand.Int31() < 0 || rand.Int63() < 0 {
			ok = false
		}
	}
	p := rand.Perm(50)
	seen := make([]bool, 50)
	for _, v := range p {
		seen[v] = true
	}
	for _, s := range seen {
		ok = ok && s
	}
	println("top-level ok", ok)
	defer func() { println("recovered:", recover().(string)) }()
	rand.Intn(0)
}
