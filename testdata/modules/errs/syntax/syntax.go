package syntax

func A() int {
	return 1 +
}

func B() {
	x := [
}

func C() {}
