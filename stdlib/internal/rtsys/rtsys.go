// Package rtsys is rgoc's one binding of the runtime's system hooks that
// more than one standard package needs (os and time so far): file
// descriptors, paths, the environment and clocks. The runtime side is
// runtime/src/sys.rs, env.rs and ostime.rs. Results are the system call's
// result or -errno.
//
// Why one package: each runtime symbol may be bound by only one
// body-less //go:linkname declaration per program (rgoc declares a second
// binding of the same symbol under a renamed LLVM name, which does not
// link; see the repro in the stdlib2 report). Packages import these
// wrappers instead of binding the symbols themselves.
package rtsys

//go:linkname Read runtime.read
func Read(fd int, p *byte, n int) int

//go:linkname Envlookup runtime.envlookup
func Envlookup(key string, out *string) bool

//go:linkname Open runtime.open
func Open(path string, flags int, perm int) int

//go:linkname Close runtime.closefd
func Close(fd int) int

//go:linkname Lseek runtime.lseek
func Lseek(fd int, off int64, whence int) int64

//go:linkname Ftruncate runtime.ftruncate
func Ftruncate(fd int, size int64) int

//go:linkname Unlink runtime.unlink
func Unlink(path string) int

//go:linkname Rmdir runtime.rmdir
func Rmdir(path string) int

//go:linkname Mkdir runtime.mkdir
func Mkdir(path string, perm int) int

//go:linkname Rename runtime.rename
func Rename(from, to string) int

// Stat results: size, st_mode, mtime seconds, mtime nanoseconds, 0.
type StatBuf [5]int64

//go:linkname Stat runtime.stat
func Stat(path string, out *StatBuf) int

//go:linkname Lstat runtime.lstat
func Lstat(path string, out *StatBuf) int

//go:linkname Fstat runtime.fstat
func Fstat(fd int, out *StatBuf) int

//go:linkname Nanotime runtime.nanotime
func Nanotime() int64

//go:linkname Walltime runtime.walltime
func Walltime(sec *int64, nsec *int32)

//go:linkname Nanosleep runtime.nanosleep
func Nanosleep(ns int64)

// TimeSleep parks the calling goroutine for ns nanoseconds on a runtime
// timer (runtime/src/timer.rs).
//
//go:linkname TimeSleep runtime.timeSleep
func TimeSleep(ns int64)

// Syscall6 is a raw system call: out = (r1, r2, errno).
//
//go:linkname Syscall6 runtime.syscall6
func Syscall6(num, a1, a2, a3, a4, a5, a6 uintptr, out *[3]uintptr)
