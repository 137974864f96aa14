package sync

import "sync/atomic"

// A WaitGroup waits for a collection of goroutines to finish.
//
// rgoc: gc's algorithm: state holds the counter (high 32 bits) and the
// number of waiters (low 32 bits).
type WaitGroup struct {
	noCopy noCopy

	state uint64
	sema  uint32
}

// Add adds delta, which may be negative, to the WaitGroup counter. If the
// counter becomes zero, all goroutines blocked on Wait are released. If the
// counter goes negative, Add panics.
func (wg *WaitGroup) Add(delta int) {
	state := atomic.AddUint64(&wg.state, uint64(delta)<<32)
	v := int32(state >> 32)
	w := uint32(state)
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if w != 0 && delta > 0 && v == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if v > 0 || w == 0 {
		return
	}
	if atomic.LoadUint64(&wg.state) != state {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	atomic.StoreUint64(&wg.state, 0)
	for ; w != 0; w-- {
		runtime_Semrelease(&wg.sema)
	}
}

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the WaitGroup counter is zero.
func (wg *WaitGroup) Wait() {
	for {
		state := atomic.LoadUint64(&wg.state)
		if int32(state>>32) == 0 {
			return
		}
		if atomic.CompareAndSwapUint64(&wg.state, state, state+1) {
			runtime_Semacquire(&wg.sema, waitWaitGroupWait)
			if atomic.LoadUint64(&wg.state) != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}

// Go calls f in a new goroutine and adds that task to the WaitGroup. When
// f returns, the task is removed from the WaitGroup. f must not panic.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer func() {
			if x := recover(); x != nil {
				panic(x)
			}
			wg.Done()
		}()
		f()
	}()
}

// Once is an object that will perform exactly one action.
type Once struct {
	_    noCopy
	done uint32
	m    Mutex
}

// Do calls the function f if and only if Do is being called for the first
// time for this instance of Once. If f panics, Do considers it to have
// returned; future calls of Do return without calling f.
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer func() { atomic.StoreUint32(&o.done, 1) }()
		f()
	}
}

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event. Waiters are woken
// in the order they started waiting, as gc's notifyList does.
type Cond struct {
	noCopy noCopy

	// L is held while observing or changing the condition
	L Locker

	mu      Mutex // guards waiters
	waiters int32
	sema    uint32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine. After later resuming execution, Wait locks c.L before
// returning.
func (c *Cond) Wait() {
	c.mu.Lock()
	c.waiters++
	c.mu.Unlock()
	c.L.Unlock()
	runtime_Semacquire(&c.sema, waitCondWait)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	c.mu.Lock()
	if c.waiters > 0 {
		c.waiters--
		runtime_Semrelease(&c.sema)
	}
	c.mu.Unlock()
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	c.mu.Lock()
	for c.waiters > 0 {
		c.waiters--
		runtime_Semrelease(&c.sema)
	}
	c.mu.Unlock()
}

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. rgoc: gc's pool with one P is a private slot plus a shared
// LIFO; this one keeps that order (under a Mutex) (Get returns the private object first,
// then the most recently Put). There is no collector yet, so pooled objects
// are never dropped.
type Pool struct {
	noCopy noCopy

	mu      Mutex
	private any
	shared  []any

	// New optionally specifies a function to generate
	// a value when Get would otherwise return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	if p.private == nil {
		p.private = x
	} else {
		p.shared = append(p.shared, x)
	}
	p.mu.Unlock()
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller. If Get would otherwise return nil and p.New
// is non-nil, Get returns the result of calling p.New.
func (p *Pool) Get() any {
	p.mu.Lock()
	x := p.private
	p.private = nil
	if x == nil {
		if n := len(p.shared); n > 0 {
			x = p.shared[n-1]
			p.shared[n-1] = nil
			p.shared = p.shared[:n-1]
		}
	}
	p.mu.Unlock()
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines. rgoc: a plain map under a Mutex; Range iterates over a
// snapshot of the keys without holding the lock, so f may modify the map,
// and sees each key's current value.
type Map struct {
	_ noCopy

	mu Mutex
	m  map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value
// is present. The ok result indicates whether value was found in the map.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, ok = m.m[key]
	return
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.Swap(key, value)
}

// Clear deletes all the entries, resulting in an empty Map.
func (m *Map) Clear() {
	m.mu.Lock()
	clear(m.m)
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for the key if present. Otherwise,
// it stores and returns the given value. The loaded result is true if the
// value was loaded, false if stored.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value
// if any. The loaded result reports whether the key was present.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	if loaded {
		delete(m.m, key)
	}
	return
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) {
	m.LoadAndDelete(key)
}

// Swap swaps the value for a key and returns the previous value if any.
// The loaded result reports whether the key was present.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	return
}

// CompareAndSwap swaps the old and new values for key if the value stored
// in the map is equal to old. The old value must be of a comparable type.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	if !ok || v != old {
		return false
	}
	m.m[key] = new
	return true
}

// CompareAndDelete deletes the entry for key if its value is equal to old.
// The old value must be of a comparable type.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	if !ok || v != old {
		return false
	}
	delete(m.m, key)
	return true
}

// Range calls f sequentially for each key and value present in the map.
// If f returns false, range stops the iteration.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	for k := range m.m {
		keys = append(keys, k)
	}
	m.mu.Unlock()
	for _, k := range keys {
		v, ok := m.Load(k)
		if !ok {
			continue
		}
		if !f(k, v) {
			break
		}
	}
}
