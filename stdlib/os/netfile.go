// What package net needs from os beyond the overlay's files: the deadline
// errors (gc's error.go: internal/poll's values, so errors.Is matches the
// errors a net.Conn returns) and net.newUnixFile (gc's file_unix.go),
// which conn.File uses to wrap a dup of a socket.
package os

import (
	"internal/poll"
	"syscall"
	_ "unsafe" // for go:linkname
)

var (
	ErrNoDeadline       = errNoDeadline()       // "file type does not support deadline"
	ErrDeadlineExceeded = errDeadlineExceeded() // "i/o timeout"
)

func errNoDeadline() error { return poll.ErrNoDeadline }

func errDeadlineExceeded() error { return poll.ErrDeadlineExceeded }

// net_newUnixFile is net's hidden entry point (conn.File, Listener.File).
// The overlay's files do blocking system calls and are not registered
// with the network poller, so the descriptor is made blocking, as gc's
// File.Fd would make it.
//
//go:linkname net_newUnixFile net.newUnixFile
func net_newUnixFile(fd int, name string) *File {
	if fd < 0 {
		panic("invalid FD")
	}
	syscall.SetNonblock(fd, false)
	return newFile(fd, name)
}
