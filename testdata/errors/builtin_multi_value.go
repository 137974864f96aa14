// Built-ins applied to multi-value calls whose results do not fit.
package main

func f() (_, _ []int)         { return }
func g() (x []int, y float64) { return }
func c() (float32, float64)   { return 1, 2 }
func i() (int, int)           { return 1, 2 }
func s() ([]int, []string)    { return nil, nil }
func t3() ([]int, []int, int) { return nil, nil, 0 }
func a() (int, float64)       { return 1, 2 }
func m() (map[string]int, int) { return nil, 1 }

func main() {
	_ = append(f())  // ERROR "cannot use 2nd function result \(value of type \[\]int\) as int value in argument to append"
	_ = append(g())  // ERROR "cannot use 2nd function result \(value of type float64\) as int value in argument to append"
	_ = append(i())  // ERROR "invalid append: argument must be a slice; have 1st function result \(value of type int\)"
	_ = complex(c()) // ERROR "invalid operation: complex\(c\(\)\) \(mismatched types float32 and float64\)"
	_ = complex(i()) // ERROR "expected floating-point"
	_ = copy(g())    // ERROR "invalid copy: argument must be a slice; have 2nd function result \(value of type float64\)"
	_ = copy(s())    // ERROR "invalid copy: arguments 1st function result \(value of type \[\]int\) and 2nd function result \(value of type \[\]string\) have different element types int and string"
	_ = copy(t3())   // ERROR "too many arguments"
	_ = min(a())     // ERROR "invalid argument: mismatched types int \(previous argument\) and float64 \(type of 2nd function result\)"
	delete(m())      // ERROR "cannot use 2nd function result \(value of type int\) as string value in argument to delete"
}
