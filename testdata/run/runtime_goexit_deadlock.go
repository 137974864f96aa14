// The main goroutine calls runtime.Goexit while another goroutine stays
// blocked: gc's ordinary deadlock report, without goroutine 1.

package main

import "runtime"

func main() {
	c := make(chan int)
	go func() {
		<-c
	}()
	runtime.Goexit()
}
