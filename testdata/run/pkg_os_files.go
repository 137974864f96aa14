// os files: Create/Write/Close, Open/Read/Seek, OpenFile flags (append,
// exclusive create), ReadFile/WriteFile, Truncate, Rename, Mkdir/MkdirAll,
// Remove, and the *PathError/*LinkError messages, errors.Is with
// ErrNotExist/ErrExist, operations on closed files. Works in a directory
// next to the test binary; printed paths are relative to it.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

var dir = os.Args[0] + ".files"

func show(err error) string {
	if err == nil {
		return "<nil>"
	}
	return strings.ReplaceAll(err.Error(), dir, "DIR")
}

func main() {
	fmt.Println(show(os.MkdirAll(dir+"/a/b/c", 0755)), show(os.MkdirAll(dir+"/a/b", 0755)))
	fmt.Println(show(os.Mkdir(dir+"/a", 0755)))
	name := dir + "/a/b/c/file.txt"
	f, err := os.Create(name)
	fmt.Println(show(err), strings.TrimPrefix(f.Name(), dir))
	n, err := f.Write([]byte("hello\n"))
	fmt.Println(n, err)
	n, err = f.WriteString("second line\nthird")
	fmt.Println(n, err)
	fmt.Fprintf(f, " and %d\n", 3)
	fmt.Println(show(f.Close()), show(f.Close()))
	_, err = f.Write([]byte("x"))
	fmt.Println(show(err))
	_, err = f.Read(make([]byte, 1))
	fmt.Println(show(err))
	_, err = f.Seek(0, io.SeekStart)
	fmt.Println(show(err))

	data, err := os.ReadFile(name)
	fmt.Printf("%q %v\n", data, err)
	g, _ := os.Open(name)
	buf := make([]byte, 5)
	n, err = g.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	pos, err := g.Seek(-6, io.SeekEnd)
	fmt.Println(pos, err)
	rest, err := io.ReadAll(g)
	fmt.Printf("%q %v\n", rest, err)
	n, err = g.Read(buf)
	fmt.Println(n, err)
	pos, _ = g.Seek(6, io.SeekStart)
	sc := bufio.NewScanner(g)
	for sc.Scan() {
		fmt.Printf("line %q\n", sc.Text())
	}
	_, err = g.Seek(-100, io.SeekCurrent)
	fmt.Println(show(err))
	_, err = g.Write([]byte("ro"))
	fmt.Println(show(err))
	g.Close()

	ap, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println(show(err))
	ap.WriteString("appended\n")
	ap.Close()
	data, _ = os.ReadFile(name)
	fmt.Printf("%q\n", data)
	_, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	fmt.Println(show(err), errors.Is(err, os.ErrExist), os.IsExist(err), os.IsNotExist(err))

	tr, _ := os.OpenFile(name, os.O_RDWR, 0)
	fmt.Println(show(tr.Truncate(5)))
	tr.Close()
	data, _ = os.ReadFile(name)
	fmt.Printf("%q\n", data)

	w := dir + "/w.txt"
	fmt.Println(show(os.WriteFile(w, []byte("one"), 0600)))
	fmt.Println(show(os.WriteFile(w, []byte("two!"), 0600)))
	data, err = os.ReadFile(w)
	fmt.Printf("%q %v\n", data, err)
	big := strings.Repeat("0123456789", 300)
	os.WriteFile(w, []byte(big), 0600)
	data, _ = os.ReadFile(w)
	fmt.Println(len(data), string(data) == big)
	fmt.Println(show(os.Rename(w, dir+"/moved.txt")), show(os.Rename(w, dir+"/x")))

	_, err = os.Open(dir + "/nope")
	var pe *os.PathError
	fmt.Println(show(err), errors.Is(err, os.ErrNotExist), os.IsNotExist(err), errors.As(err, &pe))
	fmt.Println(pe.Op, strings.TrimPrefix(pe.Path, dir), pe.Err)
	_, err = os.ReadFile(dir + "/a")
	fmt.Println(show(err))
	_, err = os.Open("/nope/at/all")
	fmt.Println(err)
	_, err = os.Create(dir + "/missing/f")
	fmt.Println(show(err))
	fmt.Println(show(os.WriteFile(dir+"/a/b", nil, 0644)))
	fmt.Println(show(os.MkdirAll(dir+"/moved.txt/sub", 0755)))

	fmt.Println(show(os.Remove(dir + "/a")))
	fmt.Println(show(os.Remove(name)), show(os.Remove(name)))
	for _, p := range []string{"/a/b/c", "/a/b", "/a", "/moved.txt", ""} {
		fmt.Println(show(os.Remove(dir + p)))
	}
	_, err = os.Open(dir)
	fmt.Println(os.IsNotExist(err))
	fmt.Println(os.FileMode(0644), os.FileMode(0755)|os.ModeDir, os.ModePerm, os.FileMode(0).IsRegular())
	var nf *os.File
	fmt.Println(nf.Close(), os.TempDir() != "")
}
