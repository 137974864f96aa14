package setup

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	fmt.Println("setting up")
	Ready = true
	code := m.Run()
	fmt.Println("tearing down")
	os.Exit(code)
}

func TestReady(t *testing.T) {
	if !Ready {
		t.Fatal("not ready")
	}
}

func TestOrder(t *testing.T) {
	var order []string
	t.Cleanup(func() { fmt.Println("cleanup order:", order) })
	t.Run("a", func(t *testing.T) {
		t.Cleanup(func() { order = append(order, "a-cleanup") })
		order = append(order, "a")
	})
	t.Run("b", func(t *testing.T) { order = append(order, "b") })
}
