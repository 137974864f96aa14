// A panic during a deferred call while panicking: both panics are printed, the first marked [recovered] only if recovered.
package main

type E struct{ msg string }

func (e E) Error() string { return "E: " + e.msg }

func main() {
	defer func() {
		panic(E{"second"})
	}()
	var a []int
	i := 3
	a[i] = 1
}
