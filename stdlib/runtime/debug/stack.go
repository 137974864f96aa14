// Package debug: SetMaxStack, SetTraceback, Stack and PrintStack (the GC
// knobs are in garbage.go).
package debug

import (
	"os"
	"runtime"
)

//go:linkname setMaxStack runtime.setMaxStack
func setMaxStack(n int) int

// SetMaxStack sets the maximum amount of memory that can be used by a single
// goroutine stack and returns the previous setting. A goroutine that grows
// past it makes the program crash with gc's stack overflow report.
func SetMaxStack(bytes int) int {
	return setMaxStack(bytes)
}

//go:linkname setTraceback runtime.setTraceback
func setTraceback(level string)

// SetTraceback sets the amount of detail printed by the runtime in the
// traceback it prints before exiting due to an unrecovered panic or an
// internal runtime error: "none", "single", "all", "system", "crash" or a
// number, as GOTRACEBACK; it cannot reduce the amount of detail below the
// GOTRACEBACK environment variable's.
func SetTraceback(level string) {
	setTraceback(level)
}

// Stack returns a formatted stack trace of the goroutine that calls it. It
// calls runtime.Stack with a large enough buffer to capture the entire
// trace.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack prints to standard error the stack trace returned by Stack.
func PrintStack() {
	os.Stderr.Write(Stack())
}
