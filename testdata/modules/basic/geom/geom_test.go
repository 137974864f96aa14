package geom

import (
	"os"
	"testing"
)

func TestArea(t *testing.T) {
	cases := []struct {
		name string
		s    Shape
		want float64
	}{
		{"unit rect", Rect{1, 1}, 1},
		{"wide rect", Rect{W: 4, H: 0.5}, 2},
		{"zero circle", Circle{}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.s.Area(); got != c.want {
				t.Errorf("%v.Area() = %v, want %v", c.s, got, c.want)
			}
		})
	}
}

func TestPlatform(t *testing.T) {
	if Platform != "linux" || Mode != "fast" {
		t.Fatalf("built with the wrong files: %s %s", Platform, Mode)
	}
}

func TestCleanupAndTemp(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/x", []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GEOM_TEST_VAR", "1")
	if os.Getenv("GEOM_TEST_VAR") != "1" {
		t.Error("Setenv did not set")
	}
	t.Cleanup(func() { t.Log("cleanup ran") })
}

func TestShort(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in short mode")
	}
	t.Log("long mode")
}
