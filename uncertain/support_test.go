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
	theta := []string{"tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency", "tfp.ii_share.allocative_efficiency"}
	weights := func(lo, hi float64) []Input {
		return []Input{
			NewInput("tfp.weight.technical_progress", model.Set, d(NewUniform(lo, hi))),
			NewInput("tfp.weight.technical_efficiency", model.Set, d(NewUniform(lo, hi))),
			NewInput("tfp.weight.allocative_efficiency", model.Set, d(NewUniform(lo, hi))),
		}
	}
	tests := []struct {
		name     string
		unc      []Input
		want     []string // fragments, one per problem
		residual bool     // scale efficiency is the residual weight
	}{
		{"group", []Input{NewGroup("theta_scale", theta, model.Scale, d(NewUniform(0.8, 1.2)))}, nil, false},
		{"group out", []Input{NewGroup("theta_scale", theta, model.Scale, d(NewUniform(0.8, 6)))},
			[]string{"key tfp.ii_share.technical_progress: scale uniform(min=0.8, max=6) with support [0.8, 6] can take the base times a draw in [0.16, 1.2], outside the domain [0, 1]",
				"key tfp.ii_share.technical_efficiency:", "key tfp.ii_share.allocative_efficiency:"}, false},
		{"residual ok", weights(0.2, 0.3), nil, true},
		{"residual below 0", weights(0.2, 0.4),
			[]string{"tfp.weight.scale_efficiency, the residual weight (tfp.weight_residual), is 1 minus the other three weights and can fall to -0.2, below its lower bound 0 (with tfp.weight.technical_progress up to 0.4, tfp.weight.technical_efficiency up to 0.4, tfp.weight.allocative_efficiency up to 0.4)"}, true},
		{"residual not addressable", []Input{NewInput("tfp.weight.scale_efficiency", model.Set, d(NewUniform(0, 0.3)))},
			[]string{"is the residual weight"}, true},
		{"ok", []Input{
			NewInput("capital.ict_share", model.Set, d(NewTriangular(0, 0.15, 1))),
			NewInput("gdp.growth_pct", model.Add, d(NewTruncNormal(0, 1, -3, 3))),
			NewInput("capital.share_pct", model.Scale, d(NewBeta(2, 2, 0.5, 2))),
			NewInput("tfp.weight.scale_efficiency", model.Set, d(NewUniform(0, 1))),
			NewInput("tfp.weight.technical_progress", model.Scale, d(NewUniform(0, 1))),
		}, nil, false},
		{"normal", []Input{NewInput("capital.ict_share", model.Set, d(NewNormal(0.15, 0.05)))},
			[]string{"set normal(mean=0.15, sd=0.05) with support [-Inf, +Inf] can take its values in [-Inf, +Inf], outside the domain [0, 1] (fraction)|use truncnormal"}, false},
		{"lognormal scale", []Input{NewInput("capital.ict_share", model.Scale, d(NewLogNormal(0, 0.1, 0, math.Inf(1))))},
			[]string{"lognormal with max"}, false},
		{"add leaves", []Input{NewInput("capital.private_ii_share", model.Add, d(NewUniform(-0.5, 0)))},
			[]string{"the base plus a draw in [-0.2, 0.3], outside|narrow the distribution"}, false},
		{"one year", []Input{NewInput("gdp.growth_pct", model.Add, d(NewUniform(0, 94)))},
			[]string{"[6.3, 100.3] in 2019"}, false},
		{"weight scale", []Input{
			NewInput("tfp.weight.scale_efficiency", model.Set, d(NewUniform(0, 0.5))),
			NewInput("tfp.weight.allocative_efficiency", model.Scale, d(NewUniform(1, 1.5))),
		}, []string{"the base times a draw in [0, 1.5], outside the domain [0, 1]"}, false},
		{"shares", []Input{
			NewInput("labor.share_pct", model.Set, d(NewUniform(0, 30))),
			NewInput("capital.share_pct", model.Add, d(NewUniform(0, 40))),
		}, []string{"can add up to 102.5 % in 2019 (up to 30 + 72.5)"}, false},
		{"unknown", []Input{NewInput("capital.ict_share[2030]", model.Set, d(NewUniform(0, 1)))}, []string{"year 2030 is outside 2019–2024"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := baseInputs()
			if tc.residual {
				in.WeightRule = model.WeightRule{Residual: true, Dimension: model.ScaleEfficiency}
			}
			probs := CheckSupport(in, tc.unc)
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
