package main

import "fmt"

type MyInt int

func main() {
	ints := []int64{0, 1, -1, 42, -42, 255, 1 << 40, -9223372036854775808, 9223372036854775807}
	for _, v := range ints {
		fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%O|%b|%#b|%.3d|%8.3d|%-+8d|\n",
			v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)
	}
	us := []uint64{0, 7, 18446744073709551615}
	for _, v := range us {
		fmt.Printf("%d %x %#X %o %b %v %#v\n", v, v, v, v, v, v, v)
	}
	fmt.Printf("%d %d %d %d %d\n", int8(-128), int16(-300), int32(70000), uint8(200), uint16(65535))
	fmt.Printf("%v %#v %T\n", MyInt(5), MyInt(5), MyInt(5))
	fmt.Printf("%c|%c|%c|%q|%q|%q|%U|%#U|%#U\n", 'A', 0x4E16, 0x1F600, 'x', '\n', 0x7f, 0x1F600, 'a', 0x4E16)
	fmt.Printf("%.0d|%.0d|%5.0d|\n", 0, 5, 0)
	fmt.Printf("%x %X % x\n", -255, -255, 255)
	fmt.Printf("%08.3d|%-08d|%+08d|% 08d\n", 12, 12, 12, 12)
	fmt.Printf("%*d|%-*d|%*d\n", 6, 1, 6, 2, -6, 3)
	fmt.Printf("%.*d|%[2]d %[1]d|%[3]*.[2]*[1]f|\n", 4, 7, 8, 3.0)
	fmt.Printf("%d %v\n", uintptr(10), uintptr(11))
	fmt.Println(1, int8(2), uint(3), 'r', byte('b'))
	fmt.Print(1, 2, "a", 3, "b", "c", 4, 5, "\n")
	fmt.Printf("%t %v %5t|%-6t|\n", true, false, true, false)
	fmt.Printf("%6.2x|%#8x|%-#8x|%#08x\n", 255, 255, 255, 255)
	fmt.Printf("%U %#U %.6U\n", -1, 0x110000, 0x41)
}
