// bufio: Scanner over stdin (lines) and strings (words, runes, bytes, custom
// split, Buffer limit -> ErrTooLong), Reader (ReadString, ReadLine, ReadRune,
// UnreadRune, ReadByte, UnreadByte, Peek, Read, Discard, small buffers),
// Writer (Write, WriteString, WriteByte, WriteRune, Flush, Buffered,
// Available, write errors).
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Printf("%d: %q\n", lines, sc.Text())
	}
	fmt.Println("stdin err:", sc.Err())

	ws := bufio.NewScanner(strings.NewReader("  alpha beta\tgamma\n\ndelta  "))
	ws.Split(bufio.ScanWords)
	for ws.Scan() {
		fmt.Printf("[%s]", ws.Text())
	}
	fmt.Println()
	rs := bufio.NewScanner(strings.NewReader("héllo\xff"))
	rs.Split(bufio.ScanRunes)
	for rs.Scan() {
		fmt.Printf("%q ", rs.Bytes())
	}
	fmt.Println()
	bs := bufio.NewScanner(strings.NewReader("abc"))
	bs.Split(bufio.ScanBytes)
	for bs.Scan() {
		fmt.Printf("%v ", bs.Bytes())
	}
	fmt.Println()
	cs := bufio.NewScanner(strings.NewReader("1,22,333,"))
	cs.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for cs.Scan() {
		fmt.Printf("<%s>", cs.Text())
	}
	fmt.Println(cs.Err())
	ls := bufio.NewScanner(strings.NewReader("short\n" + strings.Repeat("x", 100) + "\nafter\n"))
	ls.Buffer(make([]byte, 10), 20)
	for ls.Scan() {
		fmt.Println("tok", ls.Text())
	}
	fmt.Println(ls.Err(), ls.Err() == bufio.ErrTooLong)
	crlf := bufio.NewScanner(strings.NewReader("a\r\nb\r\n\r\nlast"))
	for crlf.Scan() {
		fmt.Printf("%q ", crlf.Text())
	}
	fmt.Println()

	r := bufio.NewReaderSize(strings.NewReader("first line\nsecond ü line\nno newline"), 16)
	fmt.Println(r.Size(), r.Buffered())
	s, err := r.ReadString('\n')
	fmt.Printf("%q %v %d\n", s, err, r.Buffered())
	p, err := r.Peek(6)
	fmt.Printf("%q %v\n", p, err)
	b, _ := r.ReadByte()
	fmt.Println(string(b), r.UnreadByte(), r.UnreadByte())
	word, _ := r.ReadString(' ')
	fmt.Printf("%q\n", word)
	ru, size, err := r.ReadRune()
	fmt.Println(string(ru), size, err, r.UnreadRune())
	ru, size, err = r.ReadRune()
	fmt.Println(string(ru), size, err)
	line, prefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", line, prefix, err)
	d, err := r.Discard(3)
	fmt.Println(d, err)
	buf := make([]byte, 4)
	n, err := r.Read(buf)
	fmt.Printf("%d %v %q\n", n, err, buf[:n])
	rest, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", rest, err)
	n, err = r.Read(buf)
	fmt.Println(n, err)
	_, err = r.Peek(100)
	fmt.Println(err)

	long := bufio.NewReaderSize(strings.NewReader(strings.Repeat("y", 40)+"\nz"), 16)
	for {
		l, pre, err := long.ReadLine()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q %v\n", l, pre)
	}
	bl := bufio.NewReader(strings.NewReader("k1=v1;k2=v2"))
	tok, err := bl.ReadBytes(';')
	fmt.Printf("%q %v\n", tok, err)
	tok, err = bl.ReadSlice(';')
	fmt.Printf("%q %v\n", tok, err)

	var out bytes.Buffer
	w := bufio.NewWriterSize(&out, 8)
	fmt.Println(w.Size(), w.Available(), w.Buffered())
	w.WriteString("abc")
	w.WriteByte('d')
	w.WriteRune('é')
	fmt.Println(w.Buffered(), w.Available(), out.Len())
	w.Write([]byte("0123456789"))
	fmt.Println(w.Buffered(), out.Len())
	fmt.Fprintf(w, "[%d]", 7)
	fmt.Println(w.Flush(), w.Buffered(), out.String())
	fw := bufio.NewWriterSize(&failWriter{n: 1}, 4)
	fw.WriteString("abcd")
	_, err = fw.WriteString("efgh")
	fmt.Println(err)
	fmt.Println(fw.Flush(), fw.Flush())
	_, err = fw.WriteString("x")
	fmt.Println(err)
	sw := bufio.NewWriter(os.Stdout)
	defer sw.Flush()
	fmt.Fprintln(sw, "buffered stdout line")
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("rw")), sw)
	x, _ := rw.ReadString(0)
	rw.WriteString(x + "\n")
	var _ io.Reader = r
}
