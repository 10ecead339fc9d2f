package model

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// solowInputs returns a span of n years from 2017 with the Solow part s,
// filled. Every attribution input is set so that every channel is active.
func solowInputs(t *testing.T, s *Solow) *Inputs {
	t.Helper()
	n := len(s.Alpha)
	in := NewInputs(2017, n)
	in.BaseGDP = 800000
	for i := range n {
		in.ICTShare[i] = 0.15
		in.PrivateIIShare[i] = 0.3
		for d := range NumDimensions {
			in.TFPII[d][i] = 0.2
		}
	}
	in.Solow = s
	FillInputs(in, s)
	return in
}

// constSolow returns Solow inputs for n years, every per-year value constant.
func constSolow(n int, kappa, invest, delta, alpha, gA, gL, gh float64) *Solow {
	s := NewSolow(n, false)
	s.CapitalOutput = kappa
	for i := range n {
		s.Investment[i], s.Depreciation[i], s.Alpha[i] = invest, delta, alpha
		s.TFPGrowth[i], s.LaborGrowth[i], s.HumanCapitalGrowth[i] = gA, gL, gh
	}
	return s
}

// withICT adds an ICT split to s.
func withICT(s *Solow, share, psi, deltaICT float64) *Solow {
	s.ICT = true
	s.ICTCapitalShare = share
	for i := range s.Alpha {
		s.ICTInvestmentShare[i], s.ICTDepreciation[i] = psi, deltaICT
	}
	return s
}

// solowCases are Solow inputs of several shapes: China-like, with the ICT
// split, a time-varying α, a shrinking economy, and a shrinking ICT stock.
func solowCases() map[string]*Solow {
	varying := constSolow(7, 5, 0.65, 0.053, 0.42, 0.001, 0.001, 0.013)
	for i := range varying.Alpha {
		varying.Alpha[i] = 0.30 + 0.04*float64(i)
		varying.Investment[i] = 0.40 + 0.03*float64(i)
		varying.TFPGrowth[i] = 0.02 - 0.01*float64(i%3)
	}
	return map[string]*Solow{
		"china-like":        constSolow(7, 5.0, 0.658, 0.0534, 0.417, 0.0007, 0.0013, 0.013),
		"ict split":         withICT(constSolow(7, 5.0, 0.658, 0.047, 0.417, 0.0007, 0.0013, 0.013), 0.04, 0.10, 0.20),
		"varying alpha":     varying,
		"recession":         constSolow(5, 3, 0.05, 0.10, 0.35, -0.04, -0.02, 0),
		"ict stock shrinks": withICT(constSolow(5, 3, 0.25, 0.05, 0.35, 0.01, 0.01, 0.01), 0.10, 0.01, 0.30),
	}
}

// TestSolowIdentities checks, for every case, that the contributions add up
// to the growth of the Solow path, that the split is the production
// function's (c_K = α·g_K, c_L = (1−α)·g_H), that FillInputs and SolowPath
// agree, and that TFP's residual contribution is g_A up to second-order
// terms.
func TestSolowIdentities(t *testing.T) {
	for name, s := range solowCases() {
		t.Run(name, func(t *testing.T) {
			in := solowInputs(t, s)
			if err := in.Validate(); err != nil && name != "ict stock shrinks" {
				t.Fatalf("Validate: %v", err)
			}
			var res Results
			Evaluate(&res, in)
			checkIdentities(t, in, &res)
			path := make([]SolowYear, in.Len())
			SolowPath(path, in, s)
			prevY, prevK := in.BaseGDP, s.CapitalOutput*in.BaseGDP
			for i, y := range res.Years {
				p := path[i]
				sum := y.Contribution[Labor] + y.Contribution[Capital] + y.Contribution[TFP]
				gH := (1+s.LaborGrowth[i])*(1+s.HumanCapitalGrowth[i]) - 1
				a := s.Alpha[i]
				for _, c := range []struct {
					name      string
					got, want float64
				}{
					{"Σ c = g", sum, y.Growth},
					{"g = path growth", y.Growth, p.Growth},
					{"g = Y_t/Y_{t−1} − 1", y.Growth, p.GDP/prevY - 1},
					{"Y_t (Evaluate) = Y_t (path)", y.GDP / p.GDP, 1},
					{"g_K = K_t/K_{t−1} − 1", in.CapitalGrowth[i], p.Capital/prevK - 1},
					{"c_K = α·g_K", y.Contribution[Capital], a * p.CapitalGrowth},
					{"c_L = (1−α)·g_H", y.Contribution[Labor], (1 - a) * gH},
				} {
					if !scalar.EqualWithinAbsOrRel(c.got, c.want, identityTol, identityTol) {
						t.Errorf("%d %s: got %v, want %v", y.Year, c.name, c.got, c.want)
					}
				}
				// The log form is exact; the simple residual differs from
				// g_A by second-order terms only.
				logSum := math.Log1p(s.TFPGrowth[i]) + a*math.Log1p(p.CapitalGrowth) + (1-a)*math.Log1p(gH)
				if !scalar.EqualWithinAbsOrRel(math.Log1p(y.Growth), logSum, identityTol, identityTol) {
					t.Errorf("%d: ln(1+g) = %v, log contributions add to %v", y.Year, math.Log1p(y.Growth), logSum)
				}
				second := s.TFPGrowth[i]*s.TFPGrowth[i] + p.CapitalGrowth*p.CapitalGrowth + gH*gH
				if d := math.Abs(y.Contribution[TFP] - s.TFPGrowth[i]); d > 2*second {
					t.Errorf("%d: c_A = %v is %v from g_A = %v, more than second-order (%v)", y.Year, y.Contribution[TFP], d, s.TFPGrowth[i], 2*second)
				}
				prevY, prevK = p.GDP, p.Capital
			}
		})
	}
}

// TestSolowICTShare checks that with the ICT split φ is ICT capital's share
// of capital's contribution, α·ΔK^ICT/K_{t−1} over c_K, computed here from
// the two stocks accumulated by hand; and that it lies in [0, 1] when both
// stocks grow.
func TestSolowICTShare(t *testing.T) {
	for _, name := range []string{"ict split", "ict stock shrinks"} {
		t.Run(name, func(t *testing.T) {
			s := solowCases()[name]
			in := solowInputs(t, s)
			var res Results
			Evaluate(&res, in)
			path := make([]SolowYear, in.Len())
			SolowPath(path, in, s)
			y := in.BaseGDP
			kI := s.ICTCapitalShare * s.CapitalOutput * y
			kN := (1 - s.ICTCapitalShare) * s.CapitalOutput * y
			for i, r := range res.Years {
				inv := s.Investment[i] * y
				kI1 := (1-s.ICTDepreciation[i])*kI + s.ICTInvestmentShare[i]*inv
				kN1 := (1-s.Depreciation[i])*kN + (1-s.ICTInvestmentShare[i])*inv
				ictContribution := s.Alpha[i] * (kI1 - kI) / (kI + kN)
				want := ictContribution / r.Contribution[Capital]
				if got := in.ICTShare[i]; !scalar.EqualWithinAbsOrRel(got, want, identityTol, identityTol) {
					t.Errorf("%d: φ = %v, want %v", r.Year, got, want)
				}
				if got := path[i].ICTCapital; !scalar.EqualWithinAbsOrRel(got, kI1, identityTol, identityTol) {
					t.Errorf("%d: K^ICT = %v, want %v", r.Year, got, kI1)
				}
				bothGrow := kI1 > kI && kN1 > kN
				if inRange := in.ICTShare[i] >= 0 && in.ICTShare[i] <= 1; bothGrow && !inRange {
					t.Errorf("%d: φ = %v outside [0, 1] although both stocks grow", r.Year, in.ICTShare[i])
				}
				if name == "ict stock shrinks" && in.ICTShare[i] >= 0 {
					t.Errorf("%d: φ = %v, want < 0 as the ICT stock shrinks while capital grows", r.Year, in.ICTShare[i])
				}
				// The capital channel is π times the ICT contribution.
				wantII := y * in.PrivateIIShare[i] * ictContribution
				if !scalar.EqualWithinAbsOrRel(r.Channel[ChannelCapital], wantII, identityTol, identityTol) {
					t.Errorf("%d: capital channel %v, want π·Y·c_ICT = %v", r.Year, r.Channel[ChannelCapital], wantII)
				}
				y, kI, kN = r.GDP, kI1, kN1
			}
		})
	}
}

func TestSolowICTSplitNeutral(t *testing.T) {
	// With equal depreciation rates, splitting capital changes nothing but φ.
	plain := constSolow(6, 4, 0.45, 0.06, 0.4, 0.01, 0.005, 0.01)
	split := withICT(constSolow(6, 4, 0.45, 0.06, 0.4, 0.01, 0.005, 0.01), 0.1, 0.1, 0.06)
	a, b := solowInputs(t, plain), solowInputs(t, split)
	for i := range a.Len() {
		if !scalar.EqualWithinAbsOrRel(a.Growth[i], b.Growth[i], identityTol, identityTol) {
			t.Errorf("year %d: growth %v with the split, %v without", i, b.Growth[i], a.Growth[i])
		}
		// The ICT stock keeps its 10 % share: φ = 0.1.
		if !scalar.EqualWithinAbsOrRel(b.ICTShare[i], 0.1, identityTol, identityTol) {
			t.Errorf("year %d: φ = %v, want 0.1", i, b.ICTShare[i])
		}
	}
}

// TestConstantReturns: doubling capital and labour input doubles output,
// for the production function and for a whole Solow path (doubling the
// base GDP doubles capital, and every level follows).
func TestConstantReturns(t *testing.T) {
	for _, c := range []struct{ a, k, h, alpha float64 }{
		{1, 5, 1, 0.4}, {1.3, 0.2, 7, 0.33}, {0.9, 12, 3, 0}, {2, 3, 0.5, 1},
	} {
		y1, y2 := CobbDouglas(c.a, c.k, c.h, c.alpha), CobbDouglas(c.a, 2*c.k, 2*c.h, c.alpha)
		if !scalar.EqualWithinAbsOrRel(y2, 2*y1, identityTol, identityTol) {
			t.Errorf("%+v: F(2K, 2H) = %v, want 2·F(K, H) = %v", c, y2, 2*y1)
		}
	}
	for name, s := range solowCases() {
		in := solowInputs(t, s)
		in2 := in.Clone()
		in2.BaseGDP *= 2
		p1, p2 := make([]SolowYear, in.Len()), make([]SolowYear, in.Len())
		SolowPath(p1, in, s)
		SolowPath(p2, in2, in2.Solow)
		for i := range p1 {
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"Y", p2[i].GDP, 2 * p1[i].GDP},
				{"K", p2[i].Capital, 2 * p1[i].Capital},
				{"g", p2[i].Growth, p1[i].Growth},
			} {
				if !scalar.EqualWithinAbsOrRel(c.got, c.want, identityTol, identityTol) {
					t.Errorf("%s %d: doubled %s = %v, want %v", name, p1[i].Year, c.what, c.got, c.want)
				}
			}
		}
	}
}

// TestSteadyState: without TFP, labour or human-capital growth, and with
// capital at its steady state K/Y = s/δ, investment just replaces
// depreciation and nothing grows.
func TestSteadyState(t *testing.T) {
	for _, c := range []struct{ invest, delta, alpha float64 }{
		{0.25, 0.05, 0.3}, {0.658, 0.0534, 0.417}, {0.1, 0.08, 0.5},
	} {
		t.Run(fmt.Sprint(c), func(t *testing.T) {
			s := constSolow(10, c.invest/c.delta, c.invest, c.delta, c.alpha, 0, 0, 0)
			in := solowInputs(t, s)
			for i, g := range in.Growth {
				if math.Abs(g) > identityTol || math.Abs(in.CapitalGrowth[i]) > identityTol {
					t.Errorf("year %d: g = %v, g_K = %v; want 0", in.FirstYear()+i, g, in.CapitalGrowth[i])
				}
			}
			// Off the steady state, capital and GDP converge toward it.
			s.CapitalOutput *= 0.8
			FillInputs(in, s)
			if in.CapitalGrowth[0] <= 0 || in.Growth[0] <= 0 {
				t.Errorf("below the steady state: g_K = %v, g = %v; want both > 0", in.CapitalGrowth[0], in.Growth[0])
			}
		})
	}
}

// TestSolowByHand checks the first year of a small case worked out by hand.
func TestSolowByHand(t *testing.T) {
	// Y_b = 100, K_b = 300; s = 0.3, δ = 0.1: K_1 = 270 + 30 = 300, g_K = 0.
	// g_A = 2 %, g_L = 1 %, g_h = 1 %, α = 0.5:
	// Y_1 = 100·1.02·1·(1.01·1.01)^0.5 = 103.02, g = 3.02 %.
	s := constSolow(1, 3, 0.3, 0.1, 0.5, 0.02, 0.01, 0.01)
	in := NewInputs(2000, 1)
	in.BaseGDP = 100
	FillInputs(in, s)
	if !scalar.EqualWithinAbsOrRel(in.Growth[0], 0.0302, 1e-12, 1e-12) || in.CapitalGrowth[0] != 0 {
		t.Errorf("g = %v, g_K = %v; want 0.0302, 0", in.Growth[0], in.CapitalGrowth[0])
	}
	if in.Form[0] != Production || in.Alpha[0] != 0.5 || !scalar.EqualWithinAbsOrRel(in.LaborGrowth[0], 0.0201, 1e-12, 1e-12) {
		t.Errorf("form %v, α %v, g_H %v; want production, 0.5, 0.0201", in.Form[0], in.Alpha[0], in.LaborGrowth[0])
	}
}

func TestSolowLookup(t *testing.T) {
	in := solowInputs(t, solowCases()["china-like"]) // 2018–2024
	ict := solowInputs(t, solowCases()["ict split"])
	plain := testInputs()
	tests := []struct {
		in      *Inputs
		path    string
		n       int    // values addressed
		wantErr string // substring
	}{
		{in, "solow.tfp_growth_pct", 7, ""},
		{in, "solow.tfp_growth_pct[2024]", 1, ""},
		{in, "solow.investment_rate_pct", 7, ""},
		{in, "solow.investment_rate_pct[2017]", 1, ""},
		{in, "solow.investment_rate_pct[2024]", 0, "outside 2017–2023"},
		{in, "solow.tfp_growth_pct[2017]", 0, "outside 2018–2024"},
		{in, "solow.capital_output_ratio", 1, ""},
		{in, "capital.ict_share", 7, ""},
		{in, "gdp.growth_pct", 0, "the Solow model computes"},
		{in, "capital.growth_pct[2019]", 0, "the Solow model computes"},
		{in, "solow.ict.capital_share", 0, "does not split capital"},
		{ict, "solow.ict.investment_share[2017]", 1, ""},
		{ict, "capital.ict_share", 0, "the Solow model computes"},
		{plain, "solow.tfp_growth_pct", 0, `mode "solow"`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r, err := Lookup(tt.in, tt.path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Len() != tt.n {
				t.Errorf("got %d values, want %d", r.Len(), tt.n)
			}
		})
	}
}

// TestSolowSet checks that setting a Solow input through a Ref recomputes
// the derived inputs, in key units, and that a FromBase input addresses the
// base year.
func TestSolowSet(t *testing.T) {
	s := solowCases()["china-like"]
	in := solowInputs(t, s)
	before := append([]float64(nil), in.Growth...)

	r, err := Lookup(in, "solow.tfp_growth_pct[2020]")
	if err != nil {
		t.Fatal(err)
	}
	r.Set(0, r.Get(0)+1) // +1 pp of TFP growth in 2020
	if d := in.Growth[2] - before[2]; d < 0.009 || d > 0.011 {
		t.Errorf("2020 growth moved by %v, want about +0.01", d)
	}
	if in.Growth[1] != before[1] {
		t.Errorf("2019 growth moved from %v to %v", before[1], in.Growth[1])
	}

	r, err = Lookup(in, "solow.investment_rate_pct[2017]")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Get(0); !scalar.EqualWithinAbsOrRel(got, 65.8, 1e-12, 1e-12) {
		t.Errorf("investment 2017: got %v %%, want 65.8", got)
	}
	k := in.CapitalGrowth[0]
	r.Set(0, 70)
	if in.CapitalGrowth[0] <= k || s.Investment[0] != 0.7 {
		t.Errorf("investment 70 %%: g_K %v (was %v), s^I %v", in.CapitalGrowth[0], k, s.Investment[0])
	}

	c := in.Clone()
	rc, _ := Lookup(c, "solow.capital_output_ratio")
	rc.Set(0, 6)
	if s.CapitalOutput != 5 || c.Solow.CapitalOutput != 6 {
		t.Errorf("Clone shares the Solow part: κ %v and %v", s.CapitalOutput, c.Solow.CapitalOutput)
	}
	c.CopyFrom(in)
	for i := range in.Growth {
		if c.Growth[i] != in.Growth[i] || c.Solow.CapitalOutput != 5 {
			t.Fatalf("CopyFrom did not restore the Solow inputs")
		}
	}

	allocs := testing.AllocsPerRun(100, func() {
		r.Set(0, 66)
		FillInputs(in, s)
	})
	if allocs != 0 {
		t.Errorf("Set and FillInputs allocate %v times, want 0", allocs)
	}
}

func TestSolowCheck(t *testing.T) {
	s := solowCases()["ict split"]
	in := solowInputs(t, s)
	s.Investment[0] = 1.2
	s.ICTDepreciation[6] = math.NaN()
	s.CapitalOutput = 0
	FillInputs(in, s)
	var got []string
	for _, e := range in.Check() {
		got = append(got, e.Key+fmt.Sprintf("[%d]", e.Year))
	}
	want := []string{"solow.capital_output_ratio[0]", "solow.investment_rate_pct[2017]", "solow.ict.depreciation_pct[2024]"}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("Check: %v lacks %s", got, w)
		}
	}
}

func BenchmarkFillInputs(b *testing.B) {
	for _, n := range []int{7, MaxYears} {
		b.Run(fmt.Sprintf("years=%d", n), func(b *testing.B) {
			s := withICT(constSolow(n, 5, 0.658, 0.047, 0.417, 0.001, 0.001, 0.013), 0.04, 0.12, 0.2)
			in := NewInputs(2017, n)
			in.BaseGDP = 820800
			b.ReportAllocs()
			for b.Loop() {
				FillInputs(in, s)
			}
		})
	}
}
