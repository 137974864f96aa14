// path compiled from the Go distribution's sources.
package main

import (
	"fmt"
	"path"
)

func main() {
	for _, p := range []string{"a/b/../c", "/../a//b/./c/", "", ".", "a/../..", "/", "abc/def/"} {
		fmt.Printf("%q clean=%q base=%q dir=%q ext=%q abs=%v\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p+".go"), path.IsAbs(p))
	}
	fmt.Println(path.Join("a", "b/", "../c", ""), path.Join())
	fmt.Println(path.Split("static/myfile.css"))
	for _, pat := range []string{"*.go", "a?c", "[a-c]*", "[^a]*", "a\\*", "[", "*/b"} {
		m, err := path.Match(pat, "abc.go")
		fmt.Println(pat, m, err)
	}
	m, err := path.Match("*/b", "a/b")
	fmt.Println(m, err)
}
