package indexes

import (
	"context"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/cii"
	"simulate/model"
	"simulate/quantile"
	"simulate/uncertain"
)

// cii2020Uncertain loads cii2020 and its [uncertainty] table, and returns
// for each uncertain input the share of its industry it weighs (a
// sub-stage's weight times its stage's) and the industry's position.
func cii2020Uncertain(t *testing.T) (*cii.Index, []uncertain.Input, []float64, []int) {
	t.Helper()
	f, err := LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	unc, err := f.UncertainInputs()
	if err != nil {
		t.Fatal(err)
	}
	ix := f.Index
	shares := make([]float64, len(unc))
	inds := make([]int, len(unc))
	for i, u := range unc {
		ref, err := cii.Lookup(ix, u.Name)
		if err != nil {
			t.Fatal(err)
		}
		if ref.Field != cii.PenetrationField {
			t.Fatalf("%s: the shipped table draws penetrations only", u.Name)
		}
		inds[i] = ref.Industry
		ix.Industries[ref.Industry].Leaves(func(_ string, share float64, leaf, _ *cii.Stage) {
			if leaf == ref.Stage {
				shares[i] = share
			}
		})
	}
	return ix, unc, shares, inds
}

// TestCII2020Tornado: the mean of the seven is linear in each
// penetration, so each bar's swing is share/7 × (Q95 − Q5) of its uniform:
// share/7 × 0.9 × (hi − lo). The largest, 1.564 points, is entertainment's
// distribution (and marketing, the same interval and weight).
func TestCII2020Tornado(t *testing.T) {
	ix, unc, shares, _ := cii2020Uncertain(t)
	m, _ := ix.ParseMetric("mean_pts")
	targets := make([]model.Target, len(unc))
	lows, highs := make([]float64, len(unc)), make([]float64, len(unc))
	for i, u := range unc {
		targets[i] = u.Targets()[0]
		lows[i], highs[i] = u.Dist.Quantile(0.05), u.Dist.Quantile(0.95)
	}
	bars, base, err := cii.Tornado(ix, targets, lows, highs, m)
	if err != nil {
		t.Fatal(err)
	}
	if !scalar.EqualWithinAbs(base, 17.09, 0.005) {
		t.Errorf("base %v, want the published mean 17.09 (±0.005)", base)
	}
	want := map[string]float64{}
	for i, u := range unc {
		lo, hi := u.Dist.Support()
		want[u.Name] = shares[i] / 7 * 0.9 * (hi - lo)
	}
	for _, b := range bars {
		if !scalar.EqualWithinAbs(b.Swing(), want[b.Path], 1e-9) {
			t.Errorf("%s: swing %v, want %v", b.Path, b.Swing(), want[b.Path])
		}
	}
	if b := bars[0]; b.Path != "index.entertainment.distribution.penetration_pct" || !scalar.EqualWithinAbs(b.Swing(), 1.564, 0.0005) {
		t.Errorf("largest bar %s %v, want entertainment's distribution, 1.564 points", b.Path, b.Swing())
	}
}

// TestCII2020MonteCarlo: 20 000 draws of the shipped table. Each
// industry's mean over the draws is within 4 standard errors of its
// expectation, Σ share × E[p] (the middle of a drawn interval, the shipped
// value otherwise); the mean of mean_pts is the mean of the seven means;
// and the rank intervals of seed 1 are those ranks.csv reports.
func TestCII2020MonteCarlo(t *testing.T) {
	ix, unc, shares, inds := cii2020Uncertain(t)
	const draws = 20000
	ms := ix.Metrics()[:len(ix.Industries)]
	mean, _ := ix.ParseMetric("mean_pts")
	ms = append(ms, mean)
	res, err := cii.MonteCarlo(context.Background(), ix, unc, draws, 1, ms, false)
	if err != nil {
		t.Fatal(err)
	}
	var base cii.Result
	ix.Evaluate(&base)
	k := len(ix.Industries)
	expect, variance := append([]float64(nil), base.Scores...), make([]float64, k)
	for i, u := range unc {
		ref, _ := cii.Lookup(ix, u.Name)
		expect[inds[i]] += shares[i] * (u.Dist.Mean() - ref.Get())
		variance[inds[i]] += shares[i] * shares[i] * u.Dist.Variance()
	}
	var sumMeans float64
	for i := range k {
		got := quantile.Mean(res.Values[i])
		sumMeans += got
		se := math.Sqrt(variance[i] / draws)
		if math.Abs(got-expect[i]) > 4*se {
			t.Errorf("%s: mean over the draws %v, expected %v (standard error %v)", ms[i].Name, got, expect[i], se)
		}
	}
	if got := quantile.Mean(res.Values[k]); !scalar.EqualWithinAbs(got, sumMeans/float64(k), 1e-9) {
		t.Errorf("mean_pts: mean over the draws %v, mean of the seven means %v", got, sumMeans/float64(k))
	}
	ris, err := cii.RankIntervals(ix, res.Scores)
	if err != nil {
		t.Fatal(err)
	}
	// industry: base rank, median, p5, p95 (seed 1, 20 000 draws).
	want := map[string][4]float64{
		"finance": {1, 1, 1, 3}, "retail": {2, 3, 2, 3}, "entertainment": {3, 2, 1, 3},
		"education": {4, 4, 4, 6}, "healthcare": {5, 5, 4, 6}, "logistics": {6, 6, 5, 6}, "manufacturing": {7, 7, 7, 7},
	}
	for _, r := range ris {
		w := want[r.Industry]
		if got := [4]float64{float64(r.Base), r.Median, r.P5, r.P95}; got != w {
			t.Errorf("%s: base, median, p5, p95 rank got %v, want %v", r.Industry, got, w)
		}
	}
}

// TestCII2020Sobol: the mean of the seven is additive in independent
// penetrations, so each input's first-order and total indices are its
// share of the variance, share² Var(p) / Σ share² Var(p).
func TestCII2020Sobol(t *testing.T) {
	ix, unc, shares, _ := cii2020Uncertain(t)
	m, _ := ix.ParseMetric("mean_pts")
	res, err := cii.Sobol(context.Background(), ix, unc, 4096, 8, 1, 0, []cii.Metric{m})
	if err != nil {
		t.Fatal(err)
	}
	var total float64
	for i, u := range unc {
		total += shares[i] * shares[i] * u.Dist.Variance()
	}
	const tol = 0.02 // N = 4096: the estimates of an additive model scatter by about 0.01
	si := res.Indices[0]
	var sumS1 float64
	for i, u := range unc {
		want := shares[i] * shares[i] * u.Dist.Variance() / total
		sumS1 += si.S1[i]
		if !scalar.EqualWithinAbs(si.S1[i], want, tol) || !scalar.EqualWithinAbs(si.ST[i], want, tol) {
			t.Errorf("%s: S1 %.4f, ST %.4f, want %.4f", u.Name, si.S1[i], si.ST[i], want)
		}
	}
	if !scalar.EqualWithinAbs(sumS1, 1, 0.1) {
		t.Errorf("first-order indices sum to %v, want 1 (additive)", sumS1)
	}
}

// BenchmarkMonteCarloCII2020 draws the shipped table of cii2020 and
// records every metric and score: the cost of simulate mc on the index.
func BenchmarkMonteCarloCII2020(b *testing.B) {
	f, err := LoadEmbedded("cii2020")
	if err != nil {
		b.Fatal(err)
	}
	unc, err := f.UncertainInputs()
	if err != nil {
		b.Fatal(err)
	}
	ms := f.Index.Metrics()
	for _, n := range []int{1 << 12, 1 << 16} {
		b.Run("draws="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cii.MonteCarlo(context.Background(), f.Index, unc, n, 1, ms, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCII2020Identities moves random weights and penetrations of cii2020
// as a sensitivity run does and checks, at every point, that siblings'
// weights sum to 1, that each industry's index is the sum of its leaves'
// contributions (share × penetration), and that mean_pts is the mean of
// the seven.
func TestCII2020Identities(t *testing.T) {
	f, err := LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	paths := f.Index.Paths()
	rng := rand.New(rand.NewPCG(1, 2))
	const tol = 1e-9 // rounding of sums of ~10 products
	for range 200 {
		var targets []model.Target
		var x []float64
		for range 6 {
			p := paths[rng.IntN(len(paths))]
			targets = append(targets, model.Target{Path: p})
			if strings.HasSuffix(p, ".weight") {
				x = append(x, rng.Float64())
			} else {
				x = append(x, 100*rng.Float64())
			}
		}
		b, err := cii.Bind(f.Index, targets)
		if err != nil {
			t.Fatal(err)
		}
		b.Apply(x)
		ix := b.Index()
		var r cii.Result
		ix.Evaluate(&r)
		var sum float64
		for i, ind := range ix.Industries {
			var contrib, w float64
			ind.Leaves(func(_ string, share float64, leaf, _ *cii.Stage) { contrib += share * leaf.Penetration.V })
			for _, s := range ind.Stages {
				w += s.Weight.V
				if !s.Leaf() {
					var v float64
					for _, c := range s.Subs {
						v += c.Weight.V
					}
					if !scalar.EqualWithinAbs(v, 1, cii.WeightTolerance) { // the file's 8 digits
						t.Fatalf("%v=%v: sub-stages of %s.%s sum to %v", targets, x, ind.Key, s.Key, v)
					}
				}
			}
			if !scalar.EqualWithinAbs(w, 1, cii.WeightTolerance) {
				t.Fatalf("%v=%v: stages of %s sum to %v", targets, x, ind.Key, w)
			}
			if !scalar.EqualWithinAbs(contrib, r.Scores[i], tol) {
				t.Fatalf("%v=%v: %s contributions sum to %v, index %v", targets, x, ind.Key, contrib, r.Scores[i])
			}
			sum += r.Scores[i]
		}
		if !scalar.EqualWithinAbs(r.Mean, sum/7, tol) {
			t.Fatalf("mean_pts %v, mean of the seven %v", r.Mean, sum/7)
		}
	}
}
