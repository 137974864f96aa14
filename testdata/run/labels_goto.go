// Labeled break and continue, goto loops, labeled switch break.
package main

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, " ")
		}
	}
	println()
	i := 0
loop:
	if i < 5 {
		print(i)
		i++
		goto loop
	}
	println()
sw:
	switch {
	case i == 5:
		for {
			break sw
		}
	}
	println("after switch")
	n := 0
	for {
		n++
		if n > 3 {
			goto done
		}
	}
done:
	println("n =", n)
}
