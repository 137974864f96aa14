package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	b := make([]byte, len(p))
	for i, c := range p {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	return u.w.Write(b)
}

type slowReader struct {
	s string
	n int
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.n >= len(r.s) {
		return 0, io.EOF
	}
	p[0] = r.s[r.n]
	r.n++
	return 1, nil
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, errors.New("disk full") }

type bufWriter struct{ b []byte }

func (w *bufWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	fmt.Printf("read %d bytes, err=%v: %q\n", len(data), err, data)
	fmt.Fprintf(upper{os.Stdout}, "shout %d %s\n", 42, "words")
	n, err := io.Copy(os.Stdout, &slowReader{s: "copied slowly\n"})
	fmt.Println(n, err)
	var bw bufWriter
	n2, err := io.WriteString(&bw, "into buffer")
	fmt.Println(n2, err, string(bw.b))
	_, err = fmt.Fprintln(failWriter{}, "x")
	fmt.Println("err:", err)
	buf := make([]byte, 4)
	k, err := io.ReadFull(&slowReader{s: "ab"}, buf)
	fmt.Println(k, err, err == io.ErrUnexpectedEOF)
	k, err = io.ReadFull(&slowReader{s: "abcdef"}, buf)
	fmt.Println(k, err, string(buf))
	fmt.Println(io.EOF, io.ErrShortWrite)
	fmt.Println(os.Stdout.Name(), os.Stderr.Fd())
	os.Stdout.WriteString("direct\n")
	fmt.Fprint(io.Discard, "nothing")
	c, err := io.Copy(os.Stdout, io.LimitReader(&slowReader{s: "limited reader\n"}, 7))
	fmt.Println()
	fmt.Println(c, err)
}
