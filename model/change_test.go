package model

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestPathError checks that every error of Lookup is a *PathError that
// carries the path, its key and year, with the message a user reads.
func TestPathError(t *testing.T) {
	in := testInputs() // 2019–2021, shares form
	tests := []struct {
		path, key string
		year      int
		msg       string
	}{
		{"gdp.growth_pct[2019", "gdp.growth_pct", 0, `"gdp.growth_pct[2019": a year index is written key[YEAR]`},
		{"gdp.growth_pct[x]", "gdp.growth_pct", 0, `"gdp.growth_pct[x]": "x" is not a year`},
		{"capital.ict_shar", "capital.ict_shar", 0, `unknown parameter "capital.ict_shar"; did you mean capital.ict_share?`},
		{"capital.ict_shar[2019]", "capital.ict_shar", 2019, `unknown parameter "capital.ict_shar"; did you mean capital.ict_share?`},
		{"nothing.like.it", "nothing.like.it", 0, `unknown parameter "nothing.like.it" (see the parameter list)`},
		{"solow.tfp_growth_pct", "solow.tfp_growth_pct", 0, `"solow.tfp_growth_pct": only scenarios in mode "solow" have Solow inputs`},
		{"gdp.base_yi[2019]", "gdp.base_yi", 2019, `"gdp.base_yi[2019]": gdp.base_yi is one value for the whole span, not per year`},
		{"gdp.growth_pct[2030]", "gdp.growth_pct", 2030, `"gdp.growth_pct[2030]": year 2030 is outside 2019–2021, the years of gdp.growth_pct`},
		{"labor.contribution_pp", "labor.contribution_pp", 0, `"labor.contribution_pp": no year of the scenario gives its factor split in the contributions form`},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			_, err := Lookup(in, tc.path)
			pe, ok := errors.AsType[*PathError](err)
			if !ok {
				t.Fatalf("got %v (%T), want a *PathError", err, err)
			}
			want := PathError{Path: tc.path, Key: tc.key, Year: tc.year, Msg: tc.msg}
			if *pe != want {
				t.Errorf("got %+v, want %+v", *pe, want)
			}
			if err.Error() != "model: "+tc.msg {
				t.Errorf("Error: got %q", err.Error())
			}
			if err := (Target{Path: tc.path}).Check(in); err == nil || err.Error() != pe.Error() {
				t.Errorf("Target.Check: got %v", err)
			}
			if _, err := Bind(in, []Target{{Path: "capital.ict_share"}, {Path: tc.path}}); err == nil || err.Error() != pe.Error() {
				t.Errorf("Bind: got %v", err)
			}
		})
	}
}

func TestMode(t *testing.T) {
	for m := range Mode(NumModes) {
		got, ok := ParseMode(m.String())
		if !ok || got != m {
			t.Errorf("ParseMode(%q): got %v, %v", m.String(), got, ok)
		}
	}
	if _, ok := ParseMode("mul"); ok {
		t.Error(`ParseMode("mul"): ok`)
	}
	for _, tc := range []struct {
		t    Target
		want string
	}{
		{Target{"capital.ict_share", Set}, "capital.ict_share"},
		{Target{"gdp.growth_pct", Add}, "gdp.growth_pct+"},
		{Target{"gdp.growth_pct[2020]", Scale}, "gdp.growth_pct[2020]*"},
	} {
		if got := tc.t.Label(); got != tc.want {
			t.Errorf("Label: got %q, want %q", got, tc.want)
		}
	}
}

// TestRefApply checks Apply against Get and Set, in key units.
func TestRefApply(t *testing.T) {
	in := testInputs()
	r, err := Lookup(in, "gdp.growth_pct")
	if err != nil {
		t.Fatal(err)
	}
	r.Apply(0, Add, 1)
	r.Apply(1, Scale, 2)
	r.Apply(2, Set, 3)
	want := []float64{(0.05*100 + 1) / 100, (-0.02 * 100 * 2) / 100, 3.0 / 100}
	if !slices.Equal(in.Growth, want) {
		t.Errorf("growth: got %v, want %v", in.Growth, want)
	}
	w, _ := Lookup(in, "tfp.weight.scale_efficiency")
	w.Apply(0, Scale, 2)
	if in.Weight != [NumDimensions]float64{0.5 / 3, 0.5 / 3, 0.5, 0.5 / 3} {
		t.Errorf("weights: got %v", in.Weight)
	}
}

// TestBinding checks that Apply restores the base before applying, gives
// what Ref.Apply gives value by value, and leaves the base alone.
func TestBinding(t *testing.T) {
	base := testInputs()
	targets := []Target{
		{"gdp.growth_pct", Add},
		{"gdp.growth_pct[2020]", Scale},
		{"capital.ict_share", Set},
		{"gdp.base_yi", Scale},
		{"tfp.weight.technical_progress", Set},
		{"tfp.weight.scale_efficiency", Scale},
	}
	b, err := Bind(base, targets)
	if err != nil {
		t.Fatal(err)
	}
	c := b.Clone()
	for _, x := range [][]float64{{1, 2, 0.3, 1.1, 0.4, 1.5}, {-1, 0.5, 0.1, 0.9, 0.1, 0}, {0, 1, 0.2, 1, 0.25, 1}} {
		want := base.Clone()
		for i, tg := range targets {
			r, err := Lookup(want, tg.Path)
			if err != nil {
				t.Fatal(err)
			}
			for k := range r.Len() {
				r.Apply(k, tg.Mode, x[i])
			}
		}
		for _, bb := range []*Binding{b, c} {
			bb.Apply(x)
			if got := bb.Inputs(); !equalInputs(got, want) {
				t.Errorf("%v: got %+v, want %+v", x, got, want)
			}
		}
	}
	if fresh := testInputs(); !equalInputs(base, fresh) {
		t.Error("Apply wrote to the base")
	}
	if a := testing.AllocsPerRun(100, func() { b.Apply([]float64{1, 2, 0.3, 1.1, 0.4, 1.5}) }); a != 0 {
		t.Errorf("Apply: %v allocations", a)
	}
}

func equalInputs(a, b *Inputs) bool {
	as, bs := a.series(), b.series()
	for i := range as {
		if !slices.Equal(*as[i], *bs[i]) {
			return false
		}
	}
	return a.BaseGDP == b.BaseGDP && a.Weight == b.Weight && slices.Equal(a.Form, b.Form)
}

// TestBindingSolow checks that changing a Solow input through a Binding
// recomputes the derived inputs, as Ref.Set does.
func TestBindingSolow(t *testing.T) {
	base := solowInputs(t, solowCases()["ict split"])
	targets := []Target{{"solow.tfp_growth_pct", Add}, {"solow.ict.investment_share[2017]", Scale}}
	b, err := Bind(base, targets)
	if err != nil {
		t.Fatal(err)
	}
	want := base.Clone()
	r0, _ := Lookup(want, targets[0].Path)
	r1, _ := Lookup(want, targets[1].Path)
	for k := range r0.Len() {
		r0.Apply(k, Add, 0.5)
	}
	r1.Apply(0, Scale, 1.5)
	b.Apply([]float64{0.5, 1.5})
	got := b.Inputs()
	if !equalInputs(got, want) || got.Solow.TFPGrowth[3] != want.Solow.TFPGrowth[3] {
		t.Errorf("got growth %v, want %v", got.Growth, want.Growth)
	}
	if slices.Equal(got.Growth, base.Growth) || slices.Equal(got.ICTShare, base.ICTShare) {
		t.Error("growth or φ not recomputed")
	}
}

func TestParamRules(t *testing.T) {
	var weights, solow []string
	for _, p := range Params {
		if p.IsWeight() {
			weights = append(weights, p.Key)
		}
		if p.Solow {
			solow = append(solow, p.Key)
		}
		if p.Solow != strings.HasPrefix(p.Key, "solow.") {
			t.Errorf("%s: Solow %v", p.Key, p.Solow)
		}
		if v := p.ToModel(p.FromModel(0.25)); v != 0.25 {
			t.Errorf("%s: %v through key units and back", p.Key, v)
		}
	}
	if len(weights) != NumDimensions || weights[0] != "tfp.weight.technical_progress" {
		t.Errorf("weights: %v", weights)
	}
	if len(solow) != 10 {
		t.Errorf("Solow inputs: %v", solow)
	}
	for f, want := range map[SplitForm]string{
		Shares:        "labor.share_pct capital.share_pct",
		Contributions: "labor.contribution_pp capital.contribution_pp",
		Production:    "labor.growth_pct capital.growth_pct capital.income_share",
	} {
		if got := strings.Join(f.Keys(), " "); got != want {
			t.Errorf("%s: got %s, want %s", f, got, want)
		}
	}
	var computed, computedICT []string
	for _, p := range Params {
		if p.ComputedBySolow(false) {
			computed = append(computed, p.Key)
		}
		if p.ComputedBySolow(true) {
			computedICT = append(computedICT, p.Key)
		}
	}
	want := "gdp.growth_pct labor.share_pct capital.share_pct labor.contribution_pp capital.contribution_pp labor.growth_pct capital.growth_pct capital.income_share"
	if got := strings.Join(computed, " "); got != want {
		t.Errorf("computed by the Solow model: got %s, want %s", got, want)
	}
	if got := strings.Join(computedICT, " "); got != want+" capital.ict_share" {
		t.Errorf("computed with the ICT split: got %s", got)
	}
}

// TestWeightResidual checks that with a residual dimension only that
// weight absorbs a change of another — by Ref.Set, Ref.Apply in every
// mode, and Binding.Apply — by exactly the change, that the residual
// itself is not addressable, and that a residual below 0 is a problem of
// Check naming the rule.
func TestWeightResidual(t *testing.T) {
	in := testInputs()
	in.Weight = [NumDimensions]float64{0.2, 0.3, 0.25, 0.25}
	in.WeightRule = WeightRule{Residual: true, Dimension: ScaleEfficiency}
	base := in.Weight

	r, err := Lookup(in, "tfp.weight.technical_progress")
	if err != nil {
		t.Fatal(err)
	}
	r.Set(0, 0.27)
	want := [NumDimensions]float64{0.27, 0.3, 0.25 - (0.27 - 0.2), 0.25}
	if in.Weight != want {
		t.Errorf("Set: got %v, want %v", in.Weight, want)
	}
	in.Weight = base
	r.Apply(0, Scale, 1.5)              // 0.2 → 0.3: the residual loses 0.1
	tp := base[TechnicalProgress] * 1.5 // float64 arithmetic, as Apply's
	if got := in.Weight; got[TechnicalProgress] != tp || got[ScaleEfficiency] != base[ScaleEfficiency]-(tp-base[TechnicalProgress]) ||
		got[TechnicalEfficiency] != 0.3 || got[AllocativeEfficiency] != 0.25 {
		t.Errorf("Apply scale: got %v", got)
	}
	in.Weight = base

	// Binding: three weights drawn independently, the residual takes the rest.
	b, err := Bind(in, []Target{
		{Path: "tfp.weight.technical_progress"},
		{Path: "tfp.weight.technical_efficiency", Mode: Add},
		{Path: "tfp.weight.allocative_efficiency"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range [][]float64{{0.3, -0.05, 0.2}, {0.2, 0, 0.3}, {0.25, 0.01, 0.22}} {
		b.Apply(x)
		w := b.Inputs().Weight
		tp, te, ae := x[0], 0.3+x[1], x[2]
		if w[TechnicalProgress] != tp || w[TechnicalEfficiency] != te || w[AllocativeEfficiency] != ae {
			t.Errorf("Apply(%v): the three weights are %v", x, w)
		}
		// The residual changed by exactly the others' changes.
		change := (tp - base[TechnicalProgress]) + (te - base[TechnicalEfficiency]) + (ae - base[AllocativeEfficiency])
		if d := w[ScaleEfficiency] - (base[ScaleEfficiency] - change); math.Abs(d) > 1e-15 {
			t.Errorf("Apply(%v): residual %v, want %v", x, w[ScaleEfficiency], base[ScaleEfficiency]-change)
		}
		if s := w[0] + w[1] + w[2] + w[3]; math.Abs(s-1) > 1e-15 {
			t.Errorf("Apply(%v): weights add up to %v", x, s)
		}
	}

	_, err = Lookup(in, "tfp.weight.scale_efficiency")
	if err == nil || !strings.Contains(err.Error(), "is the residual weight (tfp.weight_residual = \"scale_efficiency\")") {
		t.Errorf("Lookup of the residual: got %v", err)
	}

	in.Weight = [NumDimensions]float64{0.4, 0.4, -0.05, 0.25}
	var found bool
	for _, e := range in.Check() {
		if e.Key == "tfp.weight.scale_efficiency" {
			found = strings.Contains(e.Msg, "-0.05: the residual weight (tfp.weight_residual) is 1 minus the other three weights")
		}
	}
	if !found {
		t.Errorf("Check: got %v, want the residual below 0", in.Check())
	}

	// Without the rule: proportional rescaling, as before.
	in = testInputs()
	r, _ = Lookup(in, "tfp.weight.technical_progress")
	r.Set(0, 0.4)
	if w := in.Weight; math.Abs(w[ScaleEfficiency]-0.2) > 1e-15 || math.Abs(w[TechnicalEfficiency]-0.2) > 1e-15 {
		t.Errorf("proportional: got %v", w)
	}
}

// TestBindingScaleZero: a binding scales a zero value as Ref.Apply does —
// it stays +0, by an infinite factor (0·∞ is NaN) or a negative one (0·−2
// is −0).
func TestBindingScaleZero(t *testing.T) {
	base := testInputs()
	for i := range base.LaborII {
		base.LaborII[i] = 0
	}
	b, err := Bind(base, []Target{{"labor.ii_share", Scale}})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{math.Inf(1), -2} {
		b.Apply([]float64{v})
		for i, x := range b.Inputs().LaborII {
			if x != 0 || math.Signbit(x) {
				t.Errorf("0 scaled by %v: year %d is %v", v, i, x)
			}
		}
	}
}

// TestScaleZero: a zero base scaled stays zero, even by an infinite factor
// (0·∞ is NaN).
func TestScaleZero(t *testing.T) {
	for _, v := range []float64{math.Inf(1), math.Inf(-1), 0, 3} {
		if got := Scale.apply(0, v); got != 0 {
			t.Errorf("0 scaled by %v: got %v", v, got)
		}
	}
	if got := Scale.apply(2, 3); got != 6 {
		t.Errorf("2 scaled by 3: got %v", got)
	}
}
