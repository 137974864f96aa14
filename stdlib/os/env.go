// Command-line arguments and system call errors. The environment
// functions (Getenv, Setenv, Environ, Expand, ...) are gc's env.go
// (goroot.files), on package syscall's copy of the environment, so a
// change through os is seen by syscall and by started processes.
package os

import "syscall"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	n := runtime_nargs()
	Args = make([]string, n)
	for i := 0; i < n; i++ {
		Args[i] = runtime_argat(i)
	}
}

//go:linkname runtime_nargs runtime.nargs
func runtime_nargs() int

//go:linkname runtime_argat runtime.argat
func runtime_argat(i int) string

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// Timeout reports whether this error represents a timeout.
func (e *SyscallError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// NewSyscallError returns, as an error, a new SyscallError with the
// given system call name and error details. As a convenience, if err is
// nil, NewSyscallError returns nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// ignoringEINTR makes a function call and repeats it if it returns an
// EINTR error (gc's file_posix.go).
func ignoringEINTR(fn func() error) error {
	for {
		err := fn()
		if err != syscall.EINTR {
			return err
		}
	}
}

// ignoringEINTR2 is ignoringEINTR, but returning an additional value.
func ignoringEINTR2[T any](fn func() (T, error)) (T, error) {
	for {
		v, err := fn()
		if err != syscall.EINTR {
			return v, err
		}
	}
}
