// Float-to-integer conversions: gc's amd64 results for every float and
// integer type, with in-range, out-of-range, infinite and NaN values, hidden
// from the optimiser (noinline) and visible to it (constant-propagated locals).

package main

//go:noinline
func hide32(x float32) float32 { return x }

//go:noinline
func conv32(x float32) {
	println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
}

//go:noinline
func hide64(x float64) float64 { return x }

//go:noinline
func conv64(x float64) {
	println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
}

func main() {
	z := 0.0
	println("float32 hidden")
	conv32(hide32(float32(0)))
	conv32(hide32(float32(-z)))
	conv32(hide32(float32(0.9)))
	conv32(hide32(float32(-0.9)))
	conv32(hide32(float32(1.5)))
	conv32(hide32(float32(-1.5)))
	conv32(hide32(float32(127.5)))
	conv32(hide32(float32(-128.9)))
	conv32(hide32(float32(-129)))
	conv32(hide32(float32(200.7)))
	conv32(hide32(float32(255.9)))
	conv32(hide32(float32(256)))
	conv32(hide32(float32(-1)))
	conv32(hide32(float32(-255.9)))
	conv32(hide32(float32(32767.5)))
	conv32(hide32(float32(-32768.5)))
	conv32(hide32(float32(65535.5)))
	conv32(hide32(float32(65536)))
	conv32(hide32(float32(2147483520)))
	conv32(hide32(float32(-2147483648)))
	conv32(hide32(float32(2147483648)))
	conv32(hide32(float32(-2147483904)))
	conv32(hide32(float32(4294967040)))
	conv32(hide32(float32(4294967296)))
	conv32(hide32(float32(-4294967296)))
	conv32(hide32(float32(1e18)))
	conv32(hide32(float32(-1e18)))
	conv32(hide32(float32(9223371487098961920)))
	conv32(hide32(float32(9223372036854775808)))
	conv32(hide32(float32(-9223372036854775808)))
	conv32(hide32(float32(-9223373136366403584)))
	conv32(hide32(float32(1.7e19)))
	conv32(hide32(float32(18446742974197923840)))
	conv32(hide32(float32(18446744073709551616)))
	conv32(hide32(float32(-1.7e19)))
	conv32(hide32(float32(1e30)))
	conv32(hide32(float32(-1e30)))
	conv32(hide32(float32(3e38)))
	conv32(hide32(float32(1 / z)))
	conv32(hide32(float32(-1 / z)))
	conv32(hide32(float32(z / z)))
	println("float32 visible")
	{
		x := float32(0)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(0.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-0.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(1.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-1.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(127.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-128.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-129)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(200.7)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(255.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(256)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-1)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-255.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(32767.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-32768.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(65535.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(65536)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(2147483520)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-2147483648)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(2147483648)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-2147483904)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(4294967040)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(4294967296)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-4294967296)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(1e18)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-1e18)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(9223371487098961920)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(9223372036854775808)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-9223372036854775808)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-9223373136366403584)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(1.7e19)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(18446742974197923840)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(18446744073709551616)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-1.7e19)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(1e30)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-1e30)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(3e38)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(1 / z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(-1 / z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float32(z / z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	println("float64 hidden")
	conv64(hide64(float64(0)))
	conv64(hide64(float64(-z)))
	conv64(hide64(float64(0.9)))
	conv64(hide64(float64(-0.9)))
	conv64(hide64(float64(1.5)))
	conv64(hide64(float64(-1.5)))
	conv64(hide64(float64(127.5)))
	conv64(hide64(float64(-128.9)))
	conv64(hide64(float64(-129)))
	conv64(hide64(float64(200.7)))
	conv64(hide64(float64(255.9)))
	conv64(hide64(float64(256)))
	conv64(hide64(float64(-1)))
	conv64(hide64(float64(-255.9)))
	conv64(hide64(float64(32767.5)))
	conv64(hide64(float64(-32768.5)))
	conv64(hide64(float64(65535.5)))
	conv64(hide64(float64(65536)))
	conv64(hide64(float64(2147483520)))
	conv64(hide64(float64(-2147483648)))
	conv64(hide64(float64(2147483648)))
	conv64(hide64(float64(-2147483904)))
	conv64(hide64(float64(4294967040)))
	conv64(hide64(float64(4294967296)))
	conv64(hide64(float64(-4294967296)))
	conv64(hide64(float64(1e18)))
	conv64(hide64(float64(-1e18)))
	conv64(hide64(float64(9223371487098961920)))
	conv64(hide64(float64(9223372036854775808)))
	conv64(hide64(float64(-9223372036854775808)))
	conv64(hide64(float64(-9223373136366403584)))
	conv64(hide64(float64(1.7e19)))
	conv64(hide64(float64(18446742974197923840)))
	conv64(hide64(float64(18446744073709551616)))
	conv64(hide64(float64(-1.7e19)))
	conv64(hide64(float64(1e30)))
	conv64(hide64(float64(-1e30)))
	conv64(hide64(float64(3e38)))
	conv64(hide64(float64(1 / z)))
	conv64(hide64(float64(-1 / z)))
	conv64(hide64(float64(z / z)))
	conv64(hide64(float64(2147483647.9)))
	conv64(hide64(float64(-2147483648.9)))
	conv64(hide64(float64(-2147483649)))
	conv64(hide64(float64(4294967295.9)))
	conv64(hide64(float64(9223372036854774784)))
	conv64(hide64(float64(18446744073709549568)))
	conv64(hide64(float64(1e300)))
	conv64(hide64(float64(-1e300)))
	println("float64 visible")
	{
		x := float64(0)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(0.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-0.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(1.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(127.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-128.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-129)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(200.7)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(255.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(256)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-255.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(32767.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-32768.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(65535.5)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(65536)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(2147483520)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-2147483648)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(2147483648)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-2147483904)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(4294967040)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(4294967296)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-4294967296)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(1e18)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1e18)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(9223371487098961920)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(9223372036854775808)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-9223372036854775808)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-9223373136366403584)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(1.7e19)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(18446742974197923840)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(18446744073709551616)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1.7e19)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(1e30)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1e30)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(3e38)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(1 / z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1 / z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(z / z)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(2147483647.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-2147483648.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-2147483649)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(4294967295.9)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(9223372036854774784)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(18446744073709549568)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(1e300)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
	{
		x := float64(-1e300)
		println(int8(x), int16(x), int32(x), int64(x), int(x), uint8(x), uint16(x), uint32(x), uint64(x), uint(x), uintptr(x))
	}
}
