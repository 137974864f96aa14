package sync

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	noCopy noCopy

	count   int64  // outstanding Add count
	waiters int32  // goroutines blocked in Wait
	sema    uint32 // they wait here
}

// Add adds delta, which may be negative, to the WaitGroup counter. If the
// counter becomes zero, all goroutines blocked on Wait are released. If the
// counter goes negative, Add panics.
func (wg *WaitGroup) Add(delta int) {
	wg.count += int64(delta)
	if wg.count < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if wg.count > 0 || wg.waiters == 0 {
		return
	}
	n := wg.waiters
	wg.waiters = 0
	for ; n > 0; n-- {
		runtime_Semrelease(&wg.sema)
	}
}

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the WaitGroup counter is zero.
func (wg *WaitGroup) Wait() {
	if wg.count == 0 {
		return
	}
	wg.waiters++
	runtime_Semacquire(&wg.sema, waitWaitGroupWait)
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
	done bool
	m    Mutex
}

// Do calls the function f if and only if Do is being called for the first
// time for this instance of Once. If f panics, Do considers it to have
// returned; future calls of Do return without calling f.
func (o *Once) Do(f func()) {
	if o.done {
		return
	}
	o.doSlow(f)
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done {
		defer func() { o.done = true }()
		f()
	}
}

// OnceFunc returns a function that invokes f only once. The returned
// function may be called concurrently. If f panics, the returned function
// will panic with the same value on every call.
func OnceFunc(f func()) func() {
	d := struct {
		f     func()
		once  Once
		valid bool
		p     any
	}{
		f: f,
	}
	return func() {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
			d.f()
			d.valid = true
		})
		if !d.valid {
			panic(d.p)
		}
	}
}

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event. Waiters are woken
// in the order they started waiting, as gc's notifyList does.
type Cond struct {
	noCopy noCopy

	// L is held while observing or changing the condition
	L Locker

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
	c.waiters++
	c.L.Unlock()
	runtime_Semacquire(&c.sema, waitCondWait)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	if c.waiters > 0 {
		c.waiters--
		runtime_Semrelease(&c.sema)
	}
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	for c.waiters > 0 {
		c.waiters--
		runtime_Semrelease(&c.sema)
	}
}

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. rgoc: with one P, gc's pool is a private slot plus a shared
// LIFO; this one keeps that order (Get returns the private object first,
// then the most recently Put). There is no collector yet, so pooled objects
// are never dropped.
type Pool struct {
	noCopy noCopy

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
	if p.private == nil {
		p.private = x
		return
	}
	p.shared = append(p.shared, x)
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller. If Get would otherwise return nil and p.New
// is non-nil, Get returns the result of calling p.New.
func (p *Pool) Get() any {
	x := p.private
	p.private = nil
	if x == nil {
		if n := len(p.shared); n > 0 {
			x = p.shared[n-1]
			p.shared[n-1] = nil
			p.shared = p.shared[:n-1]
		}
	}
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines. rgoc: a plain map (one thread); Range iterates over a
// snapshot of the keys, so f may modify the map, and sees each key's
// current value.
type Map struct {
	_ noCopy

	m map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value
// is present. The ok result indicates whether value was found in the map.
func (m *Map) Load(key any) (value any, ok bool) {
	value, ok = m.m[key]
	return
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.Swap(key, value)
}

// Clear deletes all the entries, resulting in an empty Map.
func (m *Map) Clear() {
	clear(m.m)
}

// LoadOrStore returns the existing value for the key if present. Otherwise,
// it stores and returns the given value. The loaded result is true if the
// value was loaded, false if stored.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
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
	keys := make([]any, 0, len(m.m))
	for k := range m.m {
		keys = append(keys, k)
	}
	for _, k := range keys {
		v, ok := m.m[k]
		if !ok {
			continue
		}
		if !f(k, v) {
			break
		}
	}
}
