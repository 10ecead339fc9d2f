package sensitivity

import (
	"context"
	"errors"
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

// baseInputs returns a six-year span like the report's baseline, with
// every channel active.
func baseInputs() *model.Inputs {
	in := model.NewInputs(2018, 6)
	in.BaseGDP = 900309
	for i := range 6 {
		in.Growth[i] = 0.063 - 0.002*float64(i)
		in.LaborShare[i], in.CapitalShare[i] = 0.037, 0.325
		in.ICTShare[i], in.PrivateIIShare[i] = 0.15, 0.3
		in.LaborII[i] = 0.01
		for d := range model.NumDimensions {
			in.TFPII[d][i] = 0.2
		}
		in.TFPII[model.ScaleEfficiency][i] = 0
	}
	return in
}

func metric(t *testing.T, s string) metrics.Metric {
	t.Helper()
	m, err := metrics.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// single runs the model once with change c applied by hand through
// model.Ref, independently of Evaluator.
func single(t *testing.T, base *model.Inputs, c Change, m metrics.Metric) float64 {
	t.Helper()
	in := base.Clone()
	r, err := model.Lookup(in, c.Path)
	if err != nil {
		t.Fatal(err)
	}
	for k := range r.Len() {
		v := c.Value
		switch c.Mode {
		case model.Add:
			v += r.Get(k)
		case model.Scale:
			v *= r.Get(k)
		}
		r.Set(k, v)
	}
	var res model.Results
	model.Evaluate(&res, in)
	return m.Value(&res)
}

func TestEvaluator(t *testing.T) {
	base := baseInputs()
	m := metric(t, "ii_total_yi")
	for _, c := range []Change{
		{model.Target{Path: "capital.ict_share", Mode: model.Set}, 0.3},
		{model.Target{Path: "gdp.growth_pct", Mode: model.Add}, -1},
		{model.Target{Path: "gdp.growth_pct[2021]", Mode: model.Scale}, 0.5},
		{model.Target{Path: "tfp.weight.scale_efficiency", Mode: model.Set}, 0.1},
		{model.Target{Path: "capital.share_pct", Mode: model.Add}, 5},
	} {
		ev, err := NewEvaluator(base, []model.Target{c.Target})
		if err != nil {
			t.Fatal(err)
		}
		// Twice: each call starts from the base.
		for range 2 {
			got := m.Value(ev.Eval([]float64{c.Value}))
			if want := single(t, base, c, m); got != want {
				t.Errorf("%s: got %v, want %v", c, got, want)
			}
		}
	}
	if base.ICTShare[0] != 0.15 || base.Growth[0] != 0.063 {
		t.Error("the evaluator wrote to the base")
	}
}

// TestConstraints checks that the model's constraints survive a change:
// the weights still sum to 1 and the contributions to growth.
func TestConstraints(t *testing.T) {
	base := baseInputs()
	ev, err := NewEvaluator(base, []model.Target{{Path: "tfp.weight.technical_progress", Mode: model.Set}, {Path: "tfp.weight.scale_efficiency", Mode: model.Scale}, {Path: "capital.share_pct", Mode: model.Set}})
	if err != nil {
		t.Fatal(err)
	}
	res := ev.Eval([]float64{0.4, 1.5, 50})
	in := ev.Inputs()
	var sum float64
	for _, w := range in.Weight {
		sum += w
	}
	if !scalar.EqualWithinAbs(sum, 1, 1e-15) {
		t.Errorf("weights sum to %v", sum)
	}
	if !scalar.EqualWithinAbs(in.Weight[model.TechnicalProgress]/in.Weight[model.TechnicalEfficiency], 0.4/0.2, 1e-12) {
		t.Errorf("weights %v: TP and TE no longer in proportion after SE moved", in.Weight)
	}
	for _, y := range res.Years {
		c := y.Contribution
		if !scalar.EqualWithinAbs(c[0]+c[1]+c[2], y.Growth, 1e-15) || !scalar.EqualWithinAbs(y.Share[model.TFP], 1-0.037-0.5, 1e-12) {
			t.Errorf("%d: contributions %v, growth %v", y.Year, c, y.Growth)
		}
	}
	if err := in.Validate(); err != nil {
		t.Error(err)
	}
}

func TestEvalAllocs(t *testing.T) {
	ev, err := NewEvaluator(baseInputs(), []model.Target{{Path: "capital.ict_share", Mode: model.Set}, {Path: "gdp.growth_pct", Mode: model.Add}, {Path: "tfp.weight.scale_efficiency", Mode: model.Set}})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0.2, 0.5, 0.3}
	if a := testing.AllocsPerRun(100, func() { ev.Eval(x) }); a != 0 {
		t.Errorf("%v allocations per evaluation", a)
	}
}

// TestSweepEnds checks that a sweep's points are single runs of the model.
func TestSweepEnds(t *testing.T) {
	base := baseInputs()
	m := metric(t, "ii_share_pct[2024]")
	r1, _ := ParseRange("capital.ict_share=0.05:0.35:7")
	r2, _ := ParseRange("gdp.growth_pct+-1:1:5")
	s, err := Sweep(context.Background(), base, []Range{r1}, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 3, 6} {
		if want := single(t, base, Change{r1.Target, s.X[i]}, m); s.At(i, 0) != want {
			t.Errorf("point %d: got %v, want %v", i, s.At(i, 0), want)
		}
	}
	s2, err := Sweep(context.Background(), base, []Range{r1, r2}, metric(t, "ii_total_yi"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s2.Z) != 35 {
		t.Fatalf("%d points", len(s2.Z))
	}
	// A corner by hand: both changes applied.
	in := base.Clone()
	for i := range in.Len() {
		in.ICTShare[i] = 0.35
		in.Growth[i] += 0.01
	}
	var res model.Results
	model.Evaluate(&res, in)
	if got := s2.At(6, 4); !scalar.EqualWithinAbsOrRel(got, res.Totals.II, 1e-9, 1e-12) {
		t.Errorf("corner: got %v, want %v", got, res.Totals.II)
	}

	bad, _ := ParseRange("capital.ict_share=0.5:1.5:3")
	if _, err := Sweep(context.Background(), base, []Range{bad}, m); err == nil || !strings.Contains(err.Error(), "capital.ict_share=1.5") {
		t.Errorf("out-of-domain sweep: %v", err)
	}
	if _, err := Sweep(context.Background(), base, []Range{r1}, metric(t, "ii_share_pct[2030]")); err == nil {
		t.Error("metric year outside the span: no error")
	}
}

func TestTornado(t *testing.T) {
	base := baseInputs()
	m := metric(t, "ii_total_yi")
	d := mustDist(t)
	unc := []uncertain.Input{
		uncertain.NewInput("capital.ict_share", model.Set, d(uncertain.NewUniform(0.1, 0.2))),
		uncertain.NewInput("gdp.growth_pct", model.Add, d(uncertain.NewTruncNormal(0, 0.5, -1, 1))),
		uncertain.NewInput("labor.ii_share", model.Set, d(uncertain.NewUniform(0, 0.001))),
	}
	factors, lows, highs := QuantileRange(unc, 5)
	bars, b0, err := Tornado(base, factors, lows, highs, m)
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, base)
	if b0 != res.Totals.II {
		t.Errorf("base %v, want %v", b0, res.Totals.II)
	}
	if !slices.IsSortedFunc(bars, func(a, b Bar) int { return -cmpFloat(a.Swing(), b.Swing()) }) {
		t.Errorf("not sorted by swing: %+v", bars)
	}
	for _, b := range bars {
		if got, want := b.MetricLow, single(t, base, Change{b.Targets[0], b.Low}, m); got != want {
			t.Errorf("%s low: got %v, want %v", b.Label, got, want)
		}
		if got, want := b.MetricHigh, single(t, base, Change{b.Targets[0], b.High}, m); got != want {
			t.Errorf("%s high: got %v, want %v", b.Label, got, want)
		}
	}
	if l := bars[0].Low; bars[0].Label != "gdp.growth_pct+" || !scalar.EqualWithinAbs(l, -bars[0].High, 1e-12) {
		t.Errorf("first bar %+v", bars[0])
	}

	paths := func(ps ...string) []Factor {
		var f []Factor
		for _, p := range ps {
			f = append(f, TargetFactor(model.Target{Path: p}))
		}
		return f
	}
	factors, lows, highs = DeltaRange(paths("capital.ict_share", "capital.share_pct"), 0.1)
	if factors[0].Label != "capital.ict_share*" {
		t.Errorf("delta label %q", factors[0].Label)
	}
	if _, _, err := Tornado(base, factors, lows, highs, m); err != nil {
		t.Error(err)
	}
	factors, lows, highs = DeltaRange(paths("capital.share_pct"), 3)
	if _, _, err := Tornado(base, factors, lows, highs, m); err == nil || !strings.Contains(err.Error(), "capital.share_pct*4") {
		t.Errorf("out of domain: %v", err)
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestMonteCarloLinear checks the sample mean and variance of metrics that
// are linear in the uncertain inputs against their exact values.
//
// growth_pct[2019] = 100·g = base + X with X added; its mean is base + E X
// and its variance Var X. ii_total_yi is linear in φ when only φ varies:
// ii_total = a + b·φ with b = Σ_t Y_{t−1}·π·c_K,t, so its mean is
// a + b·E φ and its variance b²·Var φ.
func TestMonteCarloLinear(t *testing.T) {
	base := baseInputs()
	d := mustDist(t)
	unc := []uncertain.Input{
		uncertain.NewInput("gdp.growth_pct[2019]", model.Add, d(uncertain.NewTruncNormal(0.2, 0.5, -1, 1))),
		uncertain.NewInput("capital.ict_share", model.Set, d(uncertain.NewBeta(2, 3, 0.05, 0.35))),
	}
	ms := []metrics.Metric{metric(t, "growth_pct[2019]"), metric(t, "ii_total_yi")}
	const n = 40000
	r, err := MonteCarlo(context.Background(), base, unc, MCConfig{Draws: n, Seed: 7, Metrics: ms, KeepDraws: true})
	if err != nil {
		t.Fatal(err)
	}

	// Exact: growth_pct[2019] moves 2019's Y and so every later Y; keep
	// the test linear by reading 2019 only for growth, and the total
	// with φ alone (the growth draw changes ΔY linearly in X too, but
	// the product of the two draws is not linear). So compare the
	// growth metric exactly and the total against a run without the
	// growth draw.
	sg := stats(r.Values[0])
	if want := 6.3 + unc[0].Dist.Mean(); math.Abs(sg.mean-want) > 5*math.Sqrt(unc[0].Dist.Variance()/n) {
		t.Errorf("growth mean %v, want %v", sg.mean, want)
	}
	if want := unc[0].Dist.Variance(); !scalar.EqualWithinRel(sg.variance, want, 0.05) {
		t.Errorf("growth variance %v, want %v", sg.variance, want)
	}
	for i, x := range r.Draws[0] {
		if r.Values[0][i] != 6.3+x && !scalar.EqualWithinAbs(r.Values[0][i], 6.3+x, 1e-12) {
			t.Fatalf("draw %d: growth %v, drawn shift %v", i, r.Values[0][i], x)
		}
	}

	r2, err := MonteCarlo(context.Background(), base, unc[1:], MCConfig{Draws: n, Seed: 7, Metrics: ms[1:], KeepDraws: true})
	if err != nil {
		t.Fatal(err)
	}
	a := single(t, base, Change{model.Target{Path: "capital.ict_share", Mode: model.Set}, 0}, ms[1])
	b := single(t, base, Change{model.Target{Path: "capital.ict_share", Mode: model.Set}, 1}, ms[1]) - a
	st := stats(r2.Values[0])
	dist := unc[1].Dist
	if want, se := a+b*dist.Mean(), b*math.Sqrt(dist.Variance()/n); math.Abs(st.mean-want) > 5*se {
		t.Errorf("ii_total mean %v, want %v ± %v", st.mean, want, 5*se)
	}
	if want := b * b * dist.Variance(); !scalar.EqualWithinRel(st.variance, want, 0.05) {
		t.Errorf("ii_total variance %v, want %v", st.variance, want)
	}
}

type moments struct{ mean, variance float64 }

func stats(x []float64) moments {
	var s, s2 float64
	for _, v := range x {
		s += v
	}
	m := s / float64(len(x))
	for _, v := range x {
		s2 += (v - m) * (v - m)
	}
	return moments{m, s2 / float64(len(x)-1)}
}

// TestMonteCarloDeterministic checks that the draws and summaries do not
// depend on the number of goroutines, and do depend on the seed.
func TestMonteCarloDeterministic(t *testing.T) {
	base := baseInputs()
	d := mustDist(t)
	unc := []uncertain.Input{
		uncertain.NewInput("capital.ict_share", model.Set, d(uncertain.NewTriangular(0.1, 0.15, 0.25))),
		uncertain.NewInput("capital.private_ii_share", model.Set, d(uncertain.NewBeta(5, 5, 0.15, 0.45))),
		uncertain.NewInput("gdp.growth_pct", model.Add, d(uncertain.NewTruncNormal(0, 0.6, -1.8, 1.8))),
	}
	for _, cs := range [][]uncertain.Correlation{nil, {{A: 0, B: 2, Rank: 0.6}}} {
		cfg := MCConfig{Draws: 3*ChunkSize + 17, Seed: 1, Metrics: []metrics.Metric{metric(t, "ii_total_yi")}, Correlations: cs}
		run := func(procs int, seed uint64, keep bool) *MCResult {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			c := cfg
			c.Seed, c.KeepDraws = seed, keep
			r, err := MonteCarlo(context.Background(), base, unc, c)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		a, b := run(1, 1, true), run(4, 1, true)
		if !slices.Equal(a.Values[0], b.Values[0]) || a.Summaries[0] != b.Summaries[0] {
			t.Error("GOMAXPROCS 1 and 4 give different draws")
		}
		if c := run(2, 2, true); slices.Equal(a.Values[0], c.Values[0]) {
			t.Error("seeds 1 and 2 give the same draws")
		}
		// Keeping the draws changes nothing of the summaries.
		if c := run(2, 1, false); c.Summaries[0] != a.Summaries[0] || c.Values != nil {
			t.Errorf("without KeepDraws: %+v, want %+v", c.Summaries[0], a.Summaries[0])
		}
	}
}

// TestMonteCarloStreamed checks that a run long enough to stream its
// percentiles gives the type 7 percentiles of every value, the same on one
// core and on several, and the mean of the chunk sums.
func TestMonteCarloStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("300 000 draws")
	}
	base := baseInputs()
	unc := benchUncertain(t)
	ms := []metrics.Metric{metric(t, "ii_total_yi"), metric(t, "ii_share_pct[2024]"), metric(t, "growth_pct[2019]")}
	const n = streamAbove + 3*ChunkSize + 5
	run := func(procs int, keep bool) *MCResult {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r, err := MonteCarlo(context.Background(), base, unc, MCConfig{Draws: n, Seed: 11, Metrics: ms, KeepDraws: keep})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	kept, one, two := run(2, true), run(1, false), run(2, false)
	if one.Passes != 1 {
		t.Errorf("%d passes, want 1", one.Passes)
	}
	for j, m := range ms {
		sorted := slices.Clone(kept.Values[j])
		slices.Sort(sorted)
		var want Summary
		for i, p := range Percents {
			want.P[i] = typ7(sorted, p)
		}
		want.Mean = kept.Summaries[j].Mean
		if one.Summaries[j] != want || two.Summaries[j] != want {
			t.Errorf("%s: streamed %+v and %+v, want %+v", m, one.Summaries[j], two.Summaries[j], want)
		}
		if !scalar.EqualWithinRel(want.Mean, stats(kept.Values[j]).mean, 1e-12) {
			t.Errorf("%s: mean %v, want %v", m, want.Mean, stats(kept.Values[j]).mean)
		}
	}
}

// typ7 is the type 7 percentile of a sorted sample, written out from its
// definition.
func typ7(s []float64, p float64) float64 {
	h := float64(len(s)-1) * p / 100
	r := int(h)
	if f := h - float64(r); f > 0 && r+1 < len(s) {
		return s[r] + f*(s[r+1]-s[r])
	}
	return s[r]
}

// TestGroupedInput checks that one grouped draw equals applying the same
// factor to each key by hand, in Monte Carlo (each draw) and in a tornado.
func TestGroupedInput(t *testing.T) {
	base := baseInputs()
	d := mustDist(t)
	keys := []string{"tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency", "tfp.ii_share.allocative_efficiency"}
	unc := []uncertain.Input{
		uncertain.NewGroup("theta_scale", keys, model.Scale, d(uncertain.NewUniform(0.8, 1.2))),
		uncertain.NewInput("capital.ict_share", model.Set, d(uncertain.NewUniform(0.1, 0.2))),
	}
	m := metric(t, "ii_total_yi")
	r, err := MonteCarlo(context.Background(), base, unc, MCConfig{Draws: 200, Seed: 5, Metrics: []metrics.Metric{m}, KeepDraws: true})
	if err != nil {
		t.Fatal(err)
	}
	byHand := func(s, phi float64) float64 {
		in := base.Clone()
		for _, k := range keys {
			ref, err := model.Lookup(in, k)
			if err != nil {
				t.Fatal(err)
			}
			for y := range ref.Len() {
				ref.Set(y, ref.Get(y)*s)
			}
		}
		for i := range in.ICTShare {
			in.ICTShare[i] = phi
		}
		var res model.Results
		model.Evaluate(&res, in)
		return m.Value(&res)
	}
	for dr := range 200 {
		s, phi := r.Draws[0][dr], r.Draws[1][dr]
		if got, want := r.Values[0][dr], byHand(s, phi); got != want {
			t.Fatalf("draw %d (θ × %v, φ = %v): %v, by hand %v", dr, s, phi, got, want)
		}
	}
	factors, lows, highs := QuantileRange(unc, 5)
	bars, _, err := Tornado(base, factors, lows, highs, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bars {
		if b.Label != "theta_scale" {
			continue
		}
		if len(b.Targets) != 3 || !scalar.EqualWithinAbs(b.Low, 0.82, 1e-15) || !scalar.EqualWithinAbs(b.High, 1.18, 1e-15) {
			t.Errorf("bar %+v", b)
		}
		if b.MetricLow != byHand(b.Low, 0.15) || b.MetricHigh != byHand(b.High, 0.15) {
			t.Errorf("bar %s: %v, %v; by hand %v, %v", b.Label, b.MetricLow, b.MetricHigh, byHand(b.Low, 0.15), byHand(b.High, 0.15))
		}
	}
}

func TestMonteCarloLimits(t *testing.T) {
	base := baseInputs()
	ms := []metrics.Metric{metric(t, "ii_total_yi")}
	for _, c := range []struct {
		cfg  MCConfig
		want string
	}{
		{MCConfig{Draws: 0, Metrics: ms}, "from 1 to 10000000"},
		{MCConfig{Draws: MaxDraws + 1, Metrics: ms}, "from 1 to 10000000"},
		{MCConfig{Draws: MaxDraws, Metrics: make([]metrics.Metric, 20), KeepDraws: true}, "limit is 134217728 values (1024 MiB): use at most 6710886 draws"},
		{MCConfig{Draws: 10, Metrics: []metrics.Metric{metric(t, "growth_pct[2030]")}}, "outside the span"},
	} {
		if _, err := MonteCarlo(context.Background(), base, nil, c.cfg); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.cfg.Draws, err, c.want)
		}
	}
	// Correlated draws are held all at once: draws × inputs is bounded too.
	d := mustDist(t)
	var unc []uncertain.Input
	for range 20 {
		unc = append(unc, uncertain.NewInput("capital.ict_share", model.Set, d(uncertain.NewUniform(0.1, 0.2))))
	}
	cfg := MCConfig{Draws: MaxDraws, Metrics: ms, Correlations: []uncertain.Correlation{{A: 0, B: 1, Rank: 0.5}}}
	if _, err := MonteCarlo(context.Background(), base, unc, cfg); err == nil || !strings.Contains(err.Error(), "use at most 6710886 draws") {
		t.Errorf("correlated: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MonteCarlo(ctx, base, nil, MCConfig{Draws: 10, Metrics: ms}); err != context.Canceled {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestSummarize(t *testing.T) {
	x := []float64{5, 1, 4, 2, 3, 10, 6, 9, 8, 7, 0} // 0 … 10
	s, err := Summarize(context.Background(), [][]float64{x})
	if err != nil {
		t.Fatal(err)
	}
	// Type 7 on 0 … 10: Q(p) = p/10.
	if want := (Summary{Mean: 5, P: [5]float64{0.5, 2.5, 5, 7.5, 9.5}}); s[0] != want {
		t.Errorf("got %+v, want %+v", s[0], want)
	}
	if _, err := Summarize(context.Background(), [][]float64{{1, math.NaN()}}); err == nil {
		t.Error("NaN: no error")
	}
}

// mustDist returns a function that returns d or fails the test on err.
func mustDist(t *testing.T) func(d uncertain.Distribution, err error) uncertain.Distribution {
	return func(d uncertain.Distribution, err error) uncertain.Distribution {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
}

// TestSweepCancelled checks that a sweep stops when its context is done
// (Ctrl-C in simulate sweep), with the context's error.
func TestSweepCancelled(t *testing.T) {
	base := baseInputs()
	r1, err := ParseRange("capital.ict_share=0:1:1000")
	if err != nil {
		t.Fatal(err)
	}
	r2, err := ParseRange("gdp.growth_pct+-1:1:1000")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Sweep(ctx, base, []Range{r1, r2}, metric(t, "ii_total_yi")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled sweep: got %v, want context.Canceled", err)
	}
}
