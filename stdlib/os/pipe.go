package os

import "syscall"

// Pipe returns a connected pair of Files; reads from r return bytes
// written to w. It returns the files and an error, if any (gc's
// pipe2_unix.go, on the overlay's File).
func Pipe() (r *File, w *File, err error) {
	var p [2]int
	e := syscall.Pipe2(p[0:], syscall.O_CLOEXEC)
	if e != nil {
		return nil, nil, NewSyscallError("pipe2", e)
	}
	return newFile(p[0], "|0"), newFile(p[1], "|1"), nil
}
