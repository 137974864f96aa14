// Types that contain themselves by value; map keys of incomplete types.
package main

type T0 T0 // ERROR "invalid recursive type: T0 refers to itself"

type T1 struct{ T1 } // ERROR "invalid recursive type: T1 refers to itself"

type A struct{ b B } // ERROR "invalid recursive type A"
type B struct{ a [2]A }

type RA RB // ERROR "invalid recursive type RA"
type RB RC
type RC RA

type T4 struct{ m map[T4]int } // ERROR "invalid map key type T4"

func f() {
	type T3 struct{ T3 } // ERROR "invalid recursive type: T3 refers to itself"
}

func main() {
	f()
}
