package cii

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
	"simulate/uncertain"
)

// toyUncertain returns uncertain inputs of the toy index: x's penetration
// uniform on [0, 40], y1's on [20, 60], y's weight uniform on [0.2, 0.8]
// and z's penetration uniform on [0, 60].
func toyUncertain(t *testing.T) []uncertain.Input {
	t.Helper()
	u := func(path string, lo, hi float64) uncertain.Input {
		d, err := uncertain.NewUniform(lo, hi)
		if err != nil {
			t.Fatal(err)
		}
		return uncertain.NewInput(path, model.Set, d)
	}
	return []uncertain.Input{
		u("index.a.x.penetration_pct", 0, 40),
		u("index.a.y.y1.penetration_pct", 20, 60),
		u("index.a.y.weight", 0.2, 0.8),
		u("index.b.z.penetration_pct", 0, 60),
	}
}

// TestMonteCarloIdentities checks, draw by draw, that the mean is the mean
// of the industries' indices, that each index is Σ share × penetration of
// the values drawn with the weights rescaled to sum to 1, and that the
// ranks order the scores.
func TestMonteCarloIdentities(t *testing.T) {
	ix := toy()
	unc := toyUncertain(t)
	ms := ix.Metrics()
	res, err := MonteCarlo(context.Background(), ix, unc, 5000, 7, ms, true)
	if err != nil {
		t.Fatal(err)
	}
	const tol = 1e-12 // rounding of a few products
	for d := range 5000 {
		px, py1, wy, pz := res.Draws[0][d], res.Draws[1][d], res.Draws[2][d], res.Draws[3][d]
		// y2 keeps 60 %; x's weight is 1 − wy (two siblings).
		a := (1-wy)*px + wy*(0.25*py1+0.75*60)
		b := pz
		if got := res.Values[0][d]; !scalar.EqualWithinAbs(got, a, tol) {
			t.Fatalf("draw %d: a_pts got %v, want %v", d, got, a)
		}
		if got := res.Scores[2*d+1]; !scalar.EqualWithinAbs(got, b, tol) {
			t.Fatalf("draw %d: score of b got %v, want %v", d, got, b)
		}
		if got := res.Values[4][d]; !scalar.EqualWithinAbs(got, (a+b)/2, tol) {
			t.Fatalf("draw %d: mean_pts got %v, want %v", d, got, (a+b)/2)
		}
		if got := res.Values[5][d]; !scalar.EqualWithinAbs(got, (30*a+10*b)/40, tol) {
			t.Fatalf("draw %d: va_mean_pts got %v, want %v", d, got, (30*a+10*b)/40)
		}
		ra, rb := res.Values[2][d], res.Values[3][d]
		if (a > b && (ra != 1 || rb != 2)) || (b > a && (ra != 2 || rb != 1)) {
			t.Fatalf("draw %d: ranks %v, %v for scores %v, %v", d, ra, rb, a, b)
		}
	}
}

// TestMonteCarloDeterministic: the same seed gives the same draws on one
// goroutine and on several.
func TestMonteCarloDeterministic(t *testing.T) {
	ix := toy()
	unc := toyUncertain(t)
	run := func(procs int) *MCResult {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r, err := MonteCarlo(context.Background(), ix, unc, 3*ChunkSize+17, 42, ix.Metrics(), false)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b := run(1), run(4)
	if !slices.Equal(a.Scores, b.Scores) {
		t.Error("scores differ between 1 and 4 goroutines")
	}
	for m := range a.Values {
		if !slices.Equal(a.Values[m], b.Values[m]) {
			t.Errorf("metric %s differs between 1 and 4 goroutines", a.Metrics[m].Name)
		}
	}
}

// TestWeightDrawKeepsSum: whatever weight is drawn, the siblings still
// sum to 1 (the rescaling rule of Ref.Set).
func TestWeightDrawKeepsSum(t *testing.T) {
	ix := toy()
	b, err := Bind(ix, []model.Target{{Path: "index.a.y.y1.weight"}, {Path: "index.a.x.weight", Mode: model.Scale}})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range [][]float64{{0, 0.5}, {1, 1.5}, {0.6, 1}, {0.1, 2}} {
		b.Apply(x)
		a := b.Index().Industries[0]
		if s := a.Stages[0].Weight.V + a.Stages[1].Weight.V; !scalar.EqualWithinAbs(s, 1, 1e-15) {
			t.Errorf("%v: stage weights sum to %v", x, s)
		}
		if s := a.Stages[1].Subs[0].Weight.V + a.Stages[1].Subs[1].Weight.V; !scalar.EqualWithinAbs(s, 1, 1e-15) {
			t.Errorf("%v: sub-stage weights sum to %v", x, s)
		}
		if got := a.Stages[1].Subs[0].Weight.V; got != x[0] {
			t.Errorf("%v: y1's weight got %v, want %v", x, got, x[0])
		}
	}
}

// TestTornadoIndex: the mean is linear in each penetration, so a bar's
// swing is share × (high − low) / number of industries.
func TestTornadoIndex(t *testing.T) {
	ix := toy()
	m, _ := ix.ParseMetric("mean_pts")
	targets := []model.Target{{Path: "index.a.x.penetration_pct"}, {Path: "index.a.y.y2.penetration_pct"}, {Path: "index.b.z.penetration_pct", Mode: model.Add}}
	bars, base, err := Tornado(ix, targets, []float64{0, 50, -10}, []float64{40, 70, 10}, m)
	if err != nil {
		t.Fatal(err)
	}
	if want := (37.5 + 10) / 2; base != want {
		t.Errorf("base got %v, want %v", base, want)
	}
	// Swings: x 0.5·40/2 = 10; y2 0.375·20/2 = 3.75; z 1·20/2 = 10.
	want := map[string]float64{"index.a.x.penetration_pct": 10, "index.a.y.y2.penetration_pct": 3.75, "index.b.z.penetration_pct+": 10}
	for _, b := range bars {
		if !scalar.EqualWithinAbs(b.Swing(), want[b.Label()], 1e-12) {
			t.Errorf("%s: swing got %v, want %v", b.Label(), b.Swing(), want[b.Label()])
		}
	}
	if bars[2].Label() != "index.a.y.y2.penetration_pct" {
		t.Errorf("smallest swing last: got %s", bars[2].Label())
	}
	if _, _, err := Tornado(ix, targets[:1], []float64{-5}, []float64{120}, m); err == nil ||
		!strings.Contains(err.Error(), "index.a.x.penetration_pct = -5 is outside [0, 100] %") || !strings.Contains(err.Error(), "= 120 is outside") {
		t.Errorf("values outside the domain: got %v", err)
	}
}

// TestSweepIndex: a weight swept moves the score linearly, and a grid
// point outside the domain is an error naming it.
func TestSweepIndex(t *testing.T) {
	ix := toy()
	m, _ := ix.ParseMetric("a_pts")
	z, err := SweepIndex(context.Background(), ix, []model.Target{{Path: "index.a.x.weight"}}, [][]float64{{0, 0.5, 1}}, m)
	if err != nil {
		t.Fatal(err)
	}
	// x 20 %, y 55 %: a = w·20 + (1−w)·55.
	if want := []float64{55, 37.5, 20}; !slices.Equal(z, want) {
		t.Errorf("got %v, want %v", z, want)
	}
	_, err = SweepIndex(context.Background(), ix, []model.Target{{Path: "index.a.x.weight"}, {Path: "index.b.z.penetration_pct", Mode: model.Scale}}, [][]float64{{0, 1}, {1, 20}}, m)
	if err == nil || !strings.Contains(err.Error(), "at index.a.x.weight=0, index.b.z.penetration_pct*20") {
		t.Errorf("got %v", err)
	}
}

// TestSobolIndex: the mean is additive in independent inputs, so its
// first-order and total indices are equal and each is the input's share of
// the variance, (share/k)²·Var(p)/Var(mean).
func TestSobolIndex(t *testing.T) {
	ix := toy()
	unc := toyUncertain(t)
	unc = []uncertain.Input{unc[0], unc[1], unc[3]} // penetrations only: additive
	m, _ := ix.ParseMetric("mean_pts")
	res, err := Sobol(context.Background(), ix, unc, 4096, 8, 1, 0, []Metric{m})
	if err != nil {
		t.Fatal(err)
	}
	// Coefficients on the mean: x 0.5/2, y1 0.5·0.25/2, z 1/2.
	coef := []float64{0.25, 0.0625, 0.5}
	var vars []float64
	var total float64
	for i, u := range unc {
		v := coef[i] * coef[i] * u.Dist.Variance()
		vars = append(vars, v)
		total += v
	}
	const tol = 0.01 // a Sobol design of 4096 rows estimates an additive model's indices to about 1e-3
	si := res.Indices[0]
	for i := range unc {
		want := vars[i] / total
		if !scalar.EqualWithinAbs(si.S1[i], want, tol) || !scalar.EqualWithinAbs(si.ST[i], want, tol) {
			t.Errorf("%s: S1 %v, ST %v, want %v", unc[i].Name, si.S1[i], si.ST[i], want)
		}
	}
	if res.Runs != 4096*5 {
		t.Errorf("runs got %d, want %d", res.Runs, 4096*5)
	}
}
