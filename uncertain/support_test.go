package uncertain

import (
	"math"
	"strings"
	"testing"

	"simulate/model"
)

// baseInputs returns a six-year span like the report's baseline.
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

func TestCheckSupport(t *testing.T) {
	d := mustDist(t)
	tests := []struct {
		name string
		unc  []Input
		want []string // fragments, one per problem
	}{
		{"ok", []Input{
			{model.Target{Path: "capital.ict_share", Mode: model.Set}, d(NewTriangular(0, 0.15, 1))},
			{model.Target{Path: "gdp.growth_pct", Mode: model.Add}, d(NewTruncNormal(0, 1, -3, 3))},
			{model.Target{Path: "capital.share_pct", Mode: model.Scale}, d(NewBeta(2, 2, 0.5, 2))},
			{model.Target{Path: "tfp.weight.scale_efficiency", Mode: model.Set}, d(NewUniform(0, 1))},
			{model.Target{Path: "tfp.weight.technical_progress", Mode: model.Scale}, d(NewUniform(0, 1))},
		}, nil},
		{"normal", []Input{{model.Target{Path: "capital.ict_share", Mode: model.Set}, d(NewNormal(0.15, 0.05))}},
			[]string{"set normal(mean=0.15, sd=0.05) with support [-Inf, +Inf] can take its values in [-Inf, +Inf], outside the domain [0, 1] (fraction)|use truncnormal"}},
		{"lognormal scale", []Input{{model.Target{Path: "capital.ict_share", Mode: model.Scale}, d(NewLogNormal(0, 0.1, 0, math.Inf(1)))}},
			[]string{"lognormal with max"}},
		{"add leaves", []Input{{model.Target{Path: "capital.private_ii_share", Mode: model.Add}, d(NewUniform(-0.5, 0))}},
			[]string{"the base plus a draw in [-0.2, 0.3], outside|narrow the distribution"}},
		{"one year", []Input{{model.Target{Path: "gdp.growth_pct", Mode: model.Add}, d(NewUniform(0, 94))}},
			[]string{"[6.3, 100.3] in 2019"}},
		{"weight scale", []Input{
			{model.Target{Path: "tfp.weight.scale_efficiency", Mode: model.Set}, d(NewUniform(0, 0.5))},
			{model.Target{Path: "tfp.weight.technical_progress", Mode: model.Scale}, d(NewUniform(1, 1.5))},
		}, []string{"the base times a draw in [0, 1.5], outside the domain [0, 1]"}},
		{"shares", []Input{
			{model.Target{Path: "labor.share_pct", Mode: model.Set}, d(NewUniform(0, 30))},
			{model.Target{Path: "capital.share_pct", Mode: model.Add}, d(NewUniform(0, 40))},
		}, []string{"can add up to 102.5 % in 2019 (up to 30 + 72.5)"}},
		{"unknown", []Input{{model.Target{Path: "capital.ict_share[2030]", Mode: model.Set}, d(NewUniform(0, 1))}}, []string{"year 2030 is outside 2019–2024"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			probs := CheckSupport(baseInputs(), tc.unc)
			if len(probs) != len(tc.want) {
				t.Fatalf("got %d problems %v, want %d", len(probs), probs, len(tc.want))
			}
			for i, p := range probs {
				for _, frag := range strings.Split(tc.want[i], "|") {
					if !strings.Contains(p.Msg, frag) {
						t.Errorf("problem %d %q lacks %q", i, p.Msg, frag)
					}
				}
			}
		})
	}
}
