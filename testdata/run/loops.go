// The three forms of for, break and continue in nested loops.
package main

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	println("for clause:", sum)

	n := 1
	for n < 1000 {
		n *= 2
	}
	println("condition:", n)

	k := 0
	for {
		k++
		if k%2 == 0 {
			continue
		}
		if k > 9 {
			break
		}
		print(k, " ")
	}
	println()

	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j > i {
				break
			}
			if j == 1 {
				continue
			}
			print(i, j, " ")
		}
	}
	println()

	var i int
	for i = 10; i > 0; i -= 3 {
	}
	println("after:", i)
	for i := 0; i < 3; {
		i++
		print(i)
	}
	println()
}
