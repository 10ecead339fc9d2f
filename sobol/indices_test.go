package sobol

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// evaluate builds a design and evaluates f on it.
func evaluate(t testing.TB, k, n, reps int, s Sampling, seed uint64, f func(x []float64) float64) (*Design, *Outputs) {
	t.Helper()
	d, err := NewDesign(k, n, reps, s, seed)
	if err != nil {
		t.Fatal(err)
	}
	o := d.NewOutputs()
	fill(d, o, f)
	return d, o
}

func TestIshigamiKnownAnswer(t *testing.T) {
	s1, st := ishigamiExact()
	// The analytic values, rounded, as quoted in the literature.
	for i, w := range [3]float64{0.3139, 0.4424, 0} {
		if math.Abs(s1[i]-w) > 5e-5 {
			t.Errorf("exact S_%d = %v, literature %v", i+1, s1[i], w)
		}
	}
	for i, w := range [3]float64{0.5576, 0.4424, 0.2437} {
		if math.Abs(st[i]-w) > 5e-5 {
			t.Errorf("exact S_T%d = %v, literature %v", i+1, st[i], w)
		}
	}
	tests := []struct {
		name    string
		s       Sampling
		n, reps int
		tol     float64 // on |Ŝ − S|: ≥ 5 RMSEs measured over 200 seeds at this size
	}{
		{"scrambled 8×2048", Scrambled, 2048, 8, 0.01},
		{"plain 2^14", Plain, 1 << 14, 1, 0.01},
		{"Monte Carlo 2^14", MonteCarlo, 1 << 14, 1, 0.05},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, o := evaluate(t, 3, tt.n, tt.reps, tt.s, 2024, ishigami)
			res, err := Indices(o.A, o.B, o.AB, d.Options())
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3 {
				if math.Abs(res.S1[i]-s1[i]) > tt.tol {
					t.Errorf("S_%d: got %.4f, want %.4f ± %v", i+1, res.S1[i], s1[i], tt.tol)
				}
				if math.Abs(res.ST[i]-st[i]) > tt.tol {
					t.Errorf("S_T%d: got %.4f, want %.4f ± %v", i+1, res.ST[i], st[i], tt.tol)
				}
			}
			// Mean a/2 and variance V of the Ishigami function.
			pi4 := math.Pow(math.Pi, 4)
			v := ishA*ishA/8 + ishB*pi4/5 + ishB*ishB*pi4*pi4/18 + 0.5
			if math.Abs(res.Mean-ishA/2) > 0.1 || math.Abs(res.Var-v)/v > 0.03 {
				t.Errorf("mean %v, variance %v; want %v, %v", res.Mean, res.Var, ishA/2, v)
			}
		})
	}
}

// TestLinearModel: for y = Σ c_i x_i with independent uniform x_i,
// S_i = S_Ti = c_i² / Σ c_j²; a parameter with c_i = 0 has d_i ≡ 0 and so
// exactly zero indices and intervals.
func TestLinearModel(t *testing.T) {
	c := []float64{1, 2, 3, 4, 0}
	var sum2 float64
	for _, v := range c {
		sum2 += v * v
	}
	f := func(x []float64) float64 {
		y := 0.0
		for i, v := range c {
			y += v * x[i]
		}
		return y
	}
	tests := []struct {
		name    string
		s       Sampling
		n, reps int
		tol     float64 // |Ŝ − S|, several times the error seen over seeds
	}{
		{"scrambled 8×1024", Scrambled, 1024, 8, 0.005},
		{"Monte Carlo 8192", MonteCarlo, 8192, 1, 0.04},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, o := evaluate(t, len(c), tt.n, tt.reps, tt.s, 3, f)
			res, err := Indices(o.A, o.B, o.AB, d.Options())
			if err != nil {
				t.Fatal(err)
			}
			for i, ci := range c {
				want := ci * ci / sum2
				if math.Abs(res.S1[i]-want) > tt.tol || math.Abs(res.ST[i]-want) > tt.tol {
					t.Errorf("parameter %d: S1 %.4f, ST %.4f, want %.4f ± %v", i+1, res.S1[i], res.ST[i], want, tt.tol)
				}
				if res.S1Lo[i] > res.S1[i] || res.S1[i] > res.S1Hi[i] || res.STLo[i] > res.ST[i] || res.ST[i] > res.STHi[i] {
					t.Errorf("parameter %d: estimate outside its interval: %+v", i+1, res)
				}
			}
			last := len(c) - 1
			for _, v := range []float64{res.S1[last], res.ST[last], res.S1Lo[last], res.S1Hi[last], res.STLo[last], res.STHi[last]} {
				if v != 0 {
					t.Errorf("parameter with no effect: got %v, want exactly 0", v)
				}
			}
		})
	}
}

// TestIndicesInvariance: indices do not change when the output is shifted by
// a constant or scaled.
func TestIndicesInvariance(t *testing.T) {
	// Rounding of sums of 2·4096 terms, relative to indices of order 0.1.
	const tol = 1e-9
	d, o := evaluate(t, 3, 512, 8, Scrambled, 5, ishigami)
	ref, err := Indices(o.A, o.B, o.AB, d.Options())
	if err != nil {
		t.Fatal(err)
	}
	transform := func(g func(float64) float64) *Outputs {
		m := &Outputs{A: slices.Clone(o.A), B: slices.Clone(o.B)}
		for i := range o.AB {
			m.AB = append(m.AB, slices.Clone(o.AB[i]))
		}
		for _, s := range append([][]float64{m.A, m.B}, m.AB...) {
			for j := range s {
				s[j] = g(s[j])
			}
		}
		return m
	}
	for name, g := range map[string]func(float64) float64{
		"shift 1e4": func(y float64) float64 { return y + 1e4 },
		"scale −3":  func(y float64) float64 { return -3 * y },
	} {
		m := transform(g)
		got, err := Indices(m.A, m.B, m.AB, d.Options())
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			for _, p := range [][2]float64{{got.S1[i], ref.S1[i]}, {got.ST[i], ref.ST[i]}, {got.S1Lo[i], ref.S1Lo[i]}, {got.STHi[i], ref.STHi[i]}} {
				if !scalar.EqualWithinAbsOrRel(p[0], p[1], tol, tol) {
					t.Errorf("%s: index %d: got %v, want %v", name, i+1, p[0], p[1])
				}
			}
		}
	}
}

// TestBootstrapDeterministic: the same seed gives bit-identical results for
// any GOMAXPROCS; another seed gives others.
func TestBootstrapDeterministic(t *testing.T) {
	_, o := evaluate(t, 3, 2048, 1, MonteCarlo, 8, ishigami)
	opt := Options{CI: Bootstrap, Resamples: 300, Seed: 77}
	run := func(procs int, seed uint64) Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		o2 := opt
		o2.Seed = seed
		r, err := Indices(o.A, o.B, o.AB, o2)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	ref := run(1, 77)
	for _, procs := range []int{2, 3, 4} {
		if got := run(procs, 77); !reflect.DeepEqual(got, ref) {
			t.Errorf("GOMAXPROCS=%d: result differs", procs)
		}
	}
	if got := run(2, 78); reflect.DeepEqual(got.S1Lo, ref.S1Lo) {
		t.Error("another seed gives the same intervals")
	}
}

func TestIndicesErrors(t *testing.T) {
	_, o := evaluate(t, 2, 16, 2, Scrambled, 1, func(x []float64) float64 { return x[0] + x[1]*x[1] })
	nan := slices.Clone(o.AB[1])
	nan[5] = math.NaN()
	constant := make([]float64, 32)
	tests := []struct {
		name   string
		fA, fB []float64
		fAB    [][]float64
		opt    Options
		want   error
		substr string
	}{
		{"NaN", o.A, o.B, [][]float64{o.AB[0], nan}, Options{}, ErrNotFinite, "f(A_B^(2)) at row 5 is NaN"},
		{"Inf", o.A, append(slices.Clone(o.B[:31]), math.Inf(1)), o.AB, Options{}, ErrNotFinite, "f(B) at row 31"},
		{"constant", constant, constant, [][]float64{constant}, Options{}, ErrZeroVariance, ""},
		{"level", o.A, o.B, o.AB, Options{Level: 1.5}, ErrOptions, "level"},
		{"replicates", o.A, o.B, o.AB, Options{CI: ReplicateT, Replicates: 3}, ErrOptions, "32 rows"},
		{"one replicate", o.A, o.B, o.AB, Options{CI: ReplicateT}, ErrOptions, "at least 2 replicates"},
		{"resamples", o.A, o.B, o.AB, Options{CI: Bootstrap, Resamples: 5}, ErrOptions, "resamples"},
		{"method", o.A, o.B, o.AB, Options{CI: CI(9)}, ErrOptions, "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Indices(tt.fA, tt.fB, tt.fAB, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error %q does not contain %q", err, tt.substr)
			}
		})
	}
}

func TestIndicesPanics(t *testing.T) {
	a := []float64{1, 2, 3}
	tests := map[string]func(){
		"fB length":  func() { Indices(a, a[:2], [][]float64{a}, Options{}) },
		"fAB length": func() { Indices(a, a, [][]float64{a[:1]}, Options{}) },
		"no params":  func() { Indices(a, a, nil, Options{}) },
		"one row":    func() { Indices(a[:1], a[:1], [][]float64{a[:1]}, Options{}) },
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "sobol: ") {
					t.Errorf("got panic %v, want one prefixed sobol:", r)
				}
			}()
			f()
		})
	}
}
