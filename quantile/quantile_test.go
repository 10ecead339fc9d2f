package quantile

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// sortedPercentile is the type 7 definition applied to a sorted copy: the
// reference the selection must reproduce exactly.
func sortedPercentile(x []float64, p float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	h := float64(n-1) * p / 100
	r := int(h)
	f := h - float64(r)
	if f == 0 || r+1 == n {
		return s[r]
	}
	return lerp(s[r], s[r+1], f)
}

func TestPercentileHandComputed(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		x    []float64
		p    float64
		want float64
	}{
		{"n=1 p=0", []float64{3}, 0, 3},
		{"n=1 p=50", []float64{3}, 50, 3},
		{"n=1 p=100", []float64{3}, 100, 3},
		{"n=2 p=0", []float64{4, 2}, 0, 2},
		{"n=2 p=25", []float64{4, 2}, 25, 2.5},
		{"n=2 p=50", []float64{4, 2}, 50, 3},
		{"n=2 p=100", []float64{4, 2}, 100, 4},
		// numpy.percentile([1,2,3,4], 25) = 1.75.
		{"n=4 p=25", []float64{4, 1, 3, 2}, 25, 1.75},
		{"n=4 p=50", []float64{4, 1, 3, 2}, 50, 2.5},
		// h = 4·0.9 = 3.6 between 40 and 50.
		{"n=5 p=90", []float64{50, 10, 40, 20, 30}, 90, 46},
		{"ties", []float64{1, 2, 2, 2, 2, 3}, 50, 2},
		{"ties p=90", []float64{1, 2, 2, 2, 2, 3}, 90, 2.5},
		{"all equal", []float64{7, 7, 7, 7}, 37, 7},
		{"negative zero", []float64{-0.0, 0, -1}, 50, 0},
		{"inf top", []float64{1, inf}, 50, inf},
		{"inf bottom", []float64{-inf, 1}, 50, -inf},
		{"inf both", []float64{-inf, inf}, 50, -inf},
		// 101 points: every integer percentile is an order statistic.
		{"n=101 p=5", seq(101), 5, 5},
		{"n=101 p=95", seq(101), 95, 95},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Percentile(slices.Clone(tt.x), tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func seq(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(n - 1 - i)
	}
	return x
}

func TestPercentilesMatchSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ps := []float64{0, 1, 5, 25, 25, 50, 75, 95, 99.9, 100}
	gens := map[string]func(n int) []float64{
		"uniform": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = rng.Float64()
			}
			return x
		},
		"few distinct": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(rng.IntN(4))
			}
			return x
		},
		"sorted": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(i)
			}
			return x
		},
		"reversed": seq,
		"organ pipe": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(min(i, n-i))
			}
			return x
		},
		"heavy tails": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = math.Tan(math.Pi * (rng.Float64() - 0.5))
			}
			return x
		},
	}
	for name, gen := range gens {
		for _, n := range []int{1, 2, 3, 15, 16, 17, 100, 129, 1000, 10007} {
			x := gen(n)
			orig := slices.Clone(x)
			dst := make([]float64, len(ps))
			if err := Percentiles(dst, x, ps); err != nil {
				t.Fatalf("%s n=%d: %v", name, n, err)
			}
			for i, p := range ps {
				if want := sortedPercentile(orig, p); dst[i] != want {
					t.Errorf("%s n=%d p=%v: got %v, want %v", name, n, p, dst[i], want)
				}
			}
			// Selection permutes: same multiset.
			slices.Sort(x)
			slices.Sort(orig)
			if !slices.Equal(x, orig) {
				t.Errorf("%s n=%d: sample is not a permutation of the input", name, n)
			}
		}
	}
}

func TestPercentilesCopyLeavesInput(t *testing.T) {
	x := []float64{5, 1, 4, 2, 3}
	orig := slices.Clone(x)
	scratch := make([]float64, 10)
	dst := make([]float64, 2)
	if err := PercentilesCopy(dst, scratch, x, []float64{50, 100}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(x, orig) {
		t.Errorf("input changed: got %v, want %v", x, orig)
	}
	if dst[0] != 3 || dst[1] != 5 {
		t.Errorf("got %v, want [3 5]", dst)
	}
}

func TestPercentilesErrors(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		ps   []float64
		want error
	}{
		{"empty", nil, []float64{50}, ErrEmpty},
		{"NaN", []float64{1, math.NaN()}, []float64{50}, ErrNaN},
		{"p<0", []float64{1}, []float64{-1}, ErrPercent},
		{"p>100", []float64{1}, []float64{100.5}, ErrPercent},
		{"p NaN", []float64{1}, []float64{math.NaN()}, ErrPercent},
		{"unordered", []float64{1}, []float64{50, 25}, ErrPercent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Percentiles(make([]float64, len(tt.ps)), tt.x, tt.ps)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestMean(t *testing.T) {
	// Tolerance: summation rounding for a few thousand terms of order 1.
	const tol = 1e-13
	if got := Mean([]float64{1, 2, 3, 4, 5, 6, 7}); got != 4 {
		t.Errorf("got %v, want 4", got)
	}
	if got := Mean(nil); !math.IsNaN(got) {
		t.Errorf("got %v, want NaN", got)
	}
	x := make([]float64, 4097)
	for i := range x {
		x[i] = float64(i) / 4096
	}
	if got := Mean(x); !scalar.EqualWithinAbsOrRel(got, 0.5, tol, tol) {
		t.Errorf("got %v, want 0.5", got)
	}
}

func TestNoAllocations(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, 5000)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	scratch := make([]float64, len(x))
	ps := []float64{5, 25, 50, 75, 95}
	dst := make([]float64, len(ps))
	allocs := testing.AllocsPerRun(20, func() {
		if err := PercentilesCopy(dst, scratch, x, ps); err != nil {
			t.Fatal(err)
		}
		_ = Mean(x)
	})
	if allocs != 0 {
		t.Errorf("got %v allocations, want 0", allocs)
	}
}

func FuzzPercentiles(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5}, 50.0)
	f.Add([]byte{9, 9, 9, 0}, 0.0)
	f.Fuzz(func(t *testing.T, data []byte, p float64) {
		x := make([]float64, len(data))
		for i, b := range data {
			x[i] = float64(b % 7)
		}
		got, err := Percentile(slices.Clone(x), p)
		if err != nil {
			_ = err.Error()
			return
		}
		if want := sortedPercentile(x, p); got != want {
			t.Errorf("p=%v x=%v: got %v, want %v", p, x, got, want)
		}
	})
}
