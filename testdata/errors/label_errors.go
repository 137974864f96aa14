// Labels: defined and not used, undefined in goto/break/continue, gotos over declarations and into blocks.
package main

func main() {
L: // ERROR "label L defined and not used"
	for {
		break
	}
	goto M // ERROR "label M not defined"
	for {
		continue N // ERROR "continue label not defined: N"
	}
	goto Skip // ERROR "goto Skip jumps over declaration of v at \./label_errors\.go:14:4"
	v := 1
Skip:
	println(v)
	goto Inner // ERROR "goto Inner jumps into block starting at \./label_errors\.go:18:2"
	{
	Inner:
		println()
	}
	for {
		break Out // ERROR "break label not defined: Out"
	}
Out: // ERROR "label Out defined and not used"
	println()
}
