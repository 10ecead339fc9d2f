package sensitivity_test

import (
	"testing"

	"simulate/metrics"
	"simulate/model"
	"simulate/scenarios"
	"simulate/sensitivity"
)

// TestSolowTargets checks changes of Solow inputs: the evaluator recomputes
// growth and the split they drive, as model.Ref.Set does, and allocates
// nothing.
func TestSolowTargets(t *testing.T) {
	s, err := scenarios.LoadEmbedded("solow-china-ict")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := metrics.Parse("ii_total_yi")
	for _, c := range []sensitivity.Change{
		{Target: model.Target{Path: "solow.tfp_growth_pct", Mode: model.Add}, Value: 0.5},
		{Target: model.Target{Path: "solow.investment_rate_pct[2017]", Mode: model.Set}, Value: 40},
		{Target: model.Target{Path: "solow.capital_output_ratio", Mode: model.Scale}, Value: 1.2},
		{Target: model.Target{Path: "solow.ict.investment_share", Mode: model.Scale}, Value: 1.5},
	} {
		ev, err := sensitivity.NewEvaluator(s.Inputs, []model.Target{c.Target})
		if err != nil {
			t.Fatal(err)
		}
		x := []float64{c.Value}
		got := m.Value(ev.Eval(x))
		if again := m.Value(ev.Eval(x)); again != got {
			t.Errorf("%s: second evaluation %v, first %v", c, again, got)
		}

		in := s.Inputs.Clone()
		r, err := model.Lookup(in, c.Path)
		if err != nil {
			t.Fatal(err)
		}
		for k := range r.Len() {
			v := c.Value
			switch c.Mode {
			case model.Add:
				v += r.Get(k)
			case model.Scale:
				v *= r.Get(k)
			}
			r.Set(k, v)
		}
		var res model.Results
		model.Evaluate(&res, in)
		if want := m.Value(&res); got != want {
			t.Errorf("%s: evaluator %v, model.Ref %v", c, got, want)
		}
		var base model.Results
		model.Evaluate(&base, s.Inputs)
		if got == m.Value(&base) {
			t.Errorf("%s: no effect", c)
		}
		if a := testing.AllocsPerRun(50, func() { ev.Eval(x) }); a != 0 {
			t.Errorf("%s: %v allocations per evaluation", c, a)
		}
	}
	if _, err := sensitivity.NewEvaluator(s.Inputs, []model.Target{{Path: "gdp.growth_pct", Mode: model.Add}}); err == nil {
		t.Error("growth is derived in a Solow scenario: no error")
	}
}
