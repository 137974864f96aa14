package calc

import "testing"

func TestAdd(t *testing.T) {
	for _, c := range []struct{ a, b, want int }{{1, 1, 2}, {2, 2, 4}, {0, 3, 3}} {
		if got := Add(c.a, c.b); got != c.want {
			t.Errorf("Add(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestDiv(t *testing.T) {
	t.Run("ok", func(t *testing.T) {
		if q, ok := Div(6, 3); !ok || q != 2 {
			t.Fatalf("Div(6, 3) = %d, %v", q, ok)
		}
	})
	t.Run("by zero", func(t *testing.T) {
		_, ok := Div(1, 0)
		if ok {
			t.Fatal("division by zero succeeded")
		}
		t.Log("division by zero refused")
	})
	t.Run("fails", func(t *testing.T) {
		t.Log("about to fail")
		t.Fatalf("stop here: %d", 42)
		t.Log("not reached")
	})
}

func TestSkipped(t *testing.T) {
	t.Skipf("not today (%s)", "reason")
}

func TestMultiline(t *testing.T) {
	t.Error("first line\nsecond line")
}

func checkDiv(t *testing.T, a, b, want int) {
	t.Helper()
	if got, _ := Div(a, b); got != want {
		t.Errorf("Div(%d, %d) = %d, want %d", a, b, got, want)
	}
}

func TestHelper(t *testing.T) {
	checkDiv(t, 6, 2, 3)
	checkDiv(t, 7, 2, 4)
	func() {
		t.Log("in a closure")
	}()
}

func FuzzAdd(f *testing.F) {
	f.Add(1, 2)
	f.Add(2, 2)
	f.Fuzz(func(t *testing.T, a, b int) {
		if Add(a, b) != a+b {
			t.Fatalf("Add(%d, %d) wrong", a, b)
		}
	})
}
