// Package runtime is the Go-side face of rgoc's runtime (which is written in
// Rust, runtime/ in the repository): the declarations programs import.
// The call-stack API (Caller, Callers, CallersFrames, FuncForPC, Stack,
// Goexit) is in extern.go.
package runtime

// Compiler is the name of the compiler toolchain that built the running
// binary. rgoc says "gc": it follows gc's ABI names, runtime behaviour and
// output formats, and programs test Compiler == "gc" to pick gc's
// behaviour (gccgo's value is "gccgo").
const Compiler = "gc"

// GOOS is the running program's operating system target.
const GOOS string = "linux"

// GOARCH is the running program's architecture target.
const GOARCH string = "amd64"

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but
	// serves to distinguish types that are run time
	// errors from ordinary errors: a type is a
	// run time error if it has a RuntimeError method.
	RuntimeError()
}

// GC runs a garbage collection and blocks the caller until the
// garbage collection is complete.
//
// rgoc: bound to the runtime's stop-the-world collector (runtime/src/mgc.rs).
func GC()

// KeepAlive marks its argument as currently reachable.
// This ensures that the object is not freed, and its finalizer is not run,
// before the point in the program where KeepAlive is called.
//
// rgoc: the call itself does it: the collector scans stacks and registers
// conservatively, and a call into another package keeps x live up to it.
func KeepAlive(x any) {
	keepAlive(x)
}

// keepAlive is an empty runtime function; calling it keeps x in a register
// or stack slot until the call.
//
//go:linkname keepAlive runtime.keepAlive
func keepAlive(x any)

// SetFinalizer sets the finalizer associated with obj to the provided
// finalizer function. When the garbage collector finds an unreachable block
// with an associated finalizer, it clears the association and runs
// finalizer(obj) in a separate goroutine.
//
// rgoc: runtime/src/mfinal.rs.
func SetFinalizer(obj any, finalizer any)

// Gosched yields the processor, allowing other goroutines to run.
//
//go:linkname Gosched runtime.Gosched
func Gosched()

// Breakpoint executes a breakpoint trap.
//
//go:linkname Breakpoint runtime.Breakpoint
func Breakpoint()

// NumGoroutine returns the number of goroutines that currently exist.
//
//go:linkname NumGoroutine runtime.NumGoroutine
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
//
//go:linkname NumCPU runtime.NumCPU
func NumCPU() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting. If n < 1, it does not
// change the current setting. The default is the GOMAXPROCS environment
// variable, else the number of CPUs.
//
//go:linkname GOMAXPROCS runtime.GOMAXPROCS
func GOMAXPROCS(n int) int

// LockOSThread wires the calling goroutine to its current operating
// system thread: it always executes in that thread, and no other
// goroutine executes in it, until the goroutine has made as many calls to
// UnlockOSThread as to LockOSThread.
//
//go:linkname LockOSThread runtime.LockOSThread
func LockOSThread()

// UnlockOSThread undoes an earlier call to LockOSThread.
//
//go:linkname UnlockOSThread runtime.UnlockOSThread
func UnlockOSThread()

// buildVersion is set by rgoc's driver to the first line of the Go
// distribution's VERSION file (the standard library it compiles), as
// gc's linker sets it to the toolchain's version.
var buildVersion string

// Version returns the Go tree's version string.
// It is either the commit hash and date at the time of the build or,
// when possible, a release tag like "go1.3".
func Version() string {
	return buildVersion
}
