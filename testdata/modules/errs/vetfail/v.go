package vetfail

func F() int { return 1 }
