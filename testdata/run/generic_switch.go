package main

import (
	"fmt"
	"strconv"
)

func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return "int " + strconv.Itoa(v)
	case string:
		return "string " + v
	case []T:
		return fmt.Sprintf("slice of T len %d", len(v))
	case fmt.Stringer:
		return "stringer " + v.String()
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

// A case of the type parameter itself, and a duplicate once instantiated.
func IsT[T any](x any) bool {
	switch x.(type) {
	case T:
		return true
	case int:
		return false
	}
	return false
}

func AsT[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

type Num interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~int | ~uint8 | ~float32 | ~float64
}

func Scale[T Num](x T, f float64) T { return T(float64(x) * f) }

func ToString[T ~string | ~[]byte](x T) string { return string(x) }

func Bytes[T ~string](x T) []byte { return []byte(x) }

func Eq[T comparable](a, b T) bool { return a == b }

func Count[T comparable](xs []T, x T) (n int) {
	for _, v := range xs {
		if v == x {
			n++
		}
	}
	return
}

type MyString string

func (m MyString) String() string { return "my:" + string(m) }

type Point struct{ X, Y int }

func Adders[T Num]() []func(T) T {
	var fs []func(T) T
	for i := 1; i <= 3; i++ {
		d := T(i)
		fs = append(fs, func(x T) T { return x + d })
	}
	return fs
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

func main() {
	fmt.Println(Kind(3))
	fmt.Println(Kind("s"))
	fmt.Println(Kind([]float64{1, 2}))
	fmt.Println(Kind(MyString("z")))
	fmt.Println(Kind[error](nil))
	fmt.Println(Kind(2.5))
	fmt.Println(IsT[int](3), IsT[string]("x"), IsT[string](1))
	v, ok := AsT[int](7)
	w, ok2 := AsT[string](7)
	fmt.Printf("%v %v %q %v\n", v, ok, w, ok2)
	fmt.Println(Scale(int8(10), 2.5), Scale(3.0, 0.5), Scale[uint8](100, 2))
	fmt.Println(ToString([]byte("hey")), ToString(MyString("you")), len(Bytes("abc")))
	fmt.Println(Eq(1, 1), Eq("a", "b"), Eq(Point{1, 2}, Point{1, 2}), Eq[any](1, 1), Eq[any](1, "1"))
	fmt.Println(Count([]string{"a", "b", "a"}, "a"), Count([]Point{{1, 1}, {2, 2}}, Point{2, 2}))
	for _, f := range Adders[int]() {
		fmt.Print(f(10), " ")
	}
	for _, f := range Adders[float64]() {
		fmt.Print(f(0.5), " ")
	}
	fmt.Println()
	h := Compose(strconv.Itoa, func(s string) int { return len(s) })
	fmt.Println(h(12345), Compose(func(x float64) int { return int(x) }, strconv.Itoa)(9.9))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(Eq[any]([]int{1}, []int{1}))
}
