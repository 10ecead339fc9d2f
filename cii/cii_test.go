package cii

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
)

// toy returns a two-industry index: a has stages x (weight 0.5, 20 %) and
// y (0.5) with sub-stages y1 (0.25, 40 %) and y2 (0.75, 60 %); b has one
// stage z (1, 10 %).
func toy() *Index {
	v := func(x float64) Value { return Value{V: x, Source: Text, Section: "t"} }
	ix := &Index{Name: "toy", PublishedMean: Value{V: math.NaN()}, Industries: []*Industry{
		{Key: "a", Published: Value{V: math.NaN()}, ValueAdded: v(30), Stages: []*Stage{
			{Key: "x", Weight: v(0.5), Penetration: v(20), Max: 100},
			{Key: "y", Weight: v(0.5), Penetration: Value{Source: Derived}, Max: 100, Subs: []*Stage{
				{Key: "y1", Weight: v(0.25), Penetration: v(40), Max: 100},
				{Key: "y2", Weight: v(0.75), Penetration: v(60), Max: 100},
			}},
		}},
		{Key: "b", Published: Value{V: math.NaN()}, ValueAdded: v(10), Stages: []*Stage{
			{Key: "z", Weight: v(1), Penetration: v(10), Max: 100},
		}},
	}}
	ix.Update()
	return ix
}

// TestScore checks CII_i = Σ w·p with a stage's penetration the weighted
// mean of its sub-stages', the mean, the value-added-weighted mean and
// the ranks.
func TestScore(t *testing.T) {
	ix := toy()
	var r Result
	ix.Evaluate(&r)
	// a: 0.5·20 + 0.5·(0.25·40 + 0.75·60) = 10 + 27.5 = 37.5.
	want := []float64{37.5, 10}
	for i, w := range want {
		if !scalar.EqualWithinAbs(r.Scores[i], w, 1e-12) {
			t.Errorf("score %d: got %v, want %v", i, r.Scores[i], w)
		}
	}
	if !scalar.EqualWithinAbs(r.Mean, 23.75, 1e-12) {
		t.Errorf("mean: got %v, want 23.75", r.Mean)
	}
	if va := (30*37.5 + 10*10) / 40.0; !scalar.EqualWithinAbs(r.VAMean, va, 1e-12) {
		t.Errorf("value-added mean: got %v, want %v", r.VAMean, va)
	}
	if r.Ranks[0] != 1 || r.Ranks[1] != 2 {
		t.Errorf("ranks: got %v, want [1 2]", r.Ranks)
	}
	if got := ix.Industries[0].Stages[1].Penetration.V; !scalar.EqualWithinAbs(got, 55, 1e-12) {
		t.Errorf("derived penetration of y: got %v, want 55", got)
	}
	ix.Aggregate = ValueAdded
	ix.Evaluate(&r)
	if r.Overall != r.VAMean {
		t.Errorf("overall with value_added: got %v, want %v", r.Overall, r.VAMean)
	}
	ix.Industries[1].ValueAdded.V = math.NaN()
	ix.Evaluate(&r)
	if !math.IsNaN(r.VAMean) {
		t.Errorf("value-added mean with a share missing: got %v, want NaN", r.VAMean)
	}
	if allocs := testing.AllocsPerRun(100, func() { ix.Evaluate(&r) }); allocs != 0 {
		t.Errorf("Evaluate allocates %v times", allocs)
	}
}

func TestRanksTies(t *testing.T) {
	got := make([]int, 5)
	Ranks(got, []float64{3, 5, 3, 1, 5})
	for i, w := range []int{3, 1, 3, 5, 1} {
		if got[i] != w {
			t.Fatalf("got %v, want [3 1 3 5 1]", got)
		}
	}
}

// TestRefWeights checks that setting a weight rescales its siblings so that
// they still sum to 1 (the TFP weights' rule), that a sub-stage's change
// updates its stage's derived penetration, and the errors of Lookup.
func TestRefWeights(t *testing.T) {
	ix := toy()
	r, err := Lookup(ix, "index.a.y.y1.weight")
	if err != nil {
		t.Fatal(err)
	}
	r.Set(0.5)
	subs := ix.Industries[0].Stages[1].Subs
	if subs[0].Weight.V != 0.5 || !scalar.EqualWithinAbs(subs[1].Weight.V, 0.5, 1e-15) {
		t.Errorf("weights after set: %v, %v", subs[0].Weight.V, subs[1].Weight.V)
	}
	if got := ix.Industries[0].Stages[1].Penetration.V; !scalar.EqualWithinAbs(got, 50, 1e-12) {
		t.Errorf("derived penetration: got %v, want 50", got)
	}
	r, _ = Lookup(ix, "index.a.x.weight")
	r.Apply(model.Scale, 1.2) // 0.5 → 0.6, y → 0.4
	if got := ix.Industries[0].Stages[1].Weight.V; !scalar.EqualWithinAbs(got, 0.4, 1e-15) {
		t.Errorf("sibling after scale: got %v, want 0.4", got)
	}
	r, _ = Lookup(ix, "index.a.x.penetration_pct")
	r.Apply(model.Add, 5)
	if got := r.Get(); got != 25 {
		t.Errorf("add: got %v, want 25", got)
	}
	// Siblings all zero share the rest equally.
	ss := []*Stage{{Weight: Value{V: 1}}, {}, {}}
	setWeight(ss, ss[0], 0.4)
	if ss[1].Weight.V != 0.3 || ss[2].Weight.V != 0.3 {
		t.Errorf("zero siblings: got %v, %v", ss[1].Weight.V, ss[2].Weight.V)
	}

	for _, tc := range []struct{ path, msg string }{
		{"a.x.weight", `starts with "index."`},
		{"index.a.x", "write index.INDUSTRY.STAGE.weight"},
		{"index.c.x.weight", `no industry "c"`},
		{"index.a.w.weight", `a has no stage "w"; did you mean x?`},
		{"index.a.x.wieght", `did you mean weight?`},
		{"index.a.y.penetration_pct", "has sub-stages"},
	} {
		_, err := Lookup(ix, tc.path)
		if _, ok := err.(*PathError); !ok || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: got %v, want a *PathError with %q", tc.path, err, tc.msg)
		}
	}
	if n := len(ix.Paths()); n != 9 { // x.w, x.p, y.w, y1.w, y1.p, y2.w, y2.p; z.w, z.p
		t.Errorf("Paths: %d, want 9", n)
	}
}

// TestBinding checks that Apply restarts from the base every time and
// allocates nothing.
func TestBinding(t *testing.T) {
	ix := toy()
	b, err := Bind(ix, []model.Target{{Path: "index.a.x.penetration_pct", Mode: model.Add}, {Path: "index.a.x.weight"}})
	if err != nil {
		t.Fatal(err)
	}
	var r Result
	for range 3 {
		b.Apply([]float64{10, 1})
		b.Index().Evaluate(&r)
		if !scalar.EqualWithinAbs(r.Scores[0], 30, 1e-12) { // x alone, 30 %
			t.Fatalf("score: got %v, want 30", r.Scores[0])
		}
	}
	if ix.Industries[0].Stages[0].Penetration.V != 20 {
		t.Error("Apply wrote the base")
	}
	if allocs := testing.AllocsPerRun(100, func() { b.Apply([]float64{1, 0.3}) }); allocs != 0 {
		t.Errorf("Apply allocates %v times", allocs)
	}
	m, err := ix.ParseMetric("a_rank")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Value(&r); got != 1 {
		t.Errorf("a_rank: got %v, want 1", got)
	}
	if _, err := ix.ParseMetric("a_pst"); err == nil || !strings.Contains(err.Error(), "did you mean a_pts?") {
		t.Errorf("bad metric: got %v", err)
	}
}

// TestRankIntervals checks the rank summary on draws whose ranks are
// known: a first in 9 of 10 draws.
func TestRankIntervals(t *testing.T) {
	ix := toy()
	var scores []float64
	for d := range 10 {
		if d == 0 {
			scores = append(scores, 5, 10)
		} else {
			scores = append(scores, 20, 10)
		}
	}
	ri, err := RankIntervals(ix, scores)
	if err != nil {
		t.Fatal(err)
	}
	a := ri[0]
	// Ranks of a: one 2 and nine 1s: median 1, 95 % percentile with h =
	// 9·0.95 = 8.55 between the 9th and 10th order statistics (1, 2): 1.55.
	if a.Median != 1 || a.Best != 1 || a.Worst != 2 || !scalar.EqualWithinAbs(a.P95, 1.55, 1e-12) || a.P5 != 1 {
		t.Errorf("a: got %+v", a)
	}
	if _, err := RankIntervals(ix, scores[:3]); err == nil {
		t.Error("3 scores for 2 industries: no error")
	}
}

// TestFeasibleToy checks the linear programme on an industry whose
// intervals are known: two leaves of weight ½, one held at 40, the other
// reconstructed within [0, 30], the published index 25 ± 0.05: the free
// leaf lies in [9.9, 10.1].
func TestFeasibleToy(t *testing.T) {
	ind := &Industry{Key: "i", Published: Value{V: 25}, Precision: 0.1, Stages: []*Stage{
		{Key: "held", Weight: Value{V: 0.5}, Penetration: Value{V: 40, Source: Text}, Max: 100},
		{Key: "free", Weight: Value{V: 0.5}, Penetration: Value{V: 10, Source: Reconstructed}, Max: 30},
	}}
	ix := &Index{Industries: []*Industry{ind}}
	ivs, err := ix.Feasible(ind)
	if err != nil {
		t.Fatal(err)
	}
	if iv := ivs["free"]; !scalar.EqualWithinAbs(iv.Lo, 9.9, 1e-9) || !scalar.EqualWithinAbs(iv.Hi, 10.1, 1e-9) {
		t.Errorf("free: got %+v, want [9.9, 10.1]", iv)
	}
	if iv := ivs["held"]; iv.Lo != 40 || iv.Hi != 40 {
		t.Errorf("held: got %+v, want [40, 40]", iv)
	}
	// With an ordering free ≥ held nothing is left.
	ix.Constraints = []*Constraint{{Industry: "i", Kind: Descending, Items: []string{"free", "held"}}}
	if _, err := ix.Feasible(ind); err == nil {
		t.Error("infeasible ordering: no error")
	}
}

// TestReconstructToy checks the reconstruction on an industry whose answer
// is known by symmetry: two reconstructed leaves with the same target
// (midpoint 50 of [0, 100]) and the published index 50 keep equal weights
// and their targets.
func TestReconstructToy(t *testing.T) {
	rec := func(pub float64) *Industry {
		ind := &Industry{Key: "i", Published: Value{V: pub}, Precision: 0.1, Stages: []*Stage{
			{Key: "a", Weight: Value{V: 0.9, Source: Reconstructed}, Penetration: Value{V: 1, Source: Reconstructed}, Max: 100},
			{Key: "b", Weight: Value{V: 0.1, Source: Reconstructed}, Penetration: Value{V: 1, Source: Reconstructed}, Max: 100},
		}}
		out, _, err := Reconstruct(&Index{Industries: []*Industry{ind}})
		if err != nil {
			t.Fatal(err)
		}
		return out.Industries[0]
	}
	ind := rec(50)
	for _, s := range ind.Stages {
		if !scalar.EqualWithinAbs(s.Weight.V, 0.5, 1e-9) || !scalar.EqualWithinAbs(s.Penetration.V, 50, 1e-7) {
			t.Errorf("%s: got w %v, p %v, want 0.5, 50", s.Key, s.Weight.V, s.Penetration.V)
		}
	}
	// Off the midpoint, the score is met exactly and symmetry keeps the
	// two stages equal.
	ind = rec(30)
	if sc := ind.Score(); !scalar.EqualWithinAbs(sc, 30, 1e-9) {
		t.Errorf("score: got %v, want 30", sc)
	}
	if a, b := ind.Stages[0], ind.Stages[1]; !scalar.EqualWithinAbs(a.Penetration.V, b.Penetration.V, 1e-7) {
		t.Errorf("asymmetric: %v, %v", a.Penetration.V, b.Penetration.V)
	}
}

// TestCheck lists the problems Check finds.
func TestCheck(t *testing.T) {
	ix := toy()
	ix.Industries[0].Stages[0].Weight.V = 0.7
	ix.Industries[1].Stages[0].Penetration.V = 101
	ix.Constraints = []*Constraint{{Industry: "a", Key: "c", Kind: Lowest, Items: []string{"xx"}}}
	var msgs []string
	for _, p := range ix.Check() {
		msgs = append(msgs, p.Path+": "+p.Msg)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		"a.x.weight: the stages of a add up to 1.2",
		"b.z.penetration_pct: 101 is outside the allowed range [0, 100] %",
		`a.constraints.c.items: a has no stage "xx"; did you mean x?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Check lacks %q:\n%s", want, got)
		}
	}
}

func TestParseRange(t *testing.T) {
	for _, tc := range []struct {
		in     string
		mode   model.Mode
		lo, hi float64
		n      int
		err    string
	}{
		{in: "index.finance.lending.weight=0.1:0.6:11", mode: model.Set, lo: 0.1, hi: 0.6, n: 11},
		{in: "index.retail.back_office.penetration_pct+-5:5:3", mode: model.Add, lo: -5, hi: 5, n: 3},
		{in: "index.retail.back_office.penetration_pct*0.9:1.1:2", mode: model.Scale, lo: 0.9, hi: 1.1, n: 2},
		{in: "capital.ict_share=0:1:3", err: "not an index key path"},
		{in: "index.finance.lending.weight", err: "no =, + or *"},
		{in: "index.finance.lending.weight=0.1:0.6", err: "write a range"},
		{in: "index.finance.lending.weight=0.6:0.1:3", err: "must be less than"},
		{in: "index.finance.lending.weight=0:nan:3", err: "not a finite number"},
		{in: "index.finance.lending.weight=0:1:1", err: "whole number from 2"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			tg, lo, hi, n, err := ParseRange(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tg.Mode != tc.mode || lo != tc.lo || hi != tc.hi || n != tc.n {
				t.Errorf("got %v %v %v %v, want %v %v %v %v", tg.Mode, lo, hi, n, tc.mode, tc.lo, tc.hi, tc.n)
			}
		})
	}
}

// FuzzParseRange: no panic; a range read has LO < HI, finite, and 2 ≤ N ≤
// MaxRangePoints; an error names the input.
func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"index.finance.lending.weight=0.1:0.6:11", "index.a.b.penetration_pct+-1:1:2", "index.x*1:2:3", "=::", "index.+", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, lo, hi, n, err := ParseRange(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || n < 2 || n > MaxRangePoints {
			t.Fatalf("%q: read %v %v %v", s, lo, hi, n)
		}
	})
}
