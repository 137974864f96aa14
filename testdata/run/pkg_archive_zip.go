// archive/zip, compress/flate, compress/gzip and hash/crc32 compiled from
// the Go distribution's sources: an archive written and read in memory.
package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"time"
)

func main() {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	files := []struct{ name, body string }{
		{"readme.txt", "This archive contains some text files."},
		{"gopher.txt", strings.Repeat("Gopher names:\nGeorge\nGeoffrey\nGonzo\n", 20)},
		{"dir/todo.txt", "Get animal handling licence."},
	}
	mod := time.Date(2024, 1, 2, 3, 4, 6, 0, time.UTC)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mod}
		fw, err := w.CreateHeader(h)
		if err != nil {
			fmt.Println(err)
			return
		}
		fw.Write([]byte(f.body))
	}
	w.SetComment("made by a test")
	fmt.Println(w.Close())

	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	fmt.Println(err, len(r.File), r.Comment)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			fmt.Println(err)
			continue
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		fmt.Printf("%s %d->%d crc=%08x %v %q\n", f.Name, f.UncompressedSize64, f.CompressedSize64, f.CRC32, err, string(data[:min(len(data), 20)]))
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Name = "hello.txt"
	zw.ModTime = mod
	io.WriteString(zw, strings.Repeat("hello gzip ", 100))
	zw.Close()
	fmt.Println(gz.Len())
	zr, err := gzip.NewReader(&gz)
	out, err2 := io.ReadAll(zr)
	fmt.Println(err, err2, zr.Name, zr.ModTime.UTC(), len(out), string(out[:11]))
}
