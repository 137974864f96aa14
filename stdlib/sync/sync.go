// Package sync provides basic synchronization primitives such as mutual
// exclusion locks. Other than the Once and WaitGroup types, most are
// intended for use by low-level library routines.
//
// rgoc: goroutines run on one OS thread and switch only when they block or
// yield, so the state of these types is plain memory touched by the running
// goroutine alone, and blocking goes through the runtime's semaphores
// (runtime/src/sema.rs: runtime.semacquire parks the goroutine, which then
// counts for deadlock detection; runtime.semrelease readies the longest
// waiter). When goroutines run on several threads (the M:N scheduler),
// the state words here must become atomics (sync/atomic) with gc's
// algorithms (internal/sync/mutex.go, rwmutex.go, waitgroup.go). Messages
// of panics and fatal errors are gc's. Not here: the generic OnceValue and
// OnceValues.
package sync

//go:linkname runtime_Semacquire runtime.semacquire
func runtime_Semacquire(s *uint32, reason int)

//go:linkname runtime_Semrelease runtime.semrelease
func runtime_Semrelease(s *uint32)

//go:linkname throw runtime.throw
func throw(s string)

// Wait reasons passed to the runtime (sema.rs).
const (
	waitMutexLock = 1 + iota
	waitRWMutexRLock
	waitRWMutexLock
	waitWaitGroupWait
	waitCondWait
)

func fatal(s string) { throw(s) }

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// noCopy may be added to structs which must not be copied after first use.
type noCopy struct{}

// Lock is a no-op used by -copylocks checker from `go vet`.
func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// A Mutex is a mutual exclusion lock. The zero value for a Mutex is an
// unlocked mutex. A Mutex must not be copied after first use.
type Mutex struct {
	locked  bool
	waiters int32
	sema    uint32
}

// Lock locks m. If the lock is already in use, the calling goroutine
// blocks until the mutex is available.
func (m *Mutex) Lock() {
	for m.locked {
		m.waiters++
		runtime_Semacquire(&m.sema, waitMutexLock)
		m.waiters--
	}
	m.locked = true
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	if m.locked {
		return false
	}
	m.locked = true
	return true
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry to
// Unlock. A locked Mutex is not associated with a particular goroutine.
func (m *Mutex) Unlock() {
	if !m.locked {
		fatal("sync: unlock of unlocked mutex")
	}
	m.locked = false
	if m.waiters > 0 {
		runtime_Semrelease(&m.sema)
	}
}

// A RWMutex is a reader/writer mutual exclusion lock. The lock can be held
// by an arbitrary number of readers or a single writer. The zero value for
// a RWMutex is an unlocked mutex. As gc's, a blocked Lock call excludes new
// readers from acquiring the lock, and an Unlock lets the readers waiting
// then in before the next writer.
//
// rgoc: the lock is handed over: whoever releases it grants it to the
// waiters it wakes (readers counted in readers, a writer in writer).
type RWMutex struct {
	writer   bool   // held by a writer
	readers  int32  // number of readers holding it
	wwaiters int32  // writers waiting
	rwaiters int32  // readers waiting
	wsema    uint32 // writers wait here
	rsema    uint32 // readers wait here
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if !rw.writer && rw.wwaiters == 0 {
		rw.readers++
		return
	}
	rw.rwaiters++
	runtime_Semacquire(&rw.rsema, waitRWMutexRLock)
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	if rw.writer || rw.wwaiters > 0 {
		return false
	}
	rw.readers++
	return true
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if rw.readers <= 0 {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
	if rw.readers == 0 && rw.wwaiters > 0 {
		rw.wwaiters--
		rw.writer = true
		runtime_Semrelease(&rw.wsema)
	}
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	if !rw.writer && rw.readers == 0 {
		rw.writer = true
		return
	}
	rw.wwaiters++
	runtime_Semacquire(&rw.wsema, waitRWMutexLock)
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if rw.writer || rw.readers > 0 {
		return false
	}
	rw.writer = true
	return true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	if !rw.writer {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
	if n := rw.rwaiters; n > 0 {
		rw.rwaiters = 0
		rw.readers += n
		for i := int32(0); i < n; i++ {
			runtime_Semrelease(&rw.rsema)
		}
		return
	}
	if rw.wwaiters > 0 {
		rw.wwaiters--
		rw.writer = true
		runtime_Semrelease(&rw.wsema)
	}
}

// RLocker returns a Locker interface that implements the Lock and Unlock
// methods by calling rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
