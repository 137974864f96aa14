// A panic in a goroutine: its own frames, then `created by main.main in
// goroutine 1` with the position of the go statement.

package main

func check(v int) {
	if v > 2 {
		panic(fmt_int(v))
	}
}

func fmt_int(v int) string {
	return "value too big: " + string(rune('0'+v))
}

func worker(c chan int, done chan bool) {
	for v := range c {
		check(v)
	}
	done <- true
}

func main() {
	c := make(chan int)
	done := make(chan bool)
	go worker(c, done)
	for i := 0; i < 5; i++ {
		c <- i
	}
	close(c)
	<-done
}
