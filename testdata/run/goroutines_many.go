package main

// 10,000 goroutines each send one value; then 10,000 more in a chain.

func main() {
	const n = 10000
	c := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			c <- i
		}()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-c
	}
	println(sum, sum == n*(n-1)/2)

	// A chain: each goroutine adds one and passes the value on.
	first := make(chan int)
	left := first
	for i := 0; i < n; i++ {
		right := make(chan int)
		go func(l, r chan int) {
			r <- 1 + <-l
		}(left, right)
		left = right
	}
	first <- 0
	println(<-left)

	// Deep recursion on a goroutine stack.
	res := make(chan int)
	go func() {
		res <- depth(100000)
	}()
	println(<-res)
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	var pad [8]int
	pad[n%8] = 1
	return depth(n-1) + pad[n%8]
}
