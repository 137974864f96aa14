package main

import (
	"fmt"
	"hash/maphash"
	"math"
)

type P struct {
	X, Y int
	S    string
	_    int
}

func main() {
	s := maphash.MakeSeed()
	s2 := maphash.MakeSeed()

	// Equal inputs hash equally under one seed.
	fmt.Println(maphash.String(s, "hello") == maphash.String(s, "hel"+"lo"))
	fmt.Println(maphash.Bytes(s, []byte("hello")) == maphash.String(s, "hello"))
	fmt.Println(maphash.Comparable(s, "hello") == maphash.String(s, "hello"))
	fmt.Println(maphash.Comparable(s, 42) == maphash.Comparable(s, 42))
	fmt.Println(maphash.Comparable(s, P{1, 2, "a", 0}) == maphash.Comparable(s, P{1, 2, "a", 0}))
	fmt.Println(maphash.Comparable(s, [2]string{"a", "b"}) == maphash.Comparable(s, [2]string{"a", "b"}))
	fmt.Println(maphash.Comparable(s, 0.0) == maphash.Comparable(s, math.Copysign(0, -1)))
	var a, b any = 7, 7
	fmt.Println(maphash.Comparable(s, a) == maphash.Comparable(s, b))
	x := new(int)
	fmt.Println(maphash.Comparable(s, x) == maphash.Comparable(s, x))

	// Different inputs or seeds (almost surely) differ.
	fmt.Println(maphash.String(s, "hello") != maphash.String(s, "world"))
	fmt.Println(maphash.String(s, "hello") != maphash.String(s2, "hello"))
	fmt.Println(maphash.Comparable(s, P{1, 2, "a", 0}) != maphash.Comparable(s, P{2, 1, "a", 0}))

	// The streaming Hash agrees with itself.
	var h1, h2 maphash.Hash
	h1.SetSeed(s)
	h2.SetSeed(s)
	h1.WriteString("hello, ")
	h1.WriteString("world")
	h2.Write([]byte("hello, world"))
	fmt.Println(h1.Sum64() == h2.Sum64(), h1.Sum64() == maphash.String(s, "hello, world"))
	maphash.WriteComparable(&h1, 3)
	maphash.WriteComparable(&h2, 3)
	fmt.Println(h1.Sum64() == h2.Sum64())
	h1.Reset()
	h2.Reset()
	fmt.Println(h1.Sum64() == h2.Sum64(), h1.Size(), h1.BlockSize())

	// NaN != NaN: hashes are random.
	// Unhashable dynamic type panics.
	defer func() { fmt.Println("recovered:", recover()) }()
	var u any = []int{1}
	maphash.Comparable(s, u)
}
