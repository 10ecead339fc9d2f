package uncertain

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"

	"simulate/model"
)

// spearman returns the Spearman rank correlation of x and y (no ties).
func spearman(x, y []float64) float64 {
	return stat.Correlation(ranks(x), ranks(y), nil)
}

func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	r := make([]float64, len(x))
	for k, i := range idx {
		r[i] = float64(k)
	}
	return r
}

// ksStatistic returns the Kolmogorov–Smirnov statistic of the sample x
// against the distribution d: sup |F_n(x) − F(x)|.
func ksStatistic(x []float64, d *Distribution) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := float64(len(s))
	var dmax float64
	for i, v := range s {
		f := d.CDF(v)
		dmax = max(dmax, math.Abs(float64(i+1)/n-f), math.Abs(f-float64(i)/n))
	}
	return dmax
}

// TestImanConover checks on 10⁵ draws that the achieved rank correlations
// are within 0.01 of the targets, that each marginal sample is unchanged
// (the same values, reordered) and still passes a Kolmogorov–Smirnov test
// against its distribution, and that an input in no correlation keeps its
// draws and stays uncorrelated.
func TestImanConover(t *testing.T) {
	const n = 100_000
	// The tolerance of the issue: achieved rank correlations within ±0.01.
	const tol = 0.01
	// Kolmogorov–Smirnov critical value at the 1 % level, 1.628/√n.
	ksCrit := 1.628 / math.Sqrt(n)
	must := mustDist(t)
	unc := []Input{
		NewInput("capital.share_pct", model.Set, must(NewUniform(28, 37))),
		NewInput("capital.ict_share", model.Set, must(NewTriangular(0.05, 0.1, 0.2))),
		NewInput("capital.private_ii_share", model.Set, must(NewBeta(5, 5, 0.15, 0.45))),
		NewInput("gdp.growth_pct", model.Add, must(NewTruncNormal(0, 0.6, -1.8, 1.8))),
		NewInput("labor.share_pct", model.Set, must(NewTriangular(0, 3.7, 8))),
	}
	cs := []Correlation{{0, 1, 0.5}, {0, 2, -0.3}, {1, 3, 0.7}, {2, 3, 0.2}}
	src := rand.NewPCG(1, 2)
	x := make([][]float64, len(unc))
	for i := range x {
		x[i] = make([]float64, n)
		for r := range x[i] {
			x[i][r] = unc[i].Dist.Rand(src)
		}
	}
	before := make([][]float64, len(x))
	for i := range x {
		before[i] = slices.Clone(x[i])
	}
	if err := ImanConover(x, unc, cs, 7); err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if got := spearman(x[c.A], x[c.B]); math.Abs(got-c.Rank) > tol {
			t.Errorf("%s–%s: rank correlation %.4f, want %v ± %v", unc[c.A].Name, unc[c.B].Name, got, c.Rank, tol)
		}
	}
	// Pairs not given are uncorrelated.
	for _, p := range [][2]int{{0, 3}, {1, 2}, {0, 4}, {3, 4}} {
		if got := spearman(x[p[0]], x[p[1]]); math.Abs(got) > tol {
			t.Errorf("%s–%s: rank correlation %.4f, want 0 ± %v", unc[p[0]].Name, unc[p[1]].Name, got, tol)
		}
	}
	for i := range x {
		a, b := slices.Clone(before[i]), slices.Clone(x[i])
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: the marginal sample changed", unc[i].Name)
		}
		if d := ksStatistic(x[i], &unc[i].Dist); d > ksCrit {
			t.Errorf("%s: Kolmogorov–Smirnov D = %.5f above %.5f", unc[i].Name, d, ksCrit)
		}
	}
	if !slices.Equal(x[4], before[4]) {
		t.Error("an input in no correlation was reordered")
	}

	// The same seed gives the same rearrangement.
	y := make([][]float64, len(before))
	for i := range y {
		y[i] = slices.Clone(before[i])
	}
	if err := ImanConover(y, unc, cs, 7); err != nil {
		t.Fatal(err)
	}
	for i := range y {
		if !slices.Equal(x[i], y[i]) {
			t.Errorf("%s: a second run with the same seed differs", unc[i].Name)
		}
	}
}

func TestCheckCorrelations(t *testing.T) {
	must := mustDist(t)
	u := must(NewUniform(0, 1))
	unc := []Input{NewInput("a", model.Set, u), NewInput("b", model.Set, u), NewInput("c", model.Set, u), NewInput("d", model.Set, u)}
	tests := []struct {
		name  string
		cs    []Correlation
		index int
		want  string
	}{
		{"ok", []Correlation{{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, 0.7}, {2, 3, -0.3}}, 0, ""},
		{"self", []Correlation{{1, 1, 0.5}}, 0, "b is correlated with itself"},
		{"one", []Correlation{{0, 1, 0.5}, {1, 2, 1}}, 1, "rank 1 between b and c must be strictly between -1 and 1"},
		{"nan", []Correlation{{0, 1, math.NaN()}}, 0, "rank NaN between a and b"},
		{"twice", []Correlation{{0, 1, 0.5}, {1, 0, 0.2}}, 1, "the pair b, a is given twice (correlation 1 and 2)"},
		{"not positive definite", []Correlation{{0, 1, 0.9}, {2, 3, 0.1}, {1, 2, 0.9}, {0, 2, -0.5}}, 3,
			"the rank correlation a–c = -0.5 is impossible together with a–b = 0.9, c–d = 0.1, b–c = 0.9: the correlation matrix is not positive definite; with the others as given it must lie strictly between 0.625 and 0.995"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckCorrelations(unc, tc.cs)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				return
			}
			ce, ok := err.(*CorrelationError)
			if !ok {
				t.Fatalf("got %v (%T), want a *CorrelationError", err, err)
			}
			if ce.Index != tc.index || !strings.Contains(ce.Msg, tc.want) {
				t.Errorf("got %d %q, want %d %q", ce.Index, ce.Msg, tc.index, tc.want)
			}
		})
	}
}

// TestCDF checks each distribution's CDF against its quantile function:
// F(Q(p)) = p.
func TestCDF(t *testing.T) {
	for name, d := range testDists(t) {
		for _, p := range []float64{0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999} {
			if got := d.CDF(d.Quantile(p)); math.Abs(got-p) > 1e-9 {
				t.Errorf("%s: F(Q(%v)) = %v", name, p, got)
			}
		}
		if lo, hi := d.Support(); d.CDF(lo) != 0 || d.CDF(hi) != 1 {
			t.Errorf("%s: F at the ends of the support: %v, %v", name, d.CDF(lo), d.CDF(hi))
		}
	}
}
