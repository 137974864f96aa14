// Package os: the operating system interface. So far: Exit, and File for
// the standard streams (file.go).
package os

//go:linkname runtime_exit runtime.exit
func runtime_exit(code int)

// Exit causes the current program to exit with the given status code.
// Deferred functions are not run.
func Exit(code int) {
	runtime_exit(code)
}
