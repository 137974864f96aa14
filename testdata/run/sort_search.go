// Sorting and searching on slices by hand: insertion sort and binary search.
package main

func insertionSort(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func search(a []int, x int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func main() {
	a := []int{5, 2, 9, 1, 5, 6, 0, -3}
	insertionSort(a)
	for _, x := range a {
		print(x, " ")
	}
	println()
	println(search(a, 5), search(a, 7), search(a, -10), search(a, 100))
}
