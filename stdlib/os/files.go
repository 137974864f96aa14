// Files by name: Open, Create, OpenFile, ReadFile, WriteFile, Remove,
// Rename, Mkdir, MkdirAll, File.Close/Seek/Truncate, as gc's os for Linux
// (error values *PathError / *LinkError wrapping a syscall.Errno, with gc's
// messages). The system calls are the runtime's (runtime/src/ostime.rs,
// bound in internal/rtsys); Stat, directories and the rest are in stat.go.
package os

import (
	"internal/rtsys"
	"io"
	"io/fs"
	"syscall"
)

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Seek whence values.
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

// Portable analogs of some common system call errors (io/fs's).
var (
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
)

// A FileMode represents a file's mode and permission bits.
type FileMode = fs.FileMode

// The defined file mode bits are the most significant bits of the FileMode.
const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular

	ModeType = fs.ModeType
	ModePerm = fs.ModePerm
)

// syscallMode returns the syscall-specific mode bits from Go's portable
// mode bits.
func syscallMode(i FileMode) (o uint32) {
	o |= uint32(i.Perm())
	if i&ModeSetuid != 0 {
		o |= 0x800
	}
	if i&ModeSetgid != 0 {
		o |= 0x400
	}
	if i&ModeSticky != 0 {
		o |= 0x200
	}
	return
}

// LinkError records an error during a link or symlink or rename system
// call and the paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string {
	return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error()
}

func (e *LinkError) Unwrap() error { return e.Err }

func underlyingErrorIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

func underlyingError(err error) error {
	switch err := err.(type) {
	case *PathError:
		return err.Err
	case *LinkError:
		return err.Err
	}
	return err
}

// IsExist reports whether the error is known to report that a file or
// directory already exists.
func IsExist(err error) bool { return underlyingErrorIs(err, ErrExist) }

// IsNotExist reports whether the error is known to report that a file or
// directory does not exist.
func IsNotExist(err error) bool { return underlyingErrorIs(err, ErrNotExist) }

// IsPermission reports whether the error is known to report that
// permission is denied.
func IsPermission(err error) bool { return underlyingErrorIs(err, ErrPermission) }

// Open opens the named file for reading.
func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile is the generalized open call.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd := rtsys.Open(name, flag, int(syscallMode(perm)))
	if fd < 0 {
		return nil, &PathError{Op: "open", Path: name, Err: syscall.Errno(-fd)}
	}
	return newFile(fd, name), nil
}

// Close closes the File, rendering it unusable for I/O.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.fd < 0 {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	r := rtsys.Close(f.fd)
	f.fd = -1
	if r < 0 {
		return &PathError{Op: "close", Path: f.name, Err: syscall.Errno(-r)}
	}
	return nil
}

// Seek sets the offset for the next Read or Write on file to offset,
// interpreted according to whence: 0 means relative to the origin of the
// file, 1 relative to the current offset, 2 relative to the end.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.fd < 0 {
		return 0, &PathError{Op: "seek", Path: f.name, Err: ErrClosed}
	}
	r := rtsys.Lseek(f.fd, offset, whence)
	if r < 0 {
		return 0, &PathError{Op: "seek", Path: f.name, Err: syscall.Errno(-r)}
	}
	return r, nil
}

// Truncate changes the size of the file.
func (f *File) Truncate(size int64) error {
	if f == nil {
		return ErrInvalid
	}
	if f.fd < 0 {
		return &PathError{Op: "truncate", Path: f.name, Err: ErrClosed}
	}
	if r := rtsys.Ftruncate(f.fd, size); r < 0 {
		return &PathError{Op: "truncate", Path: f.name, Err: syscall.Errno(-r)}
	}
	return nil
}

// ReadFile reads the named file and returns the contents.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, 512)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
		if len(data) >= cap(data) {
			d := append(data[:cap(data)], 0)
			data = d[:len(data)]
		}
	}
}

// WriteFile writes data to the named file, creating it if necessary. If
// the file does not exist, WriteFile creates it with permissions perm
// (before umask); otherwise WriteFile truncates it before writing, without
// changing permissions.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	e := rtsys.Unlink(name)
	if e == 0 {
		return nil
	}
	e1 := rtsys.Rmdir(name)
	if e1 == 0 {
		return nil
	}
	// Both failed: figure out which error to return (gc's rule).
	if e1 != -20 { // ENOTDIR
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: syscall.Errno(-e)}
}

// Rename renames (moves) oldpath to newpath.
func Rename(oldpath, newpath string) error {
	if r := rtsys.Rename(oldpath, newpath); r < 0 {
		return &LinkError{"rename", oldpath, newpath, syscall.Errno(-r)}
	}
	return nil
}

// Mkdir creates a new directory with the specified name and permission
// bits (before umask).
func Mkdir(name string, perm FileMode) error {
	if r := rtsys.Mkdir(name, int(syscallMode(perm))); r < 0 {
		return &PathError{Op: "mkdir", Path: name, Err: syscall.Errno(-r)}
	}
	return nil
}

// isDir reports whether name exists and is a directory (following
// symbolic links with stat, or not with lstat).
func isDir(name string, follow bool) (exists, dir bool) {
	var st rtsys.StatBuf
	var r int
	if follow {
		r = rtsys.Stat(name, &st)
	} else {
		r = rtsys.Lstat(name, &st)
	}
	if r < 0 {
		return false, false
	}
	return true, st[1]&0xF000 == 0x4000
}

// MkdirAll creates a directory named path, along with any necessary
// parents, and returns nil, or else returns an error (gc's algorithm).
func MkdirAll(path string, perm FileMode) error {
	if ok, dir := isDir(path, true); ok {
		if dir {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: syscall.Errno(20)}
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	err := Mkdir(path, perm)
	if err != nil {
		if ok, dir := isDir(path, false); ok && dir {
			return nil
		}
		return err
	}
	return nil
}

// TempDir returns the default directory to use for temporary files:
// $TMPDIR, or /tmp.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}
