package scenarios

import (
	"fmt"
	"testing"

	"simulate/model"
)

// TestTinyGrowthFinite: growth too small to divide by is zero growth for
// shares (issue 17: 1e-307 gave +Inf shares, the subnormal 3e-322 NaN).
func TestTinyGrowthFinite(t *testing.T) {
	for _, g := range []string{"1e-307", "3e-322", "-1e-307", "1e-13", "5e-324"} {
		for _, split := range []string{"share_pct = 10", "contribution_pp = 0.001"} {
			src := fmt.Sprintf("[span]\nbase_year = 2018\nlast_year = 2020\n[gdp]\nbase_yi = 1000\ngrowth_pct = %s\n"+
				"[labor]\n%s\n[capital]\n%s\nict_share = 0.2\nprivate_ii_share = 0.5\n", g, split, split)
			s, err := Parse("tiny.toml", []byte(src))
			if err != nil {
				t.Errorf("%s, %s: %v", g, split, err)
				continue
			}
			var res model.Results
			model.Evaluate(&res, s.Inputs)
			if msg := nonFinite(&res); msg != "" {
				t.Errorf("%s, %s: %s", g, split, msg)
			}
			for _, y := range res.Years {
				if y.Share != [model.NumFactors]float64{} || y.IIShare != 0 {
					t.Errorf("%s, %s: %d: shares %v, II share %v; want 0 for no growth", g, split, y.Year, y.Share, y.IIShare)
				}
			}
			if res.Totals.IIShare != 0 {
				t.Errorf("%s, %s: period II share %v, want 0", g, split, res.Totals.IIShare)
			}
		}
	}
}
