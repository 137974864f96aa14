// encoding/base64 and encoding/base32 compiled from the Go distribution's sources.
package main

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
)

func main() {
	msg := []byte("Man is distinguished, not only by his reason\x00\xfe\xff")
	for _, e := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		s := e.EncodeToString(msg)
		d, err := e.DecodeString(s)
		fmt.Println(s, bytes.Equal(d, msg), err, e.EncodedLen(len(msg)), e.DecodedLen(len(s)))
	}
	_, err := base64.StdEncoding.DecodeString("SGVsbG8=!")
	fmt.Println(err)
	_, err = base64.StdEncoding.Strict().DecodeString("SGVsbG9=")
	fmt.Println(err)
	fmt.Println(string(base64.StdEncoding.AppendEncode([]byte("b64:"), []byte("hi"))))

	var buf bytes.Buffer
	w := base64.NewEncoder(base64.StdEncoding, &buf)
	io.WriteString(w, "streaming data, written in pieces")
	w.Close()
	fmt.Println(buf.String())
	r := base64.NewDecoder(base64.StdEncoding, strings.NewReader(buf.String()))
	all, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", all, err)

	custom := base64.NewEncoding("ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba9876543210+/").WithPadding('*')
	fmt.Println(custom.EncodeToString([]byte("custom")))

	s32 := base32.StdEncoding.EncodeToString([]byte("base32 text"))
	d32, err := base32.StdEncoding.DecodeString(s32)
	fmt.Println(s32, string(d32), err)
	fmt.Println(base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("hex")))
}
