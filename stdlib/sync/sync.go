// Package sync provides basic synchronization primitives such as mutual
// exclusion locks. Other than the Once and WaitGroup types, most are
// intended for use by low-level library routines.
//
// rgoc: goroutines run on several threads (the M:N scheduler), so the
// state words of these types are changed with sync/atomic, following gc's
// algorithms (internal/sync/mutex.go without starvation mode, rwmutex.go,
// waitgroup.go); blocking goes through the runtime's semaphores
// (runtime/src/sema.rs: runtime.semacquire parks the goroutine, which then
// counts for deadlock detection; runtime.semrelease readies the longest
// waiter). Cond, Pool and Map keep their state under an internal Mutex.
// Messages of panics and fatal errors are gc's. Not here: the generic OnceValue and
// OnceValues.
package sync

import "sync/atomic"

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
//
// rgoc: gc's algorithm without its starvation mode: state holds the
// locked bit and the number of waiters (<< 1), changed by CAS; a waiter
// counts itself while the mutex is locked and sleeps on sema; Unlock
// wakes one waiter unless someone else took the lock meanwhile (then that
// one's Unlock does).
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mutexLocked      = 1
	mutexWaiterShift = 1
)

// Lock locks m. If the lock is already in use, the calling goroutine
// blocks until the mutex is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

func (m *Mutex) lockSlow() {
	for {
		old := atomic.LoadInt32(&m.state)
		if old&mutexLocked == 0 {
			if atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked) {
				return
			}
			continue
		}
		if atomic.CompareAndSwapInt32(&m.state, old, old+1<<mutexWaiterShift) {
			runtime_Semacquire(&m.sema, waitMutexLock)
		}
	}
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	old := atomic.LoadInt32(&m.state)
	if old&mutexLocked != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry to
// Unlock. A locked Mutex is not associated with a particular goroutine.
func (m *Mutex) Unlock() {
	new := atomic.AddInt32(&m.state, -mutexLocked)
	if new == 0 {
		return
	}
	if (new+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	for {
		old := atomic.LoadInt32(&m.state)
		if old>>mutexWaiterShift == 0 || old&mutexLocked != 0 {
			return
		}
		if atomic.CompareAndSwapInt32(&m.state, old, old-1<<mutexWaiterShift) {
			runtime_Semrelease(&m.sema)
			return
		}
	}
}

// A RWMutex is a reader/writer mutual exclusion lock. The lock can be held
// by an arbitrary number of readers or a single writer. The zero value for
// a RWMutex is an unlocked mutex. As gc's, a blocked Lock call excludes new
// readers from acquiring the lock.
//
// rgoc: gc's algorithm (sync/rwmutex.go): readerCount counts readers and
// goes negative (by rwmutexMaxReaders) while a writer holds or waits for
// the lock; readerWait counts the readers a waiting writer still waits for.
type RWMutex struct {
	w           Mutex  // held by writers
	writerSem   uint32 // writers wait here for readers to finish
	readerSem   uint32 // readers wait here for writers to finish
	readerCount int32  // number of pending readers
	readerWait  int32  // number of departing readers
}

const rwmutexMaxReaders = 1 << 30

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readerCount, 1) < 0 {
		runtime_Semacquire(&rw.readerSem, waitRWMutexRLock)
	}
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	for {
		c := atomic.LoadInt32(&rw.readerCount)
		if c < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.readerCount, c, c+1) {
			return true
		}
	}
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if r := atomic.AddInt32(&rw.readerCount, -1); r < 0 {
		if r+1 == 0 || r+1 == -rwmutexMaxReaders {
			fatal("sync: RUnlock of unlocked RWMutex")
		}
		if atomic.AddInt32(&rw.readerWait, -1) == 0 {
			runtime_Semrelease(&rw.writerSem)
		}
	}
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	r := atomic.AddInt32(&rw.readerCount, -rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && atomic.AddInt32(&rw.readerWait, r) != 0 {
		runtime_Semacquire(&rw.writerSem, waitRWMutexLock)
	}
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !atomic.CompareAndSwapInt32(&rw.readerCount, 0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	r := atomic.AddInt32(&rw.readerCount, rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	for i := 0; i < int(r); i++ {
		runtime_Semrelease(&rw.readerSem)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker interface that implements the Lock and Unlock
// methods by calling rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// syscall_hasWaitingReaders reports whether any goroutine is waiting to
// acquire a read lock on rw (gc's, for syscall.ForkLock).
//
//go:linkname syscall_hasWaitingReaders syscall.hasWaitingReaders
func syscall_hasWaitingReaders(rw *RWMutex) bool {
	r := atomic.LoadInt32(&rw.readerCount)
	return r < 0 && r+rwmutexMaxReaders > 0
}
