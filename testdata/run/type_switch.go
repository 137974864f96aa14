// Type switches: concrete types, interfaces, nil, several types per case.
package main

type T struct{ v int }

type Error interface{ Error() string }

type myErr struct{}

func (myErr) Error() string { return "my error" }

func kind(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 10 {
			return "big int"
		}
		return "int"
	case string, bool:
		return "string or bool"
	case Error:
		return "error: " + v.Error()
	case *T:
		return "pointer to T"
	case T:
		return "T"
	case []int:
		return "slice"
	default:
		return "other"
	}
}

func main() {
	println(kind(nil), kind(3), kind(30), kind("s"), kind(true))
	println(kind(myErr{}), kind(&T{}), kind(T{}), kind([]int{1}), kind(1.5))
}
