package model_test

import (
	"fmt"

	"simulate/model"
)

// A two-year span after a base year of 1000 亿元: growth and its split in
// shares of growth, with φ, π and θ saying which part of each contribution
// is the industrial internet's. Evaluate fills the results; rates and
// shares are fractions.
func ExampleEvaluate() {
	in := model.NewInputs(2018, 2) // projects 2019 and 2020
	in.BaseGDP = 1000
	for i := range in.Len() {
		in.Growth[i] = 0.06                               // g: 6 %
		in.LaborShare[i], in.CapitalShare[i] = 0.05, 0.45 // σ_L, σ_K: TFP gets the rest, 50 %
		in.ICTShare[i], in.PrivateIIShare[i] = 0.15, 0.3  // φ, π
		in.TFPII[model.TechnicalProgress][i] = 0.2        // θ_TP
		in.TFPII[model.AllocativeEfficiency][i] = 0.2     // θ_AE
	}
	var res model.Results
	model.Evaluate(&res, in)
	for _, y := range res.Years {
		fmt.Printf("%d: GDP %.1f, TFP contributes %.1f pp, II %.3f 亿元 (%.1f %% of growth)\n",
			y.Year, y.GDP, 100*y.Contribution[model.TFP], y.II, 100*y.IIShare)
	}
	fmt.Printf("period: II %.3f of ΔY %.1f 亿元\n", res.Totals.II, res.Totals.DeltaGDP)
	// Output:
	// 2019: GDP 1060.0, TFP contributes 3.0 pp, II 4.215 亿元 (7.0 % of growth)
	// 2020: GDP 1123.6, TFP contributes 3.0 pp, II 4.468 亿元 (7.0 % of growth)
	// period: II 8.683 of ΔY 123.6 亿元
}

// Changing inputs by key path, in the units of scenario files: Lookup
// returns a reference, and a Binding applies values to a list of targets
// again and again from a base, as the sensitivity tools do.
func ExampleBind() {
	base := model.NewInputs(2018, 2)
	base.BaseGDP = 1000
	for i := range base.Len() {
		base.Growth[i] = 0.06
		base.LaborShare[i], base.CapitalShare[i] = 0.05, 0.45
		base.ICTShare[i], base.PrivateIIShare[i] = 0.15, 0.3
	}
	b, err := model.Bind(base, []model.Target{
		{Path: "gdp.growth_pct", Mode: model.Add},                // pp added to every year
		{Path: "tfp.weight.technical_progress", Mode: model.Set}, // the other weights rescale
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	b.Apply([]float64{-1, 0.4})
	in := b.Inputs()
	fmt.Printf("growth %.2f %%, weights %.1f\n", 100*in.Growth[0], in.Weight)

	_, err = model.Lookup(base, "gdp.growth_pct[2030]")
	fmt.Println(err)
	// Output:
	// growth 5.00 %, weights [0.4 0.2 0.2 0.2]
	// model: "gdp.growth_pct[2030]": year 2030 is outside 2019–2020, the years of gdp.growth_pct
}
