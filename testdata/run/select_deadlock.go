package main

// Every goroutine blocks: the other goroutines wait in a select and on a
// nil channel; main waits in select {}.

func main() {
	a := make(chan int)
	b := make(chan string)
	go func() {
		select {
		case v := <-a:
			println(v)
		case b <- "x":
		}
	}()
	go func() {
		var nilc chan bool
		nilc <- true
	}()
	println("main blocks")
	select {}
}
