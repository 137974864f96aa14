// Package fmtx is internal to the module.
package fmtx

import (
	"fmt"
	"strings"
)

// Line pads a name and a value.
func Line(name, value string) string {
	return fmt.Sprintf("%-8s%s", name, strings.TrimSpace(value))
}
