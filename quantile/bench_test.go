package quantile

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func benchSample(n int) []float64 {
	rng := rand.New(rand.NewPCG(7, 8))
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	return x
}

var sink float64

// BenchmarkPercentiles computes the 5th, 25th, 50th, 75th and 95th
// percentiles of a copy of a normal sample: by selection for n = 10⁴, by
// bucketing for larger n.
func BenchmarkPercentiles(b *testing.B) {
	ps := []float64{5, 25, 50, 75, 95}
	for _, n := range []int{1e4, 1e6} {
		x := benchSample(n)
		scratch := make([]float64, n)
		dst := make([]float64, len(ps))
		var s Scratch
		copy(scratch, x)
		if err := Percentiles(dst, scratch, ps, &s); err != nil { // grows s
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				copy(scratch, x) // selection reorders
				if err := Percentiles(dst, scratch, ps, &s); err != nil {
					b.Fatal(err)
				}
			}
			sink = dst[2]
		})
	}
}

// BenchmarkSortBaseline is the cost of copying and fully sorting, for comparison.
func BenchmarkSortBaseline(b *testing.B) {
	for _, n := range []int{1e4, 1e6} {
		x := benchSample(n)
		scratch := make([]float64, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				copy(scratch, x)
				slices.Sort(scratch)
			}
			sink = scratch[n/2]
		})
	}
}

func BenchmarkMean(b *testing.B) {
	x := benchSample(1e6)
	b.Run("n=1000000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = Mean(x)
		}
	})
}
