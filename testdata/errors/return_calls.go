// Returning calls: results of the wrong type or count, calls without a value.
package main

func pair() (int, int) { return 1, 2 }
func none()            {}

func a() (int, string) {
	return pair() // ERROR "cannot use 2nd function result \(value of type int\) as string value in return statement"
}

func b() int {
	return none() // ERROR "none\(\) \(no value\) used as value"
}

func c() {
	return none() // ERROR "none\(\) \(no value\) used as value"
}

func d() (int, int, int) {
	return pair() // ERROR "not enough return values"
}

func e() (int, int) {
	return 1, pair() // ERROR "multiple-value pair\(\) \(value of type \(int, int\)\) in single-value context"
}

func f() {
	return pair() // ERROR "too many return values"
}

func main() {}
