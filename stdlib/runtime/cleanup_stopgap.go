// A stop-gap runtime.AddCleanup for gc's os/exec.go (os.Process closes
// its pidfd through a cleanup), on SetFinalizer: one cleanup per object,
// and an object with a cleanup cannot also get a finalizer. To be
// replaced by the runtime's own AddCleanup (then delete this file).

package runtime

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	stopped *bool
}

// AddCleanup attaches a cleanup function to ptr: some time after ptr is
// no longer reachable, the runtime calls cleanup(arg) in a separate
// goroutine.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	stopped := new(bool)
	SetFinalizer(ptr, func(*T) {
		if !*stopped {
			cleanup(arg)
		}
	})
	return Cleanup{stopped}
}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {
	if c.stopped != nil {
		*c.stopped = true
	}
}
