package fmtx

import "testing"

func checkLine(t *testing.T, name, value, want string) {
	t.Helper()
	if got := Line(name, value); got != want {
		t.Errorf("Line(%q, %q) = %q, want %q", name, value, got, want)
	}
}

func TestLine(t *testing.T) {
	checkLine(t, "a", "b", "a       b")
	checkLine(t, "total", " 9 ", "total   9")
}
