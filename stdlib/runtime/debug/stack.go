// Package debug: SetMaxStack (the rest of runtime/debug comes with the
// garbage collector).
package debug

//go:linkname setMaxStack runtime.setMaxStack
func setMaxStack(n int) int

// SetMaxStack sets the maximum amount of memory that can be used by a single
// goroutine stack and returns the previous setting. A goroutine that grows
// past it makes the program crash with gc's stack overflow report.
func SetMaxStack(bytes int) int {
	return setMaxStack(bytes)
}
