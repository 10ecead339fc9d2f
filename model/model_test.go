package model

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// identityTol is the tolerance of the accounting identities: they hold by
// construction, so only float64 rounding separates the two sides.
const identityTol = 1e-9

// testInputs returns a three-year span with every channel active.
func testInputs() *Inputs {
	in := NewInputs(2018, 3)
	in.BaseGDP = 1000
	copy(in.Growth, []float64{0.05, -0.02, 0})
	copy(in.LaborShare, []float64{0.1, 0.2, 0.3})
	copy(in.CapitalShare, []float64{0.3, 0.3, 0.3})
	for i := range 3 {
		in.LaborII[i] = 0.1
		in.ICTShare[i] = 0.2
		in.PrivateIIShare[i] = 0.5
		for d := range NumDimensions {
			in.TFPII[d][i] = 0.1 * float64(d+1)
		}
	}
	return in
}

func TestEvaluateByHand(t *testing.T) {
	in := testInputs()
	var res Results
	Evaluate(&res, in)

	// Year 2019: Y_b = 1000, g = 5 %, c_L = 0.005, c_K = 0.015, c_A = 0.03.
	// II = 1000·(0.1·0.005 + 0.2·0.5·0.015 + 0.03·0.25·(0.1+0.2+0.3+0.4))
	//    = 1000·(0.0005 + 0.0015 + 0.0075) = 9.5; ΔY = 50; s = 0.19.
	y := res.Years[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"GDP", y.GDP, 1050},
		{"DeltaGDP", y.DeltaGDP, 50},
		{"c_L", y.Contribution[Labor], 0.005},
		{"c_K", y.Contribution[Capital], 0.015},
		{"c_A", y.Contribution[TFP], 0.03},
		{"σ_A", y.Share[TFP], 0.6},
		{"labour channel", y.Channel[ChannelLabor], 0.5},
		{"capital channel", y.Channel[ChannelCapital], 1.5},
		{"TP channel", y.Channel[ChannelTP], 1000 * 0.03 * 0.25 * 0.1},
		{"AE channel", y.Channel[ChannelAE], 1000 * 0.03 * 0.25 * 0.4},
		{"II", y.II, 9.5},
		{"s", y.IIShare, 0.19},
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want, 1e-12, 1e-12) {
			t.Errorf("2019 %s: got %v, want %v", c.name, c.got, c.want)
		}
	}

	// 2020 shrinks: ΔY and II keep their negative sign.
	if y := res.Years[1]; y.DeltaGDP >= 0 || y.II >= 0 || y.IIShare <= 0 {
		t.Errorf("2020: ΔY %v, II %v, s %v; want ΔY < 0, II < 0, s > 0", y.DeltaGDP, y.II, y.IIShare)
	}
	// 2021 does not grow: shares and s are 0, not NaN.
	if y := res.Years[2]; y.DeltaGDP != 0 || y.IIShare != 0 || y.Share != [NumFactors]float64{} {
		t.Errorf("2021: ΔY %v, s %v, σ %v; want zeros", y.DeltaGDP, y.IIShare, y.Share)
	}
}

func TestIdentities(t *testing.T) {
	in := testInputs()
	var res Results
	Evaluate(&res, in)
	checkIdentities(t, in, &res)
}

func checkIdentities(t *testing.T, in *Inputs, res *Results) {
	t.Helper()
	prev := in.BaseGDP
	var sumII, sumDY float64
	for _, y := range res.Years {
		sumC := y.Contribution[Labor] + y.Contribution[Capital] + y.Contribution[TFP]
		if !scalar.EqualWithinAbsOrRel(sumC, y.Growth, identityTol, identityTol) {
			t.Errorf("%d: contributions add up to %v, growth is %v", y.Year, sumC, y.Growth)
		}
		if y.Growth != 0 {
			sumS := y.Share[Labor] + y.Share[Capital] + y.Share[TFP]
			if !scalar.EqualWithinAbsOrRel(sumS, 1, identityTol, identityTol) {
				t.Errorf("%d: shares add up to %v, want 1", y.Year, sumS)
			}
		}
		var sumCh float64
		for _, v := range y.Channel {
			sumCh += v
		}
		if !scalar.EqualWithinAbsOrRel(sumCh, y.II, identityTol, identityTol) {
			t.Errorf("%d: channels add up to %v, II is %v", y.Year, sumCh, y.II)
		}
		if !scalar.EqualWithinAbsOrRel(y.GDP-prev, y.DeltaGDP, identityTol, identityTol) {
			t.Errorf("%d: Y_t − Y_{t−1} = %v, ΔY = %v", y.Year, y.GDP-prev, y.DeltaGDP)
		}
		if y.DeltaGDP != 0 && !scalar.EqualWithinAbsOrRel(y.IIShare*y.DeltaGDP, y.II, identityTol, identityTol) {
			t.Errorf("%d: s·ΔY = %v, II = %v", y.Year, y.IIShare*y.DeltaGDP, y.II)
		}
		prev = y.GDP
		sumII += y.II
		sumDY += y.DeltaGDP
		if !scalar.EqualWithinAbsOrRel(y.IICumulative, sumII, identityTol, identityTol) {
			t.Errorf("%d: cumulative II %v, want %v", y.Year, y.IICumulative, sumII)
		}
	}
	if !scalar.EqualWithinAbsOrRel(res.Totals.II, sumII, identityTol, identityTol) ||
		!scalar.EqualWithinAbsOrRel(res.Totals.DeltaGDP, sumDY, identityTol, identityTol) {
		t.Errorf("totals %+v, want II %v, ΔY %v", res.Totals, sumII, sumDY)
	}
}

// TestFormsAgree checks that the three ways of writing the same split give
// the same results.
func TestFormsAgree(t *testing.T) {
	base := testInputs()
	var want Results
	Evaluate(&want, base)

	contrib := base.Clone()
	prod := base.Clone()
	const alpha = 0.4
	for i := range base.Len() {
		g := base.Growth[i]
		cL, cK := base.LaborShare[i]*g, base.CapitalShare[i]*g
		contrib.Form[i] = Contributions
		contrib.LaborContribution[i], contrib.CapitalContribution[i] = cL, cK
		prod.Form[i] = Production
		prod.Alpha[i] = alpha
		prod.LaborGrowth[i], prod.CapitalGrowth[i] = cL/(1-alpha), cK/alpha
	}
	for _, c := range []struct {
		name string
		in   *Inputs
	}{{"contributions", contrib}, {"production", prod}} {
		var got Results
		Evaluate(&got, c.in)
		for i, y := range got.Years {
			w := want.Years[i]
			for k, v := range y.Channel {
				if !scalar.EqualWithinAbsOrRel(v, w.Channel[k], identityTol, identityTol) {
					t.Errorf("%s %d channel %v: got %v, want %v", c.name, y.Year, Channel(k), v, w.Channel[k])
				}
			}
			if !scalar.EqualWithinAbsOrRel(y.IIShare, w.IIShare, identityTol, identityTol) {
				t.Errorf("%s %d s: got %v, want %v", c.name, y.Year, y.IIShare, w.IIShare)
			}
		}
		checkIdentities(t, c.in, &got)
	}
}

// TestMonotone checks that a shift in an input moves the output the way the
// formula says: II is linear in φ·π and in each θ_d with the stated slopes.
func TestMonotone(t *testing.T) {
	in := testInputs()
	var r0, r1 Results
	Evaluate(&r0, in)
	const h = 0.01
	in.ICTShare[0] += h
	Evaluate(&r1, in)
	y := r0.Years[0]
	want := in.BaseGDP * h * in.PrivateIIShare[0] * y.Contribution[Capital]
	if got := r1.Years[0].II - y.II; !scalar.EqualWithinAbsOrRel(got, want, 1e-12, 1e-9) {
		t.Errorf("dII/dφ·h: got %v, want %v", got, want)
	}
	in = testInputs()
	in.TFPII[TechnicalProgress][0] += h
	Evaluate(&r1, in)
	want = in.BaseGDP * y.Contribution[TFP] * in.Weight[TechnicalProgress] * h
	if got := r1.Years[0].II - y.II; !scalar.EqualWithinAbsOrRel(got, want, 1e-12, 1e-9) {
		t.Errorf("dII/dθ_TP·h: got %v, want %v", got, want)
	}
}

func TestLookupSet(t *testing.T) {
	in := testInputs()
	tests := []struct {
		path    string
		n       int
		first   float64
		wantErr bool
	}{
		{path: "gdp.growth_pct", n: 3, first: 5},
		{path: "gdp.growth_pct[2020]", n: 1, first: -2},
		{path: "gdp.base_yi", n: 1, first: 1000},
		{path: "capital.ict_share", n: 3, first: 0.2},
		{path: "tfp.ii_share.allocative_efficiency[2019]", n: 1, first: 0.4},
		{path: "tfp.weight.scale_efficiency", n: 1, first: 0.25},
		{path: "labor.share_pct[2021]", n: 1, first: 30},
		{path: "labor.contribution_pp", wantErr: true}, // no year in that form
		{path: "gdp.growth_pct[2030]", wantErr: true},
		{path: "gdp.base_yi[2019]", wantErr: true},
		{path: "gdp.growth_pct[x]", wantErr: true},
		{path: "gdp.growth_pct[2019", wantErr: true},
		{path: "capital.ict_shar", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			r, err := Lookup(in, tc.path)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("got no error, want one")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Len() != tc.n {
				t.Errorf("Len: got %d, want %d", r.Len(), tc.n)
			}
			if got := r.Get(0); !scalar.EqualWithinAbsOrRel(got, tc.first, 1e-12, 1e-12) {
				t.Errorf("Get(0): got %v, want %v", got, tc.first)
			}
		})
	}
}

func TestSetWeightKeepsSum(t *testing.T) {
	in := testInputs()
	r, err := Lookup(in, "tfp.weight.technical_progress")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{0.4, 0, 1, 0.1} {
		r.Set(0, v)
		if in.Weight[TechnicalProgress] != v {
			t.Errorf("w_TP: got %v, want %v", in.Weight[TechnicalProgress], v)
		}
		var sum float64
		for _, w := range in.Weight {
			sum += w
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("after w_TP = %v the weights %v add up to %v", v, in.Weight, sum)
		}
	}
	// After w_TP = 1 the others were 0: they share the rest equally.
	if in.Weight[ScaleEfficiency] != 0.3 {
		t.Errorf("w_SE: got %v, want 0.3", in.Weight[ScaleEfficiency])
	}
}

func TestCheck(t *testing.T) {
	in := testInputs()
	if err := in.Validate(); err != nil {
		t.Fatalf("valid inputs: %v", err)
	}
	in.ICTShare[1] = 1.5
	in.Growth[0] = math.NaN()
	in.Weight[0] = 0.5
	in.LaborShare[2] = 0.8
	errs := in.Check()
	want := []string{
		"gdp.growth_pct[2019]: nan is not a number; give a finite value in [-99, 100]",
		"capital.ict_share[2020]: 1.5 is outside the allowed range [0, 1] (fraction)",
		"capital.share_pct[2021]: labour and capital shares add up to 110 % of growth in 2021, leaving TFP a negative share; they may add up to at most 100 %",
		"tfp.weight: the four weights add up to 1.25; they must add up to 1 (±1e-06)",
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(want))
	}
	for i, e := range errs {
		if e.Error() != want[i] {
			t.Errorf("error %d: got %q, want %q", i, e.Error(), want[i])
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	for _, n := range []int{6, 60} {
		in := NewInputs(2018, n)
		in.BaseGDP = 900309
		for i := range n {
			in.Growth[i] = 0.06
			in.LaborShare[i], in.CapitalShare[i] = 0.037, 0.325
			in.ICTShare[i], in.PrivateIIShare[i] = 0.15, 0.4
			for d := range NumDimensions {
				in.TFPII[d][i] = 0.2
			}
		}
		b.Run("years="+itoa(n), func(b *testing.B) {
			var res Results
			Evaluate(&res, in)
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(&res, in)
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
