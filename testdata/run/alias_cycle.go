// An alias whose target's declaration refers back to the alias (through a
// field's interface method) before the alias is complete, as in
// net/http/internal/http2's `type ResponseWriter = responseWriter`.
package main

import "fmt"

type ResponseWriter = responseWriter

type Handler interface {
	ServeHTTP(*ResponseWriter, int)
}

type serverConn struct{ handler Handler }

type responseWriter struct {
	n  int
	sc *serverConn
}

type h struct{}

func (h) ServeHTTP(w *ResponseWriter, i int) { fmt.Println("serve", w.n, i) }

func run(rw *responseWriter, f func(*ResponseWriter, int)) { f(rw, 1) }

func main() {
	s := &serverConn{handler: h{}}
	f := s.handler.ServeHTTP
	run(&responseWriter{n: 7, sc: s}, f)
	var w *ResponseWriter = &responseWriter{n: 8}
	s.handler.ServeHTTP(w, 2)
	fmt.Printf("%T\n", w)
}
