// Expected output made with GOMAXPROCS=1: with several Ps, gc's id of the
// first goroutine depends on which P creates it (5, 17, 20, ...).

package main

func main() {
	c := make(chan int)
	go func() {
		defer println("deferred in goroutine")
		var m map[string]int
		m["x"] = 1
	}()
	<-c
}
