// context compiled from the Go distribution's sources.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func main() {
	ctx := context.Background()
	fmt.Println(ctx, context.TODO())
	vctx := context.WithValue(ctx, key("user"), "gopher")
	fmt.Println(vctx.Value(key("user")), vctx.Value(key("none")))

	cctx, cancel := context.WithCancel(vctx)
	fmt.Println(cctx.Err())
	done := make(chan struct{})
	go func() {
		<-cctx.Done()
		fmt.Println("worker sees:", cctx.Err())
		close(done)
	}()
	cancel()
	<-done
	fmt.Println(cctx.Err(), errors.Is(cctx.Err(), context.Canceled), cctx.Value(key("user")))

	cause := errors.New("my cause")
	c2, cancel2 := context.WithCancelCause(ctx)
	cancel2(cause)
	fmt.Println(c2.Err(), context.Cause(c2))

	tctx, cancel3 := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel3()
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	case <-time.After(5 * time.Second):
		fmt.Println("no timeout")
	}
	_, ok := tctx.Deadline()
	fmt.Println("has deadline:", ok)

	parent, pcancel := context.WithCancel(ctx)
	child, ccancel := context.WithCancel(parent)
	defer ccancel()
	stop := context.AfterFunc(child, func() { fmt.Println("after func ran") })
	_ = stop
	pcancel()
	<-child.Done()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("child:", child.Err())

	wc := context.WithoutCancel(child)
	fmt.Println(wc.Err(), wc.Done() == nil)
}
