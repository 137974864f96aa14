package main

import (
	"errors"
	"fmt"
	"os"
)

var ErrBase = errors.New("base error")

type CodeErr struct{ Code int }

func (c *CodeErr) Error() string { return fmt.Sprintf("code %d", c.Code) }

func main() {
	e1 := fmt.Errorf("context: %w", ErrBase)
	fmt.Println(e1)
	fmt.Println(errors.Unwrap(e1) == ErrBase, errors.Is(e1, ErrBase))
	e2 := fmt.Errorf("outer: %w", e1)
	fmt.Println(e2, errors.Is(e2, ErrBase))
	e3 := fmt.Errorf("no wrap %v", ErrBase)
	fmt.Println(e3, errors.Unwrap(e3) == nil, errors.Is(e3, ErrBase))
	ce := &CodeErr{42}
	e4 := fmt.Errorf("two: %w and %w", ErrBase, ce)
	fmt.Println(e4, errors.Is(e4, ErrBase), errors.Is(e4, ce), errors.Unwrap(e4) == nil)
	if u, ok := e4.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[1])
	}
	e5 := fmt.Errorf("bad %w", "notanerror")
	fmt.Println(e5, errors.Unwrap(e5))
	e6 := fmt.Errorf("plain text")
	fmt.Println(e6)
	e7 := fmt.Errorf("%[2]w then %[1]w", ce, ErrBase)
	fmt.Println(e7)
	fmt.Printf("%v|%s|%q|%+v\n", e1, e1, e1, e1)
	fmt.Printf("%T %T %T\n", e1, e4, e6)
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	fmt.Fprintf(os.Stdout, "%s=%d\n", "n", 3)
	n, err := fmt.Fprint(os.Stdout, "abc", 1, "\n")
	fmt.Println(n, err)
	n, err = fmt.Printf("%d\n", 12345)
	fmt.Println(n, err)
	var nilErr error
	fmt.Printf("%v %w\n", nilErr, nilErr)
	wrapped := fmt.Errorf("w: %w", nilErr)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == nil)
}
