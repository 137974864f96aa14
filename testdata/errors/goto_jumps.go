// Labeled branches: gotos over := and var groups, into case clauses and else blocks; labels of the wrong statement; function literals have their own labels.
package main

func f(x int) {
	goto A // ERROR "goto A jumps over declaration of a, b at \./goto_jumps\.go:6:7"
	a, b := 1, 2
A:
	println(a, b)
	goto B // ERROR "goto B jumps over declaration of c at \./goto_jumps\.go:11:3"
	var (
		c = 1
		d = 2
	)
B:
	println(c, d)
S:
	switch x {
	case 1:
		continue S // ERROR "invalid continue label S"
	case 2:
		goto C // ERROR "goto C jumps into block starting at \./goto_jumps\.go:22:2"
	default:
	C:
		break S
	}
Blk:
	{
		break Blk // ERROR "invalid break label Blk"
	}
	if x > 0 {
		goto E // ERROR "goto E jumps into block starting at \./goto_jumps\.go:32:9"
	} else {
	E:
	}
}

func g() {
	for {
		func() {
			break // ERROR "break is not in a loop, switch, or select"
		}()
	}
F: // ERROR "label F defined and not used"
	for {
		_ = func() int {
			goto F // ERROR "label F not defined"
		}
	}
}

func main() {}
