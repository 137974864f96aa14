// encoding/hex compiled from the Go distribution's sources.
package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

func main() {
	src := []byte("Hello Gopher!\x00\xff")
	fmt.Println(hex.EncodeToString(src))
	dst := make([]byte, hex.EncodedLen(len(src)))
	n := hex.Encode(dst, src)
	fmt.Println(n, string(dst))
	fmt.Println(string(hex.AppendEncode([]byte("x:"), []byte{1, 2, 0xab})))

	b, err := hex.DecodeString("48656c6c6f20476f7068657221")
	fmt.Printf("%q %v\n", b, err)
	_, err = hex.DecodeString("48656c6c6f2")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	var ie hex.InvalidByteError = 'g'
	fmt.Println(ie.Error())

	fmt.Print(hex.Dump([]byte("The quick brown fox jumps over the lazy dog.")))

	var buf bytes.Buffer
	d := hex.Dumper(&buf)
	d.Write([]byte("abc"))
	d.Write([]byte("defghijklmnopqrstu"))
	d.Close()
	fmt.Print(buf.String())

	enc := hex.NewEncoder(os.Stdout)
	enc.Write([]byte("stream"))
	fmt.Println()
	dec := hex.NewDecoder(strings.NewReader("73747265616d"))
	out := make([]byte, 16)
	n, err = dec.Read(out)
	fmt.Println(n, string(out[:n]), err)
}
