// Methods on value and pointer receivers, on non-struct types, method values and expressions.
package main

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }
func (c Counter) Get() int { return c.n }

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	println(c.Get())
	inc := c.Inc
	inc()
	inc()
	println(c.n)
	get := c.Get
	c.Inc()
	println(get(), c.Get())
	f := (*Counter).Inc
	f(&c)
	g := Counter.Get
	println(g(c))
	println(Celsius(100).F(), Celsius(-40).F())
	println(IntList{1, 2, 3, 4}.Sum())
}
