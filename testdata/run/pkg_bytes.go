// bytes: Buffer (writes, reads, Next, Grow, Truncate, ReadString, UnreadRune),
// search and comparison functions, Split/Fields/Join, case mapping, Trim*,
// Replace, Reader (Read, ReadByte, Seek, ReadRune, UnreadRune).
package main

import (
	"bytes"
	"fmt"
	"io"
	"unicode"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello")
	b.WriteByte(' ')
	b.WriteRune('世')
	b.Write([]byte("!\nsecond line\nthird"))
	fmt.Println(b.Len(), b.String() != "")
	line, err := b.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	r, size, err := b.ReadRune()
	fmt.Println(r, size, err)
	fmt.Println(b.UnreadRune(), b.UnreadRune())
	c, _ := b.ReadByte()
	fmt.Println(c, string(b.Next(5)), b.Len())
	line, err = b.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	line, err = b.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	line, err = b.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	n, err := b.Read(make([]byte, 4))
	fmt.Println(n, err)
	b.Reset()
	b.Grow(100)
	fmt.Println(b.Len(), b.Cap() >= 100)
	fmt.Fprintf(&b, "x=%d y=%s", 42, "why")
	b.Truncate(4)
	fmt.Printf("%q %q\n", b.String(), b.Bytes())
	nb := bytes.NewBufferString("abc")
	p := make([]byte, 2)
	n, _ = nb.Read(p)
	fmt.Println(n, string(p), nb.String())
	var nilbuf *bytes.Buffer
	fmt.Println(nilbuf.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		b.Truncate(100)
	}()
	var w bytes.Buffer
	io.Copy(&w, bytes.NewReader([]byte("copied through io.Copy")))
	fmt.Println(w.String())

	s := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Println(bytes.Compare([]byte("a"), []byte("b")), bytes.Compare(nil, []byte{}), bytes.Compare([]byte("b"), []byte("a")))
	fmt.Println(bytes.Contains(s, []byte("fox")), bytes.ContainsAny(s, "xyz"), bytes.ContainsRune(s, 'Q'), bytes.ContainsFunc(s, unicode.IsDigit))
	fmt.Println(bytes.Count(s, []byte("o")), bytes.Count(s, nil), bytes.Count([]byte("cheese"), []byte("e")))
	fmt.Println(bytes.Equal([]byte("go"), []byte("go")), bytes.Equal(nil, []byte{}), bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.EqualFold([]byte("σ"), []byte("Σ")))
	fmt.Println(bytes.HasPrefix(s, []byte("The")), bytes.HasSuffix(s, []byte("dog")), bytes.HasSuffix(s, []byte("cat")))
	fmt.Println(bytes.Index(s, []byte("quick")), bytes.Index(s, []byte("zebra")), bytes.IndexByte(s, 'q'), bytes.IndexRune(s, 'j'), bytes.IndexAny(s, "zyx"), bytes.IndexFunc(s, unicode.IsSpace))
	fmt.Println(bytes.LastIndex(s, []byte("o")), bytes.LastIndexByte(s, 'T'), bytes.LastIndexAny(s, "Tt"), bytes.LastIndexFunc(s, unicode.IsUpper))
	long := bytes.Repeat([]byte("ab"), 50)
	long = append(long, "abcxyz"...)
	fmt.Println(bytes.Index(long, []byte("abcxyz")), bytes.Index(long, []byte("bababababababababababababababababababababababababababababababababx")))
	fmt.Printf("%q\n", bytes.Fields([]byte("  a b\t c\n ")))
	fmt.Printf("%q\n", bytes.FieldsFunc([]byte("a,b;;c"), func(r rune) bool { return r == ',' || r == ';' }))
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.Split([]byte("abc"), nil))
	fmt.Printf("%q\n", bytes.SplitN([]byte("a,b,c,d"), []byte(","), 2))
	fmt.Printf("%q\n", bytes.SplitAfter([]byte("a,b,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.SplitAfterN([]byte("a,b,c"), []byte(","), 2))
	fmt.Printf("%q\n", bytes.Join([][]byte{[]byte("x"), []byte("y"), []byte("z")}, []byte(", ")))
	fmt.Printf("%q\n", bytes.Join(nil, []byte(",")))
	fmt.Printf("%s|%s|%s\n", bytes.ToUpper([]byte("héllo wörld")), bytes.ToLower([]byte("HÉLLO")), bytes.Title([]byte("her royal highness")))
	fmt.Printf("%s|%s\n", bytes.ToTitle([]byte("loud")), bytes.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r + 1
	}, []byte("banana")))
	fmt.Printf("[%s][%s][%s][%s]\n", bytes.TrimSpace([]byte("  \t pad \n")), bytes.Trim([]byte("xxhixx"), "x"), bytes.TrimLeft([]byte("xxhixx"), "x"), bytes.TrimRight([]byte("xxhixx"), "x"))
	fmt.Printf("[%s][%s][%s]\n", bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")), bytes.TrimSuffix([]byte("body.go"), []byte(".go")), bytes.TrimFunc([]byte("123abc456"), unicode.IsDigit))
	fmt.Printf("%s|%s|%s\n", bytes.Replace([]byte("oink oink oink"), []byte("k"), []byte("ky"), 2), bytes.ReplaceAll([]byte("oink oink"), []byte("oink"), []byte("moo")), bytes.Replace([]byte("abc"), nil, []byte("-"), -1))
	before, after, found := bytes.Cut([]byte("key=value"), []byte("="))
	fmt.Printf("%s %s %v\n", before, after, found)
	rest, ok := bytes.CutPrefix([]byte("v1.2"), []byte("v"))
	fmt.Printf("%s %v\n", rest, ok)
	fmt.Println(bytes.Runes([]byte("añb")), string(bytes.Clone([]byte("clone"))), bytes.Clone(nil) == nil)

	rd := bytes.NewReader([]byte("0123456789"))
	buf := make([]byte, 3)
	n, err = rd.Read(buf)
	fmt.Println(n, err, string(buf), rd.Len(), rd.Size())
	pos, err := rd.Seek(-2, io.SeekEnd)
	fmt.Println(pos, err)
	by, _ := rd.ReadByte()
	fmt.Println(string(by), rd.UnreadByte(), rd.Len())
	n, err = rd.ReadAt(buf, 8)
	fmt.Println(n, err, string(buf[:n]))
	rest2, _ := io.ReadAll(rd)
	fmt.Printf("%q\n", rest2)
	n, err = rd.Read(buf)
	fmt.Println(n, err)
	_, err = rd.Seek(-1, io.SeekStart)
	fmt.Println(err)
	rr := bytes.NewReader([]byte("ü!"))
	ru, sz, _ := rr.ReadRune()
	fmt.Println(string(ru), sz, rr.UnreadRune(), rr.UnreadRune())
}
