package sensitivity

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"simulate/quantile"
)

// TestPercentilesMatchQuantile checks that the bucketed percentiles are
// the numbers quantile.Percentiles gives, bit for bit, on samples that
// bucket well, that have ties, that are constant, heavy-tailed (the
// fallback) or small.
func TestPercentilesMatchQuantile(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	gen := map[string]func(i int) float64{
		"normal":      func(int) float64 { return 46000 + 8000*rng.NormFloat64() },
		"uniform":     func(int) float64 { return rng.Float64() },
		"ties":        func(int) float64 { return float64(rng.IntN(7)) },
		"constant":    func(int) float64 { return 3.25 },
		"heavy tail":  func(int) float64 { return math.Exp(4 * rng.NormFloat64()) },
		"negative":    func(int) float64 { return -1e-3 * rng.ExpFloat64() },
		"two points":  func(i int) float64 { return float64(i % 2) },
		"sorted":      func(i int) float64 { return float64(i) },
		"with inf":    func(i int) float64 { return map[bool]float64{true: math.Inf(1), false: rng.Float64()}[i == 5] },
		"narrow peak": func(int) float64 { return 1 + 1e-12*rng.NormFloat64() },
	}
	ps := Percents[:]
	for name, f := range gen {
		for _, n := range []int{1, 2, 100, histMinN - 1, histMinN, 100003} {
			t.Run(fmt.Sprintf("%s/n=%d", name, n), func(t *testing.T) {
				x := make([]float64, n)
				for i := range x {
					x[i] = f(i)
				}
				want := make([]float64, len(ps))
				if err := quantile.Percentiles(want, slices.Clone(x), ps); err != nil {
					t.Fatal(err)
				}
				got := make([]float64, len(ps))
				var counts []int
				var buf []float64
				if err := percentiles(got, x, ps, &counts, &buf); err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("got %v, want %v", got, want)
				}
			})
		}
	}
	x := make([]float64, histMinN)
	x[7] = math.NaN()
	var counts []int
	var buf []float64
	if err := percentiles(make([]float64, 5), x, ps, &counts, &buf); err != quantile.ErrNaN {
		t.Errorf("NaN: got %v", err)
	}
	if _, err := Summarize(context.Background(), [][]float64{x}); err == nil {
		t.Error("Summarize with a NaN: no error")
	}
}
