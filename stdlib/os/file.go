package os

import (
	"internal/rtsys"
	"io"
	"io/fs"
)

//go:linkname runtime_write runtime.write64
func runtime_write(fd int, p *byte, n int) int

// File represents an open file descriptor: the standard streams, files
// from Open/Create/OpenFile (files.go) or NewFile.
type File struct {
	fd   int
	name string
	dir  *dirInfo // directory reading state (stat.go)
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
	return &File{fd: int(fd), name: name}
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
		return 0, &PathError{Op: "write", Path: f.name, Err: Errno(-r)}
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
		return 0, &PathError{Op: "read", Path: f.name, Err: Errno(-r)}
	}
	if r == 0 {
		return 0, io.EOF
	}
	return r, nil
}

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

// Errno is a Unix error number (syscall.Errno's role).
type Errno uintptr

var errnoText = map[Errno]string{
	1:  "operation not permitted",
	2:  "no such file or directory",
	4:  "interrupted system call",
	5:  "input/output error",
	9:  "bad file descriptor",
	11: "resource temporarily unavailable",
	12: "cannot allocate memory",
	13: "permission denied",
	14: "bad address",
	17: "file exists",
	20: "not a directory",
	21: "is a directory",
	22: "invalid argument",
	24: "too many open files",
	16: "device or resource busy",
	18: "invalid cross-device link",
	26: "text file busy",
	27: "file too large",
	28: "no space left on device",
	29: "illegal seek",
	30: "read-only file system",
	31: "too many links",
	32: "broken pipe",
	36: "file name too long",
	39: "directory not empty",
	40: "too many levels of symbolic links",
}

// Is makes errors.Is(err, ErrNotExist) & co. hold for the matching
// errnos, as syscall.Errno's Is does.
func (e Errno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == 13 || e == 1
	case ErrExist:
		return e == 17 || e == 39
	case ErrNotExist:
		return e == 2
	}
	return false
}

func (e Errno) Error() string {
	if s, ok := errnoText[e]; ok {
		return s
	}
	return "errno " + itoa(int(e))
}

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
