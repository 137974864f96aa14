// crypto/elliptic over crypto/internal/fips140/nistec (whose precomputed
// P-256 table is a large constant array), compiled from the Go
// distribution's sources.
package main

import (
	"crypto/elliptic"
	"fmt"
	"math/big"
)

func main() {
	for _, curve := range []elliptic.Curve{elliptic.P224(), elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		p := curve.Params()
		x, y := curve.ScalarBaseMult(big.NewInt(123456789).Bytes())
		fmt.Println(p.Name, p.BitSize, curve.IsOnCurve(x, y))
		fmt.Println(" ", x.Text(16))
		fmt.Println(" ", y.Text(16))
		x2, y2 := curve.ScalarMult(x, y, []byte{7})
		x3, y3 := curve.Add(x, y, x2, y2)
		x4, y4 := curve.Double(x, y)
		fmt.Println(" ", x3.Text(16)[:16], y3.Text(16)[:16], x4.Text(16)[:16], y4.Text(16)[:16])
		b := elliptic.MarshalCompressed(curve, x, y)
		ux, uy := elliptic.UnmarshalCompressed(curve, b)
		fmt.Println(" ", len(b), ux.Cmp(x) == 0 && uy.Cmp(y) == 0)
	}
	fmt.Println(elliptic.P256().IsOnCurve(big.NewInt(1), big.NewInt(2)))
}
