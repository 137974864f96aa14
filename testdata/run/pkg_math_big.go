// math/big compiled from the Go distribution's sources (pure Go arithmetic:
// build tag math_big_pure_go).
package main

import (
	"fmt"
	"math/big"
)

func main() {
	a, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	b := big.NewInt(987654321)
	var c big.Int
	fmt.Println(c.Mul(a, b))
	fmt.Println(c.Add(a, b), c.Sub(b, a))
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	fmt.Println(q, r)
	fmt.Println(new(big.Int).Exp(big.NewInt(2), big.NewInt(200), nil))
	fmt.Println(new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1000000007)))
	fmt.Println(new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071)))
	fmt.Println(a.Cmp(b), a.Sign(), a.BitLen(), a.Text(16), a.Text(36))
	fmt.Printf("%x %X %o %b %d %+d %40d|\n", b, b, b, big.NewInt(10), a, b, b)
	fmt.Println(big.NewInt(97).ProbablyPrime(20), big.NewInt(91).ProbablyPrime(20))
	f := new(big.Int)
	f.MulRange(1, 50)
	fmt.Println("50! =", f)
	fmt.Println(new(big.Int).Sqrt(f), new(big.Int).Lsh(b, 70), new(big.Int).Rsh(a, 30))
	fmt.Println(new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)))

	x := big.NewRat(3, 4)
	y := big.NewRat(-5, 6)
	fmt.Println(new(big.Rat).Add(x, y), new(big.Rat).Mul(x, y), new(big.Rat).Quo(x, y))
	fmt.Println(x.FloatString(5), y.RatString())
	z, ok := new(big.Rat).SetString("22/7")
	fmt.Println(z, ok, z.FloatString(10))

	pi := new(big.Float).SetPrec(200)
	pi.SetString("3.14159265358979323846264338327950288419716939937510582097494459")
	two := new(big.Float).SetPrec(200).SetInt64(2)
	sq := new(big.Float).SetPrec(200).Sqrt(two)
	fmt.Println(pi.Text('g', 50))
	fmt.Println(sq.Text('f', 60))
	fmt.Printf("%.20f %g %e\n", new(big.Float).Mul(pi, sq), big.NewFloat(1e100), big.NewFloat(-0.000123))
	fl, acc := pi.Float64()
	fmt.Println(fl, acc)

	fib := []*big.Int{big.NewInt(0), big.NewInt(1)}
	for i := 2; i <= 300; i++ {
		fib = append(fib, new(big.Int).Add(fib[i-1], fib[i-2]))
	}
	fmt.Println(fib[300])
}
