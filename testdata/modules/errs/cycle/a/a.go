package a

import "example.com/errs/cycle/b"

var A = b.B
