// 10,000 goroutines, each growing its stack to about 1 MB with a recursion
// holding a local array, then reporting through a channel. Stacks of
// exited goroutines go back to the pools and are reused.
package main

func fill(n, seed int) int {
	var a [120]int // ~1 KB per frame
	for i := range a {
		a[i] = seed + i
	}
	if n == 0 {
		return a[seed%120]
	}
	return fill(n-1, seed+1) + a[n%120]%2
}

func main() {
	const N = 10000
	c := make(chan int, N) // buffered: finished goroutines exit (and free their stacks) at once
	for i := 0; i < N; i++ {
		go func(i int) {
			c <- fill(1000, i)
		}(i)
	}
	sum := 0
	for i := 0; i < N; i++ {
		sum += <-c
	}
	println(sum)
}
