// Promoted methods through embedded structs and pointers satisfy interfaces.
package main

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b *Base) Name() string { return b.name }

type Dog struct {
	*Base
	loud bool
}

func (d Dog) Sound() string {
	if d.loud {
		return "WOOF"
	}
	return "woof"
}

type Puppy struct {
	Dog
}

func (p Puppy) Sound() string { return "yip (" + p.Dog.Sound() + ")" }

func main() {
	animals := []Animal{
		Dog{&Base{"rex"}, true},
		Puppy{Dog{&Base{"bit"}, false}},
	}
	for _, a := range animals {
		println(a.Name(), a.Sound())
	}
}
