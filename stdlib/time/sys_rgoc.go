// rgoc: the system interface of package time, in place of gc's
// sys_unix.go, sleep.go, tick.go and the runtime's timer code.
//
// Clocks come from runtime/src/ostime.rs (runtime.walltime: CLOCK_REALTIME,
// runtime.nanotime: CLOCK_MONOTONIC) through internal/rtsys. Time zone
// files are read through the runtime's open/read/lseek hooks.
//
// Sleep parks the goroutine on a runtime timer (runtime/src/timer.rs).
// Timers and tickers (NewTimer, After, AfterFunc, NewTicker, Tick) are
// goroutines that Sleep and then send (so they count in
// runtime.NumGoroutine while pending).

package time

import (
	"errors"
	"internal/rtsys"
)

func now() (sec int64, nsec int32, mono int64) {
	rtsys.Walltime(&sec, &nsec)
	return sec, nsec, rtsys.Nanotime()
}

func runtimeNow() (sec int64, nsec int32, mono int64) { return now() }

func runtimeNano() int64 { return rtsys.Nanotime() }

func runtimeIsBubbled() bool { return false }

func getenv(key string) (string, bool) {
	var v string
	ok := rtsys.Envlookup(key, &v)
	return v, ok
}

// errno is a Unix error number (syscall.Errno's role here).
type errno uintptr

func (e errno) Error() string {
	switch e {
	case 2:
		return "no such file or directory"
	case 13:
		return "permission denied"
	case 21:
		return "is a directory"
	}
	return "errno " + string(appendInt(nil, int(e), 0))
}

const errENOENT = errno(2)

// gorootZoneSource: rgoc ships no $GOROOT/lib/time/zoneinfo.zip.
func gorootZoneSource() (string, bool) { return "", false }

// for testing: whatever interrupts a sleep
func interrupt() {}

func open(name string) (uintptr, error) {
	fd := rtsys.Open(name, 0, 0) // O_RDONLY
	if fd < 0 {
		return 0, errno(-fd)
	}
	return uintptr(fd), nil
}

func read(fd uintptr, buf []byte) (int, error) {
	if len(buf) == 0 {
		return 0, nil
	}
	n := rtsys.Read(int(fd), &buf[0], len(buf))
	if n < 0 {
		return -1, errno(-n)
	}
	return n, nil
}

func closefd(fd uintptr) {
	rtsys.Close(int(fd))
}

func preadn(fd uintptr, buf []byte, off int) error {
	whence := seekStart
	if off < 0 {
		whence = seekEnd
	}
	if r := rtsys.Lseek(int(fd), int64(off), whence); r < 0 {
		return errno(-r)
	}
	for len(buf) > 0 {
		m, err := read(fd, buf)
		if m <= 0 {
			if err == nil {
				return errors.New("short read")
			}
			return err
		}
		buf = buf[m:]
	}
	return nil
}

// Sleep pauses the current goroutine for at least the duration d.
// A negative or zero duration causes Sleep to return immediately.
func Sleep(d Duration) {
	if d <= 0 {
		return
	}
	rtsys.TimeSleep(int64(d))
}

// The Timer type represents a single event. When the Timer expires, the
// current time will be sent on C, unless the Timer was created by
// AfterFunc.
type Timer struct {
	C <-chan Time
	c chan Time
	f func()
	// gen identifies the pending run: Stop and Reset bump it, so an
	// earlier goroutine finds it changed and does nothing.
	gen    int
	active bool
}

func (t *Timer) start(d Duration) {
	t.gen++
	t.active = true
	gen := t.gen
	go func() {
		Sleep(d)
		if t.gen != gen || !t.active {
			return
		}
		t.active = false
		if t.f != nil {
			go t.f()
			return
		}
		select {
		case t.c <- Now():
		default:
		}
	}()
}

// NewTimer creates a new Timer that will send the current time on its
// channel after at least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c}
	t.start(d)
	return t
}

// Stop prevents the Timer from firing. It returns true if the call stops
// the timer, false if the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.c == nil && t.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	was := t.active
	t.active = false
	t.gen++
	if t.c != nil {
		// Go 1.23 semantics: no stale value is received after Stop.
		select {
		case <-t.c:
		default:
		}
	}
	return was
}

// Reset changes the timer to expire after duration d. It returns true if
// the timer had been active, false if the timer had expired or been
// stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.c == nil && t.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	was := t.Stop()
	t.start(d)
	return was
}

// After waits for the duration to elapse and then sends the current time
// on the returned channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own
// goroutine. It returns a Timer that can be used to cancel the call using
// its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	t.start(d)
	return t
}

// A Ticker holds a channel that delivers “ticks” of a clock at intervals.
type Ticker struct {
	C   <-chan Time
	c   chan Time
	d   Duration
	gen int
}

func (t *Ticker) start() {
	t.gen++
	gen := t.gen
	go func() {
		next := runtimeNano() + int64(t.d)
		for {
			Sleep(Duration(next - runtimeNano()))
			if t.gen != gen {
				return
			}
			select {
			case t.c <- Now():
			default:
			}
			next += int64(t.d)
			if now := runtimeNano(); next < now {
				next = now + int64(t.d) - (now-next)%int64(t.d)
			}
		}
	}()
}

// NewTicker returns a new Ticker containing a channel that will send the
// current time on the channel after each tick. The period of the ticks is
// specified by the duration argument. The duration d must be greater than
// zero; if not, NewTicker will panic.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c, d: d}
	t.start()
	return t
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	if t.c == nil {
		return
	}
	t.gen++
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.c == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	t.d = d
	t.start()
}

// Tick is a convenience wrapper for NewTicker providing access to the
// ticking channel only. Unlike NewTicker, Tick will return nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
