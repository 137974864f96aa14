package b

import "example.com/errs/cycle/a"

var B = a.A
