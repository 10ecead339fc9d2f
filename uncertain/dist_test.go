package uncertain

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/integrate/quad"
	"gonum.org/v1/gonum/stat/distuv"
)

// mustDist returns a function that returns d or fails the test on err.
func mustDist(t *testing.T) func(d Distribution, err error) Distribution {
	return func(d Distribution, err error) Distribution {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
}

func testDists(t *testing.T) map[string]Distribution {
	must := mustDist(t)
	return map[string]Distribution{
		"uniform":         must(NewUniform(-1, 3)),
		"triangular":      must(NewTriangular(0.08, 0.15, 0.25)),
		"triangular-edge": must(NewTriangular(0, 0, 1)),
		"normal":          must(NewNormal(2, 0.5)),
		"truncnormal":     must(NewTruncNormal(32.5, 5, 22.5, 42.5)),
		"truncnormal-off": must(NewTruncNormal(0, 1, 0.5, 3)),
		"truncnormal-far": must(NewTruncNormal(0, 1, 6, 7)),
		"truncnormal-neg": must(NewTruncNormal(0, 1, -7, -6)),
		"lognormal":       must(NewLogNormal(0, 0.2, 0, math.Inf(1))),
		"lognormal-trunc": must(NewLogNormal(0, 0.2, 0.8, 1.3)),
		"beta":            must(NewBeta(5, 5, 0.15, 0.45)),
		"beta-skew":       must(NewBeta(2, 7, 0, 1)),
	}
}

// TestMoments checks each distribution's Mean and Variance against the
// integrals of its quantile function, ∫Q(p)dp and ∫Q(p)²dp − mean², and
// its quantile against gonum's where gonum has the distribution.
func TestMoments(t *testing.T) {
	// momentTol: Gauss–Legendre on [0, 1] of the quantile function, whose
	// ends are steep for unbounded distributions (the normal's is skipped).
	const momentTol = 1e-6
	for name, d := range testDists(t) {
		t.Run(name, func(t *testing.T) {
			if !d.Bounded() && d.Family == Normal {
				return
			}
			m1 := quad.Fixed(d.Quantile, 0, 1, 2000, nil, 0)
			m2 := quad.Fixed(func(p float64) float64 { q := d.Quantile(p); return q * q }, 0, 1, 2000, nil, 0)
			if !scalar.EqualWithinAbsOrRel(d.Mean(), m1, momentTol, momentTol) {
				t.Errorf("mean: got %v, want %v", d.Mean(), m1)
			}
			v := m2 - m1*m1
			if !scalar.EqualWithinAbsOrRel(d.Variance(), v, momentTol, 1e-4) {
				t.Errorf("variance: got %v, want %v", d.Variance(), v)
			}
		})
	}
	// Against gonum's own distributions.
	ds := testDists(t)
	nrm, lgn, tri, bet := ds["normal"], ds["lognormal"], ds["triangular"], ds["beta-skew"]
	for _, p := range []float64{0.01, 0.05, 0.3, 0.5, 0.9, 0.999} {
		pairs := []struct {
			name      string
			got, want float64
		}{
			{"normal", nrm.Quantile(p), distuv.Normal{Mu: 2, Sigma: 0.5}.Quantile(p)},
			{"lognormal", lgn.Quantile(p), distuv.LogNormal{Mu: 0, Sigma: 0.2}.Quantile(p)},
			{"triangular", tri.Quantile(p), distuv.NewTriangle(0.08, 0.25, 0.15, nil).Quantile(p)},
			{"beta", bet.Quantile(p), distuv.Beta{Alpha: 2, Beta: 7}.Quantile(p)},
		}
		for _, c := range pairs {
			if !scalar.EqualWithinAbsOrRel(c.got, c.want, 1e-12, 1e-12) {
				t.Errorf("%s Q(%v): got %v, want %v", c.name, p, c.got, c.want)
			}
		}
	}
}

// TestTruncatedCDF checks the truncated normal's quantile against its CDF,
// (Φ(x) − Φ(a)) / (Φ(b) − Φ(a)), computed with gonum's normal.
func TestTruncatedCDF(t *testing.T) {
	for _, c := range []struct{ mu, sd, lo, hi float64 }{{0, 1, -1, 2}, {32.5, 5, 22.5, 42.5}, {0, 1, 0.5, 3}, {0, 1, -3, -0.5}} {
		d := mustDist(t)(NewTruncNormal(c.mu, c.sd, c.lo, c.hi))
		n := distuv.Normal{Mu: c.mu, Sigma: c.sd}
		for _, p := range []float64{0, 0.05, 0.25, 0.5, 0.75, 0.95, 1} {
			x := d.Quantile(p)
			got := (n.CDF(x) - n.CDF(c.lo)) / (n.CDF(c.hi) - n.CDF(c.lo))
			if !scalar.EqualWithinAbs(got, p, 1e-12) {
				t.Errorf("%+v: F(Q(%v)) = %v", c, p, got)
			}
			if x < c.lo || x > c.hi {
				t.Errorf("%+v: Q(%v) = %v outside the bounds", c, p, x)
			}
		}
	}
}

// TestRand checks sample means and variances of Rand against the exact
// moments: with n draws the sample mean is within 5 standard errors.
func TestRand(t *testing.T) {
	const n = 100000
	// Kolmogorov–Smirnov critical value at the 0.1 % level, 1.95/√n.
	ksCrit := 1.95 / math.Sqrt(n)
	src := rand.NewPCG(1, 2)
	for name, d := range testDists(t) {
		var s, s2 float64
		lo, hi := d.Support()
		xs := make([]float64, n)
		for i := range n {
			x := d.Rand(src)
			if x < lo || x > hi {
				t.Fatalf("%s: draw %v outside [%v, %v]", name, x, lo, hi)
			}
			s += x
			s2 += x * x
			xs[i] = x
		}
		if ks := ksStatistic(xs, &d); ks > ksCrit {
			t.Errorf("%s: Kolmogorov–Smirnov D = %.5f above %.5f", name, ks, ksCrit)
		}
		mean := s / n
		v := s2/n - mean*mean
		se := math.Sqrt(d.Variance() / n)
		if math.Abs(mean-d.Mean()) > 5*se {
			t.Errorf("%s: sample mean %v, want %v ± %v", name, mean, d.Mean(), 5*se)
		}
		if !scalar.EqualWithinRel(v, d.Variance(), 0.05) {
			t.Errorf("%s: sample variance %v, want %v", name, v, d.Variance())
		}
	}
}

func TestRandAllocs(t *testing.T) {
	src := rand.NewPCG(1, 2)
	for name, d := range testDists(t) {
		if a := testing.AllocsPerRun(100, func() { d.Rand(src) }); a != 0 {
			t.Errorf("%s: %v allocations per draw", name, a)
		}
	}
}

func TestNewErrors(t *testing.T) {
	inf := math.Inf(1)
	for name, err := range map[string]error{
		"uniform empty":        second(NewUniform(1, 1)),
		"uniform nan":          second(NewUniform(math.NaN(), 1)),
		"triangle mode":        second(NewTriangular(0, 2, 1)),
		"normal sd":            second(NewNormal(0, 0)),
		"trunc empty":          second(NewTruncNormal(0, 1, 2, 1)),
		"trunc no mass":        second(NewTruncNormal(0, 1, 50, 60)),
		"trunc inf":            second(NewTruncNormal(0, 1, 0, inf)),
		"lognormal negative":   second(NewLogNormal(0, 1, -1, 2)),
		"lognormal sigma":      second(NewLogNormal(0, -1, 0, inf)),
		"beta shape":           second(NewBeta(0, 1, 0, 1)),
		"beta interval":        second(NewBeta(1, 1, 1, 0)),
		"lognormal empty":      second(NewLogNormal(0, 1, 2, 2)),
		"lognormal inf bounds": second(NewLogNormal(0, 1, inf, inf)),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func second(_ Distribution, err error) error { return err }

func TestFamilies(t *testing.T) {
	for _, n := range Families() {
		f, ok := ParseFamily(n)
		if !ok || f.String() != n {
			t.Errorf("%s: %v %v", n, f, ok)
		}
	}
	if _, ok := ParseFamily("gauss"); ok {
		t.Error("gauss parsed")
	}
}

// TestNew checks that New, given each family's parameters in the order of
// Family.Params, builds the distribution the family's constructor does, and
// that String writes the parameters under the names Params gives them.
func TestNew(t *testing.T) {
	must := mustDist(t)
	inf := math.Inf(1)
	for _, tc := range []struct {
		f    Family
		v    []float64
		want Distribution
	}{
		{Uniform, []float64{-1, 3}, must(NewUniform(-1, 3))},
		{Triangular, []float64{0.08, 0.15, 0.25}, must(NewTriangular(0.08, 0.15, 0.25))},
		{Normal, []float64{2, 0.5}, must(NewNormal(2, 0.5))},
		{TruncNormal, []float64{32.5, 5, 22.5, 42.5}, must(NewTruncNormal(32.5, 5, 22.5, 42.5))},
		{LogNormal, []float64{0, 0.2, 0.8, 1.3}, must(NewLogNormal(0, 0.2, 0.8, 1.3))},
		{Beta, []float64{5, 5, 0.15, 0.45}, must(NewBeta(5, 5, 0.15, 0.45))},
	} {
		got, err := New(tc.f, tc.v)
		// The beta's quantile table is built anew: compare all else.
		got.binv, tc.want.binv = nil, nil
		if err != nil || got != tc.want {
			t.Errorf("New(%v, %v): got %v, %v, want %v", tc.f, tc.v, got, err, tc.want)
		}
		s := got.String()
		for _, p := range tc.f.Params() {
			if !strings.Contains(s, p.Name+"=") {
				t.Errorf("%s lacks %s", s, p.Name)
			}
		}
	}
	// Optional parameters at their defaults: no truncation, the unit interval.
	var v []float64
	for _, p := range LogNormal.Params() {
		v = append(v, p.Default)
	}
	v[0], v[1] = 0, 0.2
	if got, _ := New(LogNormal, v); got != must(NewLogNormal(0, 0.2, 0, inf)) {
		t.Errorf("lognormal with the defaults: got %v", got.String())
	}
	if ps := Beta.Params(); ps[2].Default != 0 || ps[3].Default != 1 || !ps[2].Optional || ps[0].Optional {
		t.Errorf("beta's parameters: %v", ps)
	}
	if _, err := New(Uniform, []float64{1, 0}); err == nil {
		t.Error("New(uniform, [1, 0]): no error")
	}
}

// TestBetaSameAsGonum checks that the beta's draws are gonum's
// distuv.Beta.Rand's, number for number, from the same source.
func TestBetaSameAsGonum(t *testing.T) {
	for _, ab := range [][2]float64{{5, 5}, {2, 7}, {1, 1}, {1, 3.5}, {30, 2}} {
		d, err := NewBeta(ab[0], ab[1], 0.15, 0.45)
		if err != nil {
			t.Fatal(err)
		}
		src1, src2 := rand.NewPCG(3, 4), rand.NewPCG(3, 4)
		g := distuv.Beta{Alpha: ab[0], Beta: ab[1], Src: src2}
		for i := range 10000 {
			if got, want := d.Rand(src1), d.Min+(d.Max-d.Min)*g.Rand(); got != want {
				t.Fatalf("beta(%v, %v) draw %d: %v, gonum %v", ab[0], ab[1], i, got, want)
			}
		}
	}
}

// TestExtremeShapesDraw: every draw of a valid distribution is a number
// inside its support (issue 17: beta(0.001, 0.001) drew NaN).
func TestExtremeShapesDraw(t *testing.T) {
	for _, ab := range [][2]float64{{0.001, 0.001}, {1e-6, 5}, {0.01, 1e-4}} {
		d, err := New(Beta, []float64{ab[0], ab[1], 0, 1})
		if err != nil {
			t.Fatalf("beta%v: %v", ab, err)
		}
		src := rand.NewPCG(1, 2)
		for i := range 20000 {
			if v := d.Rand(src); math.IsNaN(v) || v < 0 || v > 1 {
				t.Fatalf("beta%v: draw %d is %v", ab, i, v)
			}
		}
	}
}

// TestTriangularSameAsGonum checks the triangular quantile against gonum's
// distuv.Triangle, number for number.
func TestTriangularSameAsGonum(t *testing.T) {
	for _, abc := range [][3]float64{{0.08, 0.15, 0.25}, {0, 3.7, 8}, {0, 0, 1}, {0.15, 0.25, 0.35}, {-2, 1, 1}} {
		d, err := NewTriangular(abc[0], abc[1], abc[2])
		if err != nil {
			t.Fatal(err)
		}
		g := distuv.NewTriangle(abc[0], abc[2], abc[1], nil)
		for i := range 10001 {
			p := float64(i) / 10000
			if got, want := d.Quantile(p), g.Quantile(p); got != want {
				t.Fatalf("triangular%v at %v: %v, gonum %v", abc, p, got, want)
			}
		}
	}
}

// TestBetaQuantile checks the beta quantile (betaInv) against gonum's on a
// fine grid and in the tails, for shapes with a density that vanishes,
// stays finite or blows up at the ends, and that it never decreases.
func TestBetaQuantile(t *testing.T) {
	// betaTol: relative agreement with cephes' incbi, itself accurate to
	// about 1e-14.
	const betaTol = 1e-12
	for _, ab := range [][2]float64{{5, 5}, {2, 7}, {1, 1}, {0.5, 0.5}, {0.3, 4}, {30, 2}, {1.5, 1}, {200, 300}} {
		d, err := NewBeta(ab[0], ab[1], 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		g := distuv.Beta{Alpha: ab[0], Beta: ab[1]}
		var ps []float64
		for i := range 20001 {
			ps = append(ps, float64(i)/20000)
		}
		for e := 1; e <= 12; e++ {
			ps = append(ps, math.Pow(10, -float64(e)), 1-math.Pow(10, -float64(e)))
		}
		slices.Sort(ps)
		prev := -1.0
		for _, p := range ps {
			got, want := d.Quantile(p), g.Quantile(p)
			if !scalar.EqualWithinAbsOrRel(got, want, 1e-300, betaTol) {
				t.Errorf("beta%v: Q(%v) = %v, gonum %v", ab, p, got, want)
			}
			if got < prev-1e-15 {
				t.Errorf("beta%v: Q decreases at %v", ab, p)
			}
			prev = got
		}
	}
}

func BenchmarkBetaQuantile(b *testing.B) {
	d, err := NewBeta(5, 5, 0.15, 0.45)
	if err != nil {
		b.Fatal(err)
	}
	p := 0.0
	var s float64
	for b.Loop() {
		if p += 0.618034; p > 1 {
			p--
		}
		s += d.Quantile(p)
	}
	_ = s
}
