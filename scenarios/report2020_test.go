package scenarios_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/calibrate"
	"simulate/model"
	"simulate/scenarios"
)

// Tolerances of the reproduction, from the report's printed precision.
const (
	incrementTol = 0.05 // 亿元: increments are printed to 0.1 亿元
	shareTol     = 0.05 // pp: shares are printed to one decimal
	totalTol     = 0.3  // 亿元: Σ II against the sum of the six printed increments (46 306.9)
)

// TestReport2020Reproduces checks the baseline against every figure the
// report publishes for 2019–2024.
func TestReport2020Reproduces(t *testing.T) {
	s, err := scenarios.LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	// The figures are those of the calibration spec the scenario names.
	if s.Published != "report2020" {
		t.Fatalf("published: got %q, want report2020", s.Published)
	}
	spec, err := calibrate.Open(s.Published)
	if err != nil {
		t.Fatal(err)
	}
	increments, shares := spec.Figures("ii_increment_yi"), spec.Figures("ii_share_pct")
	if len(increments) != len(res.Years) || len(shares) != len(res.Years) {
		t.Fatalf("%d increments and %d shares published, %d years", len(increments), len(shares), len(res.Years))
	}
	var total float64
	for _, y := range res.Years {
		inc, share := increments[y.Year], shares[y.Year]
		total += inc
		if !scalar.EqualWithinAbs(y.II, inc, incrementTol) {
			t.Errorf("%d II increment: got %.3f 亿元, want %.1f ± %g", y.Year, y.II, inc, incrementTol)
		}
		if !scalar.EqualWithinAbs(100*y.IIShare, share, shareTol) {
			t.Errorf("%d II share: got %.3f %%, want %.1f ± %g", y.Year, 100*y.IIShare, share, shareTol)
		}
	}
	if !scalar.EqualWithinAbs(res.Totals.II, total, totalTol) {
		t.Errorf("Σ II: got %.2f 亿元, want %.1f ± %g (the sum of the published increments)", res.Totals.II, total, totalTol)
	}
	// Every figure, the totals of the report's text included, rounds to
	// the published one: "4.63 万亿元" and "about 13 %" of the period's
	// GDP increment.
	for _, tg := range spec.Targets {
		if got := tg.Metric.Value(&res); !tg.Within(got) {
			t.Errorf("%s: got %v, which does not round to the published %v (printed to %v)", tg.Metric, got, tg.Value, tg.Precision)
		}
	}
	// The GDP increments implied by the reconstructed base and growth path
	// (MODEL.md §3).
	for i, want := range []float64{56719.5, 58378.7, 60924.4, 61350.9, 63710.2, 66076.6} {
		if got := res.Years[i].DeltaGDP; !scalar.EqualWithinAbs(got, want, 0.05) {
			t.Errorf("%d ΔY: got %.2f, want %.1f", res.Years[i].Year, got, want)
		}
	}
	if !scalar.EqualWithinAbs(res.Totals.DeltaGDP, 367160.4, 0.1) {
		t.Errorf("Σ ΔY: got %.2f, want 367160.4", res.Totals.DeltaGDP)
	}
	// The 2024 split is the report's: L 0.2, K 1.8, TFP 3.5 pp (printed to
	// 0.1 pp), from shares 3.7 / 32.5 / 63.9 % with TFP as the residual.
	y := res.Years[5]
	for f, want := range [model.NumFactors]float64{0.2, 1.8, 3.5} {
		if got := 100 * y.Contribution[f]; !scalar.EqualWithinAbs(got, want, 0.05) {
			t.Errorf("2024 %v contribution: got %.3f pp, want %.1f", model.Factor(f), got, want)
		}
	}
}

// TestEmbeddedScenariosLoad checks that every shipped scenario loads and
// runs to finite results that satisfy the identities.
func TestEmbeddedScenariosLoad(t *testing.T) {
	names := scenarios.Names()
	if len(names) < 2 {
		t.Fatalf("embedded scenarios: %v", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			s, err := scenarios.LoadEmbedded(name)
			if err != nil {
				t.Fatal(err)
			}
			if s.Name != name || s.Title == "" {
				t.Errorf("name %q title %q", s.Name, s.Title)
			}
			var res model.Results
			model.Evaluate(&res, s.Inputs)
			for _, y := range res.Years {
				var sum float64
				for _, v := range y.Channel {
					sum += v
				}
				if math.IsNaN(y.II) || !scalar.EqualWithinAbsOrRel(sum, y.II, 1e-9, 1e-9) {
					t.Errorf("%d: channels %v, II %v", y.Year, sum, y.II)
				}
			}
		})
	}
}

func TestHindcastGrowth(t *testing.T) {
	s, err := scenarios.LoadEmbedded("actual2019-2024")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{6.0, 2.2, 8.4, 3.0, 5.2, 5.0} {
		if got := 100 * s.Inputs.Growth[i]; !scalar.EqualWithinAbs(got, want, 1e-12) {
			t.Errorf("%d growth: got %v, want %v", 2019+i, got, want)
		}
	}
	base, _ := scenarios.LoadEmbedded("report2020")
	if s.Inputs.BaseGDP != base.Inputs.BaseGDP || s.Inputs.ICTShare[0] != base.Inputs.ICTShare[0] {
		t.Errorf("the hindcast does not inherit the baseline's other inputs")
	}
	if len(s.Chain) != 2 || s.Chain[1] != "embedded:report2020.toml" {
		t.Errorf("chain %v", s.Chain)
	}
}

// BenchmarkEvaluateBaseline measures one evaluation of the 6-year baseline:
// the unit of work of every sweep, Monte Carlo draw and Sobol sample.
func BenchmarkEvaluateBaseline(b *testing.B) {
	s, err := scenarios.LoadEmbedded("report2020")
	if err != nil {
		b.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	b.ReportAllocs()
	for b.Loop() {
		model.Evaluate(&res, s.Inputs)
	}
}
