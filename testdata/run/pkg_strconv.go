// Tests package strconv: integer parsing and formatting at the boundaries
// of every bit size and base, NumError texts, bools, quoting and unquoting
// (invalid UTF-8, escapes, raw strings), IsPrint/IsGraphic, float
// formatting in every format and precision and float parsing (decimal,
// hex, underscores, overflow, subnormals), plus a hash of shortest
// formatting and round trips over 5000 random bit patterns.
package main

import (
	"math"
	"strconv"
)

func e(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

var seed uint64 = 0x9E3779B97F4A7C15

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	for _, s := range []string{"", "0", "-0", "+5", "123", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "0x1F", "0b101", "0o17", "017", "1_000", "_1", "1__0", "x", " 1", "1e3", "255", "-129", "128", "65535", "4294967296"} {
		a, err := strconv.Atoi(s)
		println(s, a, e(err))
		for _, bits := range []int{0, 8, 16, 32, 64} {
			i, err := strconv.ParseInt(s, 0, bits)
			u, err2 := strconv.ParseUint(s, 0, bits)
			i10, err3 := strconv.ParseInt(s, 10, bits)
			println("  ", bits, i, e(err), u, e(err2), i10, e(err3))
		}
		i16, err := strconv.ParseInt(s, 16, 64)
		println("  hex", i16, e(err))
	}
	_, err := strconv.ParseInt("1", 1, 64)
	println(e(err))
	_, err = strconv.ParseInt("1", 37, 64)
	println(e(err))
	_, err = strconv.ParseUint("1", 10, 65)
	println(e(err))
	ne := err.(*strconv.NumError)
	println(ne.Func, ne.Num, e(ne.Unwrap()), e(strconv.ErrRange), e(strconv.ErrSyntax))
	_, err = strconv.Atoi("99999999999999999999")
	println(err.(*strconv.NumError).Err == strconv.ErrRange)
	_, err = strconv.Atoi("abc")
	println(err.(*strconv.NumError).Err == strconv.ErrSyntax)

	for _, v := range []int64{0, 1, -1, 7, -8, 255, 1 << 31, -1 << 63, 1<<63 - 1, 1000000007} {
		for _, base := range []int{2, 8, 10, 16, 36} {
			print(strconv.FormatInt(v, base), " ", strconv.FormatUint(uint64(v), base), " ")
		}
		println(strconv.Itoa(int(v)), string(strconv.AppendInt([]byte("x="), v, 10)), string(strconv.AppendUint(nil, uint64(v), 7)))
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", ""} {
		b, err := strconv.ParseBool(s)
		println(s, b, e(err))
	}
	println(strconv.FormatBool(true), strconv.FormatBool(false), string(strconv.AppendBool([]byte("b:"), true)), strconv.IntSize)

	for _, s := range []string{"", "hello", "héllo, 世界", "tab\there\n", "\x00\x01\x7f", "\xff\xfe", "quote\"back\\slash'", "\u00ad\u2028\U0001F600", "\a\b\f\r\v", "\u200b\ufeff"} {
		println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s), string(strconv.AppendQuote([]byte(">"), s)), string(strconv.AppendQuoteToASCII(nil, s)))
		u, err := strconv.Unquote(strconv.Quote(s))
		println(u == s, e(err))
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0xad, 0xfffd, 0x10ffff, 0x110000, -1, 0xd800, '☺', 0x1F600, 0xe0001} {
		println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.QuoteRuneToGraphic(r), strconv.IsPrint(r), strconv.IsGraphic(r), string(strconv.AppendQuoteRune(nil, r)))
	}
	for _, s := range []string{`"abc"`, `'a'`, "`raw\\n`", `"\x41\101\u0041\U00000041"`, `"\z"`, `'ab'`, `"unterminated`, `""`, `''`, `"\'"`, `'\"'`, `"a"b"`, "`a\nb`", "`a`b`", `"\uD800"`, `"\377"`, `"\400"`, `'\377'`, `"é"`, "\"\xff\""} {
		u, err := strconv.Unquote(s)
		println(strconv.Quote(s), strconv.Quote(u), e(err))
	}
	v, mb, tail, err := strconv.UnquoteChar(`\u00e9rest`, '"')
	println(v, mb, tail, e(err))
	v, mb, tail, err = strconv.UnquoteChar(`\'x`, '"')
	println(v, mb, tail, e(err))
	qp, err := strconv.QuotedPrefix(`"abc\"d" tail`)
	println(qp, e(err))

	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.0 / 3, 2.0 / 3, 100, 1e21, 1e20, 123456789, 1.5e-7, 5e-324, 2.2250738585072014e-308, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 0.000001, 1e-5, 9.999999999999999e22, 3.4028234663852886e38, 1.401298464324817e-45, 0.5, 2.5, 1.25, 12345.6789}
	for _, f := range floats {
		for _, fmt := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'} {
			for _, prec := range []int{-1, 0, 1, 3, 17} {
				print(strconv.FormatFloat(f, fmt, prec, 64), " ")
			}
			print("| ", strconv.FormatFloat(f, fmt, -1, 32), " ", strconv.FormatFloat(f, fmt, 5, 32))
			println()
		}
		println(string(strconv.AppendFloat([]byte("f="), f, 'g', -1, 64)), strconv.FormatComplex(complex(f, -f), 'g', -1, 128))
	}
	for _, s := range []string{"", "0", "-0", "1", "+1.5", ".5", "5.", "1e10", "1E-10", "1e400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "1.7976931348623157e308", "1.7976931348623159e308", "0x1p-2", "0x1.8p1", "0X1P+10", "0x1p", "1_000.5", "1__0", "inf", "+Inf", "-infinity", "NaN", "nan", "1e", "e1", "1.2.3", "0.1", "123456789012345678901234567890", "3.4028235e38", "3.4028236e38", "1e-46", ".", "-", "0x", "1_e5", "0x_1p0", "100000000000000016777215", "100000000000000016777216"} {
		f64, err := strconv.ParseFloat(s, 64)
		f32, err2 := strconv.ParseFloat(s, 32)
		println(s, f64, e(err), f32, e(err2))
	}
	c, err := strconv.ParseComplex("(1+2i)", 128)
	println(c, e(err))
	c, err = strconv.ParseComplex("3i", 64)
	println(c, e(err))

	var h1, h2, h3 uint64
	for i := 0; i < 5000; i++ {
		b := next()
		f := math.Float64frombits(b)
		s := strconv.FormatFloat(f, 'g', -1, 64)
		back, _ := strconv.ParseFloat(s, 64)
		f32 := math.Float32frombits(uint32(b))
		s32 := strconv.FormatFloat(float64(f32), 'e', -1, 32)
		back32, _ := strconv.ParseFloat(s32, 32)
		for j := 0; j < len(s); j++ {
			h1 = h1*31 + uint64(s[j])
		}
		for j := 0; j < len(s32); j++ {
			h2 = h2*31 + uint64(s32[j])
		}
		if back == f || f != f {
			h3++
		}
		if float32(back32) == f32 || f32 != f32 {
			h3++
		}
		sf := strconv.FormatFloat(f, 'f', int(b%25), 64)
		for j := 0; j < len(sf); j++ {
			h1 = h1*37 + uint64(sf[j])
		}
		if i%1000 == 0 {
			println(s, s32, sf)
		}
	}
	println(h1, h2, h3)
}
