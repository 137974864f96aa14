package main

func main() {
	c := make(chan int, 1)
	c <- 1
	close(c)
	println(<-c)
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
		defer func() {
			println("recovered:", recover().(error).Error())
			var nc chan int
			defer func() {
				println("recovered:", recover().(error).Error())
				c <- 2
			}()
			close(nc)
		}()
		close(c)
	}()
	c <- 2
}
