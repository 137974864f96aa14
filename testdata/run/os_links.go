// os.Symlink, os.Link and os.Readlink in a temporary directory, with
// their errors (*os.LinkError wrapping the errno).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	d, err := os.MkdirTemp("", "links")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(d)
	a := filepath.Join(d, "a")
	os.WriteFile(a, []byte("hello"), 0o644)
	fmt.Println(os.Symlink("a", filepath.Join(d, "s")))
	fmt.Println(os.Link(a, filepath.Join(d, "h")))
	t, err := os.Readlink(filepath.Join(d, "s"))
	fmt.Println(t, err)
	b, _ := os.ReadFile(filepath.Join(d, "s"))
	c, _ := os.ReadFile(filepath.Join(d, "h"))
	fmt.Println(string(b), string(c))
	err = os.Symlink("a", filepath.Join(d, "s"))
	var le *os.LinkError
	fmt.Println(errors.As(err, &le), le.Op, errors.Is(err, fs.ErrExist))
	err = os.Link(filepath.Join(d, "missing"), filepath.Join(d, "h2"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), err.(*os.LinkError).Op)
}
