// errors.As: concrete pointer and value targets, interface targets (error,
// any, custom), wrapped chains (fmt.Errorf %w, Unwrap() []error via Join),
// As methods, no match, and the three panics on bad targets.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

type PathErr struct{ Path string }

func (e *PathErr) Error() string { return "path " + e.Path }

type CodeErr struct {
	Code int
	Msg  string
}

func (e CodeErr) Error() string { return fmt.Sprintf("code %d: %s", e.Code, e.Msg) }

type Temporary interface {
	error
	Temporary() bool
}

type tempErr struct{}

func (tempErr) Error() string   { return "temp" }
func (tempErr) Temporary() bool { return true }

type asErr struct{}

func (asErr) Error() string { return "asErr" }
func (asErr) As(target any) bool {
	if p, ok := target.(*CodeErr); ok {
		*p = CodeErr{Code: 42, Msg: "from As"}
		return true
	}
	return false
}

type notErr struct{}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	base := &PathErr{"/tmp/x"}
	wrapped := fmt.Errorf("op: %w", fmt.Errorf("inner: %w", base))
	var pe *PathErr
	fmt.Println(errors.As(wrapped, &pe), pe == base, pe.Path)

	var ce CodeErr
	err := fmt.Errorf("wrap: %w", CodeErr{7, "seven"})
	fmt.Println(errors.As(err, &ce), ce.Code, ce.Msg)
	var ce2 CodeErr
	fmt.Println(errors.As(base, &ce2), ce2.Code)

	var tmp Temporary
	fmt.Println(errors.As(fmt.Errorf("x: %w", tempErr{}), &tmp), tmp != nil, tmp)
	fmt.Println(errors.As(base, &tmp))

	var anyv any
	fmt.Println(errors.As(base, &anyv), anyv == any(base))
	var e error
	fmt.Println(errors.As(wrapped, &e), e == wrapped)

	var ce3 CodeErr
	fmt.Println(errors.As(fmt.Errorf("z: %w", asErr{}), &ce3), ce3)

	joined := errors.Join(errors.New("a"), nil, CodeErr{1, "one"}, &PathErr{"p2"})
	var pe2 *PathErr
	var ce4 CodeErr
	fmt.Println(errors.As(joined, &pe2), pe2.Path, errors.As(joined, &ce4), ce4.Code)
	multi := fmt.Errorf("%w and %w", io.EOF, &PathErr{"multi"})
	var pe3 *PathErr
	fmt.Println(errors.As(multi, &pe3), pe3.Path)

	var ope *os.PathError
	ferr := fmt.Errorf("ctx: %w", &os.PathError{Op: "open", Path: "/nope", Err: io.ErrUnexpectedEOF})
	fmt.Println(errors.As(ferr, &ope), ope.Op, ope.Err)
	fmt.Println(errors.As(nil, &pe))

	try("nil target", func() { errors.As(base, nil) })
	try("non-pointer", func() { errors.As(base, pe) })
	try("nil pointer", func() { errors.As(base, (*CodeErr)(nil)) })
	try("not error", func() {
		var n notErr
		errors.As(base, &n)
	})
	try("int", func() {
		var i int
		errors.As(base, &i)
	})
	try("string target", func() { errors.As(base, "x") })
}
