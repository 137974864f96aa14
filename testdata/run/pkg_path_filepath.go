// path/filepath and io/ioutil compiled from the Go distribution's sources,
// over rgoc's os (Stat, Lstat, ReadDir, MkdirTemp, ...).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fmt.Println(filepath.Join("a", "b/../c", "d.txt"), filepath.Clean("/x//y/./z/.."), filepath.Base("/p/q.go"), filepath.Ext("q.tar.gz"))
	fmt.Println(filepath.Dir("/p/q/r"), filepath.IsAbs("/a"), filepath.IsAbs("a"), filepath.ToSlash("a/b"), filepath.VolumeName("/a"))
	d, f := filepath.Split("dir/file.go")
	fmt.Println(filepath.SplitList("/bin:/usr/bin::/x"), d, f)
	rel, err := filepath.Rel("/a/b", "/a/c/d")
	fmt.Println(rel, err)
	_, err = filepath.Rel("/a", "b")
	fmt.Println(err)
	m, err := filepath.Match("*.go", "main.go")
	fmt.Println(m, err, filepath.IsLocal("a/b"), filepath.IsLocal("../a"))

	dir, err := os.MkdirTemp("", "rgoc-filepath-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	fmt.Println(strings.HasPrefix(filepath.Base(dir), "rgoc-filepath-"))
	for _, p := range []string{"a/b/c", "a/d", "e"} {
		os.MkdirAll(filepath.Join(dir, p), 0o755)
	}
	for _, f := range []string{"a/b/c/one.go", "a/b/two.txt", "a/d/three.go", "e/four.go", "top.md"} {
		os.WriteFile(filepath.Join(dir, f), []byte("content of "+f), 0o644)
	}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(dir, path)
		fmt.Println("walkdir", r, d.IsDir(), d.Type())
		if d.Name() == "d" {
			return filepath.SkipDir
		}
		return nil
	})
	fmt.Println("walkdir done", err)
	err = filepath.Walk(dir, func(path string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(dir, path)
		name := info.Name()
		if r == "." {
			name = "(root)"
		}
		fmt.Println("walk", r, name, info.IsDir(), info.Size())
		return nil
	})
	fmt.Println("walk done", err)
	matches, err := filepath.Glob(filepath.Join(dir, "*", "*", "*.txt"))
	for _, mm := range matches {
		r, _ := filepath.Rel(dir, mm)
		fmt.Println("glob", r)
	}
	fi, err := os.Stat(filepath.Join(dir, "top.md"))
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), err)
	_, err = os.Stat(filepath.Join(dir, "missing"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	entries, err := os.ReadDir(filepath.Join(dir, "a"))
	for _, e := range entries {
		fmt.Println("entry", e.Name(), e.IsDir())
	}
	abs, err := filepath.Abs("rel/x")
	wd, _ := os.Getwd()
	fmt.Println(abs == filepath.Join(wd, "rel/x"), err)

	data, err := ioutil.ReadFile(filepath.Join(dir, "e", "four.go"))
	fmt.Printf("%q %v\n", data, err)
	infos, err := ioutil.ReadDir(dir)
	for _, i := range infos {
		fmt.Println("ioutil", i.Name(), i.IsDir())
	}
	tf, err := ioutil.TempFile(dir, "tmp*.txt")
	fmt.Println(strings.HasSuffix(tf.Name(), ".txt"), err)
	tf.Close()
	err = ioutil.WriteFile(filepath.Join(dir, "w.txt"), []byte("written"), 0o600)
	st, _ := os.Stat(filepath.Join(dir, "w.txt"))
	fmt.Println(err, st.Mode().Perm())
	ev, err := filepath.EvalSymlinks(filepath.Join(dir, "a", "..", "top.md"))
	fmt.Println(ev == filepath.Join(dir, "top.md"), err)
}
