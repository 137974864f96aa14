// A recursion 10,000,000 frames deep inside a goroutine: the stack grows
// by doubling to hundreds of megabytes (under gc's 1e9-byte limit).
package main

func deep(n int) int {
	if n == 0 {
		return 0
	}
	return deep(n-1)*3%1000003 + n%7
}

func main() {
	c := make(chan int)
	go func() {
		c <- deep(10000000)
	}()
	println(<-c)
	println(deep(1000))
}
