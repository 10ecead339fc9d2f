package quantile

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// streamPercentiles runs a plan over x as a caller would: the pilot is the
// first m values, x is tallied in pieces of size piece, in an order
// shuffled by rng, into two tallies that are merged, and a further pass is
// run while the plan asks for one. It returns the percentiles and the
// number of passes.
func streamPercentiles(t *testing.T, x []float64, m, piece int, ps []float64, width float64, rng *rand.Rand) ([]float64, int) {
	t.Helper()
	p, err := NewPlan(x[:m], len(x), ps, width)
	if err != nil {
		t.Fatal(err)
	}
	var starts []int
	for i := 0; i < len(x); i += piece {
		starts = append(starts, i)
	}
	dst := make([]float64, len(ps))
	// Working memory as if used before: what it holds must not matter.
	s := Scratch{counts: make([]int, 2000), vals: make([]float64, 1<<15)}
	for i := range s.counts {
		s.counts[i] = 12345
	}
	for i := range s.vals {
		s.vals[i] = math.NaN()
	}
	for pass := 1; ; pass++ {
		rng.Shuffle(len(starts), func(i, j int) { starts[i], starts[j] = starts[j], starts[i] })
		a, b := p.NewTally(), p.NewTally()
		for k, s := range starts {
			tl := a
			if k%2 == 1 {
				tl = b
			}
			tl.Add(x[s:min(s+piece, len(x))])
		}
		a.Merge(b)
		next, err := p.Percentiles(dst, a, &s)
		if err != nil {
			t.Fatal(err)
		}
		if next == nil {
			return dst, pass
		}
		if pass == 3 {
			t.Fatal("a third pass was asked for")
		}
		p = next
	}
}

// TestPlanMatchesReference checks that a plan gives the type 7 percentiles
// of the whole sample bit for bit, for samples of many shapes, pilots of
// several sizes and pieces tallied in random order, including a plan that
// needs a second pass (bracket width 0, or a pilot from elsewhere).
func TestPlanMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	gens := map[string]func(i int) float64{
		"uniform":     func(int) float64 { return rng.Float64() },
		"normal":      func(int) float64 { return 46000 + 8000*rng.NormFloat64() },
		"ties":        func(int) float64 { return float64(rng.IntN(7)) },
		"constant":    func(int) float64 { return 3.25 },
		"sorted":      func(i int) float64 { return float64(i) },
		"heavy tails": func(int) float64 { return math.Tan(math.Pi * (rng.Float64() - 0.5)) },
		"lognormal":   func(int) float64 { return math.Exp(4 * rng.NormFloat64()) },
		"narrow peak": func(int) float64 { return 1 + 1e-12*rng.NormFloat64() },
		"with inf": func(i int) float64 {
			if i == 3 {
				return math.Inf(-1)
			}
			return rng.Float64()
		},
		"inf later": func(i int) float64 {
			if i == 5000 {
				return math.Inf(1)
			}
			return rng.Float64()
		},
	}
	pss := [][]float64{{5, 25, 50, 75, 95}, {0, 2.5, 50, 97.5, 100}}
	for name, gen := range gens {
		for _, n := range []int{1, 17, 1000, 40000} {
			x := make([]float64, n)
			for i := range x {
				x[i] = gen(i)
			}
			sorted := slices.Clone(x)
			slices.Sort(sorted)
			for _, m := range []int{1, min(100, n), min(4096, n), n} {
				for _, width := range []float64{5, 0} {
					t.Run(fmt.Sprintf("%s/n=%d/pilot=%d/width=%v", name, n, m, width), func(t *testing.T) {
						for _, ps := range pss {
							got, _ := streamPercentiles(t, x, m, 97, ps, width, rng)
							for i, p := range ps {
								if want := referenceSorted(sorted, p); !identical(got[i], want) {
									t.Errorf("p=%v: got %v, want %v", p, got[i], want)
								}
							}
						}
					})
				}
			}
		}
	}
}

// TestPlanPasses checks that a good pilot needs one pass and a misleading
// one (from another distribution) two, with the same result.
func TestPlanPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	ps := []float64{5, 25, 50, 75, 95}
	x := make([]float64, 200000)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	sorted := slices.Clone(x)
	slices.Sort(sorted)
	got, passes := streamPercentiles(t, x, 16384, 4096, ps, 5, rng)
	if passes != 1 {
		t.Errorf("a pilot of the sample: %d passes, want 1", passes)
	}
	for i, p := range ps {
		if want := referenceSorted(sorted, p); !identical(got[i], want) {
			t.Errorf("p=%v: got %v, want %v", p, got[i], want)
		}
	}
	// The first values are the largest: the pilot misleads.
	y := slices.Clone(sorted)
	slices.Reverse(y)
	got, passes = streamPercentiles(t, y, 16384, 4096, ps, 5, rng)
	if passes != 2 {
		t.Errorf("a misleading pilot: %d passes, want 2", passes)
	}
	for i, p := range ps {
		if want := referenceSorted(sorted, p); !identical(got[i], want) {
			t.Errorf("p=%v: got %v, want %v", p, got[i], want)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	ps := []float64{5, 50}
	if _, err := NewPlan(nil, 10, ps, 5); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty pilot: got %v", err)
	}
	if _, err := NewPlan([]float64{1, math.NaN()}, 10, ps, 5); !errors.Is(err, ErrNaN) {
		t.Errorf("NaN in the pilot: got %v", err)
	}
	if _, err := NewPlan([]float64{1}, 10, []float64{50, 5}, 5); !errors.Is(err, ErrPercent) {
		t.Errorf("percentiles out of order: got %v", err)
	}
	p, err := NewPlan([]float64{1, 2, 3}, 4, ps, 5)
	if err != nil {
		t.Fatal(err)
	}
	dst := make([]float64, 2)
	tl := p.NewTally()
	tl.Add([]float64{1, 2, 3})
	if _, err := p.Percentiles(dst, tl, nil); !errors.Is(err, ErrCount) {
		t.Errorf("three values of four: got %v", err)
	}
	tl.Add([]float64{math.NaN()})
	if _, err := p.Percentiles(dst, tl, nil); !errors.Is(err, ErrNaN) {
		t.Errorf("a NaN: got %v", err)
	}
}

// BenchmarkTally is the cost of tallying a value, the inner loop of a
// Monte Carlo run's percentiles.
// BenchmarkTally is the cost of counting a chunk of 4096 values of a run
// of 2²⁰ with the plan of a 65 536-value pilot, as sensitivity.MonteCarlo
// uses it: about 7 % of the values are kept.
func BenchmarkTally(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	pilot := make([]float64, 65536)
	for i := range pilot {
		pilot[i] = 46000 + 8000*rng.NormFloat64()
	}
	x := make([]float64, 4096)
	for i := range x {
		x[i] = 46000 + 8000*rng.NormFloat64()
	}
	p, err := NewPlan(pilot, 1<<20, []float64{5, 25, 50, 75, 95}, 5)
	if err != nil {
		b.Fatal(err)
	}
	tl := p.NewTally()
	b.ReportAllocs()
	b.SetBytes(8 * int64(len(x)))
	for b.Loop() {
		tl.kept, tl.full = tl.kept[:0], tl.full[:0]
		tl.Add(x)
	}
}
