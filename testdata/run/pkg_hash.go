// hash/fnv, hash/crc32, hash/adler32, hash/crc64 and hash/maphash's
// deterministic parts, compiled from the Go distribution's sources.
package main

import (
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/crc64"
	"hash/fnv"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	hs := []struct {
		name string
		h    hash.Hash
	}{
		{"fnv32", fnv.New32()}, {"fnv32a", fnv.New32a()},
		{"fnv64", fnv.New64()}, {"fnv64a", fnv.New64a()},
		{"fnv128", fnv.New128()}, {"fnv128a", fnv.New128a()},
		{"crc32", crc32.NewIEEE()}, {"crc32c", crc32.New(crc32.MakeTable(crc32.Castagnoli))},
		{"crc32k", crc32.New(crc32.MakeTable(crc32.Koopman))},
		{"crc64iso", crc64.New(crc64.MakeTable(crc64.ISO))}, {"crc64ecma", crc64.New(crc64.MakeTable(crc64.ECMA))},
		{"adler32", adler32.New()},
	}
	for _, x := range hs {
		x.h.Write(data)
		fmt.Printf("%-9s size=%2d block=%d %x\n", x.name, x.h.Size(), x.h.BlockSize(), x.h.Sum(nil))
		x.h.Reset()
		x.h.Write(data[:10])
		x.h.Write(data[10:])
		fmt.Printf("%-9s again    %x\n", x.name, x.h.Sum([]byte{0xee}))
	}
	big := make([]byte, 100000)
	for i := range big {
		big[i] = byte(i*31 + i>>8)
	}
	fmt.Printf("%08x %08x %08x\n", crc32.ChecksumIEEE(big), crc32.Checksum(big, crc32.MakeTable(crc32.Castagnoli)), adler32.Checksum(big))
	fmt.Printf("%08x\n", crc32.Update(crc32.ChecksumIEEE(big[:500]), crc32.IEEETable, big[500:]))
	fmt.Printf("%016x\n", crc64.Checksum(big, crc64.MakeTable(crc64.ECMA)))

	h := fnv.New64a()
	state, err := h.(interface{ MarshalBinary() ([]byte, error) }).MarshalBinary()
	fmt.Println(len(state), err)
}
