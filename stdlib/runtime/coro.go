package runtime

// Coroutines for iter.Pull (gc: runtime/coro.go). gc switches between the
// two goroutines of a coroutine directly, without the scheduler; rgoc
// passes control over an unbuffered channel, which gives the same
// behaviour — exactly one of the two runs at a time, each switch blocks
// the caller until the other switches back — at the cost of a trip
// through the scheduler per switch.
type coro struct {
	ch chan struct{}
}

// newcoro creates a coroutine that will run f(c) on its own goroutine
// once some goroutine first calls coroswitch(c). When f returns, control
// passes back to the goroutine that switched to it last.
func newcoro(f func(*coro)) *coro {
	c := &coro{ch: make(chan struct{})}
	go func() {
		<-c.ch
		f(c)
		c.ch <- struct{}{}
	}()
	return c
}

// coroswitch switches to the goroutine blocked on c and blocks the
// current goroutine on c until it is switched back to.
func coroswitch(c *coro) {
	c.ch <- struct{}{}
	<-c.ch
}
