package quantile

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// reference is the type 7 definition applied to a sorted copy, written out
// from Hyndman and Fan (1996) without the package's code: what Percentiles
// must reproduce exactly.
func reference(x []float64, p float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return referenceSorted(s, p)
}

// referenceSorted is reference on a sorted sample s.
func referenceSorted(s []float64, p float64) float64 {
	n := len(s)
	h := float64(n-1) * p / 100
	r := int(h)
	f := h - float64(r)
	if f == 0 || r+1 == n {
		return s[r]
	}
	a, b := s[r], s[r+1]
	switch {
	case a == b:
		return a
	case math.IsInf(a, 0):
		return a
	case math.IsInf(b, 0):
		return b
	}
	return a + f*(b-a)
}

// identical reports whether a and b are the same float64, bit for bit,
// except that −0 and +0 are identical: the order of equal values in a
// sample is unspecified, so either zero may be an order statistic.
func identical(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (a == 0 && b == 0)
}

// percentile is Percentiles for one percentile.
func percentile(x []float64, p float64) (float64, error) {
	var dst [1]float64
	err := Percentiles(dst[:], x, []float64{p}, nil)
	return dst[0], err
}

func TestPercentileHandComputed(t *testing.T) {
	inf := math.Inf(1)
	negZero := math.Copysign(0, -1)
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
		// Negative zero keeps its sign: as the minimum, as an order
		// statistic, and between two of them (−0 + ½·(−0 − −0) would
		// be +0).
		{"negative zero min", []float64{1, negZero, 2}, 0, negZero},
		{"negative zero median", []float64{negZero, negZero, -1}, 50, negZero},
		{"negative zero between", []float64{negZero, negZero}, 50, negZero},
		{"negative zero max", []float64{-2, negZero, -1}, 100, negZero},
		{"inf top", []float64{1, inf}, 50, inf},
		{"inf bottom", []float64{-inf, 1}, 50, -inf},
		{"inf both", []float64{-inf, inf}, 50, -inf},
		// 101 points: every integer percentile is an order statistic.
		{"n=101 p=5", seq(101), 5, 5},
		{"n=101 p=95", seq(101), 95, 95},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := percentile(slices.Clone(tt.x), tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if math.Float64bits(got) != math.Float64bits(tt.want) {
				t.Errorf("got %v (sign bit %v), want %v (sign bit %v)", got, math.Signbit(got), tt.want, math.Signbit(tt.want))
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

// TestPercentilesMatchReference checks Percentiles against the sorted
// reference, bit for bit, on samples that select or bucket, that have ties,
// that are constant, heavy-tailed, concentrated or hold an infinity (which
// bucketing leaves to selection), at sizes either side of bucketMinN.
func TestPercentilesMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	gens := map[string]func(i, n int) float64{
		"uniform":      func(int, int) float64 { return rng.Float64() },
		"normal":       func(int, int) float64 { return 46000 + 8000*rng.NormFloat64() },
		"few distinct": func(int, int) float64 { return float64(rng.IntN(4)) },
		"ties":         func(int, int) float64 { return float64(rng.IntN(7)) },
		"constant":     func(int, int) float64 { return 3.25 },
		"sorted":       func(i, _ int) float64 { return float64(i) },
		"reversed":     func(i, n int) float64 { return float64(n - 1 - i) },
		"organ pipe":   func(i, n int) float64 { return float64(min(i, n-i)) },
		"two points":   func(i, _ int) float64 { return float64(i % 2) },
		"negative":     func(int, int) float64 { return -1e-3 * rng.ExpFloat64() },
		"heavy tails":  func(int, int) float64 { return math.Tan(math.Pi * (rng.Float64() - 0.5)) },
		"lognormal":    func(int, int) float64 { return math.Exp(4 * rng.NormFloat64()) },
		"narrow peak":  func(int, int) float64 { return 1 + 1e-12*rng.NormFloat64() },
		"with inf": func(i, _ int) float64 {
			if i == 5 {
				return math.Inf(1)
			}
			return rng.Float64()
		},
	}
	pss := [][]float64{
		{5, 25, 50, 75, 95},
		{0, 1, 5, 25, 25, 50, 75, 95, 99.9, 100}, // more than bucketMaxPs
		{0, 100},
		{2.5, 97.5},
	}
	for name, gen := range gens {
		for _, n := range []int{1, 2, 3, 15, 16, 17, 100, 129, 1000, 10007, bucketMinN - 1, bucketMinN, 100003} {
			t.Run(fmt.Sprintf("%s/n=%d", name, n), func(t *testing.T) {
				x := make([]float64, n)
				for i := range x {
					x[i] = gen(i, n)
				}
				sorted := slices.Clone(x)
				slices.Sort(sorted)
				var s Scratch
				for _, ps := range pss {
					dst := make([]float64, len(ps))
					if err := Percentiles(dst, x, ps, &s); err != nil {
						t.Fatal(err)
					}
					for i, p := range ps {
						if want := referenceSorted(sorted, p); !identical(dst[i], want) {
							t.Errorf("p=%v: got %v, want %v", p, dst[i], want)
						}
					}
				}
				// Reordered at most: the same multiset.
				slices.Sort(x)
				if !slices.Equal(x, sorted) {
					t.Errorf("sample is not a permutation of the input")
				}
			})
		}
	}
}

// TestBucketing checks that bucketing is taken where it should be, leaves
// the sample in place, and hands concentrated samples to selection.
func TestBucketing(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ps := []float64{5, 25, 50, 75, 95}
	for _, tt := range []struct {
		name string
		gen  func() float64
		want bool // bucketed
	}{
		{"normal", rng.NormFloat64, true},
		{"uniform", rng.Float64, true},
		{"lognormal", func() float64 { return math.Exp(4 * rng.NormFloat64()) }, false},
	} {
		x := make([]float64, 100003)
		for i := range x {
			x[i] = tt.gen()
		}
		orig := slices.Clone(x)
		var s Scratch
		dst := make([]float64, len(ps))
		done, err := s.bucketed(dst, x, ps)
		if err != nil || done != tt.want {
			t.Errorf("%s: bucketed %v, error %v; want %v", tt.name, done, err, tt.want)
		}
		if !slices.Equal(x, orig) {
			t.Errorf("%s: bucketing reordered the sample", tt.name)
		}
	}
}

func TestPercentilesErrors(t *testing.T) {
	big := make([]float64, bucketMinN)
	for i := range big {
		big[i] = float64(i)
	}
	bigNaN := slices.Clone(big)
	bigNaN[7] = math.NaN()
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
		{"NaN and bad p", []float64{1, math.NaN()}, []float64{-1}, ErrNaN},
		{"large NaN", bigNaN, []float64{50}, ErrNaN},
		{"large p>100", big, []float64{50, 101}, ErrPercent},
		{"large unordered", big, []float64{50, 25}, ErrPercent},
		{"large NaN and bad p", bigNaN, []float64{-1}, ErrNaN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Percentiles(make([]float64, len(tt.ps)), slices.Clone(tt.x), tt.ps, nil)
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

// TestNoAllocations checks that selection, and bucketing with a reused
// Scratch, allocate nothing.
func TestNoAllocations(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ps := []float64{5, 25, 50, 75, 95}
	dst := make([]float64, len(ps))
	for _, n := range []int{5000, 2 * bucketMinN} {
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		var s Scratch
		if err := Percentiles(dst, x, ps, &s); err != nil { // grows s
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(20, func() {
			if err := Percentiles(dst, x, ps, &s); err != nil {
				t.Fatal(err)
			}
			_ = Mean(x)
		})
		if allocs != 0 {
			t.Errorf("n=%d: got %v allocations, want 0", n, allocs)
		}
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
		got, err := percentile(slices.Clone(x), p)
		if err != nil {
			_ = err.Error()
			return
		}
		if want := reference(x, p); !identical(got, want) {
			t.Errorf("p=%v x=%v: got %v, want %v", p, x, got, want)
		}
		if math.IsNaN(got) || math.IsInf(got, 0) {
			t.Errorf("p=%v x=%v: a percentile of finite values is %v", p, x, got)
		}
	})
}
