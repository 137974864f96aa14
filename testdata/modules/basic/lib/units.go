// Package units names lengths.
package units

import "fmt"

// Metres formats a length.
func Metres(x float64) string { return fmt.Sprintf("%.2fm", x) }
