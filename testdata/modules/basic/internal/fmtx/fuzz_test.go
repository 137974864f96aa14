package fmtx

import (
	"strings"
	"testing"
)

func FuzzLine(f *testing.F) {
	f.Add("a", "b")
	f.Add("long name", "  padded  ")
	f.Fuzz(func(t *testing.T, name, value string) {
		l := Line(name, value)
		if !strings.HasPrefix(l, name) {
			t.Errorf("Line(%q, %q) = %q lost the name", name, value, l)
		}
	})
}

func TestAllocs(t *testing.T) {
	n := testing.AllocsPerRun(10, func() { _ = Line("a", "b") })
	if n < 1 {
		t.Errorf("no allocations? %v", n)
	}
}
