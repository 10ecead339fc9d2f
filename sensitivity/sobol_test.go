package sensitivity

import (
	"context"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/metrics"
	"simulate/model"
	"simulate/uncertain"
)

// TestSobolAdditive checks the indices of a linear additive metric against
// their exact values. growth_pct[2019] = 6.3 + X₁ + X₂ with X₁ a shift of
// 2019 alone, U(−1, 1), variance 1/3, and X₂ a shift of the whole path,
// U(−0.5, 0.5), variance 1/12; X₃, labour's II share, does not move
// growth. For an additive function S_i = ST_i = Var X_i / Σ Var X_j:
// 0.8, 0.2 and 0.
func TestSobolAdditive(t *testing.T) {
	d := mustDist(t)
	unc := []uncertain.Input{
		uncertain.NewInput("gdp.growth_pct[2019]", model.Add, d(uncertain.NewUniform(-1, 1))),
		uncertain.NewInput("gdp.growth_pct", model.Add, d(uncertain.NewUniform(-0.5, 0.5))),
		uncertain.NewInput("labor.ii_share", model.Set, d(uncertain.NewUniform(0, 0.1))),
	}
	want := []float64{0.8, 0.2, 0}
	// sobolTol: with N = 1024 the estimates of a linear function on a
	// scrambled Sobol design are far closer than this; the intervals are
	// checked to contain the truth.
	const sobolTol = 0.02
	for _, boot := range []int{0, 200} {
		r, err := Sobol(context.Background(), baseInputs(), unc, SobolConfig{N: 1024, Seed: 3, Bootstrap: boot,
			Metrics: []metrics.Metric{metric(t, "growth_pct[2019]")}})
		if err != nil {
			t.Fatal(err)
		}
		ix := r.Indices[0]
		for i, w := range want {
			if !scalar.EqualWithinAbs(ix.S1[i], w, sobolTol) || !scalar.EqualWithinAbs(ix.ST[i], w, sobolTol) {
				t.Errorf("bootstrap %d, input %d: S1 %v ST %v, want %v", boot, i, ix.S1[i], ix.ST[i], w)
			}
			if ix.S1Lo[i] > w+1e-12 || ix.S1Hi[i] < w-1e-12 || ix.STLo[i] > w+1e-12 || ix.STHi[i] < w-1e-12 {
				t.Errorf("bootstrap %d, input %d: intervals [%v, %v], [%v, %v] miss %v", boot, i, ix.S1Lo[i], ix.S1Hi[i], ix.STLo[i], ix.STHi[i], w)
			}
		}
		if r.Runs != 1024*5 {
			t.Errorf("runs %d", r.Runs)
		}
		if v := 1.0/3 + 1.0/12; !scalar.EqualWithinRel(ix.Var, v, 0.02) {
			t.Errorf("variance %v, want %v", ix.Var, v)
		}
	}
}

func TestSobolDeterministic(t *testing.T) {
	unc := benchUncertain(t)
	cfg := SobolConfig{N: 256, Seed: 9, Bootstrap: 50, Metrics: []metrics.Metric{metric(t, "ii_total_yi"), metric(t, "ii_share_pct[2024]")}}
	run := func(procs int) []float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r, err := Sobol(context.Background(), baseInputs(), unc, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var all []float64
		for _, ix := range r.Indices {
			all = slices.Concat(all, ix.S1, ix.S1Lo, ix.S1Hi, ix.ST, ix.STLo, ix.STHi)
		}
		return all
	}
	a, b := run(1), run(3)
	if !slices.Equal(a, b) {
		t.Error("GOMAXPROCS 1 and 3 give different indices")
	}
	for _, v := range a {
		if math.IsNaN(v) {
			t.Fatal("NaN index")
		}
	}
}

func TestSobolErrors(t *testing.T) {
	d := mustDist(t)
	ms := []metrics.Metric{metric(t, "ii_total_yi")}
	unc := []uncertain.Input{uncertain.NewInput("capital.ict_share", model.Set, d(uncertain.NewUniform(0.1, 0.2)))}
	for _, c := range []struct {
		unc  []uncertain.Input
		cfg  SobolConfig
		want string
	}{
		{unc, SobolConfig{N: 100, Metrics: ms}, "power of two from 64 to 4194304"},
		{unc, SobolConfig{N: 32, Metrics: ms}, "power of two"},
		{unc, SobolConfig{N: 1 << 23, Metrics: ms}, "power of two"},
		{nil, SobolConfig{N: 64, Metrics: ms}, "no uncertain input"},
		{unc, SobolConfig{N: 64, Metrics: []metrics.Metric{metric(t, "growth_pct[2019]")}}, "does not vary"},
		{unc, SobolConfig{N: 64, Bootstrap: 5, Metrics: ms}, "at least 10"},
	} {
		if _, err := Sobol(context.Background(), baseInputs(), c.unc, c.cfg); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.cfg, err, c.want)
		}
	}
}
