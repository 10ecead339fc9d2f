package model

import (
	"math"
	"testing"
)

// notFinite returns the predicate of Attribute for the value f reads from
// the result of year y.
func notFinite(y int, f func(*Year) float64) func(*Results) bool {
	return func(res *Results) bool {
		for i := range res.Years {
			if res.Years[i].Year == y {
				v := f(&res.Years[i])
				return math.IsNaN(v) || math.IsInf(v, 0)
			}
		}
		return false
	}
}

// sharesInputs returns n years from 2018 in the shares form: growth g,
// σ_L = 0.1, σ_K = 0.3, λ = 0.1, φ = 0.2, π = 0.5, θ = 0.2.
func sharesInputs(n int, base, g float64) *Inputs {
	in := NewInputs(2018, n)
	in.BaseGDP = base
	for i := range n {
		in.Growth[i] = g
		in.LaborShare[i], in.CapitalShare[i] = 0.1, 0.3
		in.LaborII[i], in.ICTShare[i], in.PrivateIIShare[i] = 0.1, 0.2, 0.5
		for d := range NumDimensions {
			in.TFPII[d][i] = 0.2
		}
	}
	return in
}

// TestAttribute: inputs built here, past validation, that make the
// evaluation give a value that is not finite; Attribute names the inputs
// that produce it. Validated inputs no longer reach one (MinGrowth,
// MaxYears and the domains keep every value finite), so these are the
// cases a future change of the model could open.
func TestAttribute(t *testing.T) {
	gdp := func(y *Year) float64 { return y.GDP }
	ii := func(y *Year) float64 { return y.II }
	for _, c := range []struct {
		name string
		in   func() *Inputs
		bad  func(*Results) bool
		want string // Attribution.String(); "" for nil
	}{{
		// Every value in its domain, but a span of 1000 years (five
		// times MaxYears): 1e12·2^985 passes the largest float64 in
		// 3003. Every year of growth until then is necessary, each
		// alone (one doubling less is finite), and so is the base.
		name: "a base of 1e12 compounding at 100 % for 985 years",
		in:   func() *Inputs { return sharesInputs(1000, 1e12, 1) },
		bad:  notFinite(3003, gdp),
		want: "produced by gdp.base_yi = 1000000000000 with gdp.growth_pct = 100 in 2019–3003",
	}, {
		// A base outside its domain explains the value alone; the
		// growth that compounds it, in its domain, is not named.
		name: "a base of 1e300 compounding at 100 %",
		in:   func() *Inputs { return sharesInputs(100, 1e300, 1) },
		bad:  notFinite(2046, gdp),
		want: "produced by gdp.base_yi = 1e+300",
	}, {
		name: "an infinite share, echoed in its column",
		in: func() *Inputs {
			in := sharesInputs(3, 1000, 0.05)
			in.LaborShare[1] = math.Inf(1)
			return in
		},
		bad:  notFinite(2020, func(y *Year) float64 { return y.Share[Labor] }),
		want: "produced by labor.share_pct[2020] = +Inf",
	}, {
		// λ and φ are NaN in 2019: either alone makes II NaN, so
		// neither alone is necessary; together they are.
		name: "two NaN channels",
		in: func() *Inputs {
			in := sharesInputs(3, 1000, 0.05)
			in.LaborII[0], in.ICTShare[0] = math.NaN(), math.NaN()
			return in
		},
		bad:  notFinite(2019, ii),
		want: "produced by each of labor.ii_share[2019] = NaN and capital.ict_share[2019] = NaN (setting back one alone is not enough)",
	}, {
		// θ = κ·I/100 = 5e307 overflows the TFP channel.
		name: "an index link with κ = 1e308",
		in: func() *Inputs {
			in := sharesInputs(3, 1000, 0.05)
			in.Index = NewIndexLink(3)
			for i := range in.Index.Level {
				in.Index.Level[i] = 0.5
			}
			in.Index.Kappa[TechnicalProgress] = 1e308
			FillIndex(in)
			return in
		},
		bad:  notFinite(2019, ii),
		want: "produced by cii.kappa.technical_progress = 1e+308",
	}, {
		// Attribute takes any predicate: here "the TFP channel of 2019
		// is above 1e10 亿元" (it is 4.5e10) stands for "not finite".
		// Every value is in its domain: the base, that year's growth
		// (TFP's contribution), index and κ are each necessary; the
		// weight, set back to 0.25, still leaves 1.1e10.
		name: "any predicate, every input in its domain",
		in: func() *Inputs {
			in := sharesInputs(3, 1e12, 0.05)
			in.Index = NewIndexLink(3)
			in.Index.Level[0] = 0.5
			in.Index.Kappa[TechnicalProgress] = 3
			FillIndex(in)
			in.Weight = [NumDimensions]float64{1, 0, 0, 0}
			return in
		},
		bad:  func(r *Results) bool { return r.Years[0].Channel[ChannelTP] > 1e10 },
		want: "produced by gdp.base_yi = 1000000000000 with gdp.growth_pct[2019] = 5, cii.index_pts[2019] = 50 and cii.kappa.technical_progress = 3",
	}, {
		// Capital of 1e308 × GDP overflows in the base year, and the
		// growth of capital with it (Inf/Inf).
		name: "a Solow capital–output ratio of 1e308",
		in: func() *Inputs {
			in := sharesInputs(5, 1000, 0)
			in.Solow = constSolow(5, 1e308, 0.4, 0.05, 0.4, 0.01, 0.01, 0)
			FillInputs(in, in.Solow)
			return in
		},
		bad:  notFinite(2019, gdp),
		want: "produced by solow.capital_output_ratio = 1e+308",
	}, {
		name: "a finite result",
		in:   func() *Inputs { return sharesInputs(3, 1000, 0.05) },
		bad:  notFinite(2019, gdp),
		want: "",
	}, {
		name: "not a value of the inputs",
		in:   func() *Inputs { return sharesInputs(3, 1000, 0.05) },
		bad:  func(*Results) bool { return true },
		want: "",
	}} {
		t.Run(c.name, func(t *testing.T) {
			in := c.in()
			before := in.Clone()
			a := Attribute(in, c.bad)
			if got := a.String(); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
			if !sameBits(in, before) {
				t.Error("Attribute changed its inputs")
			}
		})
	}
}

func TestCauseString(t *testing.T) {
	for _, c := range []struct {
		cause Cause
		want  string
	}{
		{Cause{Key: "gdp.base_yi", Values: []float64{1000000000001}}, "gdp.base_yi = 1000000000001"},
		{Cause{Key: "gdp.growth_pct", Years: []int{2019}, Values: []float64{3e-322}}, "gdp.growth_pct[2019] = 3e-322"},
		{Cause{Key: "gdp.growth_pct", Years: []int{2019, 2020, 2021}, Values: []float64{100, 100, 100}}, "gdp.growth_pct = 100 in 2019–2021"},
		{Cause{Key: "gdp.growth_pct", Years: []int{2019, 2020, 2021}, Values: []float64{3.7, 100, 1}}, "gdp.growth_pct = 1 … 100 in 2019–2021"},
		{Cause{Key: "labor.share_pct", Years: []int{2019, 2021}, Values: []float64{50, 50}}, "labor.share_pct = 50 in 2 years of 2019–2021"},
		{Cause{Key: "capital.ict_share", Years: []int{2019, 2020}, Values: []float64{0.2, math.NaN()}}, "capital.ict_share = NaN … NaN in 2019–2020"},
	} {
		if got := c.cause.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	a := &Attribution{}
	for i := range 6 {
		a.Causes = append(a.Causes, Cause{Key: "k", Years: []int{2019 + i}, Values: []float64{1}})
	}
	if got, want := a.String(), "produced by k[2019] = 1 with k[2020] = 1, k[2021] = 1, k[2022] = 1 and 2 more"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFormatExact(t *testing.T) {
	for v, want := range map[float64]string{
		3.7: "3.7", 1000000000001: "1000000000001", 1e300: "1e+300", 3e-322: "3e-322",
		-0.5: "-0.5", 0: "0", 1e21: "1e+21", math.Inf(-1): "-Inf",
	} {
		if got := FormatExact(v); got != want {
			t.Errorf("FormatExact(%v) = %q, want %q", v, got, want)
		}
	}
}

// sameBits reports whether a and b hold the same values, bit for bit (NaN
// equal to NaN), Solow part included.
func sameBits(a, b *Inputs) bool {
	same := func(x, y []float64) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
				return false
			}
		}
		return true
	}
	as, bs := a.series(), b.series()
	for i := range as {
		if !same(*as[i], *bs[i]) {
			return false
		}
	}
	if (a.Solow == nil) != (b.Solow == nil) {
		return false
	}
	if a.Solow != nil {
		as, bs := a.Solow.series(), b.Solow.series()
		for i := range as {
			if !same(*as[i], *bs[i]) {
				return false
			}
		}
		if !same([]float64{a.Solow.CapitalOutput}, []float64{b.Solow.CapitalOutput}) {
			return false
		}
	}
	return same([]float64{a.BaseGDP}, []float64{b.BaseGDP}) && same(a.Weight[:], b.Weight[:])
}
