// A panic with a custom error type (printed through its Error method, with
// gc's address-free form) from a pointer-receiver method.

package main

import "fmt"

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

type parser struct {
	line int
}

func (p *parser) fail(msg string) {
	panic(&ParseError{Line: p.line, Msg: msg})
}

func (p *parser) parse(s string) {
	for _, c := range s {
		if c == '\n' {
			p.line++
		}
		if c == '!' {
			p.fail("unexpected '!'")
		}
	}
}

func main() {
	p := &parser{line: 1}
	p.parse("a\nb\nc!")
}
