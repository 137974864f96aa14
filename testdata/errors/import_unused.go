// An import that is never used.
package main

import "unsafe" // ERROR `"unsafe" imported and not used`

func main() {
}
