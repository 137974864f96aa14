// os/signal's and os's hooks into the runtime's signal handling
// (runtime/src/sigqueue.rs: gc's sigqueue.go and the signal dispositions
// of signal_unix.go), defined under the symbols gc's runtime pushes.

package runtime

// The runtime's (runtime/src/sigqueue.rs).
func sigrecv() uint32
func sigdelivering() uint32
func sigreceiving() bool
func sigenable(s uint32)
func sigdisable(s uint32)
func sigignore(s uint32)
func sigignored(s uint32) bool
func sigpipe()
func sigresetchild()

//go:linkname signal_signal_recv os/signal.signal_recv
func signal_signal_recv() uint32 { return sigrecv() }

//go:linkname signal_signal_enable os/signal.signal_enable
func signal_signal_enable(s uint32) { sigenable(s) }

//go:linkname signal_signal_disable os/signal.signal_disable
func signal_signal_disable(s uint32) { sigdisable(s) }

//go:linkname signal_signal_ignore os/signal.signal_ignore
func signal_signal_ignore(s uint32) { sigignore(s) }

//go:linkname signal_signal_ignored os/signal.signal_ignored
func signal_signal_ignored(s uint32) bool { return sigignored(s) }

// signal_signalWaitUntilIdle waits until every signal being delivered
// has been queued and os/signal's receiver is asleep again (gc's
// signalWaitUntilIdle: Stop must not lose a signal in flight).
//
//go:linkname signal_signalWaitUntilIdle os/signal.signalWaitUntilIdle
func signal_signalWaitUntilIdle() {
	for sigdelivering() != 0 {
		Gosched()
	}
	for !sigreceiving() {
		Gosched()
	}
}

// os_sigpipe: EPIPE on os.Stdout or os.Stderr ends the program by
// SIGPIPE unless os/signal ignores or wants it.
//
//go:linkname os_sigpipe os.sigpipe
func os_sigpipe() { sigpipe() }

// os's pidfd check ignores SIGSYS around its probe on Android only.
//
//go:linkname os_ignoreSIGSYS os.ignoreSIGSYS
func os_ignoreSIGSYS() {}

//go:linkname os_restoreSIGSYS os.restoreSIGSYS
func os_restoreSIGSYS() {}
