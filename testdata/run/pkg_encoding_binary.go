// encoding/binary compiled from the Go distribution's sources.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
)

type Header struct {
	Magic   uint32
	Version int16
	Flags   [3]uint8
	_       uint8
	Ratio   float32
	Size    int64
	OK      bool
	C       complex64
}

func main() {
	b := make([]byte, 8)
	binary.LittleEndian.PutUint32(b, 0xdeadbeef)
	binary.BigEndian.PutUint16(b[4:], 0x1234)
	fmt.Printf("% x %x %x\n", b, binary.LittleEndian.Uint32(b), binary.BigEndian.Uint16(b[4:]))
	fmt.Printf("%x\n", binary.BigEndian.AppendUint64(nil, 0x0102030405060708))
	fmt.Println(binary.LittleEndian, binary.BigEndian, binary.NativeEndian.Uint16([]byte{1, 0}))

	buf := make([]byte, binary.MaxVarintLen64)
	for _, x := range []int64{0, 1, -1, 63, -64, 300, math.MaxInt64, math.MinInt64} {
		n := binary.PutVarint(buf, x)
		y, m := binary.Varint(buf[:n])
		fmt.Printf("%d: % x -> %d (%d)\n", x, buf[:n], y, m)
	}
	u := binary.AppendUvarint(nil, 1<<40+5)
	v, n := binary.Uvarint(u)
	fmt.Println(u, v, n)
	rv, err := binary.ReadUvarint(bytes.NewReader(u))
	fmt.Println(rv, err)

	h := Header{Magic: 0xcafebabe, Version: -2, Flags: [3]uint8{1, 2, 3}, Ratio: 1.5, Size: 1 << 40, OK: true, C: 1 + 2i}
	var w bytes.Buffer
	err = binary.Write(&w, binary.BigEndian, h)
	fmt.Println(binary.Size(h), w.Len(), err)
	fmt.Printf("% x\n", w.Bytes())
	var h2 Header
	err = binary.Read(bytes.NewReader(w.Bytes()), binary.BigEndian, &h2)
	fmt.Printf("%+v %v\n", h2, err)

	data := []uint16{1, 2, 0xffff}
	enc, err := binary.Append(nil, binary.LittleEndian, data)
	fmt.Printf("% x %v\n", enc, err)
	out := make([]uint16, 3)
	_, err = binary.Decode(enc, binary.LittleEndian, out)
	fmt.Println(out, err)
	var f float64
	binary.Read(bytes.NewReader([]byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f}), binary.LittleEndian, &f)
	fmt.Println(f)
	err = binary.Write(&w, binary.LittleEndian, "a string")
	fmt.Println(err)
	var short uint32
	err = binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &short)
	fmt.Println(err)
}
