// Local variables that are declared and never used.
package main

var pkgLevel int // package-level variables may be unused

func main() {
	x := 1 // ERROR "declared and not used: x"
	var y string // ERROR "declared and not used: y"
	z, w := 2, 3 // ERROR "declared and not used: z"
	println(w)
	if v := 4; true { // ERROR "declared and not used: v"
	}
	u := 0 // ERROR "declared and not used: u"
	u = 1  // assigned, never read: still unused
}
