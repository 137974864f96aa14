// Stat, Lstat, FileInfo, directory reading (ReadDir, File.ReadDir,
// Readdir, Readdirnames), Getwd, Readlink, CreateTemp and MkdirTemp, as
// gc's os for Linux, on the runtime's stat calls and raw system calls
// (getdents64, getcwd, readlinkat) bound in internal/rtsys.
//
// rgoc: FileInfo.Sys returns nil (gc: *syscall.Stat_t; the runtime's stat
// keeps size, mode and modification time only) and SameFile is missing.
package os

import (
	"internal/rtsys"
	"io"
	"io/fs"
	"slices"
	"syscall"
	"time"
	"unsafe"
)

// A FileInfo describes a file and is returned by Stat and Lstat.
type FileInfo = fs.FileInfo

// A DirEntry is an entry read from a directory (ReadDir, File.ReadDir).
type DirEntry = fs.DirEntry

const (
	PathSeparator     = '/' // OS-specific path separator
	PathListSeparator = ':' // OS-specific path list separator
)

// IsPathSeparator reports whether c is a directory separator character.
func IsPathSeparator(c uint8) bool { return c == PathSeparator }

type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Sys() any           { return nil }

// basename removes trailing slashes and the leading directory name.
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[0:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// newFileStat is gc's fillFileStatFromSys.
func newFileStat(name string, st *rtsys.StatBuf) *fileStat {
	m := uint32(st[1])
	mode := FileMode(m & 0777)
	switch m & 0xf000 {
	case 0x6000:
		mode |= ModeDevice
	case 0x2000:
		mode |= ModeDevice | ModeCharDevice
	case 0x4000:
		mode |= ModeDir
	case 0x1000:
		mode |= ModeNamedPipe
	case 0xa000:
		mode |= ModeSymlink
	case 0xc000:
		mode |= ModeSocket
	}
	if m&0x400 != 0 {
		mode |= ModeSetgid
	}
	if m&0x800 != 0 {
		mode |= ModeSetuid
	}
	if m&0x200 != 0 {
		mode |= ModeSticky
	}
	return &fileStat{name: basename(name), size: st[0], mode: mode, modTime: time.Unix(st[2], st[3])}
}

// Stat returns a FileInfo describing the named file.
func Stat(name string) (FileInfo, error) {
	var st rtsys.StatBuf
	if r := rtsys.Stat(name, &st); r < 0 {
		return nil, &PathError{Op: "stat", Path: name, Err: syscall.Errno(-r)}
	}
	return newFileStat(name, &st), nil
}

// Lstat returns a FileInfo describing the named file; a symbolic link is
// described itself, not followed.
func Lstat(name string) (FileInfo, error) {
	var st rtsys.StatBuf
	if r := rtsys.Lstat(name, &st); r < 0 {
		return nil, &PathError{Op: "lstat", Path: name, Err: syscall.Errno(-r)}
	}
	return newFileStat(name, &st), nil
}

// Stat returns the FileInfo structure describing file.
func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	var st rtsys.StatBuf
	if r := rtsys.Fstat(f.fd, &st); r < 0 {
		return nil, &PathError{Op: "stat", Path: f.name, Err: syscall.Errno(-r)}
	}
	return newFileStat(f.name, &st), nil
}

// cstring is name with a terminating NUL, for raw system calls.
func cstring(name string) []byte {
	b := make([]byte, len(name)+1)
	copy(b, name)
	return b
}

// Getwd returns an absolute path name of the current directory
// (getcwd(2)).
func Getwd() (dir string, err error) {
	buf := make([]byte, 4096)
	var r [3]uintptr
	rtsys.Syscall6(79, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0, 0, 0, 0, &r)
	if r[2] != 0 {
		return "", &SyscallError{Syscall: "getwd", Err: syscall.Errno(r[2])}
	}
	n := int(r[0])
	if n > 0 && buf[n-1] == 0 {
		n--
	}
	return string(buf[:n]), nil
}

// Readlink returns the destination of the named symbolic link.
func Readlink(name string) (string, error) {
	p := cstring(name)
	for size := 128; ; size *= 2 {
		b := make([]byte, size)
		var r [3]uintptr
		const atFdcwd = -100
		fd := atFdcwd
		rtsys.Syscall6(267, uintptr(fd), uintptr(unsafe.Pointer(&p[0])), uintptr(unsafe.Pointer(&b[0])), uintptr(size), 0, 0, &r)
		if r[2] != 0 {
			return "", &PathError{Op: "readlink", Path: name, Err: syscall.Errno(r[2])}
		}
		if n := int(r[0]); n < size {
			return string(b[:n]), nil
		}
	}
}

// dirInfo is a directory being read: getdents64 records in buf[pos:end].
type dirInfo struct {
	buf      []byte
	pos, end int
}

type dirEntry struct {
	dir  string
	name string
	typ  FileMode
}

func (d *dirEntry) Name() string            { return d.name }
func (d *dirEntry) IsDir() bool             { return d.typ.IsDir() }
func (d *dirEntry) Type() FileMode          { return d.typ }
func (d *dirEntry) Info() (FileInfo, error) { return Lstat(d.dir + "/" + d.name) }
func (d *dirEntry) String() string          { return fs.FormatDirEntry(d) }

// next returns the next entry's name and d_type (DT_UNKNOWN = 0), or
// ok=false at the end of the directory.
func (f *File) nextDirent() (name string, dtype byte, ok bool, err error) {
	if f.dir == nil {
		f.dir = &dirInfo{buf: make([]byte, 8192)}
	}
	d := f.dir
	for {
		if d.pos >= d.end {
			var r [3]uintptr
			rtsys.Syscall6(217, uintptr(f.fd), uintptr(unsafe.Pointer(&d.buf[0])), uintptr(len(d.buf)), 0, 0, 0, &r)
			if r[2] != 0 {
				return "", 0, false, &PathError{Op: "readdirent", Path: f.name, Err: syscall.Errno(r[2])}
			}
			if r[0] == 0 {
				return "", 0, false, nil
			}
			d.pos, d.end = 0, int(r[0])
		}
		rec := d.buf[d.pos:d.end]
		reclen := int(rec[16]) | int(rec[17])<<8
		dtype = rec[18]
		nb := rec[19:reclen]
		n := 0
		for n < len(nb) && nb[n] != 0 {
			n++
		}
		d.pos += reclen
		name = string(nb[:n])
		if name == "." || name == ".." {
			continue
		}
		return name, dtype, true, nil
	}
}

func dtypeMode(t byte) (FileMode, bool) {
	switch t {
	case 1:
		return ModeNamedPipe, true
	case 2:
		return ModeDevice | ModeCharDevice, true
	case 4:
		return ModeDir, true
	case 6:
		return ModeDevice, true
	case 8:
		return 0, true
	case 10:
		return ModeSymlink, true
	case 12:
		return ModeSocket, true
	}
	return 0, false
}

// readdir reads up to n entries (all when n <= 0) and calls add on each.
func (f *File) readdir(n int, add func(name string, dtype byte) error) (int, error) {
	if f == nil {
		return 0, ErrInvalid
	}
	count := 0
	for n <= 0 || count < n {
		name, dt, ok, err := f.nextDirent()
		if err != nil {
			return count, err
		}
		if !ok {
			break
		}
		if err := add(name, dt); err != nil {
			return count, err
		}
		count++
	}
	if n > 0 && count == 0 {
		return 0, io.EOF
	}
	return count, nil
}

// Readdirnames reads the contents of the directory and returns up to n
// names (all when n <= 0), in directory order.
func (f *File) Readdirnames(n int) (names []string, err error) {
	_, err = f.readdir(n, func(name string, _ byte) error {
		names = append(names, name)
		return nil
	})
	if names == nil && n <= 0 {
		names = []string{}
	}
	return names, err
}

// ReadDir reads the contents of the directory and returns up to n
// DirEntry values (all when n <= 0), in directory order.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	var out []DirEntry
	_, err := f.readdir(n, func(name string, dt byte) error {
		typ, known := dtypeMode(dt)
		if !known {
			info, err := Lstat(f.name + "/" + name)
			if IsNotExist(err) {
				return nil
			}
			if err != nil {
				return err
			}
			typ = info.Mode().Type()
		}
		out = append(out, &dirEntry{dir: f.name, name: name, typ: typ})
		return nil
	})
	if out == nil && n <= 0 {
		out = []DirEntry{}
	}
	return out, err
}

// Readdir reads the contents of the directory and returns up to n
// FileInfo values (all when n <= 0), as Lstat describes them.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	var out []FileInfo
	_, err := f.readdir(n, func(name string, _ byte) error {
		info, err := Lstat(f.name + "/" + name)
		if IsNotExist(err) {
			return nil
		}
		if err != nil {
			return err
		}
		out = append(out, info)
		return nil
	})
	if out == nil && n <= 0 {
		out = []FileInfo{}
	}
	return out, err
}

// ReadDir reads the named directory, returning all its entries sorted
// by file name.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dirs, err := f.ReadDir(-1)
	slices.SortFunc(dirs, func(a, b DirEntry) int {
		if a.Name() < b.Name() {
			return -1
		}
		if a.Name() > b.Name() {
			return 1
		}
		return 0
	})
	return dirs, err
}

// DirFS returns a file system for the tree of files rooted at dir.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

func (dir dirFS) join(name string, op string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &PathError{Op: op, Path: name, Err: ErrInvalid}
	}
	if name == "." {
		return string(dir), nil
	}
	return string(dir) + "/" + name, nil
}

func (dir dirFS) Open(name string) (fs.File, error) {
	full, err := dir.join(name, "open")
	if err != nil {
		return nil, err
	}
	f, err := Open(full)
	if err != nil {
		err.(*PathError).Path = name
		return nil, err
	}
	return f, nil
}

var tempSeq uint32

// nextRandom is a decimal uint32 for temporary names (gc: runtime_rand).
func nextRandom() string {
	tempSeq++
	x := uint32(rtsys.Nanotime()) ^ tempSeq*2654435761
	return itoa(int(x))
}

// prefixAndSuffix splits pattern by the last wildcard "*".
func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if IsPathSeparator(pattern[i]) {
			return "", "", &PathError{Op: "createtemp", Path: pattern, Err: errPatternHasSeparator}
		}
	}
	if pos := lastIndexByte(pattern, '*'); pos != -1 {
		prefix, suffix = pattern[:pos], pattern[pos+1:]
	} else {
		prefix = pattern
	}
	return prefix, suffix, nil
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

var errPatternHasSeparator = fs.ErrInvalid

func joinTemp(dir, name string) string {
	if len(dir) > 0 && IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(PathSeparator) + name
}

// CreateTemp creates a new temporary file in the directory dir (TempDir
// when empty), opened for reading and writing; pattern's last "*" is
// replaced by a random string.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		err.(*PathError).Op = "createtemp"
		return nil, err
	}
	prefix = joinTemp(dir, prefix)
	try := 0
	for {
		name := prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return nil, &PathError{Op: "createtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		return f, err
	}
}

// MkdirTemp creates a new temporary directory in the directory dir and
// returns its path; pattern's last "*" is replaced by a random string.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		err.(*PathError).Op = "mkdirtemp"
		return "", err
	}
	prefix = joinTemp(dir, prefix)
	try := 0
	for {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return "", &PathError{Op: "mkdirtemp", Path: dir + string(PathSeparator) + prefix + "*" + suffix, Err: ErrExist}
		}
		return "", err
	}
}

// RemoveAll removes path and any children it contains, removing
// everything it can and returning the first error it encounters; nil
// when path does not exist (gc's removeall_noat.go algorithm).
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if path == "." || len(path) >= 2 && path[len(path)-1] == '.' && IsPathSeparator(path[len(path)-2]) {
		return &PathError{Op: "RemoveAll", Path: path, Err: syscall.Errno(22)}
	}
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	dir, serr := Lstat(path)
	if serr != nil {
		if IsNotExist(serr) {
			return nil
		}
		return serr
	}
	if !dir.IsDir() {
		return err
	}
	f, ferr := Open(path)
	if ferr != nil {
		if IsNotExist(ferr) {
			return nil
		}
		return ferr
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	var first error
	for _, name := range names {
		if err := RemoveAll(path + string(PathSeparator) + name); err != nil && first == nil {
			first = err
		}
	}
	err1 := Remove(path)
	if err1 == nil || IsNotExist(err1) {
		return nil
	}
	if first == nil {
		first = err1
	}
	return first
}

// ReadAt reads len(b) bytes from the File starting at byte offset off
// (pread64); at end of file it returns io.EOF with the bytes read.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	return f.pio(17, "read", b, off)
}

// WriteAt writes len(b) bytes to the File starting at byte offset off
// (pwrite64).
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	return f.pio(18, "write", b, off)
}

// pio runs pread64 (17) or pwrite64 (18) until all of b is transferred.
func (f *File) pio(num uintptr, op string, b []byte, off int64) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if off < 0 {
		return 0, &PathError{Op: op + "at", Path: f.name, Err: errNegativeOffset}
	}
	for len(b) > 0 {
		var r [3]uintptr
		rtsys.Syscall6(num, uintptr(f.fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(off), 0, 0, &r)
		if r[2] == 4 { // EINTR
			continue
		}
		if r[2] != 0 {
			return n, &PathError{Op: op, Path: f.name, Err: syscall.Errno(r[2])}
		}
		if r[0] == 0 {
			if num == 17 {
				return n, io.EOF
			}
			return n, io.ErrShortWrite
		}
		n += int(r[0])
		b = b[r[0]:]
		off += int64(r[0])
	}
	return n, nil
}

var errNegativeOffset = errorString("negative offset")

type errorString string

func (e errorString) Error() string { return string(e) }

func rawID(num uintptr) int {
	var r [3]uintptr
	rtsys.Syscall6(num, 0, 0, 0, 0, 0, 0, &r)
	return int(r[0])
}

// Getuid, Geteuid, Getgid and Getegid return the process's ids (the
// system calls of the same names; Getpid and Getppid are gc's exec.go).
func Getuid() int  { return rawID(102) }
func Geteuid() int { return rawID(107) }
func Getgid() int  { return rawID(104) }
func Getegid() int { return rawID(108) }

// UserHomeDir returns the current user's home directory ($HOME).
func UserHomeDir() (string, error) {
	if v := Getenv("HOME"); v != "" {
		return v, nil
	}
	return "", errorString("$HOME is not defined")
}

