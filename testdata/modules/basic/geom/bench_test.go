package geom

import "testing"

var sink float64

func BenchmarkTotal(b *testing.B) {
	ss := []Shape{Circle{1}, Rect{2, 3}}
	for i := 0; i < b.N; i++ {
		sink = Total(ss)
	}
}

func BenchmarkAlloc(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s := make([]Shape, 0, 4)
		s = append(s, Rect{1, float64(len(s))})
		sink = s[0].Area()
	}
}

func BenchmarkSizes(b *testing.B) {
	for _, n := range []int{1, 10} {
		b.Run(string(rune('0'+n%10))+"x", func(b *testing.B) {
			ss := make([]Shape, n)
			for i := range ss {
				ss[i] = Rect{1, 1}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				sink = Total(ss)
			}
		})
	}
}
