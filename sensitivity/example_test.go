package sensitivity_test

import (
	"fmt"

	"simulate/model"
	"simulate/sensitivity"
)

// An evaluator runs the model again and again with a few inputs changed,
// each time from the base, without allocating: here φ is set and growth
// shifted by a number of percentage points, as a sweep, a tornado diagram
// or a Monte Carlo draw does.
func ExampleEvaluator() {
	base := model.NewInputs(2018, 2)
	base.BaseGDP = 1000
	for i := range base.Len() {
		base.Growth[i] = 0.06
		base.LaborShare[i], base.CapitalShare[i] = 0.05, 0.45
		base.ICTShare[i], base.PrivateIIShare[i] = 0.15, 0.3
		base.TFPII[model.TechnicalProgress][i] = 0.2
	}
	c, err := sensitivity.ParseChange("gdp.growth_pct+-1") // or build the model.Target
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, err := sensitivity.NewEvaluator(base, []model.Target{
		{Path: "capital.ict_share", Mode: model.Set},
		c.Target,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range [][]float64{{0.15, 0}, {0.25, 0}, {0.15, c.Value}} {
		res := ev.Eval(x)
		fmt.Printf("φ = %.2f, growth %+.0f pp: II %.3f 亿元 over %d–%d\n",
			x[0], x[1], res.Totals.II, res.Years[0].Year, res.Years[len(res.Years)-1].Year)
	}
	// Output:
	// φ = 0.15, growth +0 pp: II 5.593 亿元 over 2019–2020
	// φ = 0.25, growth +0 pp: II 7.261 亿元 over 2019–2020
	// φ = 0.15, growth -1 pp: II 4.638 亿元 over 2019–2020
}
