// io/fs and testing/fstest's MapFS compiled from the Go distribution's sources.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"testing/fstest"
)

func main() {
	fsys := fstest.MapFS{
		"hello.txt":         {Data: []byte("hello, world\n")},
		"dir/a.go":          {Data: []byte("package a\n"), Mode: 0o644},
		"dir/sub/b.go":      {Data: []byte("package b\n")},
		"dir/sub/notes.txt": {Data: []byte("notes")},
	}
	data, err := fs.ReadFile(fsys, "hello.txt")
	fmt.Printf("%q %v\n", data, err)
	_, err = fs.ReadFile(fsys, "missing.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))

	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Println("walk:", path, d.IsDir())
		return nil
	})
	fmt.Println(err)

	matches, err := fs.Glob(fsys, "dir/*/*.go")
	fmt.Println(matches, err)
	entries, err := fs.ReadDir(fsys, "dir")
	for _, e := range entries {
		fmt.Println("entry:", e.Name(), e.IsDir())
	}
	info, err := fs.Stat(fsys, "dir/a.go")
	fmt.Println(info.Name(), info.Size(), info.Mode(), err)
	sub, err := fs.Sub(fsys, "dir/sub")
	names, _ := fs.Glob(sub, "*")
	fmt.Println(names, err)
	fmt.Println(fs.ValidPath("a/b"), fs.ValidPath("../a"), fs.ValidPath("/a"), fs.ValidPath("."))
	fmt.Println(fs.FileMode(0o755|fs.ModeDir), fs.FileMode(0o644|fs.ModeSymlink).Type())
	fmt.Println(fs.FormatFileInfo(info))
	fmt.Println(fstest.TestFS(fsys, "hello.txt", "dir/a.go"))
}
