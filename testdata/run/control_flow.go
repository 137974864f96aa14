// Labels, goto, switch with fallthrough and break, labeled continue from switch, for range over integers (Go 1.22), switch with init and no tag.
package main

type Small uint8

func classify(n int) string {
	s := ""
	switch {
	case n < 0:
		s += "neg "
		fallthrough
	case n == 0:
		s += "nonpos "
	case n > 100:
		s += "big "
		break
	case n%2 == 0:
		s += "even "
		fallthrough
	default:
		s += "default "
		fallthrough
	case n == 7:
		s += "seven-or-fell "
	}
	return s
}

func gotoLoop(n int) (sum int) {
	i := 0
loop:
	if i >= n {
		goto done
	}
	sum += i
	i++
	goto loop
done:
	return
}

func main() {
	for _, n := range []int{-3, 0, 7, 8, 9, 200} {
		println(n, classify(n))
	}
	println(gotoLoop(10))
	// range over integers of several types
	for i := range 3 {
		print(i, " ")
	}
	var n8 int8 = 4
	for i := range n8 {
		print(i*10, " ")
	}
	var sm Small = 2
	for i := range sm {
		var x Small = i
		print(x, " ")
	}
	for range 2 {
		print("x ")
	}
	zero, neg := 0, -5
	for i := range zero {
		print("never", i)
	}
	for i := range neg {
		print("never", i)
	}
	println()
	// modifying the range-over-int variable does not change iteration count
	cnt := 0
	for i := range 5 {
		i += 10
		cnt += i
	}
	println(cnt)
	// the bound is evaluated once
	lim := 3
	for i := range lim {
		lim = 100
		print(i, " ")
	}
	println(lim)
	// labeled continue and break out of switch inside loops
outer:
	for i := 0; i < 4; i++ {
		for j := range 4 {
			switch {
			case j == i:
				continue outer
			case i+j == 5:
				break outer
			}
			print(i, j, " ")
		}
	}
	println()
	// break inside switch only leaves the switch
	found := -1
	for i := 0; i < 5; i++ {
		switch i {
		case 3:
			found = i
			break
		}
		if found >= 0 {
			break
		}
	}
	println(found)
	// switch with init, expression cases and duplicates of values at runtime
	switch x := 5; x * 2 {
	case 1, 2, 3:
		println("small")
	case 10:
		println("ten")
		fallthrough
	case 11:
		println("fell into 11")
	default:
		println("default")
	}
	// goto jumping forward over blocks and backward
	k := 0
back:
	k++
	if k < 3 {
		goto back
	}
	{
		if k == 3 {
			goto fwd
		}
		println("skipped")
	}
fwd:
	println("k =", k)
	// labeled block-level break via labeled switch and select-free for
sw:
	switch {
	default:
		for i := 0; ; i++ {
			if i == 2 {
				break sw
			}
		}
	}
	// switch on types of values with no matching case and no default
	switch k {
	case 1:
		println("one")
	}
	// nested labeled loops with continue to the outer label and post statements
	total := 0
rows:
	for r := 0; r < 3; r++ {
		for c := 0; c < 3; c++ {
			if c > r {
				continue rows
			}
			total += r*3 + c
		}
	}
	println(total)
}
