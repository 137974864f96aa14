package os

import (
	"internal/rtsys"
	"io"
	"io/fs"
	"syscall"
)

//go:linkname runtime_write runtime.write64
func runtime_write(fd int, p *byte, n int) int

// File represents an open file descriptor: the standard streams, files
// from Open/Create/OpenFile (files.go) or NewFile.
type File struct {
	fd          int
	name        string
	dir         *dirInfo // directory reading state (stat.go)
	stdoutOrErr bool     // created for fd 1 or 2: EPIPE on it raises SIGPIPE
}

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// ErrClosed: the file is already closed (or the File is nil).
var ErrClosed = fs.ErrClosed

// ErrInvalid indicates an invalid argument (a nil *File).
var ErrInvalid = fs.ErrInvalid

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return newFile(int(fd), name)
}

func newFile(fd int, name string) *File {
	return &File{fd: fd, name: name, stdoutOrErr: fd == 1 || fd == 2}
}

// Name returns the name of the file as presented to NewFile.
func (f *File) Name() string { return f.name }

// Fd returns the file descriptor.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// Write writes len(b) bytes from b to the File.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.fd < 0 {
		return 0, &PathError{Op: "write", Path: f.name, Err: ErrClosed}
	}
	if len(b) == 0 {
		return 0, nil
	}
	r := runtime_write(f.fd, &b[0], len(b))
	if r < 0 {
		epipecheck(f, syscall.Errno(-r))
		return 0, &PathError{Op: "write", Path: f.name, Err: syscall.Errno(-r)}
	}
	if r < len(b) {
		return r, io.ErrShortWrite
	}
	return r, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read reads up to len(b) bytes from the File; at end of file it returns
// 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.fd < 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: ErrClosed}
	}
	if len(b) == 0 {
		return 0, nil
	}
	r := rtsys.Read(f.fd, &b[0], len(b))
	if r < 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: syscall.Errno(-r)}
	}
	if r == 0 {
		return 0, io.EOF
	}
	return r, nil
}

// epipecheck raises SIGPIPE if we get an EPIPE error on standard
// output or standard error (gc's file_unix.go): the runtime catches
// SIGPIPE, so the write itself returned EPIPE.
func epipecheck(file *File, e error) {
	if e == syscall.EPIPE && file.stdoutOrErr {
		sigpipe()
	}
}

// sigpipe is implemented in package runtime (stdlib/runtime/stdhooks.go).
func sigpipe()

// DevNull is the name of the operating system's “null device.”
const DevNull = "/dev/null"

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	u := uint(v)
	if neg {
		u = -u
	}
	var b [24]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
