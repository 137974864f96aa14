// Functions that packages of the Go distribution declare without a body
// (gc implements them in the runtime or in assembly), defined here under
// the packages' symbols by `//go:linkname local pkg.name` on a function
// with a body, as gc's runtime does. The driver links package runtime
// into every program, so these are always there; a body-less function
// defined nowhere is a link error naming it.

package runtime

import (
	_ "internal/chacha8rand" // gc's runtime imports it too; block_generic below
	"unsafe"
)

// cpuid and xgetbv are the runtime's (runtime/src/sys.rs).
func cpuid(eax, ecx uint32, out *[4]uint32)
func xgetbv(out *[2]uint32)

// internal/cpu (gc: cpu_x86.s). rgoc's runtime does not call
// cpu.Initialize, so cpu.X86's feature flags stay false and packages take
// their portable paths; these still answer truthfully when asked.

//go:linkname cpu_cpuid internal/cpu.cpuid
func cpu_cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32) {
	var r [4]uint32
	cpuid(eaxArg, ecxArg, &r)
	return r[0], r[1], r[2], r[3]
}

//go:linkname cpu_xgetbv internal/cpu.xgetbv
func cpu_xgetbv() (eax, edx uint32) {
	var r [2]uint32
	xgetbv(&r)
	return r[0], r[1]
}

// cpu_getGOAMD64level is GOAMD64=v1, the level rgoc compiles for.
//
//go:linkname cpu_getGOAMD64level internal/cpu.getGOAMD64level
func cpu_getGOAMD64level() int32 { return 1 }

// hash/crc32's amd64 assembly (crc32_amd64.s), in Go: the same functions
// of the same (non-inverted) CRCs, a byte at a time through the
// reflected tables. crc32 calls them only when cpu.X86.HasSSE42 or
// HasPCLMULQDQ is set.

var crcTables [2]*[256]uint32

// crcTable returns the reflected table of polynomial poly (i is its slot).
func crcTable(i int, poly uint32) *[256]uint32 {
	if t := crcTables[i]; t != nil {
		return t
	}
	t := new([256]uint32)
	for n := range t {
		c := uint32(n)
		for k := 0; k < 8; k++ {
			if c&1 == 1 {
				c = c>>1 ^ poly
			} else {
				c >>= 1
			}
		}
		t[n] = c
	}
	crcTables[i] = t
	return t
}

func crcUpdate(t *[256]uint32, crc uint32, p []byte) uint32 {
	for _, b := range p {
		crc = t[byte(crc)^b] ^ crc>>8
	}
	return crc
}

//go:linkname crc32_castagnoliSSE42 hash/crc32.castagnoliSSE42
func crc32_castagnoliSSE42(crc uint32, p []byte) uint32 {
	return crcUpdate(crcTable(0, 0x82f63b78), crc, p)
}

// crc32_castagnoliSSE42Triple updates three crcs with 24*rounds bytes of
// each buffer.
//
//go:linkname crc32_castagnoliSSE42Triple hash/crc32.castagnoliSSE42Triple
func crc32_castagnoliSSE42Triple(crcA, crcB, crcC uint32, a, b, c []byte, rounds uint32) (retA, retB, retC uint32) {
	t := crcTable(0, 0x82f63b78)
	n := 24 * int(rounds)
	return crcUpdate(t, crcA, a[:n]), crcUpdate(t, crcB, b[:n]), crcUpdate(t, crcC, c[:n])
}

//go:linkname crc32_ieeeCLMUL hash/crc32.ieeeCLMUL
func crc32_ieeeCLMUL(crc uint32, p []byte) uint32 {
	return crcUpdate(crcTable(1, 0xedb88320), crc, p)
}

// The runtime's (runtime/src): raw system calls, the environment the
// process started with, clocks, fatal errors, the goroutine's FIPS word.
func syscall6(num, a1, a2, a3, a4, a5, a6 uintptr, out *[3]uintptr)
func rawsyscall6(num, a1, a2, a3, a4, a5, a6 uintptr) (r1, errno uintptr)
func nenv() int
func envat(i int) string
func envlookup(key string, out *string) bool
func nanotime() int64
func walltime(sec *int64, nsec *int32)
func throw(s string)
func getgfips() uint32
func setgfips(v uint32)

// linux_Syscall6 is gc's assembly internal/runtime/syscall/linux.Syscall6
// (r2 is rdx after the system call, i.e. a3, or 0 on failure). These
// hooks, syscall's raw calls and the fork hooks below run in forked
// children before exec: they must not allocate (rawsyscall6 returns its
// results by value; see runtime/src/sys.rs).
//
//go:nosplit
//go:linkname linux_Syscall6 internal/runtime/syscall/linux.Syscall6
func linux_Syscall6(num, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, errno uintptr) {
	r1, errno = rawsyscall6(num, a1, a2, a3, a4, a5, a6)
	if errno != 0 {
		return r1, 0, errno
	}
	return r1, a3, 0
}

//go:nosplit
//go:linkname syscall_rawSyscallNoError syscall.rawSyscallNoError
func syscall_rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr) {
	r1, errno := rawsyscall6(trap, a1, a2, a3, 0, 0, 0)
	if errno != 0 {
		return r1, 0
	}
	return r1, a3
}

// syscall_rawVforkSyscall is gc's assembly that clones with CLONE_VM and
// CLONE_VFORK (the child borrowing the parent's memory and stack until it
// execs). rgoc clears both flags: the child is an ordinary fork, a
// copy-on-write copy running the same nosplit child code (raw system
// calls until exec or exit), and the parent does not wait for the exec;
// it learns of exec failures through the pipe forkExec reads anyway.
//
//go:nosplit
//go:linkname syscall_rawVforkSyscall syscall.rawVforkSyscall
func syscall_rawVforkSyscall(trap, a1, a2, a3 uintptr) (r1 uintptr, err uintptr) {
	const cloneVM, cloneVfork = 0x100, 0x4000
	const sysClone, sysClone3 = 56, 435
	switch trap {
	case sysClone:
		a1 &^= cloneVM | cloneVfork
	case sysClone3:
		// struct clone_args starts with the u64 flags.
		*(*uint64)(unsafe.Pointer(a1)) &^= cloneVM | cloneVfork
	}
	r1, err = rawsyscall6(trap, a1, a2, a3, 0, 0, 0)
	if r1 == 0 && err == 0 && (trap == sysClone || trap == sysClone3) {
		forkchild() // the child: see runtime/src/sys.rs
	}
	return r1, err
}

// forkchild is the runtime's (runtime/src/sys.rs).
func forkchild()

// Signals are blocked across fork so that the child runs no handler of
// this process before it execs (gc: syscall_runtime_BeforeFork).
var forkSigmask uint64

var forkAllSignals = ^uint64(0)

//go:nosplit
//go:linkname syscall_runtime_BeforeFork syscall.runtime_BeforeFork
func syscall_runtime_BeforeFork() {
	rawsyscall6(14, 0, uintptr(unsafe.Pointer(&forkAllSignals)), uintptr(unsafe.Pointer(&forkSigmask)), 8, 0, 0) // rt_sigprocmask(SIG_BLOCK)
}

//go:nosplit
//go:linkname syscall_runtime_AfterFork syscall.runtime_AfterFork
func syscall_runtime_AfterFork() {
	rawsyscall6(14, 2, uintptr(unsafe.Pointer(&forkSigmask)), 0, 8, 0, 0)
}

//go:nosplit
//go:linkname syscall_runtime_AfterForkInChild syscall.runtime_AfterForkInChild
func syscall_runtime_AfterForkInChild() {
	// The runtime's handlers become SIG_DFL before the mask is restored
	// (gc's clearSignalHandlers: exec resets them too, but a signal may
	// come first); ignored signals stay ignored for the new program.
	sigresetchild()
	rawsyscall6(14, 2, uintptr(unsafe.Pointer(&forkSigmask)), 0, 8, 0, 0)
}

// syscall_runtime_BeforeExec and AfterExec: gc takes a lock that keeps
// its runtime from creating threads during exec (for a Linux race with
// ptrace on the exec of a multi-threaded process); rgoc's scheduler has
// no such lock, so nothing happens around exec.
//
//go:linkname syscall_runtime_BeforeExec syscall.runtime_BeforeExec
func syscall_runtime_BeforeExec() {}

//go:linkname syscall_runtime_AfterExec syscall.runtime_AfterExec
func syscall_runtime_AfterExec() {}

// syscall_runtime_doAllThreadsSyscall: rgoc's runtime cannot run a system
// call on every thread (gc stops the world and signals each M); it
// answers ENOTSUP, as gc does when it cannot either (with cgo), so
// syscall.AllThreadsSyscall and the Setuid family report the error.
//
//go:linkname syscall_runtime_doAllThreadsSyscall syscall.runtime_doAllThreadsSyscall
func syscall_runtime_doAllThreadsSyscall(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, err uintptr) {
	const enotsup = 95
	return ^uintptr(0), 0, enotsup
}

// syscall_cgocaller is only reached when cgo is on; rgoc has no cgo.
//
//go:linkname syscall_cgocaller syscall.cgocaller
func syscall_cgocaller(fn unsafe.Pointer, args ...uintptr) uintptr {
	throw("syscall.cgocaller: cgo is not supported")
	return 0
}

//go:linkname syscall_Getpagesize syscall.Getpagesize
func syscall_Getpagesize() int { return 4096 }

// syscall_gettimeofday fills tv (syscall.Timeval: sec, usec int64).
//
//go:nosplit
//go:linkname syscall_gettimeofday syscall.gettimeofday
func syscall_gettimeofday(tv unsafe.Pointer) uintptr {
	var sec int64
	var nsec int32
	walltime(&sec, &nsec)
	p := (*[2]int64)(tv)
	p[0], p[1] = sec, int64(nsec)/1000
	return 0
}

// The environment package syscall starts from (gc: runtime.envs).
//
//go:linkname syscall_runtime_envs syscall.runtime_envs
func syscall_runtime_envs() []string {
	n := nenv()
	env := make([]string, n)
	for i := range env {
		env[i] = envat(i)
	}
	return env
}

// Package syscall keeps the environment itself; gc's runtime mirrors a
// change into C's environment (with cgo) and tells internal/godebug
// about GODEBUG.
//
//go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
func syscall_runtimeSetenv(key, value string) {
	if key == "GODEBUG" {
		godebugEnv, godebugEnvSet = value, true
		godebugNotify()
	}
}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(key string) {
	if key == "GODEBUG" {
		godebugEnv, godebugEnvSet = "", true
		godebugNotify()
	}
}

//go:linkname syscall_runtimeClearenv syscall.runtimeClearenv
func syscall_runtimeClearenv(env map[string]int) {
	if _, ok := env["GODEBUG"]; ok {
		godebugEnv, godebugEnvSet = "", true
		godebugNotify()
	}
}

// internal/godebug: the update function gets the default settings of
// the program (none: rgoc builds every module at go 1.27's defaults)
// and $GODEBUG, now and after each change through syscall.Setenv.
var (
	godebugUpdate func(string, string)
	godebugEnv    string
	godebugEnvSet bool
)

func godebugNotify() {
	if !godebugEnvSet {
		envlookup("GODEBUG", &godebugEnv)
		godebugEnvSet = true
	}
	if godebugUpdate != nil {
		godebugUpdate("", godebugEnv)
	}
}

//go:linkname godebug_setUpdate internal/godebug.setUpdate
func godebug_setUpdate(update func(string, string)) {
	godebugUpdate = update
	godebugNotify()
}

// godebug_setNewIncNonDefault and godebug_registerMetric feed
// runtime/metrics' /godebug/non-default-behavior counters, which rgoc's
// runtime does not have: the registrations are dropped.
//
//go:linkname godebug_setNewIncNonDefault internal/godebug.setNewIncNonDefault
func godebug_setNewIncNonDefault(newIncNonDefault func(string) func()) {}

//go:linkname godebug_registerMetric internal/godebug.registerMetric
func godebug_registerMetric(name string, read func() uint64) {}

// internal/syscall/unix.

//go:linkname unix_fcntl runtime.fcntl
func unix_fcntl(fd, cmd, arg int32) (ret int32, errno int32) {
	var r [3]uintptr
	syscall6(72, uintptr(fd), uintptr(cmd), uintptr(arg), 0, 0, 0, &r)
	return int32(r[0]), int32(r[2])
}

// unix_vgetrandom: rgoc's runtime has no vDSO getrandom; unsupported
// sends internal/syscall/unix.GetRandom to the getrandom system call.
//
//go:linkname unix_vgetrandom runtime.vgetrandom
func unix_vgetrandom(p []byte, flags uint32) (ret int, supported bool) {
	return -1, false
}

// crypto: fatal errors, the per-goroutine FIPS service indicator and
// bypass (gc's g.fipsIndicator, g.fipsOnlyBypass), the clock, the
// BoringCrypto signature marker.

//go:linkname fips_fatal crypto/internal/fips140.fatal
func fips_fatal(s string) { throw(s) }

//go:linkname sysrand_fatal crypto/internal/sysrand.fatal
func sysrand_fatal(s string) { throw(s) }

//go:linkname rand_fatal crypto/rand.fatal
func rand_fatal(s string) { throw(s) }

//go:linkname fips_getIndicator crypto/internal/fips140.getIndicator
func fips_getIndicator() uint8 { return uint8(getgfips()) }

//go:linkname fips_setIndicator crypto/internal/fips140.setIndicator
func fips_setIndicator(indicator uint8) { setgfips(getgfips()&^0xff | uint32(indicator)) }

//go:linkname fips140_isBypassed crypto/fips140.isBypassed
func fips140_isBypassed() bool { return getgfips()&0x100 != 0 }

//go:linkname fips140_setBypass crypto/fips140.setBypass
func fips140_setBypass() { setgfips(getgfips() | 0x100) }

//go:linkname fips140_unsetBypass crypto/fips140.unsetBypass
func fips140_unsetBypass() { setgfips(getgfips() &^ 0x100) }

//go:linkname fips140deps_monoTime crypto/internal/fips140deps/time.monoTime
func fips140deps_monoTime() int64 { return nanotime() }

// sig_StandardCrypto is gc's assembly marker (an instruction sequence
// that tools search binaries for); it does nothing when called.
//
//go:linkname sig_StandardCrypto crypto/internal/boring/sig.StandardCrypto
func sig_StandardCrypto() {}

// crypto/subtle's data-independent timing is arm64's DIT; amd64 has no
// such mode, as in gc's runtime.

//go:linkname subtle_setDITEnabled crypto/subtle.setDITEnabled
func subtle_setDITEnabled() bool { return false }

//go:linkname subtle_setDITDisabled crypto/subtle.setDITDisabled
func subtle_setDITDisabled() {}

// maps.Clone's table copy (gc: runtime/map.go's maps.clone). An `any`
// holding a map is {type, *hmap}.

func mapclone(mt, h unsafe.Pointer) unsafe.Pointer

//go:linkname maps_clone maps.clone
func maps_clone(m any) any {
	e := (*[2]unsafe.Pointer)(unsafe.Pointer(&m))
	r := m
	(*[2]unsafe.Pointer)(unsafe.Pointer(&r))[1] = mapclone(e[0], e[1])
	return r
}

// gc's runtime error variables, which math/bits links to (`//go:linkname
// overflowError runtime.overflowError`): the same values the Rust
// runtime panics with (runtime/src/error.rs), so a recovered
// bits.Div64 overflow is the division's own error value.

func staticError(i int) any

var (
	memoryError   = staticError(0).(error)
	divideError   = staticError(1).(error)
	shiftError    = staticError(2).(error)
	overflowError = staticError(3).(error)
)

// internal/chacha8rand's block is assembly on amd64 (chacha8_amd64.s);
// the package's portable block_generic computes the same blocks.
//
//go:linkname chacha8rand_block internal/chacha8rand.block
func chacha8rand_block(seed *[4]uint64, blocks *[32]uint64, counter uint32) {
	chacha8rand_block_generic(seed, blocks, counter)
}

//go:linkname chacha8rand_block_generic internal/chacha8rand.block_generic
func chacha8rand_block_generic(seed *[4]uint64, blocks *[32]uint64, counter uint32)

// internal/sync (gc's Mutex, under HashTrieMap and unique): the runtime's
// semaphores (runtime/src/sema.rs), which are FIFO: lifo and handoff are
// hints rgoc does not take; no active spinning (a Mutex that is not free
// parks at once, which gc also does when spinning is not worth it).
func semacquire(s *uint32, reason int)
func semrelease(s *uint32)
func fatal(s string)

//go:linkname isync_runtime_SemacquireMutex internal/sync.runtime_SemacquireMutex
func isync_runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int) {
	semacquire(s, 1) // wait reason sync.Mutex.Lock
}

//go:linkname isync_runtime_Semrelease internal/sync.runtime_Semrelease
func isync_runtime_Semrelease(s *uint32, handoff bool, skipframes int) {
	semrelease(s)
}

//go:linkname isync_runtime_canSpin internal/sync.runtime_canSpin
func isync_runtime_canSpin(i int) bool { return false }

//go:linkname isync_runtime_doSpin internal/sync.runtime_doSpin
func isync_runtime_doSpin() {}

//go:linkname isync_runtime_nanotime internal/sync.runtime_nanotime
func isync_runtime_nanotime() int64 { return nanotime() }

//go:linkname isync_throw internal/sync.throw
func isync_throw(s string) { throw(s) }

//go:linkname isync_fatal internal/sync.fatal
func isync_fatal(s string) { fatal(s) }

// runtime/debug.modinfo (gc: the module information the linker embeds,
// for debug.ReadBuildInfo): rgoc embeds none.
//
//go:linkname debug_modinfo runtime/debug.modinfo
func debug_modinfo() string { return "" }

// internal/poll's network poller (gc: runtime/netpoll.go): the Rust
// runtime's epoll poller (runtime/src/netpoll.rs). A pollDesc is an
// off-heap record whose address internal/poll keeps as a uintptr.
func pollServerInit()
func pollOpen(fd uintptr) uintptr // the pollDesc, or an errno below 4096
func pollClose(pd uintptr)
func pollReset(pd uintptr, mode int) int
func pollWait(pd uintptr, mode int) int
func pollWaitCanceled(pd uintptr, mode int)
func pollSetDeadline(pd uintptr, d int64, mode int)
func pollUnblock(pd uintptr)
func isPollServerDescriptor(fd uintptr) bool

//go:linkname poll_runtime_pollServerInit internal/poll.runtime_pollServerInit
func poll_runtime_pollServerInit() { pollServerInit() }

//go:linkname poll_runtime_pollOpen internal/poll.runtime_pollOpen
func poll_runtime_pollOpen(fd uintptr) (uintptr, int) {
	pd := pollOpen(fd)
	if pd < 4096 {
		return 0, int(pd)
	}
	return pd, 0
}

//go:linkname poll_runtime_pollClose internal/poll.runtime_pollClose
func poll_runtime_pollClose(ctx uintptr) { pollClose(ctx) }

//go:linkname poll_runtime_pollReset internal/poll.runtime_pollReset
func poll_runtime_pollReset(ctx uintptr, mode int) int { return pollReset(ctx, mode) }

//go:linkname poll_runtime_pollWait internal/poll.runtime_pollWait
func poll_runtime_pollWait(ctx uintptr, mode int) int { return pollWait(ctx, mode) }

//go:linkname poll_runtime_pollWaitCanceled internal/poll.runtime_pollWaitCanceled
func poll_runtime_pollWaitCanceled(ctx uintptr, mode int) { pollWaitCanceled(ctx, mode) }

//go:linkname poll_runtime_pollSetDeadline internal/poll.runtime_pollSetDeadline
func poll_runtime_pollSetDeadline(ctx uintptr, d int64, mode int) { pollSetDeadline(ctx, d, mode) }

//go:linkname poll_runtime_pollUnblock internal/poll.runtime_pollUnblock
func poll_runtime_pollUnblock(ctx uintptr) { pollUnblock(ctx) }

//go:linkname poll_runtime_isPollServerDescriptor internal/poll.runtime_isPollServerDescriptor
func poll_runtime_isPollServerDescriptor(fd uintptr) bool { return isPollServerDescriptor(fd) }

// internal/poll's fd mutex: the runtime's semaphores (wait reason
// "semacquire").

//go:linkname poll_runtime_Semacquire internal/poll.runtime_Semacquire
func poll_runtime_Semacquire(sema *uint32) { semacquire(sema, 6) }

//go:linkname poll_runtime_Semrelease internal/poll.runtime_Semrelease
func poll_runtime_Semrelease(sema *uint32) { semrelease(sema) }
